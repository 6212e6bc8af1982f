package org.foodrisk.summary;

/**
 * A printable page of a summary: the markdown, rendered simply (headings, lists, tables, bold)
 * on A4-friendly CSS. Only the summary's own text goes in, HTML-escaped first.
 */
public final class SummaryHtml {

    private SummaryHtml() {
    }

    public static String render(RiskSummary summary) {
        StringBuilder body = new StringBuilder();
        boolean inTable = false;
        boolean inList = false;
        for (String raw : summary.markdown().split("\n")) {
            String line = inline(escape(raw));
            if (raw.startsWith("|")) {
                if (raw.matches("\\|[-:| ]+\\|")) {
                    continue;
                }
                if (!inTable) {
                    body.append("<table>");
                    inTable = true;
                }
                body.append("<tr>");
                for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
                    body.append("<td>").append(cell.strip()).append("</td>");
                }
                body.append("</tr>\n");
                continue;
            }
            if (inTable) {
                body.append("</table>\n");
                inTable = false;
            }
            boolean item = raw.matches("\\s*(-|\\d+\\.) .*");
            if (item && !inList) {
                body.append("<ul>");
                inList = true;
            } else if (!item && inList) {
                body.append("</ul>\n");
                inList = false;
            }
            if (raw.startsWith("# ")) {
                body.append("<h1>").append(line.substring(2)).append("</h1>\n");
            } else if (raw.startsWith("## ")) {
                body.append("<h2>").append(line.substring(3)).append("</h2>\n");
            } else if (item) {
                body.append("<li").append(raw.startsWith(" ") ? " class=\"sub\"" : "").append(">")
                        .append(line.replaceFirst("^\\s*(-|\\d+\\.) ", "")).append("</li>\n");
            } else if (!raw.isBlank()) {
                body.append("<p>").append(line).append("</p>\n");
            }
        }
        if (inTable) {
            body.append("</table>\n");
        }
        if (inList) {
            body.append("</ul>\n");
        }
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
                + escape(summary.districtName() + " " + summary.period()) + " 会商摘要</title><style>"
                + "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:190mm;margin:auto;line-height:1.6}"
                + "table{border-collapse:collapse;margin:8px 0}td{border:1px solid #999;padding:2px 8px}"
                + "li.sub{margin-left:2em;font-size:.92em}@media print{body{margin:10mm}}</style></head><body>\n"
                + body + "</body></html>\n";
    }

    private static String inline(String text) {
        return text.replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
