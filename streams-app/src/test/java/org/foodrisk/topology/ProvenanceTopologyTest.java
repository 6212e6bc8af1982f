package org.foodrisk.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.Provenance;
import org.foodrisk.testsupport.TestJson;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.foodrisk.testsupport.Drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 (cross-publisher overwrite): a record's publisher is part of its identity. A correction
 * is accepted only from the publisher of the original; the same id from another publisher is
 * dead-lettered ({@code id-owned-by-another-publisher}) and the original keeps counting.
 */
class ProvenanceTopologyTest {

    private static final Instant PUBLISHED = Instant.parse("2024-06-01T00:00:00Z");
    private static final String SAMPLING_DAY = "sampling|120114|食用农产品|2024-05-06";

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> sampling;
    private TestInputTopic<String, String> illness;
    private TestInputTopic<String, String> complaints;
    private TestOutputTopic<String, String> alerts;
    private TestOutputTopic<String, String> deadLetters;

    @BeforeEach
    void start() {
        driver = Drivers.topology("provenance-test");
        sampling = TestTopics.input(driver, TypedTopics.SAMPLING_RESULTS.asText());
        illness = TestTopics.input(driver, TypedTopics.ILLNESS_REPORTS.asText());
        complaints = TestTopics.input(driver, TypedTopics.COMPLAINTS.asText());
        alerts = TestTopics.output(driver, TypedTopics.ALERTS.asText());
        deadLetters = TestTopics.output(driver, DeadLetterTopic.DEAD_LETTERS.asText());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static ObjectNode passedAsLab(String sampleId, String labCode) {
        ObjectNode record = Samples.clenbuterolPork(sampleId, "2024-05-06T09:30:00+08:00");
        record.put("labCode", labCode);
        record.put("lab", "另一家检测机构");
        record.put("verdict", "合格");
        record.putArray("items");
        return record;
    }

    private DailyCount samplingDay() {
        KeyValueStore<String, DailyCount> counts = driver.getKeyValueStore(StoreNames.DAILY_COUNTS);
        return counts.get(SAMPLING_DAY);
    }

    @Test
    void anotherLabRepublishingAFailedSampleAsPassedIsDeadLetteredAndTheFailureStillCounts() {
        sampling.pipeInput("P-1", Samples.clenbuterolPork("P-1", "2024-05-06T09:30:00+08:00").toString(), PUBLISHED);
        List<JsonNode> raised = alerts.readValuesToList().stream().map(TestJson::parse).toList();
        assertEquals(1, raised.size());
        assertEquals("sampling.critical-hazard", raised.get(0).path("kind").asText());
        assertEquals(1, samplingDay().failed());

        sampling.pipeInput("P-1", passedAsLab("P-1", "TJFS002").toString(), PUBLISHED);

        List<JsonNode> dead = deadLetters.readValuesToList().stream().map(TestJson::parse).toList();
        assertEquals(1, dead.size(), "the overwrite is refused: " + dead);
        JsonNode letter = dead.get(0);
        assertEquals("id-owned-by-another-publisher", letter.path("error").asText());
        assertEquals(Topics.SAMPLING_RESULTS, letter.path("sourceTopic").asText());
        assertEquals("P-1", letter.path("key").asText());
        String reason = letter.path("reason").asText();
        assertTrue(reason.contains("lab:TJFS001") && reason.contains("lab:TJFS002"), "names both publishers: " + reason);
        assertFalse(reason.contains("克伦特罗"), "names the publishers, not the original's content: " + reason);
        assertTrue(letter.path("value").asText().contains("TJFS002"), "the refused record as received");

        DailyCount day = samplingDay();
        assertEquals(1, day.count(), "still one record");
        assertEquals(1, day.failed(), "lab TJFS001's failure still counts");
        assertTrue(alerts.readValuesToList().isEmpty(), "the alert it raised is not changed");
        KeyValueStore<String, SeenRecord> seen = driver.getKeyValueStore(StoreNames.dedup(InputTopic.SAMPLING_RESULTS));
        assertEquals("lab:TJFS001", seen.get("P-1").publisher(), "the original keeps its publisher");
        assertTrue(seen.get("P-1").signal().failed());
    }

    @Test
    void theOriginalLabsOwnCorrectionIsStillAccepted() {
        sampling.pipeInput("P-2", Samples.clenbuterolPork("P-2", "2024-05-06T09:30:00+08:00").toString(), PUBLISHED);
        sampling.pipeInput("P-2", passedAsLab("P-2", "TJFS002").toString(), PUBLISHED);
        assertEquals(1, deadLetters.readValuesToList().size());

        sampling.pipeInput("P-2", passedAsLab("P-2", "TJFS001").toString(), PUBLISHED);

        assertTrue(deadLetters.readValuesToList().isEmpty(), "the owner's correction is not refused");
        DailyCount day = samplingDay();
        assertEquals(1, day.count());
        assertEquals(0, day.failed(), "the owner's correction to 合格 removed the failure");
    }

    @Test
    void aReDeliveryIsStillDroppedSilently() {
        String record = Samples.clenbuterolPork("P-3", "2024-05-06T09:30:00+08:00").toString();
        sampling.pipeInput("P-3", record, PUBLISHED);
        sampling.pipeInput("P-3", record, PUBLISHED);
        assertTrue(deadLetters.readValuesToList().isEmpty());
        assertEquals(1, alerts.readValuesToList().size());
        assertEquals(1, samplingDay().count());
    }

    private static String illnessCase(String caseId, String reportingUnit, String districtCode) {
        return """
                {"caseId":"%s","reportingUnit":"%s","districtCode":"%s","onsetAt":"2024-05-06T02:15:00+08:00",
                 "symptoms":["腹泻","呕吐"],"syndrome":"胃肠道","foodCategory":"餐饮食品"}
                """.formatted(caseId, reportingUnit, districtCode);
    }

    private DailyCount illnessDay(String districtCode) {
        KeyValueStore<String, DailyCount> counts = driver.getKeyValueStore(StoreNames.DAILY_COUNTS);
        return counts.get("illness|" + districtCode + "|餐饮食品|2024-05-06");
    }

    @Test
    void anIllnessCaseIdFromAnotherReportingUnitIsRefusedAndTheOwnersCorrectionAccepted() {
        illness.pipeInput("I-1", illnessCase("I-1", "天津市蓟州区人民医院", "120119"), PUBLISHED);
        assertEquals(1, illnessDay("120119").count());

        illness.pipeInput("I-1", illnessCase("I-1", "某社区卫生服务中心", "120114"), PUBLISHED);

        JsonNode letter = TestJson.parse(deadLetters.readValue());
        assertEquals("id-owned-by-another-publisher", letter.path("error").asText());
        assertEquals(Topics.ILLNESS_REPORTS, letter.path("sourceTopic").asText());
        String reason = letter.path("reason").asText();
        assertTrue(reason.contains("hospital:天津市蓟州区人民医院") && reason.contains("hospital:某社区卫生服务中心"), reason);
        assertEquals(1, illnessDay("120119").count(), "the case still counts where its own unit placed it");
        assertNull(illnessDay("120114"), "nothing counted where the other unit tried to move it");

        illness.pipeInput("I-1", illnessCase("I-1", "天津市蓟州区人民医院", "120114"), PUBLISHED);

        assertTrue(deadLetters.readValuesToList().isEmpty());
        assertNull(illnessDay("120119"), "the owner's correction moved the case");
        assertEquals(1, illnessDay("120114").count());
    }

    private static String complaint(String id, String text) {
        return """
                {"complaintId":"%s","channel":"12315","receivedAt":"2024-05-06T10:00:00+08:00","issueType":"变质","text":"%s"}
                """.formatted(id, text);
    }

    private void publishWithHeader(TestInputTopic<String, String> topic, String key, String value, String publisher) {
        RecordHeaders headers = new RecordHeaders();
        if (publisher != null) {
            headers.add(Provenance.HEADER, publisher.getBytes(StandardCharsets.UTF_8));
        }
        topic.pipeInput(new TestRecord<>(key, value, headers, PUBLISHED));
    }

    @Test
    void theIngestApisHeaderIsThePublisherWhenPresent() {
        publishWithHeader(complaints, "Q-1", complaint("Q-1", "在武清区某超市买的酸奶变质"), "api:hotline-12315");
        // Another HTTP credential with the same channel in the content: the header tells them apart.
        publishWithHeader(complaints, "Q-1", complaint("Q-1", "在西青区某超市买的酸奶过期"), "api:hotline-12345");
        JsonNode refused = TestJson.parse(deadLetters.readValue());
        assertEquals("id-owned-by-another-publisher", refused.path("error").asText());
        assertTrue(refused.path("reason").asText().contains("api:hotline-12315"), refused.toString());
        assertTrue(refused.path("reason").asText().contains("api:hotline-12345"), refused.toString());
        // A direct Kafka writer (no header) is identified by the channel: not the owner either.
        publishWithHeader(complaints, "Q-1", complaint("Q-1", "在西青区某超市买的酸奶过期"), null);
        assertTrue(TestJson.parse(deadLetters.readValue()).path("reason").asText().contains("channel:12315"));
        // The owner's correction through the API goes through.
        publishWithHeader(complaints, "Q-1", complaint("Q-1", "在西青区某超市买的酸奶变质"), "api:hotline-12315");
        assertTrue(deadLetters.isEmpty());
        KeyValueStore<String, SeenRecord> seen = driver.getKeyValueStore(StoreNames.dedup(InputTopic.COMPLAINTS));
        assertEquals("api:hotline-12315", seen.get("Q-1").publisher());
        assertEquals("120111", seen.get("Q-1").signal().districtCode(), "the correction counts");
    }

    @Test
    void aRecordStoredBeforePublishersWereKeptIsOwnedByWhoeverSendsItsNextVersion() {
        sampling.pipeInput("P-4", Samples.clenbuterolPork("P-4", "2024-05-06T09:30:00+08:00").toString(), PUBLISHED);
        KeyValueStore<String, SeenRecord> seen = driver.getKeyValueStore(StoreNames.dedup(InputTopic.SAMPLING_RESULTS));
        SeenRecord stored = seen.get("P-4");
        seen.put("P-4", new SeenRecord(stored.fingerprint(), stored.signal(), null)); // as an older version stored it

        sampling.pipeInput("P-4", passedAsLab("P-4", "TJFS001").toString(), PUBLISHED);
        assertTrue(deadLetters.isEmpty(), "no publisher known: the next version is a correction and establishes it");
        assertEquals("lab:TJFS001", seen.get("P-4").publisher());
        sampling.pipeInput("P-4", passedAsLab("P-4", "TJFS002").toString(), PUBLISHED);
        assertEquals("id-owned-by-another-publisher", TestJson.parse(deadLetters.readValue()).path("error").asText());
    }
}
