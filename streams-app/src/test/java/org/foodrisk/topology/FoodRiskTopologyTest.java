package org.foodrisk.topology;

import org.foodrisk.testsupport.TestJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import java.util.Base64;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.testsupport.Drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FoodRiskTopologyTest {

    private static final Instant PUBLISHED = Instant.parse("2024-06-01T00:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> sampling;
    private TestOutputTopic<String, String> alerts;
    private TestOutputTopic<String, String> deadLetters;

    @BeforeEach
    void start() {
        driver = Drivers.topology("foodrisk-test");
        sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS);
        alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText());
        deadLetters = TestTopics.output(driver, DeadLetterTopic.DEAD_LETTERS.asText());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void publish(String key, ObjectNode value) {
        sampling.pipeInput(key.getBytes(StandardCharsets.UTF_8), value.toString().getBytes(StandardCharsets.UTF_8), PUBLISHED);
    }

    @Test
    void clenbuterolInWuqing2024IsARedAlertRoutedToThePlan() {
        publish("WQ-1", Samples.clenbuterolPork("WQ-1", "2024-05-06T09:30:00+08:00"));

        List<JsonNode> out = alerts.readValuesToList().stream().map(TestJson::parse).toList();
        assertEquals(1, out.size());
        JsonNode alert = out.get(0);
        assertEquals("sampling.critical-hazard", alert.path("kind").asText());
        assertEquals("RED", alert.path("level").asText());
        assertEquals("红色", alert.path("levelName").asText());
        assertEquals("待处置", alert.path("status").asText());
        assertEquals(1, alert.path("version").asInt());
        assertEquals("120114", alert.path("districtCode").asText());
        assertEquals("克伦特罗", alert.path("substance").asText());
        assertEquals("WQ-1", alert.path("evidence").get(0).path("id").asText());
        assertEquals("sampling", alert.path("evidence").get(0).path("signal").asText());
        assertEquals(2.3, alert.path("detector").path("observed").asDouble());
        JsonNode tasks = alert.path("planTasks");
        assertTrue(tasks.size() >= 1, "alert names its responsible plan tasks");
        for (JsonNode task : tasks) {
            assertEquals("武清区2024年食品安全监督管理计划", task.path("plan").asText());
            assertTrue(task.path("leadUnits").size() > 0, "each task names its lead unit as written");
        }
        List<String> numbers = StreamSupport.stream(tasks.spliterator(), false).map(t -> t.path("number").asText()).toList();
        assertTrue(numbers.contains("（十一）"), "the 抽检 owner (十一) is responsible: " + numbers);
        assertFalse(alert.path("recommendedActions").isEmpty());
    }

    @Test
    void malformedRecordGoesToDeadLettersAndTheStreamGoesOn() {
        sampling.pipeInput("BAD-1".getBytes(StandardCharsets.UTF_8), "{\"sampleId\":\"BAD-1\",".getBytes(StandardCharsets.UTF_8), PUBLISHED);
        publish("WQ-2", Samples.clenbuterolPork("WQ-2", "2024-05-06T09:30:00+08:00"));

        List<String> dead = deadLetters.readValuesToList();
        assertEquals(1, dead.size());
        JsonNode letter = TestJson.parse(dead.get(0));
        assertEquals(Topics.SAMPLING_RESULTS, letter.path("sourceTopic").asText());
        assertEquals("invalid-json", letter.path("error").asText());
        assertEquals("{\"sampleId\":\"BAD-1\",", letter.path("value").asText());
        assertEquals("BAD-1", letter.path("key").asText());
        assertTrue(letter.path("reason").asText().contains("not valid JSON"));
        assertEquals(1, alerts.readValuesToList().size(), "the valid record after it is processed");
    }

    @Test
    void schemaViolationsAreDeadLetteredWithThePath() {
        ObjectNode noVerdict = Samples.sampling("S-1", "武清区", "乳制品", "纯牛奶", "2024-05-06T09:30:00+08:00", false);
        noVerdict.put("verdict", "基本合格");
        publish("S-1", noVerdict);
        ObjectNode failedWithoutItems = Samples.sampling("S-2", "武清区", "乳制品", "纯牛奶", "2024-05-06T09:30:00+08:00", true);
        failedWithoutItems.putArray("items");
        publish("S-2", failedWithoutItems);
        ObjectNode localTime = Samples.sampling("S-3", "武清区", "乳制品", "纯牛奶", "2024-05-06T09:30:00", false);
        publish("S-3", localTime);

        List<JsonNode> dead = deadLetters.readValuesToList().stream().map(TestJson::parse).toList();
        assertEquals(3, dead.size());
        assertTrue(dead.get(0).path("reason").asText().contains("verdict"), dead.get(0).toString());
        assertTrue(dead.get(1).path("reason").asText().contains("items"), dead.get(1).toString());
        assertTrue(dead.get(2).path("reason").asText().contains("sampledAt"), dead.get(2).toString());
        dead.forEach(d -> assertEquals("schema", d.path("error").asText()));
    }

    @Test
    void keyThatIsNotTheRecordIdIsRefused() {
        publish("OTHER", Samples.sampling("S-9", "武清区", "乳制品", "纯牛奶", "2024-05-06T09:30:00+08:00", false));
        JsonNode letter = TestJson.parse(deadLetters.readValue());
        assertEquals("key-mismatch", letter.path("error").asText());
    }

    @Test
    void districtCodeAndNameThatDisagreeAreRefused() {
        ObjectNode record = Samples.sampling("S-10", "西青区", "乳制品", "纯牛奶", "2024-05-06T09:30:00+08:00", false);
        record.put("districtCode", "120114");
        publish("S-10", record);
        JsonNode letter = TestJson.parse(deadLetters.readValue());
        assertEquals("inconsistent", letter.path("error").asText());
        assertTrue(letter.path("reason").asText().contains("武清区"));
    }

    @Test
    void eventTimeAfterPublicationIsRefused() {
        publish("S-11", Samples.sampling("S-11", "武清区", "乳制品", "纯牛奶", "2024-09-06T09:30:00+08:00", false));
        assertEquals("impossible-time", TestJson.parse(deadLetters.readValue()).path("error").asText());
    }

    @Test
    void invalidUtf8IsKeptAsBase64() {
        byte[] bad = {'{', (byte) 0xC3, (byte) 0x28, '}'};
        sampling.pipeInput("X".getBytes(StandardCharsets.UTF_8), bad, PUBLISHED);
        JsonNode letter = TestJson.parse(deadLetters.readValue());
        assertEquals("invalid-utf8", letter.path("error").asText());
        assertEquals("base64", letter.path("valueEncoding").asText());
        assertEquals(Base64.getEncoder().encodeToString(bad), letter.path("value").asText());
    }

    @Test
    void aRecordPublishedTwiceCountsOnce() {
        ObjectNode record = Samples.clenbuterolPork("WQ-3", "2024-05-06T09:30:00+08:00");
        publish("WQ-3", record);
        publish("WQ-3", record);
        assertEquals(1, alerts.readValuesToList().size(), "the re-delivery produces no new alert version");
        KeyValueStore<String, DailyCount> counts = driver.getKeyValueStore(StoreNames.DAILY_COUNTS);
        DailyCount count = counts.get("sampling|120114|食用农产品|2024-05-06");
        assertNotNull(count);
        assertEquals(1, count.count());
        assertEquals(1, count.failed());
    }

    @Test
    void theEventClockIsTheLatestEventTimeSeenNotTheLatestArrival() {
        publish("EC-1", Samples.sampling("EC-1", "西青区", "乳制品", "纯牛奶", "2024-05-13T09:30:00+08:00", false));
        publish("EC-2", Samples.sampling("EC-2", "西青区", "乳制品", "纯牛奶", "2024-05-06T09:30:00+08:00", false));
        KeyValueStore<String, Long> clock = driver.getKeyValueStore(StoreNames.EVENT_CLOCK);
        long latest = Long.MIN_VALUE;
        try (var tasks = clock.all()) {
            while (tasks.hasNext()) {
                latest = Math.max(latest, tasks.next().value);
            }
        }
        assertEquals(Instant.parse("2024-05-13T01:30:00Z").toEpochMilli(), latest,
                "a late record of an earlier day does not move the clock back");
    }

    @Test
    void aCorrectionReplacesTheEarlierVersionInTheCounts() {
        publish("C-1", Samples.sampling("C-1", "西青区", "乳制品", "纯牛奶", "2024-05-06T09:30:00+08:00", true));
        publish("C-1", Samples.sampling("C-1", "西青区", "乳制品", "纯牛奶", "2024-05-06T09:30:00+08:00", false));
        KeyValueStore<String, DailyCount> counts = driver.getKeyValueStore(StoreNames.DAILY_COUNTS);
        DailyCount count = counts.get("sampling|120111|乳制品|2024-05-06");
        assertEquals(1, count.count(), "one record, whatever its versions");
        assertEquals(0, count.failed(), "the correction to 合格 removed the failure");
    }

    @Test
    void aSecondSampleWithTheSameFindingUpdatesTheOpenAlertInsteadOfRaisingAnother() {
        publish("WQ-4", Samples.clenbuterolPork("WQ-4", "2024-05-06T09:30:00+08:00"));
        publish("WQ-5", Samples.clenbuterolPork("WQ-5", "2024-05-08T10:00:00+08:00"));
        List<JsonNode> all = alerts.readValuesToList().stream().map(TestJson::parse).toList();
        List<JsonNode> out = all.stream().filter(a -> a.path("kind").asText().equals("sampling.critical-hazard")).toList();
        assertEquals(2, out.size());
        assertEquals(out.get(0).path("alertId").asText(), out.get(1).path("alertId").asText(), "same risk, same alert");
        assertEquals(2, out.get(1).path("version").asInt());
        assertEquals(2, out.get(1).path("evidence").size());
        assertEquals("2024-05-08T10:00:00+08:00", out.get(1).path("window").path("end").asText());
        JsonNode repeat = all.stream().filter(a -> a.path("kind").asText().equals("sampling.repeat-offender"))
                .findFirst().orElseThrow(() -> new AssertionError("the stall failed twice: a repeat offender"));
        assertEquals("RED", repeat.path("level").asText(), "a repeat offender with a banned substance is RED");
    }

    @Test
    void aPassRateBelowTheTargetRaisesAFailureRateAlert() {
        // 河北区 乳制品: 20 results of which 4 failed (80% < the 99% target). One-sided exact
        // binomial p = P(X ≥ 4 | n = 20, p0 = 0.01) = 4.3e-5 (R: pbinom(3, 20, 0.01, lower.tail = FALSE)).
        for (int i = 0; i < 20; i++) {
            boolean failed = i % 5 == 4;
            String id = "HB-" + i;
            publish(id, Samples.sampling(id, "河北区", "乳制品", "纯牛奶",
                    String.format("2024-05-%02dT10:00:00+08:00", 1 + i), failed));
        }
        List<JsonNode> out = alerts.readValuesToList().stream().map(TestJson::parse)
                .filter(a -> a.path("kind").asText().equals("sampling.failure-rate")).toList();
        assertEquals(1, out.size(), "only the 4th failure makes n reach 20 with a significant shortfall");
        JsonNode alert = out.get(0);
        assertEquals("120105", alert.path("districtCode").asText());
        assertEquals("乳制品", alert.path("foodCategory").asText());
        assertEquals(4.0, alert.path("detector").path("observed").asDouble());
        assertEquals(99.0, alert.path("detector").path("threshold").asDouble());
        assertEquals(80.0, alert.path("detector").path("statistic").asDouble(), 1e-9);
        assertEquals(4.3e-5, alert.path("detector").path("pValue").asDouble(), 0.05e-5);
        assertEquals("ORANGE", alert.path("level").asText());
        assertEquals(4, alert.path("evidence").size());
        assertEquals("河北区2023年食品安全监督管理计划", alert.path("planTasks").get(0).path("plan").asText());
    }

    @Test
    void rapidTestsAndRiskMonitoringDoNotCountInThePassRate() {
        // The same 20 河北区 乳制品 results as above pass under 区抽, and 4 failures come from 快检,
        // 风险监测 and 你点我检: not supervision sampling, so the pass rate stays 20 of 20.
        for (int i = 0; i < 20; i++) {
            String id = "HB-OK-" + i;
            publish(id, Samples.sampling(id, "河北区", "乳制品", "纯牛奶", String.format("2024-05-%02dT10:00:00+08:00", 1 + i), false));
        }
        String[] programs = {"快检", "风险监测", "你点我检", "快检"};
        for (int i = 0; i < programs.length; i++) {
            String id = "HB-X-" + i;
            ObjectNode record = Samples.sampling(id, "河北区", "乳制品", "纯牛奶",
                    String.format("2024-05-%02dT15:00:00+08:00", 17 + i), true);
            record.put("program", programs[i]);
            publish(id, record);
        }
        assertTrue(alerts.readValuesToList().stream().map(TestJson::parse)
                .noneMatch(a -> a.path("kind").asText().equals("sampling.failure-rate")));
        // … while the same four failures from 监督抽查 and 例行监测 would make it 80 %: the control.
        for (int i = 0; i < programs.length; i++) {
            String id = "HB-Y-" + i;
            ObjectNode record = Samples.sampling(id, "河北区", "乳制品", "纯牛奶",
                    String.format("2024-05-%02dT16:00:00+08:00", 17 + i), true);
            record.put("program", i % 2 == 0 ? "监督抽查" : "例行监测");
            publish(id, record);
        }
        assertTrue(alerts.readValuesToList().stream().map(TestJson::parse)
                .anyMatch(a -> a.path("kind").asText().equals("sampling.failure-rate")
                        && a.path("detector").path("method").asText().contains("不计快检、风险监测、你点我检")));
    }

    @Test
    void aFewFailuresInASmallSampleAreNotAnAlarm() {
        // 3 of 20 failing in 食用农产品 (target 97%): p = P(X ≥ 3 | 20, 0.03) ≈ 0.021 > alpha 0.01.
        for (int i = 0; i < 20; i++) {
            String id = "XQ-" + i;
            publish(id, Samples.sampling(id, "西青区", "食用农产品", "芹菜",
                    String.format("2024-05-%02dT10:00:00+08:00", 1 + i), i == 17 || i == 18 || i == 19));
        }
        assertTrue(alerts.readValuesToList().stream().map(TestJson::parse)
                .noneMatch(a -> a.path("kind").asText().equals("sampling.failure-rate")));
    }

    @Test
    void theSameBusinessFailingTwiceWithin90DaysIsARepeatOffender() {
        publish("R-1", Samples.pesticideFailure("R-1", "西青区", "韭菜", "91120111MA06REPEAT", "2024-03-01T10:00:00+08:00"));
        publish("R-2", Samples.pesticideFailure("R-2", "西青区", "韭菜", "91120111MA06REPEAT", "2024-05-20T10:00:00+08:00"));
        publish("R-3", Samples.pesticideFailure("R-3", "西青区", "韭菜", "91120111MA06OTHER", "2024-05-21T10:00:00+08:00"));
        List<JsonNode> out = alerts.readValuesToList().stream().map(TestJson::parse)
                .filter(a -> a.path("kind").asText().equals("sampling.repeat-offender")).toList();
        assertEquals(1, out.size());
        JsonNode alert = out.get(0);
        assertEquals("YELLOW", alert.path("level").asText());
        assertEquals("91120111MA06REPEAT", alert.path("enterprise").path("creditCode").asText());
        assertEquals(List.of("R-1", "R-2"), StreamSupport.stream(alert.path("evidence").spliterator(), false)
                .map(e -> e.path("id").asText()).collect(Collectors.toList()));
        assertEquals("西青区 2021 年食品安全监督管理计划", alert.path("planTasks").get(0).path("plan").asText(),
                "2024 in 西青区 falls back to its nearest plan (2021)");
    }

    @Test
    void failuresMoreThan90DaysApartAreNotARepeatOffender() {
        publish("R-4", Samples.pesticideFailure("R-4", "西青区", "韭菜", "91120111MA06SLOW", "2024-01-01T10:00:00+08:00"));
        publish("R-5", Samples.pesticideFailure("R-5", "西青区", "韭菜", "91120111MA06SLOW", "2024-05-01T10:00:00+08:00"));
        assertTrue(alerts.readValuesToList().stream().map(TestJson::parse)
                .noneMatch(a -> a.path("kind").asText().equals("sampling.repeat-offender")));
    }

    @Test
    void storesHoldNothingForRefusedRecords() {
        sampling.pipeInput("N".getBytes(StandardCharsets.UTF_8), null, PUBLISHED);
        assertEquals("null-value", TestJson.parse(deadLetters.readValue()).path("error").asText());
        KeyValueStore<String, SeenRecord> seen = driver.getKeyValueStore(StoreNames.dedup(InputTopic.SAMPLING_RESULTS));
        assertNull(seen.get("N"));
    }
}
