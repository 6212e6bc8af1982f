package org.foodrisk.benchmark;

import org.foodrisk.topics.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Formatting of the benchmarks' tables (markdown) and the description of the machine. */
final class Report {

    static final String THROUGHPUT_HEADER = """
            | topology | records | wall s | start-up s | records/s (wall) | sustained records/s (10–90 %) | app CPU s | CPU µs/record | broker CPU s | peak heap MiB | live heap MiB | GC s |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |""";

    static final String LATENCY_HEADER = """
            | topology | rate /s | sent | outputs | matched | p50 ms | p99 ms | max ms | producer max lag ms | matched alert kinds |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |""";

    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String loadAtStart;

    void machine() {
        loadAtStart = loadAverage();
        System.out.println(machineLine());
    }

    String when() {
        return started + " UTC";
    }

    String machineLine() {
        return String.format(Locale.ROOT, "Machine: %d cores (%s), %s %s, JVM max heap %d MiB; load average at the start %s.",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1048576, loadAtStart);
    }

    static String throughputRow(StreamsRun.Throughput t) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.0f | %.0f | %.1f | %.0f | %.1f | %.0f | %.0f | %.1f |",
                t.label(), t.records(), t.seconds(), t.startupSeconds(), t.perSecond(), t.sustainedPerSecond(), t.appCpuSeconds(),
                t.cpuMicrosPerRecord(), t.brokerCpuSeconds(), t.peakHeapMb(), t.liveHeapMb(), t.gcSeconds());
    }

    static String latencyRow(String topology, LatencyProbe.Phase p) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.0f | %.0f | %.0f | %.1f | %s |",
                topology, p.rate(), p.sent(), p.outputs(), p.matched(), p.p50Ms(), p.p99Ms(), p.maxMs(),
                p.maxSendLagMs(), LatencyProbe.describeKinds(p.matchedKinds()));
    }

    static String mix(BenchCluster cluster) throws Exception {
        List<String> parts = new ArrayList<>();
        long total = cluster.totalEnd(Topics.INPUTS);
        for (String topic : Topics.INPUTS) {
            long n = cluster.totalEnd(List.of(topic));
            parts.add(String.format(Locale.ROOT, "%s %.0f %%", topic.replace("foodrisk.", "").replace(".v1", ""),
                    100.0 * n / total));
        }
        return String.join(", ", parts);
    }

    /** The 1, 5 and 15 minute load averages (Linux), or the JVM's view of the 1 minute one. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp directory
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
