package org.foodrisk.topology;

import org.foodrisk.testsupport.TestJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.alert.Alert;
import org.foodrisk.summary.Accountability;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import org.foodrisk.testsupport.Drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An alert from open to overdue to in progress to closed, on wall-clock punctuation. */
class AlertLifecycleTopologyTest {

    private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");

    private TopologyTestDriver driver;
    private TestOutputTopic<String, String> alerts;
    private TestOutputTopic<String, String> deadLetters;
    private TestInputTopic<String, String> actions;
    private String alertId;

    @BeforeEach
    void start() throws Exception {
        driver = Drivers.topology("lifecycle-test", START);
        alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText());
        deadLetters = TestTopics.output(driver, DeadLetterTopic.DEAD_LETTERS.asText());
        actions = TestTopics.input(driver, TypedTopics.ALERT_ACTIONS.asText());
        TestInputTopic<byte[], byte[]> sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS);
        sampling.pipeInput("L-1".getBytes(StandardCharsets.UTF_8),
                Samples.clenbuterolPork("L-1", "2024-05-30T09:30:00+08:00").toString().getBytes(StandardCharsets.UTF_8), START);
        JsonNode created = TestJson.parse(alerts.readValue());
        alertId = created.path("alertId").asText();
        assertEquals("RED", created.path("level").asText());
        assertEquals("2024-06-02T08:00+08:00",
                created.path("handling").path("deadlines").path("acknowledgeBy").asText().replace(":00+08:00", "+08:00"),
                "RED: 24 h to acknowledge from first detection");
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void act(String action, String unit, String at, String disposition) {
        actions.pipeInput(alertId, """
                {"alertId":"%s","action":"%s","by":"analyst-1","unit":"%s","at":"%s"%s}
                """.formatted(alertId, action, unit, at, disposition == null ? "" : ",\"disposition\":\"" + disposition + "\""));
    }

    @Test
    void openThenOverdueThenAcknowledgedThenClosed() {
        driver.advanceWallClockTime(Duration.ofHours(23));
        assertTrue(alerts.isEmpty(), "within 24 h nothing is overdue");
        driver.advanceWallClockTime(Duration.ofHours(2));
        JsonNode overdue = TestJson.parse(alerts.readValue());
        assertEquals(2, overdue.path("version").asInt());
        assertEquals("待处置", overdue.path("status").asText());
        assertEquals("[\"acknowledge\"]", overdue.path("handling").path("deadlines").path("overdue").toString());
        driver.advanceWallClockTime(Duration.ofHours(2));
        assertTrue(alerts.isEmpty(), "overdue is marked once, not every minute");

        act("acknowledge", "区市场监管局", "2024-06-02T10:00:00+08:00", null);
        JsonNode acknowledged = TestJson.parse(alerts.readValue());
        assertEquals(3, acknowledged.path("version").asInt());
        assertEquals("处置中", acknowledged.path("status").asText());
        assertEquals("区市场监管局", acknowledged.path("handling").path("assignedUnit").asText());

        act("close", "区市场监管局", "2024-06-04T10:00:00+08:00", "已控制问题产品，立案调查");
        JsonNode closed = TestJson.parse(alerts.readValue());
        assertEquals(4, closed.path("version").asInt());
        assertEquals("已办结", closed.path("status").asText());
        assertEquals("已控制问题产品，立案调查", closed.path("handling").path("disposition").asText());
        assertEquals(2, closed.path("handling").path("actions").size());
        assertEquals(4, closed.path("history").size(), "one line per version: " + closed);
        assertTrue(closed.path("history").get(0).path("change").asText().startsWith("新建"));
        assertEquals("超期：acknowledge", closed.path("history").get(1).path("change").asText());
        assertTrue(closed.path("history").get(3).path("change").asText().startsWith("close：区市场监管局"));
        driver.advanceWallClockTime(Duration.ofDays(10));
        assertTrue(alerts.isEmpty(), "a closed alert is never overdue");

        // A second risk for the same unit, never handled: after its 7 days it is open and overdue.
        TestInputTopic<byte[], byte[]> sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS);
        ObjectNode other = Samples.clenbuterolPork("L-9", "2024-06-09T09:30:00+08:00");
        ((ObjectNode) other.path("items").get(0)).put("item", "莱克多巴胺");
        other.putObject("enterprise").put("name", "另一摊位").put("creditCode", "92120222MA05OTHER9");
        sampling.pipeInput("L-9".getBytes(StandardCharsets.UTF_8), other.toString().getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-06-12T00:00:00Z"));
        driver.advanceWallClockTime(Duration.ofDays(9));
        List<Alert> stored = new ArrayList<>();
        driver.<String, Alert>getKeyValueStore(StoreNames.ALERTS).all().forEachRemaining(kv -> stored.add(kv.value));
        Accountability figures = Accountability.of("区市场监管局", stored,
                OffsetDateTime.parse("2024-06-30T00:00:00+08:00"));
        assertEquals(2, figures.received());
        assertEquals(0, figures.acknowledgedInTime(), "acknowledged at 10:00, two hours after its 24 h");
        assertEquals(1, figures.closed());
        assertEquals(1, figures.closedInTime());
        assertEquals(1, figures.openOverdue());
        assertEquals(50.0, figures.handlingRate(), "核查处置率 = closed / received");
        assertEquals(50.0, figures.onTimeRate(),
                "按时完成率 = closed in time / (closed + open overdue): the risk left open past its 7 days counts (issue 15)");
    }

    @Test
    void afterClosingTheSameRiskStaysQuietForAWeekUnlessItEscalates() {
        act("close", "区市场监管局", "2024-05-31T10:00:00+08:00", "已处置");
        assertEquals("已办结", TestJson.parse(alerts.readValue()).path("status").asText());
        TestInputTopic<byte[], byte[]> sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS);
        // Intake bounds event times by the wall clock too (a forged record timestamp cannot carry a
        // future event in), so the clock moves with the records.
        driver.advanceWallClockTime(Duration.ofDays(2));
        sampling.pipeInput("L-2".getBytes(StandardCharsets.UTF_8),
                Samples.clenbuterolPork("L-2", "2024-06-02T09:30:00+08:00").toString().getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-06-03T00:00:00Z"));
        assertTrue(alerts.readValuesToList().stream().map(TestJson::parse)
                .noneMatch(a -> a.path("alertId").asText().equals(alertId)), "two days after closing: quiet");
        driver.advanceWallClockTime(Duration.ofDays(10));
        sampling.pipeInput("L-3".getBytes(StandardCharsets.UTF_8),
                Samples.clenbuterolPork("L-3", "2024-06-12T09:30:00+08:00").toString().getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-06-13T00:00:00Z"));
        JsonNode reopened = alerts.readValuesToList().stream().map(TestJson::parse)
                .filter(a -> a.path("alertId").asText().equals(alertId)).findFirst()
                .orElseThrow(() -> new AssertionError("twelve days after closing, a new finding reopens"));
        assertEquals("待处置", reopened.path("status").asText());
    }

    @Test
    void refusedActionsGoToDeadLettersWithTheReason() {
        act("close", "区市场监管局", "2024-06-02T10:00:00+08:00", null);
        act("acknowledge", "某不相关单位", "2024-06-02T10:00:00+08:00", null);
        act("reopen", "区市场监管局", "2024-06-02T10:00:00+08:00", null);
        actions.pipeInput(alertId, "{\"alertId\":\"" + alertId + "\",\"action\":\"delete\",\"by\":\"x\",\"at\":\"2024-06-02T10:00:00+08:00\"}");
        actions.pipeInput("FR-UNKNOWN", "{\"alertId\":\"FR-UNKNOWN\",\"action\":\"comment\",\"by\":\"x\",\"unit\":\"区食安办\",\"at\":\"2024-06-02T10:00:00+08:00\"}");
        List<JsonNode> dead = deadLetters.readValuesToList().stream().map(TestJson::parse).toList();
        assertEquals(5, dead.size());
        assertTrue(dead.get(0).path("reason").asText().contains("disposition"));
        assertTrue(dead.get(1).path("reason").asText().contains("not responsible"));
        assertTrue(dead.get(2).path("reason").asText().contains("reopen needs status 已办结"));
        assertEquals("schema", dead.get(3).path("error").asText());
        assertTrue(dead.get(4).path("reason").asText().contains("unknown alert"));
        dead.forEach(d -> assertEquals(Topics.ALERT_ACTIONS, d.path("sourceTopic").asText()));
        assertTrue(alerts.isEmpty(), "no refused action makes a version");
    }

    @Test
    void anActionOnARealAlertIsReadAsStrictlyAsEveryOtherInput() {
        String valid = "{\"alertId\":\"" + alertId + "\",\"action\":\"comment\",\"by\":\"x\",\"unit\":\"区市场监管局\","
                + "\"at\":\"2024-06-02T10:00:00+08:00\",\"note\":\"核查中\"}";
        actions.pipeInput(alertId, valid + " {\"action\":\"close\"}");
        actions.pipeInput(alertId, valid.replace("\"by\":\"x\"", "\"by\":\"  \""));
        TestInputTopic<byte[], byte[]> raw = TestTopics.input(driver, TypedTopics.ALERT_ACTIONS);
        byte[] bytes = valid.replace("核查中", "核查\uFFFD").getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(bytes, bytes.length);
        int at = valid.replace("核查中", "核查\uFFFD").indexOf('\uFFFD');
        int byteAt = valid.replace("核查中", "核查\uFFFD").substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        broken[byteAt] = (byte) 0xC3; // a lead byte followed by a non-continuation byte: not UTF-8
        broken[byteAt + 1] = (byte) 0x28;
        raw.pipeInput(alertId.getBytes(StandardCharsets.UTF_8), broken);
        List<String> errors = deadLetters.readValuesToList().stream().map(TestJson::parse)
                .map(d -> d.path("error").asText()).toList();
        assertEquals(List.of("invalid-json", "schema", "invalid-utf8"), errors);
        assertTrue(alerts.isEmpty(), "none of them is a new version of the alert");
    }
}
