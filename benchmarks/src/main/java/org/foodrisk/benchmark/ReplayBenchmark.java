package org.foodrisk.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.TopicPartition;
import org.foodrisk.kafka.Json;
import org.foodrisk.topics.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The replay figure (issue 7): one year of national-scale sampling results
 * ({@link NationalSampling}) pre-published on a fresh local broker, then replayed through the full
 * topology from an empty state to completion (committed offsets): time taken and the size of the
 * state afterwards (local RocksDB stores after a clean close, by store, and the changelog topics on
 * the broker).
 *
 * <p>The national 2023 volume is about 7,000,000 results. {@code --records} sets the size; anything
 * less is a scaled sample — fewer Tianjin-like prefectures over the same full year. Nothing is
 * extrapolated: a figure for 7,000,000 comes from a run of 7,000,000.
 *
 * <p>The same data first goes through the baseline, a bare exactly-once pass-through with replay
 * settings ({@link BenchTopologies#passThroughProperties}) at each of {@code --pass-through-threads},
 * and the ratio full / fastest pass-through is printed (issue 18).
 *
 * <pre>./benchmark.sh replay [--records 73766] [--year 2025]</pre>
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "One year of national-scale sampling results through the full topology: time and state size.")
public final class ReplayBenchmark implements Callable<Integer> {

    static final long NATIONAL_2023 = 7_000_000L;

    @Option(names = "--records", description = "About how many sampling results the year holds "
            + "(rounded to whole prefectures of ~36,900; below that, one thinned prefecture, for trials); 7000000 = national scale (default ${DEFAULT-VALUE}).")
    long records = 73_766;

    @Option(names = "--year", description = "The calendar year of the events (default: last year).")
    Integer year;

    @Option(names = "--seed", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--work-dir", description = "Broker and state directory (default: a fresh temporary directory, deleted afterwards).")
    Path workDir;

    @Option(names = "--timeout-minutes", description = "Give up after this long (default ${DEFAULT-VALUE}).")
    int timeoutMinutes = 240;

    @Option(names = "--pass-through-threads", split = ",", description = "Stream threads of the tuned pass-through "
            + "baseline, one run each on the same data; the fastest is the baseline (default ${DEFAULT-VALUE}).")
    List<Integer> passThroughThreads = List.of(1, 2);

    @Option(names = "--streams", split = ",", description = "Kafka Streams properties set on top of the app's for the "
            + "full run only, e.g. commit.interval.ms=1000,producer.linger.ms=20 — to try a setting before it becomes "
            + "the service's; the report lists them.")
    Map<String, String> fullOverrides = new LinkedHashMap<>();

    @Option(names = "--detect", split = ",", description = "Detector settings for the full run, as the service's "
            + "foodrisk.detect.* without the prefix, e.g. count-method=pooled-nb — to measure what a detector costs.")
    Map<String, Object> detect = new LinkedHashMap<>();

    @Option(names = "--alerts-out", description = "Write every alert version the full run published, one line each "
            + "(alertId, version, status, judgement state, kind, dedupKey, window start, observed), sorted — to compare "
            + "two runs with diff.")
    Path alertsOut;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReplayBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        boolean temporary = workDir == null;
        Path dir = temporary ? Files.createTempDirectory("foodrisk-replay-") : workDir;
        int eventYear = year != null ? year : LocalDate.now().getYear() - 1;
        Report report = new Report();
        report.machine();
        NationalSampling data = new NationalSampling(seed, records, eventYear);
        try (BenchCluster cluster = BenchCluster.start(dir)) {
            List<TopicPartition> inputs = cluster.partitions(Topics.INPUTS);
            long t0 = System.nanoTime();
            long produced;
            try (Publisher publisher = new Publisher(cluster.kafka(), true)) {
                produced = publisher.sendAll(data, Long.MAX_VALUE);
            }
            double produceSeconds = (System.nanoTime() - t0) / 1e9;
            Map<TopicPartition, Long> ends = cluster.endOffsets(inputs);
            long inputBytes = cluster.brokerBytes(Topics.SAMPLING_RESULTS::equals);
            System.out.printf(Locale.ROOT, "published %d sampling results of %d (%d synthetic counties) in %.1f s%n",
                    produced, eventYear, data.counties(), produceSeconds);

            // The baseline first, on the same broker and data (issue 18): a bare exactly-once pass-through
            // with the settings a Kafka engineer would give a replay, at each thread count asked for.
            List<StreamsRun.Throughput> baselines = new ArrayList<>();
            for (int threads : passThroughThreads) {
                String id = "bench-pass-through-" + threads;
                try (StreamsRun run = new StreamsRun(cluster, id, BenchTopologies::passThrough, dir.resolve("state-" + id),
                        (kafka, app, state) -> BenchTopologies.passThroughProperties(kafka, app, state, threads))) {
                    baselines.add(run.measureToCompletion("pass-through, tuned, " + threads + " thread"
                            + (threads == 1 ? "" : "s"), ends, Duration.ofMinutes(timeoutMinutes)));
                }
            }
            StreamsRun.Throughput baseline = baselines.stream()
                    .max(Comparator.comparingDouble(StreamsRun.Throughput::perSecond)).orElseThrow();

            Path stateDir = dir.resolve("state-replay");
            String appId = "bench-replay";
            StreamsRun.Throughput t;
            long alerts;
            long deadLetters;
            if (!fullOverrides.isEmpty()) {
                System.out.println("full run with, on top of the app's settings: " + fullOverrides);
            }
            if (!detect.isEmpty()) {
                System.out.println("full run with the detector settings: " + detect);
            }
            try (StreamsRun run = new StreamsRun(cluster, appId, () -> BenchTopologies.full(detect), stateDir, (kafka, app, state) -> {
                Properties props = BenchTopologies.streamsProperties(kafka, app, state);
                props.putAll(fullOverrides);
                return props;
            })) {
                t = run.measureToCompletion("full (replay)", ends, Duration.ofMinutes(timeoutMinutes));
                alerts = cluster.countRecords(Topics.ALERTS);
                if (alertsOut != null) {
                    writeAlertVersions(cluster, alertsOut);
                }
                deadLetters = cluster.countRecords(Topics.DEAD_LETTERS);
            }
            Map<String, Long> stores = storeSizes(stateDir.resolve(appId));
            long local = stores.values().stream().mapToLong(Long::longValue).sum();
            long changelogs = cluster.brokerBytes(topic -> topic.startsWith(appId + "-") && topic.endsWith("-changelog"));
            Map<String, long[]> changelogFigures =
                    cluster.brokerFigures(topic -> topic.startsWith(appId + "-") && topic.endsWith("-changelog"));

            System.out.println();
            System.out.printf("## Replay: one year of national-scale sampling results (%s)%n%n", report.when());
            System.out.println(report.machineLine());
            System.out.println();
            System.out.printf(Locale.ROOT, "Data: %d sampling results dated %d (%d Tianjin-like prefectures, %d synthetic "
                            + "counties, the generator's category and failure mix), %s MiB on the input topic (lz4); "
                            + "published in %.1f s in arrival order. Each run reads the whole backlog from an empty state.%n%n",
                    produced, eventYear, data.counties() / 16, data.counties(), Report.mib(inputBytes), produceSeconds);
            System.out.println(Report.THROUGHPUT_HEADER);
            baselines.forEach(b -> System.out.println(Report.throughputRow(b)));
            System.out.println(Report.throughputRow(t));
            if (!detect.isEmpty()) {
                System.out.printf("%nThe full run's detector settings differed from the service's defaults: %s%n", detect);
            }
            if (!fullOverrides.isEmpty()) {
                System.out.printf("%nThe full run's Kafka Streams settings differed from the service's: %s%n", fullOverrides);
            }
            System.out.println();
            System.out.println("| run | machine CPU busy (app + broker, share of " + Runtime.getRuntime().availableProcessors()
                    + " cores) |");
            System.out.println("| --- | ---: |");
            baselines.forEach(b -> System.out.printf(Locale.ROOT, "| %s | %.0f %% |%n", b.label(), 100 * b.machineCpuShare()));
            System.out.printf(Locale.ROOT, "| %s | %.0f %% |%n", t.label(), 100 * t.machineCpuShare());
            System.out.printf(Locale.ROOT, "%nRatio full / pass-through (baseline: %s, measured in this run): "
                            + "%.3f wall-clock, %.3f sustained; CPU per record ×%.1f.%n",
                    baseline.label(), t.perSecond() / baseline.perSecond(),
                    t.sustainedPerSecond() / baseline.sustainedPerSecond(),
                    t.cpuMicrosPerRecord() / baseline.cpuMicrosPerRecord());
            System.out.println();
            System.out.println("| state after the replay | MiB |");
            System.out.println("| --- | ---: |");
            stores.forEach((store, bytes) -> System.out.printf("| local store %s | %s |%n", store, Report.mib(bytes)));
            System.out.printf("| **local state, total** (RocksDB after a clean close) | **%s** |%n", Report.mib(local));
            System.out.printf("| changelog topics on the broker | %s |%n", Report.mib(changelogs));
            System.out.println();
            // Records written, not only bytes left: the log cleaner compacts changelogs while the run goes on.
            System.out.println("| changelog | records written (log-end offsets) | MiB on the broker |");
            System.out.println("| --- | ---: | ---: |");
            changelogFigures.forEach((topic, figures) -> System.out.printf(Locale.ROOT, "| %s | %,d | %s |%n",
                    topic.substring(appId.length() + 1, topic.length() - "-changelog".length()), figures[1],
                    Report.mib(figures[0])));
            System.out.printf(Locale.ROOT, "| **all changelogs** | **%,d** | **%s** |%n",
                    changelogFigures.values().stream().mapToLong(f -> f[1]).sum(), Report.mib(changelogs));
            System.out.printf("%nOutput: %d alert versions, %d dead letters.%n", alerts, deadLetters);
            if (produced < NATIONAL_2023 * 0.95) {
                // No extrapolation (issue 18: measured runs only for headline figures).
                System.out.printf(Locale.ROOT, "%nThis run is %,d results, not the national %,d: for that figure run "
                        + "`./benchmark.sh replay --records %d` (nothing here is extrapolated).%n", produced, NATIONAL_2023,
                        NATIONAL_2023);
            }
            System.out.printf("%nLoad average at the end: %s%n", Report.loadAverage());
        } finally {
            if (temporary) {
                Report.deleteRecursively(dir);
            }
        }
        return 0;
    }

    /** Bytes on disk by store name, over all tasks: <state>/<task>/rocksdb/<store>, <state>/global/rocksdb/<store>. */
    static Map<String, Long> storeSizes(Path appStateDir) {
        Map<String, Long> sizes = new TreeMap<>();
        if (!Files.isDirectory(appStateDir)) {
            return sizes;
        }
        try (Stream<Path> tasks = Files.list(appStateDir)) {
            for (Path task : tasks.filter(Files::isDirectory).toList()) {
                Path rocks = task.resolve("rocksdb");
                if (!Files.isDirectory(rocks)) {
                    continue;
                }
                try (Stream<Path> stores = Files.list(rocks)) {
                    for (Path store : stores.filter(Files::isDirectory).toList()) {
                        sizes.merge(store.getFileName().toString(), BenchCluster.directorySize(store), Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sizes;
    }

    /** One sorted line per alert version on the alert topic, for a diff between runs. */
    private static void writeAlertVersions(BenchCluster cluster, Path out) throws Exception {
        List<String> lines = new ArrayList<>();
        cluster.forEachRecord(Topics.ALERTS, value -> {
            JsonNode alert;
            try {
                alert = Json.MAPPER.readTree(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lines.add(String.join("\t", alert.path("alertId").asText(), String.format(Locale.ROOT, "%04d",
                            alert.path("version").asInt()), alert.path("status").asText(),
                    alert.path("judgement").path("state").asText("-"), alert.path("kind").asText(),
                    alert.path("dedupKey").asText(), alert.path("window").path("start").asText(),
                    alert.path("detector").path("observed").asText("-")));
        });
        lines.sort(null);
        Files.write(out, lines);
        System.out.printf("alert versions written to %s%n", out);
    }
}
