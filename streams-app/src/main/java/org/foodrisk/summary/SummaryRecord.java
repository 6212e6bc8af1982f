package org.foodrisk.summary;

import org.foodrisk.reference.Period;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.alert.AlertBounds;
import org.foodrisk.detect.AlertLevel;
import org.foodrisk.kafka.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;

/**
 * A summary as it is written to foodrisk.risk-summaries.v1: the {@link RiskSummary} fields as the API
 * answers them, plus the contract's names for the same figures ({@code periodType}, {@code from},
 * {@code to}, {@code alertsByLevel} …, {@code openAlerts}, {@code generatedAt}) — the topic's schema
 * promises those and the summary did not carry them — and kept within a size the topic takes.
 *
 * <p>Why a size bound (issue 14): a summary lists every open alert of a district by unit, so a flood
 * of alerts (or an attack on an input topic) can make it larger than the topic's 1 MiB. The producer
 * then refuses it, and a refused summary used to be retried every minute for ever, holding back every
 * later period. Here it is cut instead, saying what was left out: the open-alert lists keep their
 * first entries per unit ({@code openByUnitOmitted} counts the rest), then the markdown is cut at a
 * paragraph with a line saying so. The counts are never cut.
 */
public final class SummaryRecord {

    /** Same guard as an alert's: three quarters of the topic's limit, room for key and headers. */
    public static final int MAX_BYTES = AlertBounds.MAX_ALERT_BYTES;
    /** The topic schema's {@code markdown.maxLength}. */
    static final int MAX_MARKDOWN_CHARS = 500_000;
    /** With seconds always written: {@code OffsetDateTime.toString()} drops ":00", which RFC 3339 requires. */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    static final String MARKDOWN_CUT_NOTE = "\n\n（正文过长，以下从略；完整内容请在系统中查看本期摘要。）\n";

    private SummaryRecord() {
    }

    /** The value to publish, at most {@code maxBytes} of UTF-8 JSON. */
    public static String json(RiskSummary summary, ZoneId zone, Instant generatedAt, int maxBytes) {
        ObjectNode record = contractFields(summary, zone, generatedAt);
        if (fits(record, maxBytes)) {
            return write(record);
        }
        // Halve the entries kept per unit until it fits; at 0 only the counts are left.
        int keep = longestOpenList(summary);
        while (keep > 0) {
            keep /= 2;
            ObjectNode cut = record.deepCopy();
            cutOpenLists(cut, keep);
            if (fits(cut, maxBytes)) {
                return write(cut);
            }
            if (keep == 0) {
                record = cut;
            }
        }
        cutMarkdown(record, maxBytes);
        return write(record);
    }

    /**
     * The value of a city's (or region's) summary on foodrisk.city-summaries.v1: the API's JSON and
     * {@code generatedAt}, at most {@code maxBytes} (the markdown cut at a line break, saying so, if it must be).
     */
    public static String json(CitySummary summary, ZoneId zone, Instant generatedAt, int maxBytes) {
        ObjectNode record = Json.MAPPER.valueToTree(summary);
        record.put("generatedAt", RFC_3339.format(generatedAt.atZone(zone)));
        if (!fits(record, maxBytes)) {
            cutMarkdown(record, maxBytes);
        }
        return write(record);
    }

    static ObjectNode contractFields(RiskSummary summary, ZoneId zone, Instant generatedAt) {
        ObjectNode record = Json.MAPPER.valueToTree(summary);
        Period period = Period.parse(summary.period());
        record.put("periodType", period.id().contains("-W") ? "week" : "month");
        record.put("from", RFC_3339.format(period.first().atStartOfDay(zone)));
        record.put("to", RFC_3339.format(period.last().plusDays(1).atStartOfDay(zone)));
        record.set("alertsByLevel", Json.MAPPER.valueToTree(byLevelCode(summary.byLevel())));
        record.set("alertsByKind", Json.MAPPER.valueToTree(summary.byKind()));
        record.set("alertsByCategory", Json.MAPPER.valueToTree(summary.byCategory()));
        record.set("alertsByUnit", Json.MAPPER.valueToTree(summary.byUnit()));
        record.put("openAlerts", distinctOpen(summary));
        record.put("generatedAt", RFC_3339.format(generatedAt.atZone(zone)));
        return record;
    }

    /** The contract counts levels by their codes (RED …); the summary by their names (红色 …). */
    private static Map<String, Integer> byLevelCode(Map<String, Integer> byLevelName) {
        Map<String, Integer> byCode = new LinkedHashMap<>();
        for (AlertLevel level : AlertLevel.values()) {
            Integer count = byLevelName == null ? null : byLevelName.get(level.levelName());
            if (count != null) {
                byCode.put(level.name(), count);
            }
        }
        return byCode;
    }

    /** An alert with several responsible units is listed under each: count it once. */
    private static int distinctOpen(RiskSummary summary) {
        Set<String> open = new LinkedHashSet<>();
        if (summary.openByUnit() != null) {
            summary.openByUnit().values().forEach(open::addAll);
        }
        return open.size();
    }

    private static int longestOpenList(RiskSummary summary) {
        return summary.openByUnit() == null ? 0
                : summary.openByUnit().values().stream().mapToInt(List::size).max().orElse(0);
    }

    private static void cutOpenLists(ObjectNode record, int keep) {
        JsonNode lists = record.path("openByUnit");
        ObjectNode omitted = Json.MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> units = lists.fields(); units.hasNext(); ) {
            Map.Entry<String, JsonNode> unit = units.next();
            ArrayNode list = (ArrayNode) unit.getValue();
            if (list.size() > keep) {
                omitted.put(unit.getKey(), list.size() - keep);
                while (list.size() > keep) {
                    list.remove(list.size() - 1);
                }
            }
        }
        record.set("openByUnitOmitted", omitted);
    }

    /** Cuts the markdown at a line break so that the record fits, and says it was cut. */
    private static void cutMarkdown(ObjectNode record, int maxBytes) {
        String markdown = record.path("markdown").asText("");
        record.put("markdown", "");
        int room = maxBytes - size(record) - MARKDOWN_CUT_NOTE.getBytes(StandardCharsets.UTF_8).length * 2 - 64;
        // A character is at most 3 bytes in UTF-8 here (BMP text) and may be escaped by JSON to 6:
        // measure rather than guess, shrinking by a quarter until it fits.
        int chars = Math.min(markdown.length(), Math.min(MAX_MARKDOWN_CHARS - MARKDOWN_CUT_NOTE.length(), Math.max(room, 0)));
        while (true) {
            int end = markdown.lastIndexOf('\n', chars);
            String kept = markdown.substring(0, end > 0 ? end : chars) + MARKDOWN_CUT_NOTE;
            record.put("markdown", kept);
            if (fits(record, maxBytes) || chars == 0) {
                return;
            }
            chars = chars * 3 / 4;
        }
    }

    private static boolean fits(ObjectNode record, int maxBytes) {
        return record.path("markdown").asText("").length() <= MAX_MARKDOWN_CHARS && size(record) <= maxBytes;
    }

    private static int size(ObjectNode record) {
        return write(record).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String write(ObjectNode record) {
        try {
            return Json.MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary tree is always writable", e);
        }
    }
}
