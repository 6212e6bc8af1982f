package org.foodrisk.it;

import org.foodrisk.testsupport.TestCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.foodrisk.ingest.Provenance;
import org.foodrisk.kafka.Json;
import org.foodrisk.testsupport.TestKafka;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import org.apache.kafka.common.header.Header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP ingestion API of the whole application against a real broker: a lab publishes over
 * HTTP with the demo credential of application.yml and the record is on the topic once, as sent,
 * stamped with its publisher;
 * publishing as another lab is refused whole; missing or wrong tokens, malformed records and
 * oversized bodies are refused with nothing written.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpIngestionIT implements TestPropertyProvider {

    /** The demo lab of application.yml (only its SHA-256 is configured there). */
    private static final String DEMO_LAB_TOKEN = "demo-lab-TJFS001";
    private static final String HOSPITAL_TOKEN = "it-hospital-" + UUID.randomUUID();
    private static final String THROTTLED_TOKEN = "it-opinion-" + UUID.randomUUID();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Value("${micronaut.server.port}")
    int port;

    @Override
    public Map<String, String> getProperties() {
        try {
            Map<String, String> properties = new HashMap<>(Map.of(
                    "foodrisk.publishers.it-throttled.token-sha256", TestCredentials.tokenSha256(THROTTLED_TOKEN),
                    "foodrisk.publishers.it-throttled.kind", "opinion",
                    "foodrisk.publishers.it-throttled.requests-per-minute", "2",
                    // The demo lab of application.yml counts only on the embedded broker; the
                    // tests use an external one, and prove the documented token matches the yml.
                    "foodrisk.publishers.demo-lab.demo-only", "false"));
            properties.putAll(Map.of(
                    "foodrisk.bootstrap-servers", TestKafka.bootstrapServers(),
                    "foodrisk.application-id", "foodrisk-http-it-" + UUID.randomUUID(),
                    "foodrisk.data-dir", Files.createTempDirectory("foodrisk-http-it").toString(),
                    "foodrisk.demo", "false",
                    "micronaut.server.port", String.valueOf(TestCredentials.freePort()),
                    "foodrisk.publishers.it-hospital.token-sha256", TestCredentials.tokenSha256(HOSPITAL_TOKEN),
                    "foodrisk.publishers.it-hospital.kind", "hospital",
                    "foodrisk.publishers.it-hospital.reporting-unit", "蓟州区人民医院"));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }



    private static String sample(String sampleId, String labCode) {
        return """
                {"sampleId":"%s","program":"区抽","agency":"区市场监管局","lab":"天津市食品安全检测技术研究院",
                 "labCode":"%s","districtName":"武清区","stage":"流通","foodCategory":"食用农产品",
                 "foodSubcategory":"蔬菜","foodName":"韭菜","sampledAt":"2024-05-06T09:30:00+08:00",
                 "verdict":"不合格","items":[{"item":"腐霉利","hazardClass":"农药残留","result":"0.8","unit":"mg/kg",
                 "limit":"0.2","standard":"GB 2763-2021","pass":false}]}""".formatted(sampleId, labCode);
    }

    private HttpResponse<String> post(String path, String token, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return post(path, token, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLabPublishesOverHttpAndTheRecordIsOnTheTopicOnceAsSent() throws Exception {
        String sampleId = "HTTP-" + UUID.randomUUID();
        String record = sample(sampleId, "TJFS001");
        HttpResponse<String> response = post("/api/v1/sampling-results", DEMO_LAB_TOKEN, record);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = Json.MAPPER.readTree(response.body()).get(0);
        assertEquals("accepted", result.path("status").asText(), response.body());
        assertEquals(sampleId, result.path("id").asText());
        assertTrue(result.path("offset").isNumber() && result.path("partition").isNumber(), response.body());

        List<ConsumerRecord<String, String>> onTopic = readAll(TypedTopics.SAMPLING_RESULTS, Set.of(sampleId));
        assertEquals(1, onTopic.size(), "the record reaches the topic once");
        assertEquals(record, onTopic.get(0).value(), "value = the record as sent");
        assertEquals(result.path("partition").asInt(), onTopic.get(0).partition());
        assertEquals(result.path("offset").asLong(), onTopic.get(0).offset());
        Header publisher = onTopic.get(0).headers().lastHeader(Provenance.HEADER);
        assertEquals("lab:TJFS001", publisher == null ? null : new String(publisher.value(), StandardCharsets.UTF_8),
                "stamped with the credential's publisher: only it may correct the record");
    }

    @Test
    void aBatchWritesItsValidRecordsAndAnswersPerRecord() throws Exception {
        String good = "HTTP-" + UUID.randomUUID();
        String bad = "HTTP-BAD-" + UUID.randomUUID();
        String body = "[" + sample(good, "TJFS001") + ",{\"sampleId\":\"" + bad + "\",\"labCode\":\"TJFS001\",\"verdict\":\"良好\"}]";
        HttpResponse<String> response = post("/api/v1/sampling-results", DEMO_LAB_TOKEN, body);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode results = Json.MAPPER.readTree(response.body());
        assertEquals("accepted", results.get(0).path("status").asText());
        assertEquals(1, results.get(1).path("index").asInt());
        assertEquals("rejected", results.get(1).path("status").asText());
        assertEquals(bad, results.get(1).path("id").asText());
        List<ConsumerRecord<String, String>> onTopic = readAll(TypedTopics.SAMPLING_RESULTS, Set.of(good, bad));
        assertEquals(List.of(good), onTopic.stream().map(ConsumerRecord::key).toList(), "only the valid record is written");
    }

    @Test
    void aLabPublishingAsAnotherLabGets403AndNothingReachesTheTopic() throws Exception {
        String own = "HTTP-OWN-" + UUID.randomUUID();
        String foreign = "HTTP-FOREIGN-" + UUID.randomUUID();
        HttpResponse<String> single = post("/api/v1/sampling-results", DEMO_LAB_TOKEN, sample(foreign, "TJFS002"));
        assertEquals(403, single.statusCode(), single.body());
        assertEquals("forbidden", Json.MAPPER.readTree(single.body()).path("error").asText());
        HttpResponse<String> batch = post("/api/v1/sampling-results", DEMO_LAB_TOKEN,
                "[" + sample(own, "TJFS001") + "," + sample(foreign, "TJFS002") + "]");
        assertEquals(403, batch.statusCode(), batch.body());
        assertTrue(Json.MAPPER.readTree(batch.body()).path("reason").asText().contains("record 1: $.labCode"), batch.body());
        HttpResponse<String> otherInput = post("/api/v1/illness-reports", DEMO_LAB_TOKEN, """
                {"caseId":"%s","reportingUnit":"蓟州区人民医院","districtName":"蓟州区",
                 "onsetAt":"2024-05-03T08:00:00+08:00","symptoms":["腹泻"]}""".formatted(foreign));
        assertEquals(403, otherInput.statusCode(), otherInput.body());
        assertEquals(List.of(), readAll(TypedTopics.SAMPLING_RESULTS, Set.of(own, foreign)), "nothing of a refused request is written");
        assertEquals(List.of(), readAll(TypedTopics.ILLNESS_REPORTS, Set.of(foreign)));
    }

    @Test
    void aHospitalConfiguredByPropertiesPublishesItsOwnIllnessReports() throws Exception {
        String caseId = "HTTP-CASE-" + UUID.randomUUID();
        String report = """
                {"caseId":"%s","reportingUnit":"%s","districtName":"蓟州区",
                 "onsetAt":"2024-05-03T08:00:00+08:00","symptoms":["腹泻"]}""";
        HttpResponse<String> own = post("/api/v1/illness-reports", HOSPITAL_TOKEN, report.formatted(caseId, "蓟州区人民医院"));
        assertEquals(200, own.statusCode(), own.body());
        HttpResponse<String> other = post("/api/v1/illness-reports", HOSPITAL_TOKEN, report.formatted(caseId + "-X", "武清区人民医院"));
        assertEquals(403, other.statusCode(), other.body());
        assertEquals(List.of(caseId), readAll(TypedTopics.ILLNESS_REPORTS, Set.of(caseId, caseId + "-X")).stream()
                .map(ConsumerRecord::key).toList());
    }

    @Test
    void missingOrWrongTokensAre401() throws Exception {
        String sampleId = "HTTP-NOAUTH-" + UUID.randomUUID();
        HttpResponse<String> none = post("/api/v1/sampling-results", null, sample(sampleId, "TJFS001"));
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), none.headers().toString());
        HttpResponse<String> wrong = post("/api/v1/sampling-results", "demo-lab-TJFS002", sample(sampleId, "TJFS001"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        HttpResponse<String> hashAsToken = post("/api/v1/complaints",
                "b116f2db22f9983cd4ab929cc6b7c0ba1f686ecb1b189c52a90bd6945438fdde", "{}");
        assertEquals(401, hashAsToken.statusCode(), "the configured hash is not a credential");
        assertEquals(List.of(), readAll(TypedTopics.SAMPLING_RESULTS, Set.of(sampleId)));
    }

    @Test
    void malformedRecordsAre400WithFieldLevelErrors() throws Exception {
        String sampleId = "HTTP-INVALID-" + UUID.randomUUID();
        HttpResponse<String> invalid = post("/api/v1/sampling-results", DEMO_LAB_TOKEN,
                "{\"sampleId\":\"" + sampleId + "\",\"labCode\":\"TJFS001\",\"verdict\":\"良好\",\"sampledAt\":\"yesterday\"}");
        assertEquals(400, invalid.statusCode(), invalid.body());
        JsonNode result = Json.MAPPER.readTree(invalid.body()).get(0);
        assertEquals("rejected", result.path("status").asText());
        assertEquals(sampleId, result.path("id").asText());
        assertEquals("schema", result.path("error").asText());
        List<String> errors = new ArrayList<>();
        result.path("errors").forEach(e -> errors.add(e.asText()));
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("$.verdict")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("$.sampledAt")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("foodName")), errors.toString());

        HttpResponse<String> notJson = post("/api/v1/sampling-results", DEMO_LAB_TOKEN, "[{\"sampleId\":\"x\"}, oops]");
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertEquals("invalid-json", Json.MAPPER.readTree(notJson.body()).get(0).path("error").asText());
        assertEquals(List.of(), readAll(TypedTopics.SAMPLING_RESULTS, Set.of(sampleId, "x")));
    }

    @Test
    void aBodyAboveTheLimitIs413() throws Exception {
        String sampleId = "HTTP-LARGE-" + UUID.randomUUID();
        String padded = sample(sampleId, "TJFS001").replace("\"lab\":", "\"note\":\"" + "x".repeat(1_100_000) + "\",\"lab\":");
        HttpResponse<String> response = post("/api/v1/sampling-results", DEMO_LAB_TOKEN, padded);
        assertEquals(413, response.statusCode());
        assertEquals("too-large", Json.MAPPER.readTree(response.body()).path("error").asText());
        // Without a Content-Length (chunked) the body is measured once read.
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/sampling-results"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + DEMO_LAB_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new ByteArrayInputStream(padded.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertEquals(List.of(), readAll(TypedTopics.SAMPLING_RESULTS, Set.of(sampleId)));
    }

    @Test
    void morePublisherRequestsThanItsRateAre429WithRetryAfter() throws Exception {
        String signal = """
                {"signalId":"HTTP-O-%s","source":"微博","publishedAt":"2024-05-03T10:00:00+08:00","text":"网传某超市酸奶变质"}""";
        assertEquals(200, post("/api/v1/opinion-signals", THROTTLED_TOKEN, signal.formatted(UUID.randomUUID())).statusCode());
        assertEquals(200, post("/api/v1/opinion-signals", THROTTLED_TOKEN, signal.formatted(UUID.randomUUID())).statusCode());
        HttpResponse<String> third = post("/api/v1/opinion-signals", THROTTLED_TOKEN, signal.formatted(UUID.randomUUID()));
        assertEquals(429, third.statusCode(), third.body());
        long retryAfter = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "2 a minute: a token within 30 s, was " + retryAfter);
        assertEquals(200, post("/api/v1/sampling-results", DEMO_LAB_TOKEN, sample("HTTP-" + UUID.randomUUID(), "TJFS001"))
                .statusCode(), "other publishers are not slowed down");
    }

    /** Every record with one of these keys, from the beginning of the topic to its end now. */
    private static List<ConsumerRecord<String, String>> readAll(Topic<byte[], byte[]> topic, Set<String> keys) {
        // As text: the record on the topic is compared with the JSON text that was sent.
        try (KafkaConsumer<String, String> consumer = topic.asText().consumer(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "enable.auto.commit", false,
                "auto.offset.reset", "earliest"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic.name() + " to its end " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }
}
