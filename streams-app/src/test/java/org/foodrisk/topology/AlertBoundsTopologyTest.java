package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.alert.Alert;
import org.foodrisk.kafka.Json;
import org.foodrisk.testsupport.TestJson;
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
import org.foodrisk.testsupport.Drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, "poison pill by growth": nine comments with 20,000-character notes grew one alert to ~1 MB,
 * the next version was refused by its changelog topic (1 MiB) and the stream thread failed on it for
 * good. TopologyTestDriver does not enforce record sizes, so this test drives one alert to every bound
 * the topology has — the most evidence with the longest summaries input can make, a history past its
 * count, the action log past its count with the longest notes and dispositions the contract accepts,
 * the longest names input may carry — and asserts that every version written (to the alerts topic and
 * to its store) stays under {@link #LIMIT_BYTES}, far below the 1 MiB the topics take.
 */
class AlertBoundsTopologyTest {

    /** The largest alert version the topology may write: org.foodrisk.alert.AlertBounds.MAX_ALERT_BYTES. */
    private static final int LIMIT_BYTES = 768 * 1024;
    private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");

    private TopologyTestDriver driver;
    private TestOutputTopic<String, byte[]> alerts;
    private TestOutputTopic<String, String> deadLetters;
    private TestInputTopic<String, String> actions;
    private TestInputTopic<byte[], byte[]> sampling;
    private String alertId;
    private int largestSeen;

    @BeforeEach
    void start() {
        driver = Drivers.topology("bounds-test", START);
        alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = TestTopics.output(driver, DeadLetterTopic.DEAD_LETTERS.asText());
        actions = TestTopics.input(driver, TypedTopics.ALERT_ACTIONS.asText());
        sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void anAlertDrivenToEveryBoundStaysFarBelowWhatItsTopicsTake() throws Exception {
        // 210 failed samples of the same risk: 200+ evidence items, 200+ versions (history lines), each
        // summary built from 12 failed items with 256-character names, food and business names of 256.
        for (int i = 0; i < 210; i++) {
            ObjectNode sample = longSample("B-" + i, "2024-05-%02dT%02d:%02d:00+08:00".formatted(2 + i / 24 % 28, i % 24, i % 60));
            sampling.pipeInput(("B-" + i).getBytes(StandardCharsets.UTF_8),
                    sample.toString().getBytes(StandardCharsets.UTF_8), START);
            drainAlerts();
        }
        JsonNode stored = storedAlert();
        assertTrue(stored.path("evidence").size() >= 100, "the risk gathered its evidence: " + stored.path("evidence").size());
        assertTrue(stored.path("history").size() >= 100, "and its history");

        // 120 comments with the longest note and disposition the contract accepts, by the longest unit and name.
        String unit = "区食安办";
        for (int i = 0; i < 120; i++) {
            actions.pipeInput(alertId, action("comment", unit, longChinese(maxNoteChars()), longChinese(maxNoteChars())));
            drainAlerts();
        }
        // The finding itself: comments with 20,000-character notes, which grew the alert to ~1 MB.
        for (int i = 0; i < 12; i++) {
            actions.pipeInput(alertId, action("comment", unit, longChinese(20_000), longChinese(20_000)));
            drainAlerts();
        }
        stored = storedAlert();
        assertTrue(stored.path("handling").path("actions").size() >= 10, "the action log keeps the latest actions");
        System.out.println("largest alert version: " + largestSeen + " bytes");
        assertTrue(largestSeen > 0);
        assertTrue(largestSeen <= LIMIT_BYTES, "largest alert version: " + largestSeen + " bytes");
        int storedBytes = Json.MAPPER.writeValueAsBytes(stored).length;
        assertTrue(storedBytes <= LIMIT_BYTES, "stored alert: " + storedBytes + " bytes");
    }

    @Test
    void aNoteLongerThanTheContractAllowsIsADeadLetterWithTheReason() {
        sampling.pipeInput("B-1".getBytes(StandardCharsets.UTF_8),
                longSample("B-1", "2024-05-30T09:30:00+08:00").toString().getBytes(StandardCharsets.UTF_8), START);
        drainAlerts();
        actions.pipeInput(alertId, action("comment", "区食安办", longChinese(20_000), null));
        List<JsonNode> dead = deadLetters.readValuesToList().stream().map(TestJson::parse).toList();
        assertEquals(1, dead.size());
        assertEquals("schema", dead.get(0).path("error").asText());
        assertTrue(dead.get(0).path("reason").asText().contains("note"), dead.get(0).toString());
        assertTrue(alerts.isEmpty(), "no version for a refused action");
        assertFalse(storedAlert().path("handling").path("actions").size() > 0);
    }

    private void drainAlerts() {
        alerts.readKeyValuesToList().forEach(kv -> {
            largestSeen = Math.max(largestSeen, kv.value.length);
            alertId = kv.key;
            // Fail at the first version over the bound (before the fix, the growth exhausts the test's heap).
            assertTrue(kv.value.length <= LIMIT_BYTES, "version " + TestJson.parse(new String(kv.value,
                    StandardCharsets.UTF_8)).path("version").asInt() + " has " + kv.value.length + " bytes");
        });
        // TopologyTestDriver keeps every changelog record until read: read them, and check the alerts
        // store's values (what the changelog topic, 1 MiB, must take) against the same bound.
        for (String topic : driver.producedTopicNames()) {
            if (topic.endsWith("-changelog")) {
                boolean alertsStore = topic.endsWith("-" + StoreNames.ALERTS + "-changelog");
                driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .readValuesToList().stream().filter(value -> alertsStore && value != null)
                        .forEach(value -> assertTrue(value.length <= LIMIT_BYTES, "store value of " + value.length + " bytes"));
            }
        }
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    private JsonNode storedAlert() {
        KeyValueStore<String, Alert> store = driver.getKeyValueStore(StoreNames.ALERTS);
        return Json.MAPPER.valueToTree(store.get(alertId));
    }

    private static int maxNoteChars() {
        return 2000;
    }

    private String action(String action, String unit, String note, String disposition) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("alertId", alertId);
        node.put("action", action);
        node.put("by", longChinese(128));
        node.put("unit", unit);
        node.put("at", "2024-06-01T10:00:00+08:00");
        node.put("note", note);
        node.put("disposition", disposition);
        return node.toString();
    }

    private static ObjectNode longSample(String id, String sampledAt) {
        ObjectNode record = Samples.clenbuterolPork(id, sampledAt);
        record.put("foodName", longChinese(256));
        ((ObjectNode) record.path("enterprise")).put("name", longChinese(256));
        ArrayNode items = (ArrayNode) record.path("items");
        for (int i = 0; i < 12; i++) {
            ObjectNode item = items.addObject();
            item.put("item", i + longChinese(250));
            item.put("hazardClass", "其他");
            item.put("result", longChinese(256));
            item.put("unit", longChinese(64));
            item.put("pass", false);
        }
        return record;
    }

    private static String longChinese(int chars) {
        return "食".repeat(chars);
    }
}
