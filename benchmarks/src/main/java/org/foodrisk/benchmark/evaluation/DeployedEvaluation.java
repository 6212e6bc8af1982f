package org.foodrisk.benchmark.evaluation;

import org.foodrisk.demo.DemoDataGenerator;
import org.foodrisk.topology.SettingsOverrides;
import org.foodrisk.topology.TopologySettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.DayOfWeek;
import java.util.concurrent.Callable;

/**
 * The pipeline as deployed, on arrival-order traffic (issue 13, "done means"): the real topology
 * with production defaults in a TopologyTestDriver, fed the demo's clean background for all 16
 * districts in the order it would be published (lab reports days after sampling), to measure
 * <ol>
 *   <li>the alerts it raises on clean data — per kind, per district and week, around holidays;</li>
 *   <li>how often it finds planted incidents of six classes (one a negative control), and how late.</li>
 * </ol>
 * A measurement, not a test: it prints figures and asserts nothing. Every run is deterministic for
 * its options (seeded generators, a fixed wall clock; runs on several threads share nothing).
 *
 * <pre>./benchmark.sh deployed [--weeks 26] [--seed 42] [--trials 20] [--start 2024-11-04] [--out target/deployed-evaluation.md]</pre>
 */
@Command(name = "deployed", mixinStandardHelpOptions = true,
        description = "The pipeline as deployed on arrival-order demo traffic: alerts on clean data, detection of planted incidents.")
public final class DeployedEvaluation implements Callable<Integer> {

    @Option(names = "--weeks", description = "Weeks of traffic (default ${DEFAULT-VALUE}).")
    int weeks = 26;

    @Option(names = "--start", description = "First day, a Monday (default ${DEFAULT-VALUE}: 元旦, 春节, 清明 and 劳动节 2025 fall inside 26 weeks).")
    LocalDate start = LocalDate.of(2024, 11, 4);

    @Option(names = "--seed", description = "Seed of the background traffic and of the plants (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--trials", description = "Plants of each class (default ${DEFAULT-VALUE}); 16 fit in one run (one per district).")
    int trials = 20;

    @Option(names = "--threads", description = "Runs at a time (default ${DEFAULT-VALUE}); the figures do not depend on it.")
    int threads = 2;

    @Option(names = "--detect", split = ",", description = "Detector settings, as the service's foodrisk.detect.* "
            + "without the prefix, e.g. count-alert-budget=0.5 — to measure what a setting changes.")
    Map<String, Object> detect = new LinkedHashMap<>();

    @Option(names = "--out", description = "Where to write the markdown report as well (default ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "deployed-evaluation.md");

    public static void main(String[] args) {
        System.exit(new CommandLine(new DeployedEvaluation()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (start.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--start must be a Monday: " + start);
        }
        long started = System.nanoTime();
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Period period = new Period(start, weeks, DemoDataGenerator.TIANJIN);
        List<PlantSchedule.Slot> slots = PlantSchedule.plan(period, trials, seed);
        Map<Integer, List<Plant>> plantsByRun = PlantSchedule.build(slots, period.zone(), seed);

        TopologySettings settings = SettingsOverrides.apply(TopologySettings.defaults(), detect);
        Map<String, TrafficRun> runs = new LinkedHashMap<>();
        runs.put("clean", new TrafficRun("clean", period, seed, List.of(), settings));
        plantsByRun.forEach((run, plants) -> runs.put("planted-" + (run + 1), new TrafficRun("planted-" + (run + 1), period,
                seed, plants, settings)));
        System.err.printf("%d runs of %d weeks (%s … %s) on %d thread(s)%n", runs.size(), weeks, period.start(),
                period.end().minusDays(1), threads);
        Map<String, RunResult> results = runAll(runs);

        Map<Integer, RunResult> plantedResults = new TreeMap<>();
        plantsByRun.keySet().forEach(run -> plantedResults.put(run, results.get("planted-" + (run + 1))));
        double wallSeconds = (System.nanoTime() - started) / 1e9;

        String report = header(startedAt, period, results, wallSeconds)
                + new BurdenReport(period, results.get("clean")).render()
                + new DetectionReport(plantsByRun, plantedResults, results.get("clean"), period.zone()).render();
        System.out.println(report);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "Wall time %.0f s. Report written to %s%n", wallSeconds, out);
        return 0;
    }

    private Map<String, RunResult> runAll(Map<String, TrafficRun> runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            Map<String, Future<RunResult>> futures = new LinkedHashMap<>();
            runs.forEach((label, run) -> futures.put(label, pool.submit(run)));
            Map<String, RunResult> results = new LinkedHashMap<>();
            for (Map.Entry<String, Future<RunResult>> f : futures.entrySet()) {
                results.put(f.getKey(), f.getValue().get());
                RunResult r = results.get(f.getKey());
                System.err.printf(Locale.ROOT, "  [%s] done: %,d records, %d alert versions, %d refused, %.0f s%n", r.label(),
                        r.records(), r.alerts().size(), r.deadLetters().size(), r.seconds());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private String header(Instant startedAt, Period period, Map<String, RunResult> results, double wallSeconds) {
        StringBuilder out = new StringBuilder("## The pipeline as deployed, on arrival-order traffic\n\n");
        String detectOption = detect.isEmpty() ? "" : " --detect " + String.join(",",
                detect.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        out.append(String.format(Locale.ROOT, "Command: `./benchmark.sh deployed --weeks %d --start %s --seed %d --trials %d "
                + "--threads %d%s` — commit %s, run %s UTC.%n%n", weeks, start, seed, trials, threads, detectOption, commit(),
                startedAt));
        out.append(String.format(Locale.ROOT, "Machine: %d cores, %s %s, max heap %d MiB, load average at the end %s. "
                        + "Wall time %.0f s, CPU time of the process %.0f s (the wall time depends on what else runs; "
                        + "the figures do not).%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1048576, loadAverage(), wallSeconds, processCpuSeconds()));
        MarkdownTable table = new MarkdownTable("run", "#records", "#alert versions", "#refused by the intake", "#seconds");
        results.values().forEach(r -> table.row(r.label(), r.records(), r.alerts().size(), r.deadLetters().size(),
                MarkdownTable.f1(r.seconds())));
        out.append(table.render()).append('\n');
        List<String> refused = new ArrayList<>();
        results.values().forEach(r -> r.deadLetters().stream().limit(5).forEach(d -> refused.add(r.label() + " " + d)));
        if (!refused.isEmpty()) {
            out.append("Refused records (first 5 per run): ").append(String.join("; ", refused)).append("\n\n");
        }
        return out.toString();
    }

    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
    }

    /** The commit measured (and whether the tree had changes), or "unknown" outside a git work tree. */
    private static String commit() {
        try {
            Process head = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String sha = new String(head.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").start();
            boolean dirty = !new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
            return head.waitFor() == 0 ? sha + (dirty ? " (with uncommitted changes)" : "") : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
