package org.foodrisk.detect.aberration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The original Farrington algorithm (Farrington, Andrews, Beale & Catchpole 1996), exactly as R's
 * {@code surveillance::farrington} / {@code algo.farrington} with the default fitter
 * {@code algo.farrington.fitGLM.fast}.
 *
 * <p>For period {@code t}: a quasi-Poisson log-linear model with a linear trend is fitted to the
 * {@code 2w + 1} periods around the same period of each of the {@code b} previous years; baseline
 * periods with Anscombe residual above 1 are down-weighted and the model refitted; the trend is
 * dropped unless significant at 5 %, {@code b >= 3} and it does not extrapolate above the largest
 * baseline count. The bound is the {@code 1 - alpha/2} normal quantile on the 2/3-power scale
 * ({@code powertrans}); an alarm needs {@code observed > bound} and the "5 in 4" rule
 * ({@link Limit54}).
 *
 * <p>Figures, as R reports them: {@code threshold} is R's {@code upperbound}, which R sets to 0
 * (and the score to 0) when the 5-in-4 rule suppresses the point; {@code expected} is the predicted
 * mean {@code mu0} ({@code pred$fit}); {@code statistic} is R's {@code X = (y - mu0) / (U - mu0)};
 * {@code pValue} is the normal upper tail of the transformed count, i.e. {@code 1 - control$pd[, 1]}.
 *
 * <p>History: every reference window must lie in the series (earlier points are
 * {@link PointStatus#INSUFFICIENT_HISTORY}; R's default {@code range} starts {@code 2w + 1} periods earlier
 * and silently fits on an incomplete baseline there, which we refuse). The same period of earlier years is
 * found as R finds it for a dated {@code sts} ({@link ReferenceYears#CALENDAR}: calendar years, the nearest
 * same weekday) unless option {@code epoch-as-date=false} asks for R's undated mode ({@code b * 52} weeks or
 * {@code b * 365} days back); for daily series {@code w} and {@code limit54} count days.
 */
public final class Farrington implements AberrationMethod {

    public static final String NAME = "farrington";

    /** Option names accepted by {@link #fromOptions}: R's control names in kebab case. */
    public static final Set<String> OPTION_NAMES = Set.of("b", "w", "reweight", "alpha", "trend", "limit54",
            "power-trans", "epoch-as-date");

    /**
     * R's control list of {@code algo.farrington}.
     *
     * @param b          years back (R default 5)
     * @param w          half-width of the reference windows in periods (R default 3)
     * @param reweight   down-weight past outbreaks (R default TRUE)
     * @param alpha      two-sided level of the prediction interval (R default 0.05: bound at 97.5 %)
     * @param trend      fit a linear time trend when justified (R default TRUE)
     * @param limit54    the "5 in 4" rule (R default c(5, 4))
     * @param powerTrans transform of the count for the bound (R default "2/3")
     */
    public record Parameters(int b, int w, boolean reweight, double alpha, boolean trend, Limit54 limit54,
                             PowerTransform powerTrans) {

        public Parameters {
            Objects.requireNonNull(limit54, "limit54");
            Objects.requireNonNull(powerTrans, "powerTrans");
            if (b < 1 || w < 0 || !(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("need b >= 1, w >= 0 and 0 < alpha < 1");
            }
        }

        /** R's defaults: b = 5, w = 3, reweight, alpha = 0.05, trend, limit54 c(5, 4), powertrans "2/3". */
        public static Parameters rDefaults() {
            return new Parameters(5, 3, true, 0.05, true, Limit54.R_DEFAULT, PowerTransform.TWO_THIRDS);
        }
    }

    private final Parameters parameters;
    private final Frequency frequency;
    private final ReferenceYears referenceYears;
    /** The bound's normal quantile, worked out once rather than for every judged period. */
    private final double boundQuantile;

    /** With R's reference periods for dated series ({@link ReferenceYears#CALENDAR}). */
    public Farrington(Parameters parameters, Frequency frequency) {
        this(parameters, frequency, ReferenceYears.CALENDAR);
    }

    public Farrington(Parameters parameters, Frequency frequency, ReferenceYears referenceYears) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.frequency = Objects.requireNonNull(frequency, "frequency");
        this.referenceYears = Objects.requireNonNull(referenceYears, "referenceYears");
        this.boundQuantile = FarringtonThreshold.standardNormalQuantile(1 - parameters.alpha() / 2);
        if (2 * parameters.w() + 1 > frequency.periodsPerYear()) {
            throw new IllegalArgumentException("w = " + parameters.w() + " is too wide for "
                    + frequency.periodsPerYear() + " periods a year");
        }
    }

    /**
     * Builds the method from R-named options ({@link #OPTION_NAMES}); a missing option takes R's
     * default, an unknown one is an {@link IllegalArgumentException}.
     */
    public static Farrington fromOptions(Map<String, String> options, Frequency frequency) {
        FarringtonOptions read = FarringtonOptions.of(options, OPTION_NAMES, NAME);
        Parameters defaults = Parameters.rDefaults();
        Parameters parameters = new Parameters(
                read.integer("b", defaults.b()),
                read.integer("w", defaults.w()),
                read.bool("reweight", defaults.reweight()),
                read.decimal("alpha", defaults.alpha()),
                read.bool("trend", defaults.trend()),
                Limit54.of(read.limit54(new int[]{defaults.limit54().cases(), defaults.limit54().periods()})),
                PowerTransform.parse(read.text("power-trans", defaults.powerTrans().rName())));
        return new Farrington(parameters, frequency, ReferenceYears.ofEpochAsDate(read.bool("epoch-as-date", true)));
    }

    public Parameters parameters() {
        return parameters;
    }

    public Frequency frequency() {
        return frequency;
    }

    public ReferenceYears referenceYears() {
        return referenceYears;
    }

    /**
     * Periods of history a point can need before it: {@code b * periodsPerYear + w} counting periods; by
     * calendar years up to a week (weekly) or {@code b} days (daily) more, whether a point has enough is
     * decided by its date.
     */
    public int requiredHistory() {
        return referenceYears.maximumHistory(frequency, parameters.b(), parameters.w());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String citation() {
        return "Farrington CP, Andrews NJ, Beale AD, Catchpole MA (1996). A statistical algorithm for the "
                + "early detection of outbreaks of infectious disease. J R Stat Soc A 159(3):547-563. "
                + "As R surveillance::farrington (algo.farrington, fitGLM.fast).";
    }

    @Override
    public List<DetectionPoint> detect(CountSeries series, int from) {
        checkSeries(series, from, frequency);
        long[] counts = series.counts();
        List<DetectionPoint> points = new ArrayList<>(series.size() - from);
        for (int t = from; t < series.size(); t++) {
            points.add(!referenceYears.hasHistory(series.dates(), frequency, t, parameters.b(), parameters.w())
                    ? DetectionPoint.insufficient(series.dates().get(t), counts[t])
                    : evaluate(series, counts, t));
        }
        return points;
    }

    private DetectionPoint evaluate(CountSeries series, long[] counts, int t) {
        FarringtonBaseline baseline = FarringtonBaseline.referenceWindows(
                FarringtonBaseline.centres(referenceYears, series, t, parameters.b()), parameters.w());
        FarringtonRegression.Settings settings = new FarringtonRegression.Settings(
                FarringtonRegression.Variant.ORIGINAL, parameters.b(), parameters.trend(), parameters.reweight(),
                1.0, 0.05); // algo.farrington: assign.weights' default threshold 1, trend test at 5 %
        Optional<FarringtonRegression.Prediction> prediction = predictOrEmpty(baseline, counts, t, settings);
        long observed = counts[t];
        if (prediction.isEmpty()) {
            return notComputable(series.dates().get(t), observed);
        }
        double mu0 = prediction.get().mean();
        FarringtonThreshold bound = FarringtonThreshold.delta(mu0, prediction.get().meanStandardError(),
                prediction.get().phi(), parameters.powerTrans(),
                boundQuantile, observed);
        boolean enoughCases = parameters.limit54().enoughCases(counts, t);
        double score = enoughCases ? bound.score() : 0.0;
        return new DetectionPoint(series.dates().get(t), observed, mu0, enoughCases ? bound.upper() : 0.0, score,
                bound.pValue(), score > 1, PointStatus.EVALUATED);
    }

    static Optional<FarringtonRegression.Prediction> predictOrEmpty(FarringtonBaseline baseline, long[] counts, int t,
                                                                    FarringtonRegression.Settings settings) {
        try {
            return FarringtonRegression.predict(baseline, counts, t, settings);
        } catch (ArithmeticException e) {
            return Optional.empty(); // IRLS found no finite fit; R stops with an error here
        }
    }

    /** A point with enough history whose model could not be fitted: no figures, no alarm. */
    static DetectionPoint notComputable(LocalDate date, long observed) {
        return new DetectionPoint(date, observed, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false,
                PointStatus.EVALUATED);
    }

    static void checkSeries(CountSeries series, int from, Frequency frequency) {
        if (series.frequency() != frequency) {
            throw new IllegalArgumentException("method configured for " + frequency + " but series "
                    + series.unit() + " is " + series.frequency());
        }
        if (from < 0 || from > series.size()) {
            throw new IllegalArgumentException("from = " + from + " outside 0.." + series.size());
        }
    }
}
