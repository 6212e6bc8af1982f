package org.foodrisk.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The benchmark's figures as markdown: the same inputs always give the same text. */
public final class MarkdownReport {

    static final String DEFINITIONS = """

            - **POD**: share of scored outbreaks with at least one alarm in their period (per-stream detectors:\
             each outbreak counts once per stream, its period there running from its onset in the stream to its\
             last case; fusion: once per outbreak, from its first to its last case in any stream). 95 % Wilson\
             interval.
            - **POD by chance**: the same outbreak periods laid on the outbreak-free run — how often an alarm falls\
             in such a period without any outbreak. POD well above it is real detection.
            - **False alarms/district/week**: alarms outside every outbreak period of their series in the run with\
             outbreaks, summed over a district's three streams (one series for fusion), per district-week.
            - **Median delay**: days from the outbreak's start (its first illness onset) to the day its first alarm\
             is known — the day itself for daily detectors, the Sunday that closes the alarmed week for weekly ones.
            - **Alerts/district/week outbreak-free**: every alarm (alarmed day or week) in a separate simulation\
             without outbreaks, summed over a district's streams, per district-week. **Alert episodes**: the same,\
             counting a run of alarms on consecutive days (weeks) once — what one open, updated alert per key\
             (the service's deduplication) would show.
            """;

    private MarkdownReport() {
    }

    public static String render(Evaluation evaluation, List<DetectorResult> results) {
        SimulatedData data = evaluation.withOutbreaks();
        SimulationConfig config = data.config();
        StringBuilder out = new StringBuilder();
        out.append("## Results\n\n");
        if (evaluation.newDistricts()) {
            out.append("**Every district as a new one**: each district's series starts on the evaluated year's first")
                    .append(" day (no history), and only its first ").append(evaluation.judgedWeeks())
                    .append(" weeks are judged; the pooled model judges it beside the other districts with their")
                    .append(" whole history (one pooled run per judged district). Outbreaks scored: those that begin")
                    .append(" in these weeks; false alarms: those in these weeks.\n\n");
        }
        out.append("Seed ").append(config.seed()).append(", ").append(config.districts()).append(" districts × ")
                .append(data.replicates()).append(" replicates of ").append(evaluation.newDistricts()
                        ? "a district's first " + evaluation.judgedWeeks() + " weeks"
                        : "one evaluated year (" + evaluation.judgedWeeks() + " weeks)").append(", ")
                .append(data.scoredOutbreaks().size())
                .append(config.mode() == OutbreakMode.MULTI_STREAM ? " multi-stream outbreaks (each seen in all "
                        + data.streams().size() + " streams)" : " single-stream outbreaks")
                .append(evaluation.newDistricts() ? " in the year, those beginning in the judged weeks scored" : "")
                .append("; rates per district-week are over ").append(fmt(evaluation.districtWeeks(), 0))
                .append(" district-weeks per run.\n\n");
        out.append("| detector | POD (95% CI; detected/outbreaks) | POD by chance | false alarms/district/week "
                + "| median delay (days) | alerts/district/week outbreak-free "
                + "| alert episodes/district/week outbreak-free |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (DetectorResult result : results) {
            out.append("| ").append(result.spec().label()).append(" | ");
            if (!result.available()) {
                out.append(result.unavailable().orElseThrow()).append(" | – | – | – | – | – |\n");
                continue;
            }
            Tally total = result.total();
            double[] ci = total.podInterval();
            out.append(fmt(total.pod(), 2)).append(" (").append(fmt(ci[0], 2)).append("–").append(fmt(ci[1], 2))
                    .append("; ").append(total.detected()).append("/").append(total.outbreaks()).append(") | ")
                    .append(fmt(total.chancePod(), 2)).append(" | ")
                    .append(fmt(result.falseAlarmsPerDistrictWeek(), 3)).append(" | ")
                    .append(Double.isNaN(total.medianDelay()) ? "–" : fmt(total.medianDelay(), 1)).append(" | ")
                    .append(fmt(result.alertsPerDistrictWeek(), 3)).append(" | ")
                    .append(fmt(result.episodesPerDistrictWeek(), 3)).append(" |\n");
        }

        results.stream().filter(r -> r.available() && r.total().insufficientPoints() > 0).forEach(r -> out
                .append("\n").append(r.spec().label()).append(": ").append(r.total().insufficientPoints())
                .append(" of ").append(r.total().insufficientPoints() + r.total().evaluatedPoints())
                .append(" points had too little history and were not judged (never counted as alarms).\n"));
        out.append(DEFINITIONS);
        out.append(matchedSection(results));

        List<Double> sizes = config.sizeMultipliers().stream().distinct().sorted().toList();
        out.append("\n### Probability of detection by outbreak size k\n\n| detector |");
        sizes.forEach(k -> out.append(" k = ").append(fmt(k)).append(" |"));
        out.append("\n|---|").append("---|".repeat(sizes.size())).append("\n");
        for (DetectorResult result : results) {
            if (!result.available()) {
                continue;
            }
            out.append("| ").append(result.spec().label()).append(" |");
            for (double k : sizes) {
                Tally tally = result.bySize().get(k);
                out.append(' ').append(tally == null ? "–" : fmt(tally.pod(), 2) + " (n " + tally.outbreaks() + ")")
                        .append(" |");
            }
            out.append('\n');
        }

        List<String> streams = data.streams().stream().map(StreamProfile::name).toList();
        out.append("\n### By stream\n\n| detector |");
        streams.forEach(s -> out.append(" POD ").append(s).append(" |"));
        streams.forEach(s -> out.append(" median delay ").append(s).append(" |"));
        streams.forEach(s -> out.append(" alerts/district/week outbreak-free, ").append(s).append(" |"));
        out.append("\n|---|").append("---|".repeat(3 * streams.size())).append("\n");
        for (DetectorResult result : results) {
            if (!result.available() || result.spec().isFusion()) {
                continue;
            }
            out.append("| ").append(result.spec().label()).append(" |");
            for (String s : streams) {
                out.append(' ').append(fmt(result.byStream().get(s).pod(), 2)).append(" |");
            }
            for (String s : streams) {
                double delay = result.byStream().get(s).medianDelay();
                out.append(' ').append(Double.isNaN(delay) ? "–" : fmt(delay, 1)).append(" |");
            }
            for (String s : streams) {
                out.append(' ').append(fmt(result.alertsPerDistrictWeek(s), 3)).append(" |");
            }
            out.append('\n');
        }
        out.append('\n').append(simulation(evaluation));
        return out.toString();
    }

    /** The simulation's parameters, and what they produced. */
    static String simulation(Evaluation evaluation) {
        SimulatedData data = evaluation.withOutbreaks();
        SimulationConfig config = data.config();
        StringBuilder out = new StringBuilder("### Simulation parameters\n\n");
        out.append("- Seed ").append(config.seed()).append("; generator XoRoShiRo128++ (Apache Commons RNG), ")
                .append("gamma, Poisson and lognormal samplers of Apache Commons Statistics.\n");
        out.append("- Districts (scale of every stream's mean): ").append(data.districts().stream()
                .map(d -> d.name() + " × " + fmt(d.scale())).collect(Collectors.joining(", "))).append(".\n");
        out.append("- Each district-year simulated ").append(data.replicates()).append(" times independently: ")
                .append(config.historyYears()).append(" years of history + 1 evaluated year, years of ")
                .append(StreamProfile.DAYS_PER_YEAR).append(" days (52 weeks), days ")
                .append(data.date(0)).append(" … ").append(data.date(data.days() - 1)).append(" (evaluated: ")
                .append(data.date(data.evaluationStart())).append(" … ").append(data.date(data.days() - 1))
                .append("). The outbreak-free run is a separate simulation with the same parameters.\n");
        out.append("- Outbreaks: ").append(config.outbreaksPerStream()).append(" scored per stream (")
                .append(config.mode() == OutbreakMode.MULTI_STREAM ? "multi-stream: each outbreak shows in every"
                        + " stream of its district" : "single-stream: each outbreak shows in one stream")
                .append("), ").append(config.outbreaksPerDistrictYear())
                .append(" per district-year at most, one in each equal segment of the year; the same number in every")
                .append(" history year (unscored). Size k ∈ {").append(config.sizeMultipliers().stream()
                        .map(MarkdownReport::fmt).collect(Collectors.joining(", ")))
                .append("} in equal shares: cases in a stream ~ Poisson(k × size factor × sd of the stream's weekly")
                .append(" baseline count at onset), at least ").append(OutbreakSimulator.MIN_CASES)
                .append("; each case ⌊").append(config.onsetUnitDays())
                .append(" × X⌋ days after the onset in the stream, X ~ lognormal(0, 0.5) truncated below 4.\n\n");
        out.append("| stream | mean/day (district scale 1) | growth/year | seasonal harmonics (amplitude on log scale)")
                .append(" | peak (day of year) | dispersion φ | outbreak lag (days) | size factor")
                .append(" | simulated mean/day, evaluated year, all districts | mean cases per scored outbreak |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (int s = 0; s < data.streams().size(); s++) {
            StreamProfile stream = data.streams().get(s);
            BaselineModel model = stream.baseline();
            double[] cos = model.gammaCos();
            double[] sin = model.gammaSin();
            StringBuilder amplitudes = new StringBuilder();
            for (int j = 0; j < model.harmonics(); j++) {
                amplitudes.append(j == 0 ? "" : ", ").append(fmt(Math.hypot(cos[j], sin[j]), 2));
            }
            final int index = s;
            double cases = data.scoredOutbreaks().stream().flatMap(o -> o.in(index).stream())
                    .mapToInt(StreamOutbreak::cases).average().orElse(Double.NaN);
            out.append("| ").append(stream.name()).append(" (").append(stream.description()).append(") | ")
                    .append(fmt(Math.exp(model.theta()), 1)).append(" | ")
                    .append(fmt(100 * Math.expm1(model.beta() * model.period()), 1)).append(" % | ")
                    .append(amplitudes).append(" | ").append(StreamProfile.SUMMER_PEAK).append(" | ")
                    .append(fmt(model.dispersion(), 1)).append(" | ").append(stream.onsetLagDays()).append(" | ")
                    .append(fmt(stream.sizeFactor(), 1)).append(" | ")
                    .append(fmt(evaluatedMean(evaluation.outbreakFree(), s), 2)).append(" | ")
                    .append(Double.isNaN(cases) ? "–" : fmt(cases, 1)).append(" |\n");
        }
        return out.toString();
    }

    private static double evaluatedMean(SimulatedData data, int stream) {
        long sum = 0;
        long days = 0;
        for (int r = 0; r < data.replicates(); r++) {
            for (int d = 0; d < data.districts().size(); d++) {
                long[] counts = data.counts(r, d, stream);
                for (int day = data.evaluationStart(); day < data.days(); day++) {
                    sum += counts[day];
                    days++;
                }
            }
        }
        return sum / (double) days;
    }

    /** Detection at matched false-alarm rates ({@link MatchedFalseAlarms}). */
    private static String matchedSection(List<DetectorResult> results) {
        StringBuilder out = new StringBuilder("\n### Detection at matched false-alarm rates\n\n");
        out.append("Each detector's threshold moved until its alarms on the outbreak-free run are at most the target per"
                + " district-week (all streams of a district together), points ranked by their p-value (EARS: by C);"
                + " POD at that threshold, the rate reached in brackets (tied p-values of small counts can keep it"
                + " below the target). The configured thresholds above give anything from a few hundredths to several"
                + " false alarms a district-week; here every detector spends the same budget. CUSUM, GLR and fusion"
                + " have no row: their statistic depends on the threshold through the resets at alarms.\n\n");
        out.append("| detector |");
        MatchedFalseAlarms.TARGETS.forEach(t -> out.append(" POD at ≤ ").append(fmt(t, 2)).append(" |"));
        out.append("\n|---|").append("---|".repeat(MatchedFalseAlarms.TARGETS.size())).append("\n");
        for (DetectorResult result : results) {
            if (!result.available() || result.matched().isEmpty()) {
                continue;
            }
            out.append("| ").append(result.spec().label()).append(" |");
            for (double target : MatchedFalseAlarms.TARGETS) {
                MatchedFalseAlarms.Matched matched = result.matched().get(target);
                out.append(" ").append(fmt(matched.pod(), 2)).append(" (").append(fmt(matched.achievedRate(), 3))
                        .append(") |");
            }
            out.append("\n");
        }
        return out.toString();
    }

    static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A parameter as typed: 2 not 2.0, 0.5 as 0.5. */
    static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
