package org.foodrisk.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schemas say what the contract README says, and the validator reports it precisely. */
class ContractSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<TopicSpec> contractTopics() {
        return TopicCatalogue.load().stream().filter(TopicSpec::contract);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractTopics")
    void everyExampleInTheSchemaIsValid(TopicSpec spec) throws IOException {
        JsonNode examples = schemaOf(spec).get("examples");
        assertTrue(examples != null && examples.isArray() && !examples.isEmpty(), "schema has examples");
        for (JsonNode example : examples) {
            assertEquals(List.of(), ContractValidator.forTopic(spec.name()).validate(example));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractTopics")
    void schemaIsDraft2020WithTitleAndDescriptions(TopicSpec spec) throws IOException {
        JsonNode schema = schemaOf(spec);
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertFalse(schema.path("title").asText().isBlank());
        assertFalse(schema.path("description").asText().isBlank());
        schema.path("properties").fields().forEachRemaining(field -> assertFalse(
                field.getValue().path("description").asText().isBlank(), field.getKey() + " has a description"));
    }

    /** One invalid record: the topic, how to break the schema's example, and what the error must say. */
    record Broken(String topic, String what, Consumer<ObjectNode> breakIt, String expectedError) {
        @Override
        public String toString() {
            return topic.replace("foodrisk.", "") + ": " + what;
        }
    }

    static Stream<Broken> brokenRecords() {
        return Stream.of(
                new Broken(Topics.SAMPLING_RESULTS, "missing sampleId", r -> r.remove("sampleId"),
                        "$: required property 'sampleId' not found"),
                new Broken(Topics.SAMPLING_RESULTS, "bad verdict", r -> r.put("verdict", "基本合格"),
                        "$.verdict: does not have a value in the enumeration [\"合格\", \"不合格\"]"),
                new Broken(Topics.SAMPLING_RESULTS, "不合格 with empty items", r -> r.putArray("items"),
                        "$.items: must have at least 1 items but found 0"),
                new Broken(Topics.SAMPLING_RESULTS, "missing items", r -> r.remove("items"),
                        "$: required property 'items' not found"),
                new Broken(Topics.SAMPLING_RESULTS, "time without offset", r -> r.put("sampledAt", "2024-05-06T09:30:00"),
                        "$.sampledAt: does not match the date-time pattern"),
                new Broken(Topics.SAMPLING_RESULTS, "impossible date", r -> r.put("sampledAt", "2024-13-40T09:30:00+08:00"),
                        "$.sampledAt: does not match the date-time pattern"),
                new Broken(Topics.SAMPLING_RESULTS, "district code of 5 digits", r -> r.put("districtCode", "12011"),
                        "$.districtCode: does not match the regex pattern ^[0-9]{6}$"),
                new Broken(Topics.SAMPLING_RESULTS, "neither district field", r -> r.without(List.of("districtCode", "districtName")),
                        "$: at least one of districtCode, districtName is required"),
                new Broken(Topics.SAMPLING_RESULTS, "district name empty and no code",
                        r -> r.put("districtName", "").remove("districtCode"),
                        "$: at least one of districtCode, districtName is required"),
                new Broken(Topics.SAMPLING_RESULTS, "unknown program", r -> r.put("program", "国家抽检"),
                        "$.program: does not have a value in the enumeration"),
                new Broken(Topics.SAMPLING_RESULTS, "unknown stage", r -> r.put("stage", "运输"),
                        "$.stage: does not have a value in the enumeration"),
                new Broken(Topics.SAMPLING_RESULTS, "unknown hazard class", r -> ((ObjectNode) r.get("items").get(0)).put("hazardClass", "农残"),
                        "$.items[0].hazardClass: does not have a value in the enumeration"),
                new Broken(Topics.SAMPLING_RESULTS, "item without its name", r -> ((ObjectNode) r.get("items").get(0)).remove("item"),
                        "$.items[0]: required property 'item' not found"),
                new Broken(Topics.SAMPLING_RESULTS, "501 items", r -> fill(r.putArray("items"), 501),
                        "$.items: must have at most 500 items but found 501"),
                new Broken(Topics.SAMPLING_RESULTS, "id of 129 characters", r -> r.put("sampleId", "x".repeat(129)),
                        "$.sampleId: must be at most 128 characters long"),
                new Broken(Topics.SAMPLING_RESULTS, "id of the wrong type", r -> r.put("sampleId", 42),
                        "$.sampleId: integer found, string expected"),
                new Broken(Topics.ILLNESS_REPORTS, "missing onsetAt", r -> r.remove("onsetAt"),
                        "$: required property 'onsetAt' not found"),
                new Broken(Topics.ILLNESS_REPORTS, "neither district field", r -> r.without(List.of("districtCode", "districtName")),
                        "$: at least one of districtCode, districtName is required"),
                new Broken(Topics.ILLNESS_REPORTS, "negative age", r -> r.put("age", -1),
                        "$.age: must have a minimum value of 0"),
                new Broken(Topics.ILLNESS_REPORTS, "51 symptoms", r -> fillText(r.putArray("symptoms"), 51),
                        "$.symptoms: must have at most 50 items but found 51"),
                new Broken(Topics.ILLNESS_REPORTS, "symptoms as a string", r -> r.put("symptoms", "腹泻"),
                        "$.symptoms: string found, array expected"),
                new Broken(Topics.COMPLAINTS, "unknown channel", r -> r.put("channel", "电话"),
                        "$.channel: does not have a value in the enumeration"),
                new Broken(Topics.COMPLAINTS, "unknown issue type", r -> r.put("issueType", "太贵"),
                        "$.issueType: does not have a value in the enumeration"),
                new Broken(Topics.COMPLAINTS, "text over 20000 characters", r -> r.put("text", "字".repeat(20_001)),
                        "$.text: must be at most 20000 characters long"),
                new Broken(Topics.COMPLAINTS, "missing text", r -> r.remove("text"),
                        "$: required property 'text' not found"),
                new Broken(Topics.OPINION_SIGNALS, "sentiment 2", r -> r.put("sentiment", 2),
                        "$.sentiment: must have a maximum value of 1"),
                new Broken(Topics.OPINION_SIGNALS, "sentiment -1.5", r -> r.put("sentiment", -1.5),
                        "$.sentiment: must have a minimum value of -1"),
                new Broken(Topics.OPINION_SIGNALS, "negative reach", r -> r.put("reach", -5),
                        "$.reach: must have a minimum value of 0"),
                new Broken(Topics.OPINION_SIGNALS, "fractional reposts", r -> r.put("reposts", 1.5),
                        "$.reposts: number found, [integer, null] expected"),
                new Broken(Topics.OPINION_SIGNALS, "unknown source", r -> r.put("source", "小红书"),
                        "$.source: does not have a value in the enumeration"),
                new Broken(Topics.ALERTS, "unknown level", r -> r.put("level", "PURPLE"),
                        "$.level: does not have a value in the enumeration"),
                new Broken(Topics.ALERTS, "level name that contradicts the level", r -> r.put("level", "RED").put("levelName", "蓝色"),
                        "$.levelName: does not have a value in the enumeration [\"红色\", null]"),
                new Broken(Topics.ALERTS, "unknown status", r -> r.put("status", "已关闭"),
                        "$.status: does not have a value in the enumeration"),
                new Broken(Topics.ALERTS, "version 0", r -> r.put("version", 0),
                        "$.version: must have a minimum value of 1"),
                new Broken(Topics.ALERTS, "unknown evidence signal", r -> ((ObjectNode) r.get("evidence").get(1)).put("signal", "weather"),
                        "$.evidence[1].signal: does not have a value in the enumeration"),
                new Broken(Topics.ALERT_ACTIONS, "unknown action", r -> r.put("action", "delete"),
                        "$.action: does not have a value in the enumeration"),
                new Broken(Topics.ALERT_ACTIONS, "time without offset", r -> r.put("at", "2024-05-17 15:00:00"),
                        "$.at: does not match the date-time pattern"),
                new Broken(Topics.RISK_SUMMARIES, "missing markdown", r -> r.remove("markdown"),
                        "$: required property 'markdown' not found"),
                new Broken(Topics.RISK_SUMMARIES, "negative count", r -> ((ObjectNode) r.get("alertsByLevel")).put("RED", -1),
                        "$.alertsByLevel.RED: must have a minimum value of 0"),
                new Broken(Topics.DEAD_LETTERS, "missing reason", r -> r.remove("reason"),
                        "$: required property 'reason' not found"),
                new Broken(Topics.DEAD_LETTERS, "negative offset", r -> r.put("offset", -1),
                        "$.offset: must have a minimum value of 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRecords")
    void brokenRecordIsRejectedWithItsPathAndRule(Broken broken) throws IOException {
        ObjectNode record = example(broken.topic());
        broken.breakIt().accept(record);

        List<String> errors = ContractValidator.forTopic(broken.topic()).validate(record);

        assertTrue(errors.stream().anyMatch(error -> error.startsWith(broken.expectedError())),
                "expected an error starting with <" + broken.expectedError() + "> but got " + errors);
    }

    static Stream<Arguments> acceptedVariants() {
        return Stream.of(
                Arguments.of(Topics.SAMPLING_RESULTS, "合格 with no items", (Consumer<ObjectNode>) r -> r.put("verdict", "合格").putArray("items")),
                Arguments.of(Topics.SAMPLING_RESULTS, "only districtName", (Consumer<ObjectNode>) r -> r.remove("districtCode")),
                Arguments.of(Topics.SAMPLING_RESULTS, "only districtCode", (Consumer<ObjectNode>) r -> r.remove("districtName")),
                Arguments.of(Topics.SAMPLING_RESULTS, "UTC time with Z", (Consumer<ObjectNode>) r -> r.put("sampledAt", "2024-05-06T01:30:00Z")),
                Arguments.of(Topics.SAMPLING_RESULTS, "an added optional field", (Consumer<ObjectNode>) r -> r.put("batchNo", "20240501")),
                Arguments.of(Topics.SAMPLING_RESULTS, "optional fields null", (Consumer<ObjectNode>) r -> r.putNull("stage").putNull("town").putNull("enterprise")),
                Arguments.of(Topics.COMPLAINTS, "no district at all", (Consumer<ObjectNode>) r -> r.without(List.of("districtCode", "districtName"))),
                Arguments.of(Topics.OPINION_SIGNALS, "sentiment at the bounds", (Consumer<ObjectNode>) r -> r.put("sentiment", -1)),
                Arguments.of(Topics.ILLNESS_REPORTS, "only required fields", (Consumer<ObjectNode>) r -> r.retain("caseId", "reportingUnit", "onsetAt", "symptoms", "districtName")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("acceptedVariants")
    void validVariantIsAccepted(String topic, String what, Consumer<ObjectNode> change) throws IOException {
        ObjectNode record = example(topic);
        change.accept(record);
        assertEquals(List.of(), ContractValidator.forTopic(topic).validate(record));
    }

    @Test
    void nonObjectValueIsRejected() throws IOException {
        assertEquals(List.of("$: array found, object expected"),
                ContractValidator.forTopic(Topics.COMPLAINTS).validate(JSON.readTree("[1]")));
    }

    @Test
    void absurdlyDeepNestingIsAnErrorNotACrash() throws IOException {
        ObjectNode record = example(Topics.COMPLAINTS);
        record.set("extra", JSON.readTree("[".repeat(600) + "]".repeat(600)));

        List<String> errors = ContractValidator.forTopic(Topics.COMPLAINTS).validate(record);

        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("$: cannot be validated: Document nesting depth"), errors.toString());
    }

    @Test
    void everyViolationIsReported() throws IOException {
        ObjectNode record = example(Topics.SAMPLING_RESULTS);
        record.remove("sampleId");
        record.put("verdict", "?");
        record.put("districtCode", "1");
        assertEquals(3, ContractValidator.forTopic(Topics.SAMPLING_RESULTS).validate(record).size());
    }

    @Test
    void validatorIsCachedPerTopic() {
        assertSame(ContractValidator.forTopic(Topics.ALERTS), ContractValidator.forTopic(Topics.ALERTS));
    }

    @Test
    void validatorGivesTheSameAnswersFromManyThreads() throws IOException {
        ObjectNode valid = example(Topics.SAMPLING_RESULTS);
        ObjectNode invalid = valid.deepCopy().put("verdict", "?");
        ContractValidator validator = ContractValidator.forTopic(Topics.SAMPLING_RESULTS);
        IntStream.range(0, 2_000).parallel().forEach(i -> assertEquals(i % 2 == 0 ? 0 : 1,
                validator.validate(i % 2 == 0 ? valid : invalid).size()));
    }

    @Test
    void topicWithoutSchemaOrOutsideTheCatalogueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ContractValidator.forTopic(Topics.PLAN_CATALOG));
        assertThrows(IllegalArgumentException.class, () -> ContractValidator.forTopic("foodrisk.nope.v1"));
    }

    static JsonNode schemaOf(TopicSpec spec) throws IOException {
        try (InputStream in = ContractSchemaTest.class.getClassLoader().getResourceAsStream(spec.valueSchema())) {
            return JSON.readTree(in);
        }
    }

    private static ObjectNode example(String topic) throws IOException {
        return (ObjectNode) schemaOf(TopicCatalogue.spec(topic)).get("examples").get(0).deepCopy();
    }

    private static void fill(ArrayNode items, int count) {
        for (int i = 0; i < count; i++) {
            items.addObject().put("item", "项目" + i).put("pass", true);
        }
    }

    private static void fillText(ArrayNode array, int count) {
        for (int i = 0; i < count; i++) {
            array.add("症状" + i);
        }
    }
}
