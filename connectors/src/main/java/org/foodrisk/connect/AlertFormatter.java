package org.foodrisk.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.foodrisk.encode.ChatMarkdown;

/**
 * Chat-robot bodies of an alert (企业微信 / 钉钉 markdown). Every value taken from the alert —
 * names, headline parts, units, task titles, actions — goes through {@link ChatMarkdown#text}, so a
 * business name cannot add links, headings, {@code <font>} or mentions to the message (issue 14).
 */
final class AlertFormatter {

    /** 企业微信 markdown content is limited to 4096 bytes, 钉钉 to about 5000 characters. */
    static final int WECOM_MAX_BYTES = 4096;
    static final int DINGTALK_MAX_CHARS = 4800;

    private static final Map<String, String> LEVEL_NAMES =
            Map.of("RED", "红色", "ORANGE", "橙色", "YELLOW", "黄色", "BLUE", "蓝色");
    private static final Map<String, String> WECOM_COLOURS =
            Map.of("RED", "warning", "ORANGE", "warning", "YELLOW", "comment", "BLUE", "info");
    private static final Map<String, String> DINGTALK_COLOURS =
            Map.of("RED", "#FF0000", "ORANGE", "#FF8C00", "YELLOW", "#DAA520", "BLUE", "#1E90FF");

    private AlertFormatter() {
    }

    static String levelName(JsonNode alert) {
        String name = text(alert, "levelName");
        return name != null ? name : LEVEL_NAMES.getOrDefault(text(alert, "level"), text(alert, "level"));
    }

    /** The title line, e.g. 【橙色预警】武清区 食用农产品 腐霉利. */
    static String title(JsonNode alert) {
        StringBuilder t = new StringBuilder("【").append(levelName(alert)).append("预警】");
        for (String f : new String[] {"districtName", "foodCategory", "hazard"}) {
            String v = text(alert, f);
            if (v != null) {
                t.append(v).append(' ');
            }
        }
        return t.toString().strip();
    }

    /** The markdown body shared by both robots; {@code colourStart/End} wrap the heading. */
    static String markdown(JsonNode alert, String colourStart, String colourEnd, String detailUrl) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(colourStart).append("食品安全风险预警 · ").append(ChatMarkdown.text(levelName(alert)))
                .append(colourEnd)
                .append("\n");
        line(md, "预警编号", text(alert, "alertId") + (alert.hasNonNull("version") ? "（第" + alert.get("version").asText() + "版）" : ""));
        line(md, "状态", text(alert, "status"));
        line(md, "类型", text(alert, "kind"));
        String district = text(alert, "districtName");
        String code = text(alert, "districtCode");
        line(md, "区域", district != null && code != null ? district + "（" + code + "）" : district != null ? district : code);
        line(md, "食品类别", text(alert, "foodCategory"));
        line(md, "危害因素", text(alert, "hazard"));
        JsonNode ent = alert.path("enterprise");
        line(md, "涉及单位", ent.isObject() ? text(ent, "name") : ent.isTextual() ? ent.asText() : null);
        JsonNode w = alert.path("window");
        if (w.isObject()) {
            line(md, "时间窗", text(w, "start") + " ~ " + text(w, "end"));
        }
        JsonNode d = alert.path("detector");
        if (d.isObject() && d.hasNonNull("name")) {
            StringBuilder s = new StringBuilder(d.get("name").asText());
            if (d.hasNonNull("observed")) {
                s.append(" 观测 ").append(d.get("observed").asText());
            }
            if (d.hasNonNull("expected")) {
                s.append(" / 期望 ").append(d.get("expected").asText());
            }
            if (d.hasNonNull("threshold")) {
                s.append("（阈值 ").append(d.get("threshold").asText()).append("）");
            }
            line(md, "检测方法", s.toString());
        }
        line(md, "首次发现", text(alert, "firstDetectedAt"));
        line(md, "更新时间", text(alert, "updatedAt"));
        JsonNode tasks = alert.path("planTasks");
        if (tasks.isArray() && !tasks.isEmpty()) {
            md.append("\n**责任任务**\n");
            for (JsonNode t : tasks) {
                md.append("- ").append(ChatMarkdown.text(text(t, "plan"))).append(ChatMarkdown.text(text(t, "number")))
                        .append(ChatMarkdown.text(text(t, "title")));
                String lead = join(t.path("leadUnits"));
                String co = join(t.path("coUnits"));
                if (!lead.isEmpty()) {
                    md.append("：牵头 ").append(lead);
                }
                if (!co.isEmpty()) {
                    md.append("；配合 ").append(co);
                }
                md.append("\n");
            }
        }
        JsonNode actions = alert.path("recommendedActions");
        if (actions.isArray() && !actions.isEmpty()) {
            md.append("\n**建议措施**\n");
            int i = 1;
            for (JsonNode a : actions) {
                md.append(i++).append(". ").append(ChatMarkdown.text(a.asText())).append("\n");
            }
        }
        if (detailUrl != null) {
            md.append("\n[查看详情](").append(detailUrl).append(")\n");
        }
        return md.toString();
    }

    static ObjectNode wecom(JsonNode alert, String detailUrl) {
        String colour = WECOM_COLOURS.getOrDefault(text(alert, "level"), "warning");
        String content = truncateBytes(markdown(alert, "<font color=\"" + colour + "\">", "</font>", detailUrl),
                WECOM_MAX_BYTES);
        ObjectNode body = DeadLetters.JSON.createObjectNode();
        body.put("msgtype", "markdown");
        body.putObject("markdown").put("content", content);
        return body;
    }

    static ObjectNode dingtalk(JsonNode alert, String detailUrl) {
        String colour = DINGTALK_COLOURS.getOrDefault(text(alert, "level"), "#FF0000");
        String text = markdown(alert, "<font color=" + colour + ">", "</font>", detailUrl);
        if (text.length() > DINGTALK_MAX_CHARS) {
            text = text.substring(0, DINGTALK_MAX_CHARS - 1) + "…";
        }
        ObjectNode body = DeadLetters.JSON.createObjectNode();
        body.put("msgtype", "markdown");
        ObjectNode md = body.putObject("markdown");
        md.put("title", title(alert));
        md.put("text", text);
        return body;
    }

    static String truncateBytes(String s, int maxBytes) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= maxBytes) {
            return s;
        }
        String ellipsis = "\n…";
        int budget = maxBytes - ellipsis.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + n > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += n;
            i += Character.charCount(cp);
        }
        return out.append(ellipsis).toString();
    }

    private static void line(StringBuilder md, String label, String value) {
        if (value != null && !value.isBlank() && !"null".equals(value)) {
            md.append("> ").append(label).append("：").append(ChatMarkdown.text(value)).append("\n");
        }
    }

    private static String join(JsonNode array) {
        if (!array.isArray()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (JsonNode n : array) {
            if (s.length() > 0) {
                s.append("、");
            }
            s.append(ChatMarkdown.text(n.asText()));
        }
        return s.toString();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
