package org.foodrisk.benchmark;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One Kafka Streams application under test: started, watched until it has processed everything on
 * its inputs — judged by the offsets it has <em>committed</em>, never by sleeping — and measured.
 *
 * <p>Done means: the committed offset of every input partition has reached its end offset, and the
 * committed offset of every partition of the app's repartition topics has reached that topic's end
 * offset, twice in a row with the ends unchanged (under exactly-once a sub-topology's output only
 * becomes readable downstream when its transaction commits; two equal checks 100 ms apart leave no
 * transaction open). Output topics are written in the same transactions as those commits.
 */
final class StreamsRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRun.class);
    private static final long POLL_MS = 100;

    private final BenchCluster cluster;
    private final String applicationId;
    private final Supplier<Topology> topology;
    private final Path stateDir;
    private final BenchTopologies.Settings settings;
    private KafkaStreams streams;

    /** A run with the app's own Kafka Streams settings. */
    StreamsRun(BenchCluster cluster, String applicationId, Supplier<Topology> topology, Path stateDir) {
        this(cluster, applicationId, topology, stateDir, BenchTopologies::streamsProperties);
    }

    StreamsRun(BenchCluster cluster, String applicationId, Supplier<Topology> topology, Path stateDir,
               BenchTopologies.Settings settings) {
        this.cluster = cluster;
        this.applicationId = applicationId;
        this.topology = topology;
        this.stateDir = stateDir;
        this.settings = settings;
    }

    String applicationId() {
        return applicationId;
    }

    Path stateDir() {
        return stateDir;
    }

    void start() {
        streams = new KafkaStreams(topology.get(), settings.of(cluster.kafka(), applicationId, stateDir));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("{}: stream thread failed", applicationId, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
    }

    boolean running() {
        return streams != null && streams.state() == KafkaStreams.State.RUNNING;
    }

    /** What a throughput run measured. */
    record Throughput(String label, long records, double seconds, double startupSeconds, double sustainedPerSecond,
                      double appCpuSeconds,
                      double brokerCpuSeconds, double peakHeapMb, double liveHeapMb, double gcSeconds) {

        double perSecond() {
            return records / seconds;
        }

        double cpuMicrosPerRecord() {
            return appCpuSeconds * 1e6 / records;
        }

        /**
         * Share of the machine's cores busy in the app and the broker together over the run (start-up
         * included): near 1 means the run was bound by this machine's CPU, far below means it waited.
         */
        double machineCpuShare() {
            return (appCpuSeconds + brokerCpuSeconds) / seconds / Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * Starts the app and waits until it has processed its inputs up to {@code inputEnds}; the clock
     * runs from {@code start()} (so the figure includes start-up: creating the internal topics,
     * opening the stores, the first rebalance) to done. Start-up is the time to the first committed
     * input offset; the sustained rate is measured between 10 % and 90 % of the input.
     */
    Throughput measureToCompletion(String label, Map<TopicPartition, Long> inputEnds, Duration timeout) throws Exception {
        long total = inputEnds.values().stream().mapToLong(Long::longValue).sum();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Resources before = Resources.now(cluster);
        long peakHeap = 0;
        long t0 = System.nanoTime();
        start();
        Long tFirst = null;
        Long t10 = null;
        Long t90 = null;
        long c10 = 0;
        long c90 = 0;
        long lastLog = t0;
        while (true) {
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            Progress p = progress(inputEnds);
            long now = System.nanoTime();
            if (tFirst == null && p.inputCommitted > 0) {
                tFirst = now;
            }
            if (t10 == null && p.inputCommitted >= total / 10) {
                t10 = now;
                c10 = p.inputCommitted;
            }
            if (t90 == null && p.inputCommitted >= total * 9 / 10) {
                t90 = now;
                c90 = p.inputCommitted;
            }
            if (p.done) {
                break;
            }
            if (now - lastLog > 10_000_000_000L) {
                LOG.info("{}: {} / {} input records committed ({} s)", label, p.inputCommitted, total,
                        (now - t0) / 1_000_000_000);
                lastLog = now;
            }
            if (now - t0 > timeout.toNanos()) {
                throw new IllegalStateException(label + ": not done after " + timeout + " (" + p.inputCommitted
                        + " of " + total + " input records committed)");
            }
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException(label + ": Kafka Streams is " + streams.state());
            }
            Thread.sleep(POLL_MS);
        }
        long t1 = System.nanoTime();
        Resources after = Resources.now(cluster);
        double liveHeap = liveHeapMb();
        double sustained = t10 != null && t90 != null && t90 > t10 ? (c90 - c10) / ((t90 - t10) / 1e9) : Double.NaN;
        double startup = ((tFirst == null ? t1 : tFirst) - t0) / 1e9;
        return new Throughput(label, total, (t1 - t0) / 1e9, startup, sustained,
                (after.appCpuNanos - before.appCpuNanos) / 1e9, (after.brokerCpuNanos - before.brokerCpuNanos) / 1e9,
                peakHeap / 1048576.0, liveHeap, (after.gcMillis - before.gcMillis) / 1000.0);
    }

    /** Waits until the (running) app has processed its inputs up to {@code inputEnds}. */
    void awaitCompletion(Map<TopicPartition, Long> inputEnds, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!progress(inputEnds).done) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(applicationId + ": not caught up after " + timeout);
            }
            Thread.sleep(POLL_MS);
        }
    }

    void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(applicationId + " is " + streams.state() + " after " + timeout);
            }
            Thread.sleep(POLL_MS);
        }
    }

    private record Progress(long inputCommitted, boolean done) {
    }

    private Map<TopicPartition, Long> lastRepartitionEnds = Map.of();

    private Progress progress(Map<TopicPartition, Long> inputEnds) throws Exception {
        Map<TopicPartition, Long> committed = cluster.committed(applicationId);
        long inputCommitted = 0;
        boolean inputsDone = true;
        for (Map.Entry<TopicPartition, Long> end : inputEnds.entrySet()) {
            long c = Math.min(committed.getOrDefault(end.getKey(), 0L), end.getValue());
            inputCommitted += c;
            inputsDone &= c >= end.getValue();
        }
        if (!inputsDone) {
            lastRepartitionEnds = Map.of();
            return new Progress(inputCommitted, false);
        }
        List<String> repartition = cluster.repartitionTopics(applicationId);
        Map<TopicPartition, Long> ends = repartition.isEmpty() ? Map.of()
                : cluster.endOffsets(cluster.partitions(repartition));
        boolean internalDone = true;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (end.getValue() > 0 && committed.getOrDefault(end.getKey(), 0L) < end.getValue()) {
                internalDone = false;
            }
        }
        boolean stable = internalDone && ends.equals(lastRepartitionEnds);
        lastRepartitionEnds = internalDone ? ends : Map.of();
        return new Progress(inputCommitted, stable);
    }

    /** Heap in use after a full collection: what the app keeps alive, in MiB. */
    static double liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    /** Closes the app and leaves its group, so that it can be started again at once. */
    @Override
    public void close() {
        if (streams != null) {
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(60)));
            streams = null;
        }
    }

    /** CPU and GC counters of this JVM and the broker's. */
    record Resources(long appCpuNanos, long brokerCpuNanos, long gcMillis) {
        static Resources now(BenchCluster cluster) {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long gc = 0;
            for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, bean.getCollectionTime());
            }
            return new Resources(os.getProcessCpuTime(), cluster.brokerCpuNanos(), gc);
        }
    }
}
