package org.foodrisk.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.foodrisk.broker.LocalKraftBroker;
import org.foodrisk.kafka.Json;
import org.foodrisk.plan.Plan;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.runtime.KafkaClientConfig;
import org.foodrisk.topics.TopicCatalogue;
import org.foodrisk.topics.TopicProvisioner;
import org.foodrisk.topics.TopicSpec;
import org.foodrisk.topic.TypedTopics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The benchmark's Kafka: a fresh {@link LocalKraftBroker} in a temporary directory (a real broker in
 * its own JVM), the topics of the catalogue provisioned as the app does ({@link TopicProvisioner}),
 * the bundled plans published, and the admin queries the benchmarks measure with.
 */
final class BenchCluster implements AutoCloseable {

    /** Where the pass-through topology writes (not part of the app's catalogue). */
    static final String PASS_THROUGH_OUTPUT = "bench.pass-through.v1";

    private final Path workDir;
    private final LocalKraftBroker broker;
    private final KafkaClientConfig kafka;
    private final Admin admin;

    private BenchCluster(Path workDir, LocalKraftBroker broker) {
        this.workDir = workDir;
        this.broker = broker;
        this.kafka = new KafkaClientConfig(broker.bootstrapServers(), Map.of());
        this.admin = Admin.create(kafka.asMap());
    }

    static BenchCluster start(Path workDir) throws Exception {
        Files.createDirectories(workDir);
        LocalKraftBroker broker = LocalKraftBroker.start(workDir.resolve("kafka"), 0, Duration.ofSeconds(120));
        BenchCluster cluster = new BenchCluster(workDir, broker);
        cluster.provision();
        return cluster;
    }

    private void provision() throws Exception {
        List<TopicSpec> specs = TopicCatalogue.load();
        TopicProvisioner provisioner = new TopicProvisioner(admin);
        provisioner.provision(specs);
        NewTopic output = new NewTopic(PASS_THROUGH_OUTPUT, 4, (short) 1)
                .configs(Map.of("retention.ms", "-1", "compression.type", "lz4"));
        admin.createTopics(List.of(output)).all().get();
        List<String> names = new ArrayList<>(specs.stream().map(TopicSpec::name).toList());
        names.add(PASS_THROUGH_OUTPUT);
        provisioner.awaitReady(names, Duration.ofSeconds(60));
        publishPlans(PlanCatalog.bundled().plans());
    }

    private void publishPlans(Collection<Plan> plans) throws Exception {
        try (KafkaProducer<String, byte[]> producer = TypedTopics.PLAN_CATALOG.producer(kafka.durableProducer("bench-plans"))) {
            for (Plan plan : plans) {
                producer.send(TypedTopics.PLAN_CATALOG.record(plan.planId(),
                        Json.MAPPER.writeValueAsBytes(plan))).get();
            }
        }
    }

    KafkaClientConfig kafka() {
        return kafka;
    }

    Admin admin() {
        return admin;
    }

    Path workDir() {
        return workDir;
    }

    /** The broker JVM: the child process of this one whose command line runs KraftBrokerMain. */
    Optional<Long> brokerPid() {
        return ProcessHandle.current().children().map(ProcessHandle::pid)
                .filter(pid -> procText(pid, "cmdline").contains("KraftBrokerMain")).findFirst();
    }

    /** CPU time (user + system) of the broker JVM so far, in nanoseconds, from /proc (0 where unknown). */
    long brokerCpuNanos() {
        return brokerPid().map(pid -> {
            String stat = procText(pid, "stat");
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of /proc/<pid>/stat (utime, stime) in clock ticks of 10 ms
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        }).orElse(0L);
    }

    private static String procText(long pid, String file) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), file)),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    List<TopicPartition> partitions(Collection<String> topics) throws ExecutionException, InterruptedException {
        List<TopicPartition> out = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> out.add(new TopicPartition(name, p.partition()))));
        out.sort(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        return out;
    }

    /** The log-end offsets (high watermarks) of {@code partitions}. */
    Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                : admin.listOffsets(request).all().get().entrySet()) {
            out.put(e.getKey(), e.getValue().offset());
        }
        return out;
    }

    long totalEnd(Collection<String> topics) throws ExecutionException, InterruptedException {
        return endOffsets(partitions(topics)).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Records a read_committed consumer sees on {@code topic} (under exactly-once the end offsets
     * also count the transaction markers, so they overstate it).
     */
    long countRecords(String topic) throws ExecutionException, InterruptedException {
        long[] count = {0};
        forEachRecord(topic, value -> count[0]++);
        return count[0];
    }

    /** Reads {@code topic} from its start to its end (committed records only), handing each value on. */
    void forEachRecord(String topic, Consumer<byte[]> values) throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = partitions(List.of(topic));
        Map<String, Object> config = kafka.asMap();
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config,
                             new ByteArrayDeserializer(),
                             new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.accept(record.value()));
            }
        }
    }

    /** The offsets committed by consumer group {@code groupId}. */
    Map<TopicPartition, Long> committed(String groupId) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e
                : admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().entrySet()) {
            if (e.getValue() != null) {
                out.put(e.getKey(), e.getValue().offset());
            }
        }
        return out;
    }

    /** The repartition topics Kafka Streams created for {@code applicationId}. */
    List<String> repartitionTopics(String applicationId) throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get().stream()
                .filter(n -> n.startsWith(applicationId + "-") && n.endsWith("-repartition")).sorted().toList();
    }

    /** Bytes the broker holds for the topics {@code topic} accepts. */
    long brokerBytes(Predicate<String> topic) throws ExecutionException, InterruptedException {
        long sum = 0;
        Map<Integer, Map<String, LogDirDescription>> dirs =
                admin.describeLogDirs(List.of(1)).allDescriptions().get();
        for (Map<String, LogDirDescription> byDir : dirs.values()) {
            for (LogDirDescription d : byDir.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> r : d.replicaInfos().entrySet()) {
                    if (topic.test(r.getKey().topic())) {
                        sum += r.getValue().size();
                    }
                }
            }
        }
        return sum;
    }

    /**
     * Per topic matching {@code topic}: its bytes on the broker and its log-end offsets summed — every record the
     * producers wrote to it, transaction markers included, however much the log cleaner has compacted since.
     */
    Map<String, long[]> brokerFigures(Predicate<String> topic) throws ExecutionException, InterruptedException {
        Map<String, long[]> figures = new TreeMap<>();
        Map<Integer, Map<String, LogDirDescription>> dirs = admin.describeLogDirs(List.of(1)).allDescriptions().get();
        List<TopicPartition> partitions = new ArrayList<>();
        for (Map<String, LogDirDescription> byDir : dirs.values()) {
            for (LogDirDescription d : byDir.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> r : d.replicaInfos().entrySet()) {
                    if (topic.test(r.getKey().topic())) {
                        figures.computeIfAbsent(r.getKey().topic(), t -> new long[2])[0] += r.getValue().size();
                        partitions.add(r.getKey());
                    }
                }
            }
        }
        endOffsets(partitions).forEach((tp, end) -> figures.get(tp.topic())[1] += end);
        return figures;
    }

    static long directorySize(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // deleted while walking (RocksDB compaction)
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        broker.close();
    }
}
