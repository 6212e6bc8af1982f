package org.foodrisk.backtest;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.foodrisk.detect.aberration.AberrationMethod;
import org.foodrisk.detect.aberration.AberrationMethods;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.detect.aberration.PooledNegativeBinomialRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import org.foodrisk.detect.ComparableDays;
import org.foodrisk.reference.HolidayCalendar;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Replays count history through one aberration method so that analysts can tune a detector before
 * it runs live: no Kafka, just CSV in and CSV out. Reproduces R {@code surveillance}'s upper bounds
 * and alarms (see the fixture tests).
 */
@Command(name = "backtest", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Runs an aberration-detection method over historical counts, every unit separately (pooled-nb: all"
                    + " units in one model).",
            "Input CSV: date,unit,count (date = first day of the period, ISO; missing periods count 0).",
            "Output CSV: date,unit,observed,expected,threshold,alarm (threshold = the upper bound the count is"
                    + " compared with, as R surveillance's upperbound; alarm 0/1; NA where undefined).",
            "Method parameters are named as in R surveillance; an absent parameter takes R's default."},
        footer = {"", "Example (daily counts, EARS C3 with a floor on sigma for sparse data):",
            "  backtest --method ears-c3 --frequency day --min-sigma 0.5 --input counts.csv --output alarms.csv"})
public final class BacktestCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--method", required = true, paramLabel = "NAME",
            description = "ears-c1, ears-c2, ears-c3, farrington, farrington-flexible, cusum, glrnb or pooled-nb"
                    + " (one negative-binomial model of every unit: its level, the weekday and China's holidays).")
    String method;

    /** The pooled negative-binomial model, which judges all units together ({@link PooledBacktest}). */
    static final String POOLED = "pooled-nb";

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Counts, CSV date,unit,count.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Results CSV; - for stdout.")
    Path output;

    @Option(names = "--frequency", paramLabel = "week|day", defaultValue = "week",
            description = "Period of the counts (R sts frequency 52 or 365). Default: ${DEFAULT-VALUE}.")
    Frequency frequency;

    @Option(names = "--range-start", paramLabel = "YYYY-MM-DD",
            description = "First period to judge (R's control$range starts here). Default: every period with"
                    + " enough history. The CUSUM's baseline is all periods before it.")
    LocalDate rangeStart;

    @Option(names = "--count-baseline", paramLabel = "consecutive-days|comparable-days", defaultValue = "consecutive-days",
            description = "Daily series only. consecutive-days (default): R's series of consecutive days."
                    + " comparable-days: as the service judges a day (foodrisk.detect.count-baseline), against earlier"
                    + " days of its own day type with holidays, 3·15/618/双11 and the return after a long holiday"
                    + " left out (China's calendar 2024–2026).")
    String countBaseline;

    @Option(names = "--history-days", paramLabel = "N", defaultValue = "28",
            description = "With comparable-days: earlier days a day is judged against (the service's count-history-days).")
    int historyDays;

    @Mixin
    MethodParameters methodParameters;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command as {@code main} runs it; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        return new CommandLine(new BacktestCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                    if (error instanceof IllegalArgumentException || error instanceof IOException
                            || error instanceof UncheckedIOException) {
                        commandLine.getErr().println("backtest: " + error.getMessage());
                        return 1;
                    }
                    throw error;
                });
    }

    @Override
    public Integer call() throws IOException {
        boolean pooled = POOLED.equals(method);
        PooledNegativeBinomialRun.Options pooledOptions = pooled ? PooledNegativeBinomialRun.Options.of(methodOptions(), frequency) : null;
        AberrationMethod detector = pooled ? null : AberrationMethods.create(method, methodOptions(), frequency);
        List<CountSeries> series;
        try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            series = CountSeriesCsv.read(reader, frequency);
        }
        if (pooled && !ComparableDays.Mode.of(countBaseline).equals(ComparableDays.Mode.CONSECUTIVE_DAYS)) {
            throw new IllegalArgumentException("pooled-nb models the weekday and holidays itself: leave out --count-baseline");
        }
        ComparableDays.Mode baseline = ComparableDays.Mode.of(countBaseline);
        if (baseline == ComparableDays.Mode.COMPARABLE_DAYS && frequency != Frequency.DAY) {
            throw new IllegalArgumentException("--count-baseline comparable-days judges daily series: add --frequency day");
        }
        long started = System.nanoTime();
        List<Backtest.UnitPoint> rows;
        List<String> records;
        if (pooled || baseline == ComparableDays.Mode.COMPARABLE_DAYS) {
            rows = pooled
                    ? PooledBacktest.run(series, rangeStart, pooledOptions, HolidayCalendar.china())
                    : Backtest.runOnComparableDays(detector, series, rangeStart,
                            new ComparableDays(baseline, HolidayCalendar.china()), historyDays);
            records = List.of(DetectionCsv.records(rows));
        } else {
            List<Backtest.Judged> judged = Backtest.runAndFormat(detector, series, rangeStart);
            rows = judged.stream().flatMap(unit -> unit.rows().stream()).toList();
            records = judged.stream().map(Backtest.Judged::records).toList();
        }
        if (output.toString().equals("-")) {
            DetectionCsv.writeRecords(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), records);
        } else {
            try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                DetectionCsv.writeRecords(writer, records);
            }
        }
        long detectionMillis = (System.nanoTime() - started) / 1_000_000;
        long alarms = rows.stream().filter(row -> row.point().alarm()).count();
        // The detection's own time, as R's system.time of the method call measures R's (issue 19's comparison).
        spec.commandLine().getErr().printf("backtest: %s on %d units: %d periods judged, %d alarms -> %s"
                        + " (detection %d ms)%n", pooled ? POOLED : detector.name(), series.size(), rows.size(), alarms, output,
                detectionMillis);
        return 0;
    }

    /**
     * The method parameters given on the command line, keyed by option name without dashes
     * ({@code --min-sigma 0.5} → {@code min-sigma=0.5}); the method refuses ones it does not take.
     */
    Map<String, String> methodOptions() {
        CommandSpec parameters = spec.mixins().get("methodParameters");
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionSpec option : parameters.options()) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                options.put(option.longestName().substring(2), option.getValue().toString());
            }
        }
        return options;
    }

    /** Method parameters, named as R's control lists name them; each method takes its own subset. */
    static final class MethodParameters {

        @Option(names = "--alpha", paramLabel = "A", order = 10, description = "ears-*: one-sided error rate"
                + " (R default 0.001 for C1/C2, 0.025 for C3); farrington: two-sided, the bound is the 1 - A/2"
                + " quantile (R default 0.05); farrington-flexible: one-sided, 1 - A (0.05); cusum: dispersion of"
                + " trans pearsonNegBin (0.1); glrnb: negative-binomial dispersion, variance mu + A mu^2 (R default 0:"
                + " Poisson); pooled-nb: alarm when the count's predictive tail probability is below A (default 0.001;"
                + " budget / periods per week for a false-alarm budget per unit-week).")
        String alpha;

        @Option(names = "--baseline", paramLabel = "N", order = 11,
                description = "ears-*: reference periods (R default 7, at least 3).")
        String baseline;

        @Option(names = "--min-sigma", paramLabel = "S", order = 12,
                description = "ears-*: floor on the baseline standard deviation (R default 0; 0.5 or 1 for sparse counts).")
        String minSigma;

        @Option(names = "--k", paramLabel = "K", order = 20, description = "cusum: reference value (R default 1.04).")
        String k;

        @Option(names = "--h", paramLabel = "H", order = 21, description = "cusum: decision boundary (R default 2.26).")
        String h;

        @Option(names = "--m", paramLabel = "mean|glm|X", order = 22, description = "cusum: expected count: mean"
                + " of the periods before the range (R's NULL, default), glm (seasonal Poisson regression on them)"
                + " or a number; glrnb: in-control mean mu0: glm (default: Poisson, or negative binomial with --alpha,"
                + " regression with one harmonic on the periods before the range) or a number.")
        String m;

        @Option(names = "--c-arl", paramLabel = "C", order = 24,
                description = "glrnb: alarm when the GLR statistic reaches C (R's c.ARL, default 5).")
        String cArl;

        @Option(names = "--window", paramLabel = "M", order = 25,
                description = "glrnb: how many periods back a change may lie (R's M; default -1: since the chart began);"
                        + " pooled-nb: periods the model is fitted on before each period (default 182 days, 104 weeks).")
        String window;

        @Option(names = "--refit-every", paramLabel = "N", order = 26,
                description = "pooled-nb: refit the model every N periods (default 7 days, 1 week).")
        String refitEvery;

        @Option(names = "--min-periods", paramLabel = "N", order = 27,
                description = "pooled-nb: a unit is judged at its own level from its N-th observed period on (default 14"
                        + " days, 4 weeks); before, as --new-units says.")
        String minPeriods;

        @Option(names = "--new-units", paramLabel = "city|wait", order = 27,
                description = "pooled-nb: a unit with fewer than --min-periods periods, or none in the fit, is judged at"
                        + " the average unit's level (city, default) or not at all (wait).")
        String newUnits;

        @Option(names = "--season", paramLabel = "true|false", order = 28,
                description = "pooled-nb: one harmonic of the year in the model (default false; for a --window of a"
                        + " year or more).")
        String season;

        @Option(names = "--downweight", paramLabel = "S", order = 29,
                description = "pooled-nb: down-weight past periods whose standardized Pearson residual exceeds S before"
                        + " refitting, as Farrington and Noufaily do with outbreaks in their baselines (2.58 is"
                        + " Noufaily's; default: none).")
        String downweight;

        @Option(names = "--reset", paramLabel = "true|false", order = 24,
                description = "cusum: restart the sum from 0 after each alarm (R's reset, surveillance >= 1.25.0;"
                        + " default false).")
        String reset;

        @Option(names = "--trans", paramLabel = "T", order = 23, description =
                "cusum: standard (default), rossi, anscombe, anscombe2nd, pearsonNegBin or none.")
        String trans;

        @Option(names = "--b", paramLabel = "YEARS", order = 30,
                description = "farrington*: years of history (R default 5).")
        String b;

        @Option(names = "--w", paramLabel = "HALF-WIDTH", order = 31,
                description = "farrington*: half-width of the reference window in periods (R default 3).")
        String w;

        @Option(names = "--reweight", paramLabel = "true|false", order = 32,
                description = "farrington*: down-weight past outbreaks (R default true).")
        String reweight;

        @Option(names = "--weights-threshold", paramLabel = "X", order = 33,
                description = "farrington-flexible: residual threshold for reweighting (R default 2.58).")
        String weightsThreshold;

        @Option(names = "--power-trans", paramLabel = "2/3|1/2|none", order = 34,
                description = "farrington*: power transformation for the threshold (R default 2/3).")
        String powerTrans;

        @Option(names = "--threshold-method", paramLabel = "delta|nbPlugin|muan", order = 35,
                description = "farrington-flexible: how the threshold is computed (R default delta).")
        String thresholdMethod;

        @Option(names = "--no-periods", paramLabel = "N", order = 36,
                description = "farrington-flexible: levels of the seasonal factor outside the reference windows"
                        + " (R default 1; Noufaily et al. 2013 use 10).")
        String noPeriods;

        @Option(names = "--past-weeks-not-included", paramLabel = "N", order = 37,
                description = "farrington-flexible: recent periods left out of the fit (R default: w).")
        String pastWeeksNotIncluded;

        @Option(names = "--trend", paramLabel = "true|false", order = 38,
                description = "farrington*: allow a time trend (R default true); pooled-nb: a linear trend, shared by"
                        + " the units, in the model (default false).")
        String trend;

        @Option(names = "--p-threshold-trend", paramLabel = "P", order = 39,
                description = "farrington-flexible: significance a trend needs to be kept (R default 0.05).")
        String pThresholdTrend;

        @Option(names = "--limit54", paramLabel = "CASES,PERIODS", order = 40,
                description = "farrington*: no alarm unless at least CASES in the last PERIODS (R default 5,4).")
        String limit54;

        @Option(names = "--epoch-as-date", paramLabel = "true|false", order = 41,
                description = "farrington*: find the same period of earlier years by calendar years, weekly periods"
                        + " moved to the nearest same weekday, as R does for an sts with dates (default true); false:"
                        + " 52 weeks or 365 days a year, as R does without dates.")
        String epochAsDate;

        @Option(names = "--r-compatible", paramLabel = "true|false", order = 42,
                description = "farrington-flexible: fit as R's surveillance does (default true: outbreak weights"
                        + " overwrite the GLM's working weights, prediction with the unfloored dispersion); false:"
                        + " as Noufaily et al. (2013) describe it.")
        String rCompatible;
    }
}
