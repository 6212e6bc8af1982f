package org.foodrisk.benchmark;

import org.apache.kafka.common.TopicPartition;
import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.topics.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The end-to-end benchmark (issue 7): on a fresh local KRaft broker, one pre-produced realistic
 * backlog of the four inputs is consumed to completion by (a) a pass-through Kafka Streams
 * topology and (b) the full foodrisk topology, one after the other, each with its own
 * application.id and the app's exactly-once settings; then each is fed paced records at fixed
 * rates to measure event → output latency. Prints markdown tables and the ratios full / pass-through.
 *
 * <pre>./benchmark.sh e2e [--records 100000] [--rates 5,25] [--rate-seconds 60] [--incidents-every 2]</pre>
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "End-to-end benchmark: pass-through vs full topology on one local broker and one data set.")
public final class EndToEndBenchmark implements Callable<Integer> {

    @Option(names = "--records", description = "Backlog size, records over the four inputs (default ${DEFAULT-VALUE}).")
    long records = 100_000;

    @Option(names = "--rates", split = ",", description = "Fixed input rates for the latency runs, records/s (default ${DEFAULT-VALUE}).")
    List<Integer> rates = List.of(5, 25);

    @Option(names = "--rate-seconds", description = "Seconds per fixed rate (default ${DEFAULT-VALUE}).")
    int rateSeconds = 60;

    @Option(names = "--incidents-every", description = "In the paced runs, add the planted incidents S1–S7 "
            + "to every n-th day, so that alerts are frequent enough for percentiles; 0 = none (default ${DEFAULT-VALUE}).")
    int incidentsEvery = 2;

    @Option(names = "--seed", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--work-dir", description = "Broker and state directory (default: a fresh temporary directory, deleted afterwards).")
    Path workDir;

    @Option(names = "--timeout-minutes", description = "Give up on a phase after this long (default ${DEFAULT-VALUE}).")
    int timeoutMinutes = 60;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EndToEndBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        boolean temporary = workDir == null;
        Path dir = temporary ? Files.createTempDirectory("foodrisk-bench-") : workDir;
        Duration timeout = Duration.ofMinutes(timeoutMinutes);
        Report report = new Report();
        report.machine();
        System.out.printf("work dir %s%n", dir);

        long paced = 2L * rates.stream().mapToLong(r -> (long) r * rateSeconds).sum();
        long days = (long) Math.ceil((records + paced) / Workload.RECORDS_PER_DAY * 1.15) + 2;
        LocalDate yesterday = LocalDate.now(DemoDataGenerator.TIANJIN).minusDays(1);
        LocalDate from = yesterday.minusDays(days);
        Workload workload = new Workload(seed, from, yesterday);

        try (BenchCluster cluster = BenchCluster.start(dir)) {
            List<TopicPartition> inputs = cluster.partitions(Topics.INPUTS);
            long t0 = System.nanoTime();
            long produced;
            try (Publisher publisher = new Publisher(cluster.kafka(), true)) {
                produced = publisher.sendAll(workload, records);
            }
            double produceSeconds = (System.nanoTime() - t0) / 1e9;
            Map<TopicPartition, Long> backlogEnds = cluster.endOffsets(inputs);
            System.out.printf(Locale.ROOT, "backlog: %d records (in arrival order, days %s … %s) published in %.1f s (%.0f records/s)%n",
                    produced, from, workload.currentDay(), produceSeconds, produced / produceSeconds);
            for (String topic : Topics.INPUTS) {
                System.out.printf("  %-32s %8d%n", topic, cluster.totalEnd(List.of(topic)));
            }

            StreamsRun.Throughput passThrough;
            try (StreamsRun run = new StreamsRun(cluster, "bench-pass-through", BenchTopologies::passThrough,
                    dir.resolve("state-pass-through"))) {
                passThrough = run.measureToCompletion("pass-through", backlogEnds, timeout);
            }
            System.out.println(Report.throughputRow(passThrough));

            StreamsRun.Throughput full;
            long alerts;
            long deadLetters;
            try (StreamsRun run = new StreamsRun(cluster, "bench-full", BenchTopologies::full, dir.resolve("state-full"))) {
                full = run.measureToCompletion("full", backlogEnds, timeout);
                alerts = cluster.countRecords(Topics.ALERTS);
                deadLetters = cluster.countRecords(Topics.DEAD_LETTERS);
            }
            System.out.println(Report.throughputRow(full));
            long fullState = BenchCluster.directorySize(dir.resolve("state-full"));

            workload.uniqueTimes(true).incidentsEvery(incidentsEvery);
            List<LatencyProbe.Phase> ptLatency = List.of();
            List<LatencyProbe.Phase> fullLatency = List.of();
            if (!rates.isEmpty() && rateSeconds > 0) {
                try (StreamsRun run = new StreamsRun(cluster, "bench-pass-through", BenchTopologies::passThrough,
                        dir.resolve("state-pass-through"))) {
                    run.start();
                    run.awaitRunning(timeout);
                    run.awaitCompletion(cluster.endOffsets(inputs), timeout);
                    ptLatency = LatencyProbe.passThrough(cluster).run(run, workload, rates, rateSeconds, timeout);
                }
                try (StreamsRun run = new StreamsRun(cluster, "bench-full", BenchTopologies::full, dir.resolve("state-full"))) {
                    run.start();
                    run.awaitRunning(timeout);
                    run.awaitCompletion(cluster.endOffsets(inputs), timeout); // the pass-through's paced records
                    fullLatency = LatencyProbe.alerts(cluster).run(run, workload, rates, rateSeconds, timeout);
                }
            }

            System.out.println();
            System.out.printf("## End-to-end benchmark (%s)%n%n", report.when());
            System.out.println(report.machineLine());
            System.out.println();
            System.out.printf(Locale.ROOT, "Backlog: %d records of the four inputs (%s), event days %s … ; "
                            + "published in %.1f s (%.0f records/s).%n%n", produced, Report.mix(cluster), from,
                    produceSeconds, produced / produceSeconds);
            System.out.println(Report.THROUGHPUT_HEADER);
            System.out.println(Report.throughputRow(passThrough));
            System.out.println(Report.throughputRow(full));
            System.out.printf(Locale.ROOT, "%nRatio full / pass-through: throughput %.3f wall-clock, %.3f sustained "
                            + "(the full topology is %.1f× slower sustained); CPU per record %.1f×.%n",
                    full.perSecond() / passThrough.perSecond(), full.sustainedPerSecond() / passThrough.sustainedPerSecond(),
                    passThrough.sustainedPerSecond() / full.sustainedPerSecond(),
                    full.cpuMicrosPerRecord() / passThrough.cpuMicrosPerRecord());
            System.out.printf(Locale.ROOT, "Full topology output of the backlog: %d alert versions, %d dead letters; "
                    + "local state after the backlog %.1f MiB.%n", alerts, deadLetters, fullState / 1048576.0);
            if (!ptLatency.isEmpty()) {
                System.out.println();
                System.out.println(Report.LATENCY_HEADER);
                ptLatency.forEach(p -> System.out.println(Report.latencyRow("pass-through (input → output)", p)));
                fullLatency.forEach(p -> System.out.println(Report.latencyRow("full (event → alert)", p)));
            }
            System.out.printf("%nLoad average at the end: %s%n", Report.loadAverage());
        } finally {
            if (temporary) {
                Report.deleteRecursively(dir);
            }
        }
        return 0;
    }
}
