package org.foodrisk.benchmark;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Event → output latency at a fixed input rate: a producer thread paces records at {@code rate}
 * a second; a read_committed consumer of the output topic notes when each output record becomes
 * visible. Latency = visible − produced (both {@link System#nanoTime()} of this JVM; "produced" is
 * the moment {@code send()} was called, so the producer's linger (5 ms) and the broker's append
 * are included). Under exactly-once an output is readable only after the transaction that wrote
 * it commits (every 100 ms), and each repartition hop of the topology waits for one such commit.
 *
 * <p>Which input an output answers: by key for the pass-through (output key = input key); for
 * the full topology by the alert record's timestamp, which is the event time of the signal whose
 * processing produced that alert version (the workload gives every paced record a unique event
 * time). Alert versions that no paced record triggered — a day's count judged when a later day's
 * record closes it, an hourly opinion window, an overdue mark — are counted but not matched.
 */
final class LatencyProbe {

    /** One paced phase's result. */
    record Phase(String label, int rate, long sent, double seconds, long outputs, long matched,
                 double p50Ms, double p99Ms, double maxMs, double maxSendLagMs, Map<String, Long> matchedKinds) {
    }

    private record Sent(long nanos, int phase) {
    }

    private final BenchCluster cluster;
    private final String outputTopic;
    private final Function<BenchRecord, Object> inputKey;
    private final Function<ConsumerRecord<byte[], byte[]>, Object> outputKey;
    private final boolean alerts;

    private LatencyProbe(BenchCluster cluster, String outputTopic, Function<BenchRecord, Object> inputKey,
                         Function<ConsumerRecord<byte[], byte[]>, Object> outputKey, boolean alerts) {
        this.cluster = cluster;
        this.outputTopic = outputTopic;
        this.inputKey = inputKey;
        this.outputKey = outputKey;
        this.alerts = alerts;
    }

    static LatencyProbe passThrough(BenchCluster cluster) {
        return new LatencyProbe(cluster, BenchCluster.PASS_THROUGH_OUTPUT, BenchRecord::key,
                r -> new String(r.key(), StandardCharsets.UTF_8), false);
    }

    static LatencyProbe alerts(BenchCluster cluster) {
        return new LatencyProbe(cluster, Topics.ALERTS, BenchRecord::eventTimeMillis, ConsumerRecord::timestamp, true);
    }

    private record Seen(long nanos, Object key, String kind) {
    }

    /**
     * Runs one paced phase per rate, {@code seconds} long each, on the running app {@code run};
     * between phases it waits until the app has caught up, so each phase's outputs are its own.
     */
    List<Phase> run(StreamsRun run, Iterator<BenchRecord> source, List<Integer> rates, int seconds,
                    Duration drainTimeout) throws Exception {
        Map<Object, Sent> sent = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        List<TopicPartition> outputPartitions = cluster.partitions(List.of(outputTopic));
        List<TopicPartition> inputPartitions = cluster.partitions(Topics.INPUTS);
        Map<String, Object> config = cluster.kafka().asMap();
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", false);
        config.put("fetch.max.wait.ms", 100);
        List<Phase> phases = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()); Publisher publisher = new Publisher(cluster.kafka(), false)) {
            consumer.assign(outputPartitions);
            consumer.seekToEnd(outputPartitions);
            outputPartitions.forEach(consumer::position);
            Thread reader = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                            seen.add(new Seen(System.nanoTime(), outputKey.apply(r), alerts ? kind(r.value()) : null));
                        }
                    } catch (InterruptException e) {
                        return;
                    }
                }
            }, "latency-reader");
            reader.setDaemon(true);
            reader.start();
            try {
                for (int phase = 0; phase < rates.size(); phase++) {
                    int rate = rates.get(phase);
                    long count = (long) rate * seconds;
                    long period = 1_000_000_000L / rate;
                    long start = System.nanoTime();
                    long maxLag = 0;
                    long n = 0;
                    while (n < count && source.hasNext()) {
                        long due = start + n * period;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        BenchRecord r = source.next();
                        long now = System.nanoTime();
                        maxLag = Math.max(maxLag, now - due);
                        sent.put(inputKey.apply(r), new Sent(now, phase));
                        publisher.send(r);
                        n++;
                    }
                    publisher.flush();
                    double took = (System.nanoTime() - start) / 1e9;
                    run.awaitCompletion(cluster.endOffsets(inputPartitions), drainTimeout);
                    Thread.sleep(1000); // let the reader see the last committed outputs
                    phases.add(summarize("phase " + (phase + 1), phase, rate, n, took, maxLag, sent, seen));
                    seen.clear();
                }
            } finally {
                reader.interrupt();
                reader.join(5000);
            }
        }
        return phases;
    }

    private Phase summarize(String label, int phase, int rate, long n, double took, long maxLagNanos,
                            Map<Object, Sent> sent, ConcurrentLinkedQueue<Seen> seen) {
        List<Long> latencies = new ArrayList<>();
        Map<String, Long> kinds = new TreeMap<>();
        long outputs = 0;
        for (Seen s : seen) {
            outputs++;
            Sent from = sent.get(s.key());
            if (from != null && from.phase() == phase) {
                latencies.add(s.nanos() - from.nanos());
                if (s.kind() != null) {
                    kinds.merge(s.kind(), 1L, Long::sum);
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Phase(label, rate, n, took, outputs, sorted.length, percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
                maxLagNanos / 1e6, kinds);
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    private static String kind(byte[] value) {
        try {
            return value == null ? "tombstone" : Json.MAPPER.readTree(value).path("kind").asText("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String describeKinds(Map<String, Long> kinds) {
        return kinds.isEmpty() ? "—" : String.join(", ", kinds.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
