package org.foodrisk.detect.aberration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The improved Farrington algorithm (Noufaily, Enki, Farrington, Garthwaite, Andrews & Charlett
 * 2013), exactly as R's {@code surveillance::farringtonFlexible}.
 *
 * <p>Differences from {@link Farrington}, all as in R: the baseline may use every period of the
 * last {@code b} years, in {@code noPeriods} seasonal levels ({@link FarringtonBaseline}), leaving
 * out the latest {@code pastWeeksNotIncluded + 1} periods; past outbreaks are down-weighted above
 * {@code weightsThreshold}; the trend test uses {@code pThresholdTrend}; the bound is one-sided
 * ({@code 1 - alpha}) and can be a negative-binomial quantile ({@code thresholdMethod} "nbPlugin"
 * or "muan") instead of Farrington's normal approximation ("delta"); an alarm also needs a
 * non-zero count.
 *
 * <p>{@link Parameters#rDefaults()} is R's default configuration (b 5, w 3, reweight,
 * weightsThreshold 2.58, alpha 0.05, trend, pThresholdTrend 0.05, limit54 c(5, 4), powertrans
 * "2/3", noPeriods 1, pastWeeksNotIncluded = w, thresholdMethod "delta");
 * {@link Parameters#noufaily2013()} is the configuration Noufaily et al. recommend (nbPlugin,
 * noPeriods 10, weightsThreshold 1, pastWeeksNotIncluded 26).
 *
 * <p>Figures, as R reports them: {@code threshold} is {@code upperbound}, and {@code expected} is
 * R's {@code control$expected} (the predicted mean {@code mu0}); both are NaN (R: NA) when the
 * 5-in-4 rule suppresses the point. {@code statistic} is R's {@code score} and {@code pValue} R's
 * {@code pvalue}, reported for every evaluated point. With "nbPlugin"/"muan" R computes the score
 * on the log scale, {@code (y - log mu0) / (U - log mu0)}; we report it the same way.
 *
 * <p>History: every reference window must lie in the series (R's default {@code range} starts exactly there);
 * earlier points are {@link PointStatus#INSUFFICIENT_HISTORY}. The same period of earlier years is found as R
 * finds it for a dated {@code sts} ({@link ReferenceYears#CALENDAR}: calendar years, the nearest same weekday,
 * so the blocks between windows are 52 − 2w − 1 or 53 − 2w − 1 weeks long) unless option
 * {@code epoch-as-date=false} asks for R's undated mode ({@code b * 52} weeks or {@code b * 365} days back);
 * for daily series {@code w}, {@code pastWeeksNotIncluded} and {@code limit54} count days. When R would give
 * up on a point (IRLS converges neither with nor without trend) the point is EVALUATED with NaN figures and
 * no alarm.
 */
public final class FarringtonFlexible implements AberrationMethod {

    public static final String NAME = "farrington-flexible";

    /** Option names accepted by {@link #fromOptions}: R's control names in kebab case. */
    public static final Set<String> OPTION_NAMES = Set.of("b", "w", "reweight", "weights-threshold", "alpha",
            "trend", "p-threshold-trend", "limit54", "power-trans", "threshold-method", "no-periods",
            "past-weeks-not-included", "epoch-as-date", "r-compatible");

    /**
     * R's control list of {@code farringtonFlexible}.
     *
     * @param b                    years back (R default 5)
     * @param w                    half-width of the reference windows in periods (R default 3)
     * @param reweight             down-weight past outbreaks (R default TRUE)
     * @param weightsThreshold     Anscombe residual above which a period is down-weighted (R default 2.58)
     * @param alpha                one-sided level of the bound (R default 0.05)
     * @param trend                fit a linear trend when justified (R default TRUE)
     * @param pThresholdTrend      significance level of the trend test (R default 0.05)
     * @param limit54              the "5 in 4" rule (R default c(5, 4))
     * @param powerTrans           transform of the count for the "delta" bound (R default "2/3")
     * @param thresholdMethod      "delta" (R default), "nbPlugin" or "muan"
     * @param noPeriods            seasonal levels (R default 1: reference windows only)
     * @param pastWeeksNotIncluded latest periods left out of the baseline besides the current one (R default: w)
     * @param rCompatible          fit as surveillance does (true, the default): after reweighting it overwrites
     *                             the GLM's working weights with the outbreak weights, so the trend test and the
     *                             prediction's standard error use {@code sum(omega r^2)/df}, and it predicts with
     *                             the unfloored dispersion ({@link FarringtonRegression}); false fits as
     *                             Noufaily et al. describe and {@code algo.farrington} does — the refitted GLM's
     *                             own dispersion, floored at 1 for the prediction (option {@code r-compatible})
     */
    public record Parameters(int b, int w, boolean reweight, double weightsThreshold, double alpha, boolean trend,
                             double pThresholdTrend, Limit54 limit54, PowerTransform powerTrans,
                             ThresholdMethod thresholdMethod, int noPeriods, int pastWeeksNotIncluded,
                             boolean rCompatible) {

        public Parameters {
            Objects.requireNonNull(limit54, "limit54");
            Objects.requireNonNull(powerTrans, "powerTrans");
            Objects.requireNonNull(thresholdMethod, "thresholdMethod");
            if (b < 1 || w < 0 || !(alpha > 0 && alpha < 1) || noPeriods < 1 || pastWeeksNotIncluded < 0) {
                throw new IllegalArgumentException(
                        "need b >= 1, w >= 0, 0 < alpha < 1, no-periods >= 1 and past-weeks-not-included >= 0");
            }
        }

        /** R's defaults (see the class comment). */
        public static Parameters rDefaults() {
            return new Parameters(5, 3, true, 2.58, 0.05, true, 0.05, Limit54.R_DEFAULT, PowerTransform.TWO_THIRDS,
                    ThresholdMethod.DELTA, 1, 3, true);
        }

        /**
         * Noufaily et al. (2013)'s recommended configuration: R's defaults with thresholdMethod
         * "nbPlugin", noPeriods 10, weightsThreshold 1 and pastWeeksNotIncluded 26.
         */
        public static Parameters noufaily2013() {
            return new Parameters(5, 3, true, 1.0, 0.05, true, 0.05, Limit54.R_DEFAULT, PowerTransform.TWO_THIRDS,
                    ThresholdMethod.NB_PLUGIN, 10, 26, true);
        }
    }

    private final Parameters parameters;
    private final Frequency frequency;
    private final ReferenceYears referenceYears;
    /** The bound's normal quantile, worked out once rather than for every judged period. */
    private final double boundQuantile;

    /** With R's reference periods for dated series ({@link ReferenceYears#CALENDAR}). */
    public FarringtonFlexible(Parameters parameters, Frequency frequency) {
        this(parameters, frequency, ReferenceYears.CALENDAR);
    }

    public FarringtonFlexible(Parameters parameters, Frequency frequency, ReferenceYears referenceYears) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.frequency = Objects.requireNonNull(frequency, "frequency");
        this.referenceYears = Objects.requireNonNull(referenceYears, "referenceYears");
        this.boundQuantile = FarringtonThreshold.standardNormalQuantile(1 - parameters.alpha());
        if (2 * parameters.w() + 1 > frequency.periodsPerYear()) {
            throw new IllegalArgumentException("w = " + parameters.w() + " is too wide for "
                    + frequency.periodsPerYear() + " periods a year");
        }
        FarringtonBaseline.checkSeasonalLevels(frequency.periodsPerYear(), parameters.w(), parameters.noPeriods());
    }

    /**
     * Builds the method from R-named options ({@link #OPTION_NAMES}); a missing option takes R's
     * default ({@code past-weeks-not-included} defaults to {@code w}, as in R), an unknown one is
     * an {@link IllegalArgumentException}.
     */
    public static FarringtonFlexible fromOptions(Map<String, String> options, Frequency frequency) {
        FarringtonOptions read = FarringtonOptions.of(options, OPTION_NAMES, NAME);
        Parameters defaults = Parameters.rDefaults();
        int w = read.integer("w", defaults.w());
        Parameters parameters = new Parameters(
                read.integer("b", defaults.b()),
                w,
                read.bool("reweight", defaults.reweight()),
                read.decimal("weights-threshold", defaults.weightsThreshold()),
                read.decimal("alpha", defaults.alpha()),
                read.bool("trend", defaults.trend()),
                read.decimal("p-threshold-trend", defaults.pThresholdTrend()),
                Limit54.of(read.limit54(new int[]{defaults.limit54().cases(), defaults.limit54().periods()})),
                PowerTransform.parse(read.text("power-trans", defaults.powerTrans().rName())),
                ThresholdMethod.parse(read.text("threshold-method", defaults.thresholdMethod().rName())),
                read.integer("no-periods", defaults.noPeriods()),
                read.integer("past-weeks-not-included", w),
                read.bool("r-compatible", defaults.rCompatible()));
        return new FarringtonFlexible(parameters, frequency, ReferenceYears.ofEpochAsDate(read.bool("epoch-as-date", true)));
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
        return "Noufaily A, Enki DG, Farrington P, Garthwaite P, Andrews N, Charlett A (2013). An improved "
                + "algorithm for outbreak detection in multiple surveillance systems. Stat Med 32(7):1206-1222. "
                + "As R surveillance::farringtonFlexible.";
    }

    @Override
    public List<DetectionPoint> detect(CountSeries series, int from) {
        Farrington.checkSeries(series, from, frequency);
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
        FarringtonBaseline baseline = FarringtonBaseline.seasonalBlocks(t,
                FarringtonBaseline.centres(referenceYears, series, t, parameters.b()), parameters.w(),
                parameters.noPeriods(), parameters.pastWeeksNotIncluded());
        FarringtonRegression.Settings settings = new FarringtonRegression.Settings(
                parameters.rCompatible() ? FarringtonRegression.Variant.FLEXIBLE
                        : FarringtonRegression.Variant.FLEXIBLE_CORRECTED,
                parameters.b(), parameters.trend(), parameters.reweight(), parameters.weightsThreshold(),
                parameters.pThresholdTrend());
        Optional<FarringtonRegression.Prediction> fitted = Farrington.predictOrEmpty(baseline, counts, t, settings);
        long observed = counts[t];
        if (fitted.isEmpty()) {
            return Farrington.notComputable(series.dates().get(t), observed);
        }
        FarringtonRegression.Prediction prediction = fitted.get();
        FarringtonThreshold bound;
        double mu0;
        if (parameters.thresholdMethod() == ThresholdMethod.DELTA) {
            mu0 = prediction.mean();
            bound = FarringtonThreshold.delta(mu0, prediction.meanStandardError(), prediction.phi(),
                    parameters.powerTrans(), boundQuantile,
                    observed);
        } else {
            mu0 = Math.exp(prediction.linearPredictor());
            bound = FarringtonThreshold.negativeBinomial(prediction.linearPredictor(),
                    prediction.linkStandardError(), prediction.phi(), parameters.thresholdMethod(),
                    parameters.alpha(), observed);
        }
        boolean enoughCases = parameters.limit54().enoughCases(counts, t);
        boolean alarm = enoughCases && bound.score() > 1 && observed != 0;
        double threshold = enoughCases ? bound.upper() : Double.NaN;
        double expected = enoughCases && !Double.isNaN(bound.upper()) ? mu0 : Double.NaN;
        return new DetectionPoint(series.dates().get(t), observed, expected, threshold, bound.score(), bound.pValue(),
                alarm, PointStatus.EVALUATED);
    }
}
