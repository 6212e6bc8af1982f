package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.foodrisk.exchange.ExchangeSettings;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.testsupport.TestJson;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 京津冀 预警交流 (issue 20) in the topology: the office shares an alert, and that version and every later one go to
 * foodrisk.alert-exchange.v1 (in the alert's own transaction), nothing of an alert not shared; only the office shares,
 * and once. On the receiving side, what a partner's MirrorMaker 2 wrote to {@code <alias>.foodrisk.alert-exchange.v1}
 * comes out on foodrisk.received-alerts.v1 marked with the alias, each version once and never an older one after a
 * newer; what is not the contract's is a dead letter naming the mirrored topic. Only configured partners are read.
 */
class AlertExchangeTopologyTest {

    private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");

    private TopologyTestDriver driver;
    private TestOutputTopic<String, String> alerts;
    private TestOutputTopic<String, String> exchange;
    private TestOutputTopic<String, String> received;
    private TestOutputTopic<String, String> deadLetters;
    private TestInputTopic<String, String> actions;

    @BeforeEach
    void start() {
        driver = Drivers.topology("exchange-test", START, PlanCatalog.bundled(), TopologySettings.defaults()
                .with(new ExchangeSettings("天津市", List.of("beijing", "hebei"))));
        alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText());
        exchange = TestTopics.output(driver, TypedTopics.ALERT_EXCHANGE.asText());
        received = TestTopics.output(driver, TypedTopics.RECEIVED_ALERTS.asText());
        deadLetters = TestTopics.output(driver, DeadLetterTopic.DEAD_LETTERS.asText());
        actions = TestTopics.input(driver, TypedTopics.ALERT_ACTIONS.asText());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private String raiseAlert(String sampleId) {
        TestInputTopic<byte[], byte[]> sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS);
        sampling.pipeInput(sampleId.getBytes(StandardCharsets.UTF_8), Samples.clenbuterolPork(sampleId,
                "2024-05-30T09:30:00+08:00").toString().getBytes(StandardCharsets.UTF_8), START);
        return TestJson.parse(alerts.readValue()).path("alertId").asText();
    }

    private void act(String alertId, String action, String unit, String note) {
        actions.pipeInput(alertId, """
                {"alertId":"%s","action":"%s","by":"wq-office","unit":"%s","at":"2024-06-01T10:00:00+08:00","note":"%s"}
                """.formatted(alertId, action, unit, note), START.plusSeconds(60));
    }

    private List<String> refusals() {
        return deadLetters.readRecordsToList().stream().map(r -> TestJson.parse(r.value()).path("reason").asText()).toList();
    }

    @Test
    void aSharedAlertGoesToTheExchangeTopicWithEveryLaterVersionAndNothingBefore() {
        String alertId = raiseAlert("EX-1");
        assertTrue(exchange.isEmpty(), "an alert nobody shared stays home");

        act(alertId, "share", "区食安办", "涉事猪肉来自外省屠宰场，请关注同批次产品。");
        JsonNode shared = TestJson.parse(alerts.readValue());
        assertEquals(2, shared.path("version").asInt());
        assertEquals("wq-office", shared.path("handling").path("shared").path("by").asText());
        TestRecord<String, String> sent = exchange.readRecord();
        assertEquals(alertId, sent.key());
        JsonNode value = TestJson.parse(sent.value());
        assertEquals("天津市", value.path("originRegion").asText());
        assertEquals(2, value.path("alert").path("version").asInt());
        assertEquals("wq-office", value.path("sharedBy").asText());
        assertEquals("区食安办", value.path("sharedUnit").asText());
        assertEquals("涉事猪肉来自外省屠宰场，请关注同批次产品。", value.path("note").asText());

        act(alertId, "acknowledge", "区市场监管局", "已安排核查");
        assertEquals(3, TestJson.parse(alerts.readValue()).path("version").asInt());
        JsonNode later = TestJson.parse(exchange.readValue());
        assertEquals(3, later.path("alert").path("version").asInt(), "later versions follow the shared alert");
        assertEquals("处置中", later.path("alert").path("status").asText());
        assertEquals("wq-office", later.path("sharedBy").asText(), "still who shared it, not who acted last");
        assertTrue(exchange.isEmpty());
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void onlyTheOfficeSharesAndOnlyOnce() {
        String alertId = raiseAlert("EX-2");
        act(alertId, "share", "区市场监管局", "");
        assertTrue(alerts.isEmpty());
        assertEquals(List.of("only the food-safety office shares an alert with partner regions, not 区市场监管局"), refusals());

        act(alertId, "share", "区食安办", "");
        alerts.readValue();
        exchange.readValue();
        act(alertId, "share", "区食安办", "again");
        assertTrue(alerts.isEmpty(), "a second share is no new version");
        assertTrue(exchange.isEmpty(), "nor a second exchange record");
        assertTrue(refusals().get(0).startsWith("alert " + alertId + " is already shared (by wq-office"));
    }

    private TestInputTopic<String, String> mirrored(String alias) {
        return TestTopics.input(driver, new Topic<>(alias + "." + Topics.ALERT_EXCHANGE,
                TypedTopics.ALERT_EXCHANGE.keySerde(), TypedTopics.ALERT_EXCHANGE.asText().valueSerde()));
    }

    private static String sent(String alertId, int version, String status) {
        ObjectNode alert = (ObjectNode) TestJson.parse("""
                {"alertId":"%s","version":%d,"status":"%s","level":"RED","levelName":"红色","kind":"sampling.banned-substance",
                 "headline":"北京市朝阳区猪肉检出克伦特罗","districtCode":"110105","districtName":"朝阳区","foodCategory":"畜禽肉及副产品",
                 "firstDetectedAt":"2024-06-01T08:00:00+08:00","updatedAt":"2024-06-01T09:00:00+08:00"}
                """.formatted(alertId, version, status));
        return """
                {"originRegion":"北京市","alert":%s,"sharedBy":"bj-office","sharedUnit":"区食安办",
                 "sharedAt":"2024-06-01T09:00:00+08:00","note":"涉事批次已销往天津"}
                """.formatted(alert);
    }

    @Test
    void aPartnersAlertIsReceivedMarkedWithItsOriginEachVersionOnce() {
        TestInputTopic<String, String> beijing = mirrored("beijing");
        beijing.pipeInput("BJ-1", sent("BJ-1", 1, "待处置"), START);
        TestRecord<String, String> first = received.readRecord();
        assertEquals("beijing/BJ-1", first.key());
        JsonNode value = TestJson.parse(first.value());
        assertEquals("beijing", value.path("origin").asText());
        assertEquals("北京市", value.path("originRegion").asText());
        assertEquals("北京市朝阳区猪肉检出克伦特罗", value.path("alert").path("headline").asText());
        assertEquals("涉事批次已销往天津", value.path("note").asText());
        assertTrue(value.hasNonNull("receivedAt"));

        beijing.pipeInput("BJ-1", sent("BJ-1", 1, "待处置"), START.plusSeconds(5));
        assertTrue(received.isEmpty(), "a version mirrored twice is received once");
        beijing.pipeInput("BJ-1", sent("BJ-1", 3, "已办结"), START.plusSeconds(6));
        beijing.pipeInput("BJ-1", sent("BJ-1", 2, "处置中"), START.plusSeconds(7));
        List<TestRecord<String, String>> next = received.readRecordsToList();
        assertEquals(1, next.size(), "an older version after a newer one is not repeated");
        assertEquals(3, TestJson.parse(next.get(0).value()).path("alert").path("version").asInt());

        // The same alert id from another partner is another alert: the origin is part of the identity.
        mirrored("hebei").pipeInput("BJ-1", sent("BJ-1", 1, "待处置").replace("北京市", "河北省"), START.plusSeconds(8));
        JsonNode hebei = TestJson.parse(received.readValue());
        assertEquals("hebei", hebei.path("origin").asText());
        assertEquals("河北省", hebei.path("originRegion").asText());
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void withoutPartnersNothingIsReadAndAPartnerIsAMirrorMakerAlias() {
        String described = FoodRiskTopology.build(TopologySettings.defaults(), PlanCatalog.bundled()).describe().toString();
        assertTrue(described.contains("sink-alert-exchange"), "every deployment can share");
        assertTrue(!described.contains("source-received-exchange"), "none receives unless partners are named");
        String withPartner = FoodRiskTopology.build(TopologySettings.defaults().with(new ExchangeSettings("天津市",
                List.of("beijing"))), PlanCatalog.bundled()).describe().toString();
        assertTrue(withPartner.contains("Source: source-received-exchange (topics: [beijing.foodrisk.alert-exchange.v1])"),
                withPartner);
        assertThrows(IllegalArgumentException.class, () -> new ExchangeSettings("天津市", List.of("bei.jing")),
                "a dot would make the origin ambiguous");
    }

    @Test
    void whatIsNotTheContractsIsADeadLetterNamingTheMirroredTopic() {
        TestInputTopic<String, String> beijing = mirrored("beijing");
        beijing.pipeInput("BJ-2", "{\"originRegion\":\"北京市\"}", START);
        beijing.pipeInput("BJ-3", sent("BJ-4", 1, "待处置"), START);
        beijing.pipeInput("BJ-5", "not json", START);
        assertTrue(received.isEmpty());
        List<JsonNode> letters = deadLetters.readRecordsToList().stream().map(r -> TestJson.parse(r.value())).toList();
        assertEquals(List.of("schema", "key-mismatch", "invalid-json"),
                letters.stream().map(l -> l.path("error").asText()).toList());
        letters.forEach(l -> assertEquals("beijing." + Topics.ALERT_EXCHANGE, l.path("sourceTopic").asText()));
        assertTrue(letters.get(0).path("reason").asText().contains("alert"), letters.get(0).path("reason").asText());
        assertEquals("record key 'BJ-3' is not its alert's alertId 'BJ-4'", letters.get(1).path("reason").asText());
    }
}
