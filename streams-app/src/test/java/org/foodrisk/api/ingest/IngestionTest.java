package org.foodrisk.api.ingest;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.RecordIntake;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.common.errors.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One ingestion request without HTTP or Kafka: limits, authorization, intake, per-record answers. */
class IngestionTest {

    private static final long NOW = Instant.parse("2024-06-01T00:00:00Z").toEpochMilli();

    record Sent(String topic, String key, byte[] value, String publisher) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private boolean brokerDown;

    private final Ingestion.Sink sink = (topic, key, value, publisher) -> {
        if (brokerDown) {
            return CompletableFuture.failedFuture(new TimeoutException("down"));
        }
        sent.add(new Sent(topic, key, value, publisher));
        Future<RecordMetadata> done = CompletableFuture.completedFuture(
                new RecordMetadata(new TopicPartition(topic, 0), sent.size() - 1, 0, NOW, key.length(), value.length));
        return done;
    };

    private final Ingestion ingestion = new Ingestion(new RecordIntake(Duration.ofDays(1)),
            new IngestSettings(4096, 3, 600, Duration.ofSeconds(5)), sink);

    private final Publisher lab = IngestPolicyTest.publisher("lab1", "lab", "TJFS001", null, "t");
    private final Publisher admin = IngestPolicyTest.publisher("a", "admin", null, null, "a");

    static String sample(String id, String labCode) {
        return """
                {"sampleId":"%s","program":"区抽","labCode":"%s","districtName":"武清区","foodCategory":"食用农产品",
                 "foodName":"韭菜","sampledAt":"2024-05-06T09:30:00+08:00","verdict":"合格","items":[]}""".formatted(id, labCode);
    }

    private Ingestion.Outcome post(Publisher publisher, InputTopic input, String body) throws InterruptedException {
        return ingestion.ingest(publisher, input, body.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void oneValidRecordIsWrittenAsSentKeyedByItsId() throws Exception {
        String record = sample("S-1", "TJFS001").replace("区抽", " 区级抽检 ");
        Ingestion.Answer answer = assertInstanceOf(Ingestion.Answer.class, post(lab, InputTopic.SAMPLING_RESULTS, record));
        assertEquals(200, answer.status());
        assertEquals(List.of(RecordResult.accepted(0, "S-1", 0, 0)), answer.results());
        assertEquals(1, sent.size());
        assertEquals("foodrisk.sampling-results.v1", sent.get(0).topic());
        assertEquals("S-1", sent.get(0).key());
        assertArrayEquals(record.getBytes(StandardCharsets.UTF_8), sent.get(0).value(), "the value as sent, not normalized");
    }

    @Test
    void aBatchWritesItsValidRecordsAndExplainsTheOthersField_byField() throws Exception {
        String invalid = "{\"sampleId\":\"S-3\",\"labCode\":\"TJFS001\",\"verdict\":\"良好\"}";
        String body = "[ " + sample("S-2", "TJFS001") + ",\n" + invalid + ", 42 ]";
        Ingestion.Answer answer = assertInstanceOf(Ingestion.Answer.class, post(lab, InputTopic.SAMPLING_RESULTS, body));
        assertEquals(200, answer.status());
        assertEquals(3, answer.results().size());
        assertEquals(RecordResult.accepted(0, "S-2", 0, 0), answer.results().get(0));
        RecordResult refused = answer.results().get(1);
        assertEquals(RecordResult.REJECTED, refused.status());
        assertEquals("S-3", refused.id());
        assertEquals("schema", refused.error());
        assertTrue(refused.errors().size() >= 3, refused.errors().toString());
        assertTrue(refused.errors().stream().allMatch(e -> e.startsWith("$")), refused.errors().toString());
        assertTrue(refused.errors().stream().anyMatch(e -> e.startsWith("$.verdict")), refused.errors().toString());
        assertEquals("not-an-object", answer.results().get(2).error());
        assertNull(answer.results().get(2).id());
        assertEquals(1, sent.size());
        assertArrayEquals(sample("S-2", "TJFS001").getBytes(StandardCharsets.UTF_8), sent.get(0).value(),
                "an element of an array is written exactly as it stood in the array");
    }

    @Test
    void nothingValidIs400WithTheReasons() throws Exception {
        Ingestion.Answer answer = assertInstanceOf(Ingestion.Answer.class,
                post(lab, InputTopic.SAMPLING_RESULTS, "{\"sampleId\":\"S-4\",\"labCode\":\"TJFS001\",\"sampleId\":\"S-5\"}"));
        assertEquals(400, answer.status());
        assertEquals("invalid-json", answer.results().get(0).error(), "duplicate keys refused as on the topic");
        Ingestion.Answer broken = assertInstanceOf(Ingestion.Answer.class,
                post(lab, InputTopic.SAMPLING_RESULTS, "[" + sample("S-6", "TJFS001") + ", {oops}]"));
        assertEquals(400, broken.status());
        assertEquals(1, broken.results().size());
        assertEquals("invalid-json", broken.results().get(0).error());
        assertTrue(broken.results().get(0).reason().contains("(line "), broken.results().get(0).reason());
        assertEquals("empty-body", assertInstanceOf(Ingestion.Answer.class, post(lab, InputTopic.SAMPLING_RESULTS, "  "))
                .results().get(0).error());
        assertEquals("empty-batch", assertInstanceOf(Ingestion.Answer.class, post(lab, InputTopic.SAMPLING_RESULTS, "[]"))
                .results().get(0).error());
        assertTrue(sent.isEmpty(), "a malformed body writes nothing, not even its valid-looking part");
    }

    @Test
    void publishingAsAnotherLabRefusesTheWholeRequest() throws Exception {
        String body = "[" + sample("S-7", "TJFS001") + "," + sample("S-8", "TJFS999") + "]";
        Ingestion.Refusal refusal = assertInstanceOf(Ingestion.Refusal.class, post(lab, InputTopic.SAMPLING_RESULTS, body));
        assertEquals(403, refusal.status());
        assertTrue(refusal.reason().startsWith("record 1: $.labCode"), refusal.reason());
        String invalidButForeign = "{\"sampleId\":\"S-9\",\"labCode\":\"TJFS999\"}";
        assertEquals(403, assertInstanceOf(Ingestion.Refusal.class,
                post(lab, InputTopic.SAMPLING_RESULTS, invalidButForeign)).status(), "forbidden before invalid");
        assertEquals(403, assertInstanceOf(Ingestion.Refusal.class,
                post(lab, InputTopic.ILLNESS_REPORTS, "{}")).status(), "a lab publishes no illness reports");
        assertTrue(sent.isEmpty());
        assertEquals(200, assertInstanceOf(Ingestion.Answer.class, post(admin, InputTopic.SAMPLING_RESULTS, body)).status(),
                "admin publishes for any lab");
        assertEquals(2, sent.size());
    }

    @Test
    void limitsOfBodyAndBatch() throws Exception {
        String big = "[" + (sample("S-10", "TJFS001") + ",").repeat(20) + "1]";
        Ingestion.Refusal tooLarge = assertInstanceOf(Ingestion.Refusal.class, post(lab, InputTopic.SAMPLING_RESULTS, big));
        assertEquals(413, tooLarge.status());
        assertEquals("too-large", tooLarge.error());
        Ingestion.Refusal tooMany = assertInstanceOf(Ingestion.Refusal.class,
                post(lab, InputTopic.SAMPLING_RESULTS, "[1,2,3,4]"));
        assertEquals(413, tooMany.status());
        assertEquals("batch-too-large", tooMany.error());
        assertTrue(sent.isEmpty());
    }

    @Test
    void aRecordTheBrokerDidNotAcknowledgeIsNotAccepted() throws Exception {
        brokerDown = true;
        Ingestion.Answer answer = assertInstanceOf(Ingestion.Answer.class,
                post(lab, InputTopic.SAMPLING_RESULTS, sample("S-11", "TJFS001")));
        assertEquals(503, answer.status());
        assertEquals("not-written", answer.results().get(0).error());
    }

    @Test
    void theBodyIsSplitIntoRecordsExactlyAsSent() {
        String body = " [ {\"a\": \"韭菜\" , \"b\":[1,{}]} ,\"x\",null,[1] ] \n";
        RequestBody.Records records = assertInstanceOf(RequestBody.Records.class, RequestBody.split(body.getBytes(StandardCharsets.UTF_8), 10));
        assertTrue(records.batch());
        List<String> texts = records.records().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        assertEquals(List.of("{\"a\": \"韭菜\" , \"b\":[1,{}]}", "\"x\"", "null", "[1]"), texts);
        assertInstanceOf(RequestBody.Malformed.class, RequestBody.split("[1] 2".getBytes(StandardCharsets.UTF_8), 10));
        assertInstanceOf(RequestBody.Malformed.class, RequestBody.split("[1,".getBytes(StandardCharsets.UTF_8), 10));
        assertInstanceOf(RequestBody.Malformed.class, RequestBody.split(new byte[]{'[', (byte) 0xC3, ']'}, 10));
        RequestBody.Records single = assertInstanceOf(RequestBody.Records.class, RequestBody.split("{oops".getBytes(StandardCharsets.UTF_8), 10));
        assertEquals(1, single.records().size(), "a single record is judged by intake, as on the topic");
    }

    private static String complaint(String id, String channel) {
        return """
                {"complaintId":"%s","channel":"%s","receivedAt":"2024-05-06T10:00:00+08:00","text":"武清区某超市酸奶变质"}
                """.formatted(id, channel);
    }

    @Test
    void everyWrittenRecordCarriesItsAuthenticatedPublisher() throws Exception {
        Publisher hospital = IngestPolicyTest.publisher("h1", "hospital", null, "天津市蓟州区人民医院", "h");
        Publisher hotline = IngestPolicyTest.publisher("hotline-12315", "hotline", null, null, "q");
        post(lab, InputTopic.SAMPLING_RESULTS, sample("S-10", " TJFS001 "));
        post(hospital, InputTopic.ILLNESS_REPORTS, """
                {"caseId":"I-1","reportingUnit":"天津市蓟州区人民医院","districtCode":"120119",
                 "onsetAt":"2024-05-06T02:15:00+08:00","symptoms":["腹泻"]}""");
        post(hotline, InputTopic.COMPLAINTS, complaint("Q-1", "12315"));
        post(admin, InputTopic.SAMPLING_RESULTS, sample("S-11", "TJFS009"));
        assertEquals(List.of("lab:TJFS001", "hospital:天津市蓟州区人民医院", "api:hotline-12315", "lab:TJFS009"),
                sent.stream().map(Sent::publisher).toList(),
                "a lab or hospital as its own code (what its content must name), a hotline as its credential, "
                        + "the admin as the identity its record names");
    }
}
