package org.foodrisk.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.foodrisk.api.ingest.IngestSettings;
import org.foodrisk.api.ingest.Ingestion;
import org.foodrisk.api.ingest.Publisher;
import org.foodrisk.api.ingest.PublisherConfig;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.ingest.IntakeResult;
import org.foodrisk.ingest.RecordIntake;
import org.foodrisk.kafka.Json;
import org.foodrisk.testsupport.Drivers;
import org.foodrisk.testsupport.TestTopics;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topics.Topics;
import org.foodrisk.topology.DeadLetterTopic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile corpus without a broker, in seconds: every Kafka record of the four inputs through
 * {@link RecordIntake}, every alert action through the topology (TopologyTestDriver), every HTTP
 * request through {@link Ingestion} — each must get exactly the verdict and error code the corpus
 * expects. {@code HostileInputIT} runs the same corpus through the whole application on a real broker.
 */
class HostileCorpusTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final HostileCorpus corpus = new HostileCorpus(HostileCorpus.SEED, "UNIT", NOW);
    private final RecordIntake intake = new RecordIntake(Duration.ofDays(1));

    @Test
    void everyInputRecordGetsTheVerdictAndErrorCodeTheCorpusExpects() {
        List<HostileCorpus.KafkaRecord> records = corpus.kafka(10_000, 1_000, 200, 50);
        Tally tally = new Tally();
        List<String> wrong = new ArrayList<>();
        for (HostileCorpus.KafkaRecord record : records) {
            if (record.topic().equals(Topics.ALERT_ACTIONS)) {
                continue;
            }
            // As IntakeProcessor does: the publication time is the record's timestamp, but never later than now.
            long published = Math.min(record.timestamp() == null ? NOW.toEpochMilli() : record.timestamp(), NOW.toEpochMilli());
            IntakeResult result = intake.acceptFromTopic(InputTopic.ofTopic(record.topic()), record.key(), record.value(), published);
            String error = result instanceof IntakeResult.Rejected rejected ? rejected.error() : null;
            tally.count(record.attack(), error != null, error);
            String problem = verdictProblem(record.refused(), record.error(), result);
            if (problem == null && result instanceof IntakeResult.Accepted accepted && !accepted.id().equals(record.id())) {
                problem = "accepted as id " + accepted.id() + ", expected " + record.id();
            }
            if (problem != null) {
                wrong.add(describe(record) + ": " + problem);
            }
        }
        System.out.println(tally.table("Hostile corpus through RecordIntake (seed " + HostileCorpus.SEED + ")"));
        assertEquals(List.of(), wrong.stream().limit(30).toList(), wrong.size() + " record(s) got a wrong verdict");
        assertTrue(tally.records() - tally.refused() >= 1_000, "the valid records are accepted");
    }

    @Test
    void everyAlertActionOfTheCorpusIsDeadLetteredOnceWithItsErrorCode() throws Exception {
        List<HostileCorpus.KafkaRecord> actions = corpus.kafka(10_000, 0, 0, 0).stream()
                .filter(r -> r.topic().equals(Topics.ALERT_ACTIONS)).toList();
        assertTrue(actions.size() >= 1_000, "the corpus attacks the alert actions too: " + actions.size());
        try (TopologyTestDriver driver = Drivers.topology("hostile-actions", NOW)) {
            TestInputTopic<byte[], byte[]> in = TestTopics.input(driver, TypedTopics.ALERT_ACTIONS);
            TestOutputTopic<String, String> deadLetters = TestTopics.output(driver, DeadLetterTopic.DEAD_LETTERS.asText());
            Tally tally = new Tally();
            List<String> wrong = new ArrayList<>();
            ContractValidator contract = ContractValidator.forTopic(Topics.DEAD_LETTERS);
            for (int offset = 0; offset < actions.size(); offset++) {
                HostileCorpus.KafkaRecord record = actions.get(offset);
                in.pipeInput(record.key(), record.value(), NOW);
                List<String> letters = deadLetters.readValuesToList();
                if (letters.size() != 1) {
                    wrong.add(describe(record) + ": " + letters.size() + " dead letters");
                    continue;
                }
                JsonNode letter = Json.MAPPER.readTree(letters.get(0));
                tally.count(record.attack(), true, letter.path("error").asText(null));
                List<String> violations = contract.validate(letter);
                if (!violations.isEmpty()) {
                    wrong.add(describe(record) + ": dead letter breaks its contract: " + violations);
                } else if (letter.path("offset").asLong() != offset || letter.path("reason").asText().isBlank()) {
                    wrong.add(describe(record) + ": dead letter of the wrong record or without a reason: " + letter);
                } else if (record.error() != null && !record.error().equals(letter.path("error").asText())) {
                    wrong.add(describe(record) + ": error " + letter.path("error").asText() + ", expected " + record.error());
                }
            }
            System.out.println(tally.table("Hostile alert actions through the topology"));
            assertEquals(List.of(), wrong.stream().limit(30).toList(), wrong.size() + " action(s) went wrong");
        }
    }

    @Test
    void everyHttpRequestGetsTheAnswerTheCorpusExpects() throws Exception {
        corpus.kafka(10_000, 1_000, 200, 50); // the same sequence of ids as the integration test
        List<HostileCorpus.HttpCase> cases = corpus.http(2_000, 60, 200, 50);
        Ingestion.Sink sink = (topic, key, value, publisher) -> CompletableFuture.completedFuture(
                new RecordMetadata(new TopicPartition(topic, 0), 0, 0, NOW.toEpochMilli(), key.length(), value.length));
        Ingestion ingestion = new Ingestion(intake, new IngestSettings(HostileCorpus.MAX_BODY_BYTES, HostileCorpus.MAX_BATCH,
                1_000_000, Duration.ofSeconds(5)), sink);
        Publisher admin = publisher("admin", null);
        Publisher lab = publisher("lab", Templates.LAB_CODE);
        Tally tally = new Tally();
        List<String> wrong = new ArrayList<>();
        for (HostileCorpus.HttpCase request : cases) {
            if (request.caller() == HostileCorpus.Caller.NONE || request.caller() == HostileCorpus.Caller.WRONG_TOKEN) {
                continue; // refused by IngestFilter before Ingestion: the integration test covers them
            }
            Ingestion.Outcome outcome = ingestion.ingest(request.caller() == HostileCorpus.Caller.LAB ? lab : admin,
                    request.input(), request.body(), NOW.toEpochMilli());
            wrong.addAll(HttpVerdicts.check(request, outcome, tally));
        }
        System.out.println(tally.table("Hostile HTTP requests through Ingestion"));
        assertEquals(List.of(), wrong.stream().limit(30).toList(), wrong.size() + " HTTP record(s) got a wrong answer");
    }

    static String verdictProblem(boolean refused, String expectedError, IntakeResult result) {
        if (result instanceof IntakeResult.Rejected rejected) {
            if (!refused) {
                return "refused (" + rejected.error() + ": " + rejected.reason() + "), expected accepted";
            }
            if (rejected.reason() == null || rejected.reason().isBlank()) {
                return "refused without a reason";
            }
            if (expectedError != null && !expectedError.equals(rejected.error())) {
                return "error " + rejected.error() + " (" + rejected.reason() + "), expected " + expectedError;
            }
            return null;
        }
        return refused ? "accepted, expected refused with " + expectedError : null;
    }

    static String describe(HostileCorpus.KafkaRecord record) {
        String value = record.value() == null ? "null" : new String(record.value(), StandardCharsets.UTF_8);
        return "#" + record.seq() + " " + record.attack() + " on " + record.topic() + " "
                + (value.length() > 160 ? value.substring(0, 160) + "…(" + value.length() + ")" : value);
    }

    private static Publisher publisher(String kind, String labCode) {
        PublisherConfig config = new PublisherConfig(kind);
        config.setKind(kind);
        config.setLabCode(labCode);
        config.setTokenSha256("00".repeat(32));
        return Publisher.of(config);
    }
}
