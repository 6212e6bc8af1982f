package org.foodrisk.it;

import org.foodrisk.testsupport.TestCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.foodrisk.hostile.HostileCorpus;
import org.foodrisk.hostile.HttpVerdicts;
import org.foodrisk.hostile.Tally;
import org.foodrisk.ingest.InputTopic;
import org.foodrisk.kafka.Json;
import org.foodrisk.runtime.KafkaRuntime;
import org.foodrisk.broker.LocalKraftBroker;
import org.foodrisk.topics.ContractValidator;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;
import org.foodrisk.topology.DeadLetterTopic;
import org.foodrisk.topology.StoreNames;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile-input corpus (org.foodrisk.hostile) through the whole application on a real broker:
 * more than ten thousand malformed or adversarial records on the five input topics and through the
 * HTTP ingestion API, interleaved with valid records and re-deliveries of them. Every refused Kafka
 * record must be on foodrisk.dead-letters.v1 exactly once (matched by its topic, partition and
 * offset) with an error code and a reason, and within the dead-letter contract; every refused HTTP
 * record must get a 4xx with its reason; every valid record must be counted exactly once (its id
 * enters the dedup store once: one record of that store's changelog); the totals must add up; and
 * the application must still be up with its original stream thread, having processed the valid
 * records published after all the attacks.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT implements TestPropertyProvider {

    /**
     * A broker of its own (a real single-node KRaft broker, like TestKafka's): the corpus leaves
     * some 11,000 records on the shared input topics, a few of them megabytes once decompressed,
     * which every application started after it by other integration tests would first have to read.
     */
    private static final LocalKraftBroker BROKER = startBroker();

    private static final String ADMIN_TOKEN = "hostile-admin-" + UUID.randomUUID();
    private static final String LAB_TOKEN = "hostile-lab-" + UUID.randomUUID();
    private static final String APPLICATION_ID = "foodrisk-hostile-it-" + UUID.randomUUID();
    /** How long the outputs may stand still before the application counts as stuck (the machine may be loaded). */
    private static final Duration STALL = Duration.ofSeconds(90);
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Value("${micronaut.server.port}")
    int port;

    @Inject
    KafkaRuntime runtime;

    /** Where a record is on its topic. */
    record Position(String topic, int partition, long offset) {
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            Map<String, String> properties = new HashMap<>();
            properties.put("foodrisk.bootstrap-servers", BROKER.bootstrapServers());
            properties.put("foodrisk.application-id", APPLICATION_ID);
            properties.put("foodrisk.data-dir", Files.createTempDirectory("foodrisk-hostile-it").toString());
            properties.put("foodrisk.demo", "false");
            properties.put("micronaut.server.port", String.valueOf(TestCredentials.freePort()));
            properties.put("foodrisk.publishers.hostile-admin.token-sha256", TestCredentials.tokenSha256(ADMIN_TOKEN));
            properties.put("foodrisk.publishers.hostile-admin.kind", "admin");
            properties.put("foodrisk.publishers.hostile-admin.requests-per-minute", "1000000");
            properties.put("foodrisk.publishers.hostile-lab.token-sha256", TestCredentials.tokenSha256(LAB_TOKEN));
            properties.put("foodrisk.publishers.hostile-lab.kind", "lab");
            properties.put("foodrisk.publishers.hostile-lab.lab-code", "HOSTILE-LAB");
            properties.put("foodrisk.publishers.hostile-lab.requests-per-minute", "1000000");
            // All publishers send from 127.0.0.1 here, as fast as they are answered: no per-address rate.
            properties.put("foodrisk.http.requests-per-second-per-address", "0");
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyHostileRecordIsRefusedWithAReasonAndEveryValidOneCountsExactlyOnce() throws Exception {
        HostileCorpus corpus = new HostileCorpus(HostileCorpus.SEED, UUID.randomUUID().toString().substring(0, 8),
                Instant.now());
        List<HostileCorpus.KafkaRecord> kafka = corpus.kafka(10_000, 1_000, 200, 50);
        List<HostileCorpus.HttpCase> requests = corpus.http(2_000, 60, 200, 50);

        Instant start = Instant.now();
        Map<Position, HostileCorpus.KafkaRecord> published = publish(kafka);
        Instant kafkaDone = Instant.now();
        Tally httpTally = new Tally();
        List<String> problems = new ArrayList<>();
        List<HttpVerdicts.Written> written = new ArrayList<>();
        // Four requests at a time, as several publishers would send; answers are checked in corpus order.
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        for (HostileCorpus.HttpCase request : requests) {
            responses.add(senders.submit(() -> post(request)));
        }
        senders.shutdown();
        for (int i = 0; i < requests.size(); i++) {
            HostileCorpus.HttpCase request = requests.get(i);
            HttpResponse<String> response = responses.get(i).get();
            HttpVerdicts.Checked checked = HttpVerdicts.check(request, response.statusCode(),
                    Json.MAPPER.readTree(response.body()), httpTally);
            problems.addAll(checked.problems());
            written.addAll(checked.written());
        }

        Set<String> expectedIds = new HashSet<>();
        kafka.stream().filter(r -> !r.refused()).forEach(r -> expectedIds.add(r.id()));
        written.forEach(w -> expectedIds.add(w.record().id()));
        Set<Position> refused = published.entrySet().stream().filter(e -> e.getValue().refused())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Instant httpDone = Instant.now();
        Outputs outputs = awaitOutputs(corpus.idPrefix(), published.keySet(), refused, expectedIds);
        System.out.printf("Hostile input: %d Kafka records published in %d s, %d HTTP requests answered in %d s, "
                        + "all outputs complete %d s after the start%n", kafka.size(),
                Duration.between(start, kafkaDone).toSeconds(), requests.size(),
                Duration.between(kafkaDone, httpDone).toSeconds(), Duration.between(start, Instant.now()).toSeconds());

        Tally kafkaTally = new Tally();
        ContractValidator deadLetterContract = ContractValidator.forTopic(DeadLetterTopic.DEAD_LETTERS.name());
        for (Map.Entry<Position, HostileCorpus.KafkaRecord> entry : published.entrySet()) {
            HostileCorpus.KafkaRecord record = entry.getValue();
            List<JsonNode> letters = outputs.deadLetters().getOrDefault(entry.getKey(), List.of());
            String where = "#" + record.seq() + " " + record.attack() + " at " + entry.getKey();
            kafkaTally.count(record.attack(), !letters.isEmpty(), letters.isEmpty() ? null : letters.get(0).path("error").asText());
            if (!record.refused()) {
                if (!letters.isEmpty()) {
                    problems.add(where + ": valid, yet dead-lettered: " + letters.get(0).path("reason").asText());
                }
                continue;
            }
            if (letters.size() != 1) {
                problems.add(where + ": " + letters.size() + " dead letters, expected exactly one");
                continue;
            }
            JsonNode letter = letters.get(0);
            if (letter.path("error").asText().isBlank() || letter.path("reason").asText().isBlank()) {
                problems.add(where + ": dead letter without an error code or reason: " + letter);
            } else if (record.error() != null && !record.error().equals(letter.path("error").asText())) {
                problems.add(where + ": error " + letter.path("error").asText() + ", expected " + record.error());
            }
            List<String> violations = deadLetterContract.validate(letter);
            if (!violations.isEmpty()) {
                problems.add(where + ": dead letter breaks its contract: " + violations);
            }
        }
        outputs.counted().forEach((id, times) -> {
            if (!expectedIds.contains(id)) {
                problems.add("id " + id + " entered the dedup store but was never a valid record");
            } else if (times != 1) {
                problems.add("id " + id + " entered the dedup store " + times + " times");
            }
        });
        expectedIds.stream().filter(id -> !outputs.counted().containsKey(id))
                .forEach(id -> problems.add("valid id " + id + " was never counted"));
        Map<Position, byte[]> onTopics = recordsAt(written);
        for (HttpVerdicts.Written w : written) {
            byte[] stored = onTopics.get(positionOf(w));
            if (stored == null || !Arrays.equals(stored, w.record().value())) {
                problems.add("HTTP record " + w.record().id() + " is not on its topic as sent (" + positionOf(w) + ")");
            }
        }

        System.out.println(kafkaTally.table("Hostile corpus on the Kafka topics (seed " + HostileCorpus.SEED + ")"));
        System.out.println(httpTally.table("Hostile corpus through the HTTP ingestion API"));
        assertEquals(List.of(), problems.stream().limit(40).toList(), problems.size() + " problem(s)");

        long kafkaRefused = published.keySet().stream().filter(p -> outputs.deadLetters().containsKey(p)).count();
        long kafkaValidIds = kafka.stream().filter(r -> !r.refused() && !r.duplicate()).count();
        long kafkaDuplicates = kafka.stream().filter(HostileCorpus.KafkaRecord::duplicate).count();
        assertEquals(kafka.size(), kafkaRefused + kafkaValidIds + kafkaDuplicates,
                "Kafka: refused + valid + duplicates = published");
        long httpRecords = requests.stream().mapToLong(r -> r.records().size()).sum();
        long httpDuplicates = written.stream().filter(w -> w.record().attack().duplicate()).count();
        assertEquals(httpRecords, httpTally.refused() + (written.size() - httpDuplicates) + httpDuplicates,
                "HTTP: refused + valid + duplicates = published");
        assertEquals(expectedIds.size(), outputs.counted().size(), "every valid id counted, once");
        assertTrue(kafka.size() - kafkaValidIds - kafkaDuplicates + httpTally.refused() >= 10_000,
                "at least ten thousand hostile records");

        JsonNode health = Json.MAPPER.readTree(get("/health").body());
        assertEquals("UP", health.path("status").asText(), health.toString());
        KafkaStreams streams = runtime.streams();
        assertEquals(KafkaStreams.State.RUNNING, streams.state());
        List<String> threads = streams.metadataForLocalThreads().stream().map(t -> t.threadName()).toList();
        assertTrue(threads.stream().allMatch(name -> name.endsWith("-StreamThread-1")),
                "no stream thread failed and was replaced: " + threads);
    }

    /** Publishes the corpus in its order and waits for every acknowledgement. */
    private static Map<Position, HostileCorpus.KafkaRecord> publish(List<HostileCorpus.KafkaRecord> records) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", BROKER.bootstrapServers());
        config.put("acks", "all");
        config.put("enable.idempotence", true);
        config.put("compression.type", "lz4"); // the topic limit applies to compressed batches: giants get through
        config.put("max.request.size", 16 * 1024 * 1024);
        config.put("buffer.memory", 64L * 1024 * 1024);
        config.put("linger.ms", 5);
        config.put("batch.size", 256 * 1024);
        Map<Position, HostileCorpus.KafkaRecord> published = new HashMap<>();
        // The raw-bytes serializers of the inputs and the actions topic, the same for all: one producer writes them all.
        try (KafkaProducer<byte[], byte[]> producer = TypedTopics.SAMPLING_RESULTS.producer(config)) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (HostileCorpus.KafkaRecord record : records) {
                sends.add(producer.send(rawTopic(record.topic()).record(null, record.timestamp(), record.key(),
                        record.value())));
            }
            for (int i = 0; i < sends.size(); i++) {
                RecordMetadata metadata = sends.get(i).get();
                published.put(new Position(metadata.topic(), metadata.partition(), metadata.offset()), records.get(i));
            }
        }
        return published;
    }

    /** The registry's topic of a corpus record: an input or the alert actions, both read as raw bytes. */
    private static Topic<byte[], byte[]> rawTopic(String name) {
        return name.equals(TypedTopics.ALERT_ACTIONS.name()) ? TypedTopics.ALERT_ACTIONS : TypedTopics.input(name);
    }

    private HttpResponse<String> post(HostileCorpus.HttpCase request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/"
                        + request.input().shortName()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        switch (request.caller()) {
            case ADMIN -> builder.header("Authorization", "Bearer " + ADMIN_TOKEN);
            case LAB -> builder.header("Authorization", "Bearer " + LAB_TOKEN);
            case WRONG_TOKEN -> builder.header("Authorization", "Bearer " + ADMIN_TOKEN + "x");
            case NONE -> { }
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The dead letters of the corpus's records by position, and how often each id of the corpus entered a dedup store. */
    record Outputs(Map<Position, List<JsonNode>> deadLetters, Map<String, Integer> counted) {
    }

    /**
     * Reads the dead letters and the dedup stores' changelogs (read_committed) until every refused
     * record has its dead letter, every valid id is counted and the application has consumed the
     * input topics to where the corpus ended; then reads on to the ends of those topics, so that a
     * second dead letter or a second count would be seen too.
     */
    private Outputs awaitOutputs(String idPrefix, Set<Position> ours, Set<Position> refused, Set<String> validIds)
            throws Exception {
        Map<Position, List<JsonNode>> deadLetters = new HashMap<>();
        Map<String, Integer> counted = new HashMap<>();
        List<String> topics = new ArrayList<>(List.of(DeadLetterTopic.DEAD_LETTERS.name()));
        for (InputTopic input : InputTopic.values()) {
            topics.add(APPLICATION_ID + "-" + StoreNames.dedup(input) + "-changelog");
        }
        Map<TopicPartition, Long> inputEnds = endOffsets(inputPartitions());
        Instant deadline = Instant.now().plus(PATIENCE);
        // Raw bytes: one reader for the dead letters and the dedup changelogs, which are in no registry.
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", BROKER.bootstrapServers(), "group.id", "hostile-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed", "enable.auto.commit", false,
                "max.partition.fetch.bytes", 8 * 1024 * 1024), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                awaitTopic(consumer, topic, deadline);
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            boolean complete = false;
            int seen = 0;
            Instant lastProgress = Instant.now();
            while (!complete) {
                // Not a timing assertion: it fails only when nothing moves for STALL, i.e. the application is stuck.
                if (Instant.now().isAfter(lastProgress.plus(STALL)) || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the application stopped making progress: " + refused.stream()
                            .filter(p -> !deadLetters.containsKey(p)).count() + " refused record(s) without a dead letter, "
                            + validIds.stream().filter(id -> !counted.containsKey(id)).count()
                            + " valid id(s) not counted, input consumed: " + caughtUp(inputEnds));
                }
                poll(consumer, idPrefix, ours, deadLetters, counted);
                int now = deadLetters.size() + counted.size();
                if (now > seen) {
                    seen = now;
                    lastProgress = Instant.now();
                }
                complete = deadLetters.keySet().containsAll(refused) && counted.keySet().containsAll(validIds)
                        && caughtUp(inputEnds);
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                poll(consumer, idPrefix, ours, deadLetters, counted);
            }
        }
        return new Outputs(deadLetters, counted);
    }

    private static void poll(KafkaConsumer<byte[], byte[]> consumer, String idPrefix, Set<Position> ours,
                             Map<Position, List<JsonNode>> deadLetters, Map<String, Integer> counted) throws Exception {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            if (record.topic().equals(DeadLetterTopic.DEAD_LETTERS.name())) {
                JsonNode letter = Json.MAPPER.readTree(record.value());
                Position source = new Position(letter.path("sourceTopic").asText(), letter.path("partition").asInt(-1),
                        letter.path("offset").asLong(-1));
                if (ours.contains(source)) {
                    deadLetters.computeIfAbsent(source, p -> new ArrayList<>()).add(letter);
                }
            } else if (record.key() != null) {
                String id = new String(record.key(), StandardCharsets.UTF_8);
                if (id.startsWith(idPrefix) && record.value() != null) {
                    counted.merge(id, 1, Integer::sum);
                }
            }
        }
    }

    private static void awaitTopic(KafkaConsumer<byte[], byte[]> consumer, String topic, Instant deadline)
            throws InterruptedException {
        while (consumer.listTopics().get(topic) == null) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("topic " + topic + " never appeared");
            }
            Thread.sleep(200);
        }
    }

    private static List<TopicPartition> inputPartitions() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BROKER.bootstrapServers()))) {
            List<String> topics = new ArrayList<>(TypedTopics.INPUTS.stream().map(Topic::name).toList());
            topics.add(TypedTopics.ALERT_ACTIONS.name());
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BROKER.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    /** Whether the application committed offsets at or past these ends of its input partitions. */
    private static boolean caughtUp(Map<TopicPartition, Long> ends) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BROKER.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION_ID)
                    .partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || (committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue()));
        }
    }

    /** The values at the positions the API said it wrote, read back from the input topics. */
    private static Map<Position, byte[]> recordsAt(List<HttpVerdicts.Written> written) throws Exception {
        Set<Position> wanted = written.stream().map(HostileInputIT::positionOf).collect(Collectors.toSet());
        Map<Position, byte[]> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        // The inputs' raw-bytes deserializers, the same for the four: the values are compared byte for byte.
        try (KafkaConsumer<byte[], byte[]> consumer = TypedTopics.SAMPLING_RESULTS.consumer(Map.of(
                "bootstrap.servers", BROKER.bootstrapServers(), "enable.auto.commit", false,
                "max.partition.fetch.bytes", 8 * 1024 * 1024))) {
            List<TopicPartition> partitions = wanted.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                    .distinct().toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(PATIENCE);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Position position = new Position(record.topic(), record.partition(), record.offset());
                    if (wanted.contains(position)) {
                        found.put(position, record.value());
                    }
                }
            }
        }
        return found;
    }

    private static Position positionOf(HttpVerdicts.Written written) {
        return new Position(written.topic(), written.partition(), written.offset());
    }

    private static LocalKraftBroker startBroker() {
        try {
            LocalKraftBroker broker = LocalKraftBroker.start(Files.createTempDirectory("foodrisk-hostile-broker"), 0,
                    Duration.ofSeconds(90));
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


}
