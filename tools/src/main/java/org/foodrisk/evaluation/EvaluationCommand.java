package org.foodrisk.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The detector evaluation benchmark (issue 3, item 9): simulates districts' illness, complaint and
 * opinion counts with injected outbreaks of known start and size, runs every aberration method and
 * fusion over them, and prints probability of detection, false alarms per week, median delay and the
 * alert burden on outbreak-free data as a markdown table. Needs neither Kafka nor R.
 */
@Command(name = "evaluate-detectors", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Simulates seasonal negative-binomial count series (Noufaily et al. 2013) for several districts and"
                    + " streams, injects outbreaks of known start and size, runs the detectors and prints their"
                    + " figures as markdown.",
            "The same options always give the same figures."})
public final class EvaluationCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--seed", defaultValue = "" + SimulationConfig.DEFAULT_SEED,
            description = "Seed of every random number. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--districts", defaultValue = "" + SimulationConfig.DEFAULT_DISTRICTS,
            description = "Districts. Default: ${DEFAULT-VALUE}.")
    int districts;

    @Option(names = "--outbreaks", defaultValue = "" + SimulationConfig.DEFAULT_OUTBREAKS,
            description = "Scored outbreaks per stream. Default: ${DEFAULT-VALUE}.")
    int outbreaks;

    @Option(names = "--outbreaks-per-year", defaultValue = "" + SimulationConfig.DEFAULT_OUTBREAKS_PER_YEAR,
            description = "Outbreaks per district-year; more outbreaks mean more replicates of the year."
                    + " Default: ${DEFAULT-VALUE}.")
    int outbreaksPerYear;

    @Option(names = "--history-years", defaultValue = "" + SimulationConfig.DEFAULT_HISTORY_YEARS,
            description = "Years of history before the evaluated year (Farrington needs 5 years and 3 weeks)."
                    + " Default: ${DEFAULT-VALUE}.")
    int historyYears;

    @Option(names = "--sizes", split = ",", paramLabel = "K", defaultValue = "2,3,5,10",
            description = "Outbreak size multipliers k (cases ~ Poisson(k × sd)). Default: ${DEFAULT-VALUE}.")
    List<Double> sizes;

    @Option(names = "--mode", defaultValue = "multi_stream", paramLabel = "multi_stream|single_stream",
            description = "Outbreaks seen in every stream of the district, or in one. Default: ${DEFAULT-VALUE}.")
    OutbreakMode mode;

    @Option(names = "--onset-unit-days", defaultValue = "" + SimulationConfig.DEFAULT_ONSET_UNIT_DAYS,
            description = "Days per unit of the lognormal(0, 0.5) onset profile: 7 spreads an outbreak over 1-3"
                    + " weeks as Noufaily et al.'s weekly profile; 1 is a point-source outbreak over 1-3 days."
                    + " Default: ${DEFAULT-VALUE}.")
    int onsetUnitDays;

    @Option(names = "--new-district-weeks", defaultValue = "0", paramLabel = "WEEKS",
            description = "Judge every district as a new one: its series starts on the evaluated year's first day and"
                    + " only its first WEEKS weeks are judged (the pooled model sees the other districts' history)."
                    + " 0: the evaluated year after the history. Default: ${DEFAULT-VALUE}.")
    int newDistrictWeeks;

    @Option(names = "--output", paramLabel = "FILE", description = "Also write the markdown to this file.")
    Path output;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new EvaluationCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        SimulationConfig config = new SimulationConfig(seed, districts, outbreaks, outbreaksPerYear, historyYears,
                sizes, mode, onsetUnitDays, SimulationConfig.DEFAULT_FIRST_DAY);
        String markdown = run(config, newDistrictWeeks,
                newDistrictWeeks > 0 ? DetectorSpec.forNewDistricts() : DetectorSpec.defaults());
        PrintWriter out = spec.commandLine().getOut();
        out.print(markdown);
        out.flush();
        if (output != null) {
            try {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, markdown, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "evaluated in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /** The report for {@code config}, headed by the command that reproduces it. */
    public static String run(SimulationConfig config, List<DetectorSpec> detectors) {
        return run(config, 0, detectors);
    }

    /**
     * The report for {@code config} — over the evaluated year after the history, or with {@code newDistrictWeeks}
     * above 0 over every district's first weeks as a new one ({@link Evaluation#asNewDistricts}) — headed by the
     * command that reproduces it.
     */
    public static String run(SimulationConfig config, int newDistrictWeeks, List<DetectorSpec> detectors) {
        Evaluation evaluation = Evaluation.simulate(config);
        if (newDistrictWeeks > 0) {
            evaluation = evaluation.asNewDistricts(newDistrictWeeks);
        }
        List<DetectorResult> results = evaluation.evaluate(detectors);
        return "Reproduce: `" + reproduction(config) + (newDistrictWeeks > 0 ? " --new-district-weeks " + newDistrictWeeks
                : "") + "`\n\n" + MarkdownReport.render(evaluation, results);
    }

    static String reproduction(SimulationConfig config) {
        return String.format(Locale.ROOT, "java -cp tools/target/classes:$(cat tools/target/tools.classpath)"
                        + " org.foodrisk.evaluation.EvaluationCommand --seed %d --districts %d --outbreaks %d"
                        + " --outbreaks-per-year %d --history-years %d --sizes %s --mode %s --onset-unit-days %d",
                config.seed(), config.districts(), config.outbreaksPerStream(), config.outbreaksPerDistrictYear(),
                config.historyYears(), String.join(",", config.sizeMultipliers().stream().map(MarkdownReport::fmt)
                        .toList()), config.mode().name().toLowerCase(Locale.ROOT), config.onsetUnitDays());
    }
}
