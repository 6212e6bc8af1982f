package org.foodrisk.it.exactlyonce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.TopicCatalogue;
import org.foodrisk.topics.TopicProvisioner;
import org.foodrisk.topic.Topic;
import org.foodrisk.topic.TypedTopics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The fixed input of the exactly-once tests: 30 days of generated Tianjin traffic on the four
 * input topics (seeded, so the same on every run) with the planted incidents of the last day,
 * plus re-deliveries, corrections and malformed records — about 5,000 records that make alerts
 * of several kinds (critical hazard, repeat offender, failure rate, illness cluster, fusion,
 * opinion, count aberration) and dead letters of several kinds.
 *
 * <p>The traffic is in arrival order (a lab result days after its sample). Why the records carry
 * made-up, strictly increasing timestamps in publication order: Kafka
 * Streams picks the next record of a task from the partition whose head record is oldest, so a
 * backlog with distinct timestamps is read in one defined order, however fetches happen to
 * arrive (see {@link ExactlyOnceIT} for why the order must be defined). They lie just before the
 * time the input is built — not at the 2024 event times — because the dead-letter topic keeps
 * records 90 days by their timestamp and would expire old ones during the test.
 */
final class FixedInput {

    static final long SEED = 20_260_701L;
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 4, 15);
    static final int DAYS = 30;
    /** Topics the app reads in its first sub-topology; the test gives them one partition (see ExactlyOnceIT). */
    static final List<String> SOURCE_TOPICS = Stream.concat(TypedTopics.INPUTS.stream(), Stream.of(TypedTopics.ALERT_ACTIONS))
            .map(Topic::name).toList();

    /** One record to publish, as raw bytes (its topic's serdes); {@code key} and {@code value} may be null (a bad record). */
    record Input(Topic<byte[], byte[]> topic, byte[] key, byte[] value, long timestamp) {
    }

    private final List<Input> records;

    private FixedInput(List<Input> records) {
        this.records = List.copyOf(records);
    }

    static FixedInput build() {
        DemoDataGenerator generator = new DemoDataGenerator(SEED, DemoDataGenerator.TIANJIN);
        LocalDate end = FIRST_DAY.plusDays(DAYS);
        // In arrival order, as labs and hospitals publish: results days after their samples.
        List<DemoRecord> traffic = generator.arrivals(FIRST_DAY, end, day -> day.equals(end.minusDays(1))).toList();

        List<Draft> drafts = new ArrayList<>();
        String lastSample = null;
        for (int i = 0; i < traffic.size(); i++) {
            DemoRecord record = traffic.get(i);
            drafts.add(new Draft(TypedTopics.input(record.topic()), utf8(record.key()), utf8(record.json())));
            // Re-deliveries and corrections follow their original closely; a correction that comes after
            // its day was judged has the day judged again (the source topics have one partition here, so
            // every run sees the same order and judges the same days on the same ticks).
            if (i % 50 == 7 && i >= 10) {
                DemoRecord earlier = traffic.get(i - 10);
                drafts.add(new Draft(TypedTopics.input(earlier.topic()), utf8(earlier.key()), utf8(earlier.json())));
            }
            if (i % 211 == 5 && i >= 10 && traffic.get(i - 5).topic().equals(TypedTopics.SAMPLING_RESULTS.name())) {
                DemoRecord earlier = traffic.get(i - 5);
                drafts.add(new Draft(TypedTopics.input(earlier.topic()), utf8(earlier.key()), utf8(corrected(earlier.json()))));
            }
            if (record.topic().equals(TypedTopics.SAMPLING_RESULTS.name())) {
                lastSample = record.json();
            }
            if (i % 97 == 3 && lastSample != null) {
                drafts.add(malformed(i / 97, lastSample));
            }
        }
        long first = Instant.now().toEpochMilli() - 3_600_000L;
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            inputs.add(new Input(draft.topic(), draft.key(), draft.value(), first + i));
        }
        return new FixedInput(inputs);
    }

    List<Input> records() {
        return records;
    }

    /** Creates the source topics with one partition and the catalogue's other settings, before the app provisions the rest. */
    static void createSourceTopics(Admin admin) throws ExecutionException, InterruptedException {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : SOURCE_TOPICS) {
            Map<String, String> configs = new HashMap<>(TopicCatalogue.spec(name).configs());
            configs.put("min.insync.replicas", "1");
            topics.add(new NewTopic(name, 1, (short) 1).configs(configs));
        }
        admin.createTopics(topics).all().get();
        // Producing to a partition that has no leader yet can fail; wait until each has one.
        new TopicProvisioner(admin).awaitReady(SOURCE_TOPICS, Duration.ofSeconds(60));
    }

    /**
     * Publishes every record, in order, durably and without duplicates (idempotent producer), and
     * checks that each one was written: a lost input record would make the runs differ for a
     * reason that is not the service's.
     */
    void publish(String bootstrapServers) throws ExecutionException, InterruptedException {
        // One request in flight: a batch that fails (a partition just created, a slow broker) is
        // retried before the next is sent, so no later batch overtakes it (seen here as
        // OutOfOrderSequenceException and expired batches on a loaded machine).
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "enable.idempotence", true, "max.in.flight.requests.per.connection", 1, "linger.ms", 20,
                "compression.type", "lz4", "request.timeout.ms", 60_000, "delivery.timeout.ms", 300_000);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        // The inputs' raw-bytes serializers, the same for the four and the actions topic: one producer writes them all.
        try (KafkaProducer<byte[], byte[]> producer = TypedTopics.SAMPLING_RESULTS.producer(config)) {
            for (Input input : records) {
                sent.add(producer.send(input.topic().record(0, input.timestamp(), input.key(), input.value())));
            }
            producer.flush();
        }
        for (Future<RecordMetadata> result : sent) {
            result.get();
        }
    }

    private record Draft(Topic<byte[], byte[]> topic, byte[] key, byte[] value) {
    }

    /** The same sample reported again with another report time: a correction (retract, count anew). */
    private static String corrected(String json) {
        ObjectNode node = parse(json);
        OffsetDateTime reported = OffsetDateTime.parse(node.get("reportedAt").asText());
        return node.put("reportedAt", reported.plusHours(1).toString()).toString();
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One of eight kinds of record the intake must refuse, each into a dead letter; the sampling
     * ones are a valid recent sample with one defect, so that each fails for its own reason.
     */
    private static Draft malformed(int n, String validSample) {
        String id = "BAD" + String.format("%04d", n);
        Topic<byte[], byte[]> topic = TypedTopics.INPUTS.get(n % TypedTopics.INPUTS.size());
        ObjectNode sample = parse(validSample);
        sample.put("sampleId", id);
        return switch (n % 8) {
            case 0 -> new Draft(topic, utf8(id), utf8("{\"sampleId\":\"" + id + "\",\"program\":"));
            case 1 -> new Draft(topic, utf8(id), utf8("[1,2,3]"));
            case 2 -> new Draft(TypedTopics.SAMPLING_RESULTS, utf8(id), utf8(sample.put("items", "none").toString()));
            case 3 -> {
                sample.remove("sampledAt");
                yield new Draft(TypedTopics.SAMPLING_RESULTS, utf8(id), utf8(sample.toString()));
            }
            case 4 -> new Draft(TypedTopics.SAMPLING_RESULTS, utf8("OTHER-" + id), utf8(sample.toString()));
            case 5 -> new Draft(topic, utf8(id), new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
            case 6 -> new Draft(TypedTopics.SAMPLING_RESULTS, utf8(id), utf8(sample.put("sampledAt", "2099-01-01T09:00:00+08:00")
                    .put("reportedAt", "2099-01-02T09:00:00+08:00").toString()));
            default -> new Draft(topic, utf8(id), null);
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
