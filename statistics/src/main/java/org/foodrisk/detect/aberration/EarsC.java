package org.foodrisk.detect.aberration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The CDC's Early Aberration Reporting System methods C1 (MILD), C2 (MEDIUM) and C3 (HIGH)
 * (Hutwagner et al. 2003; Fricker, Hegler and Dunfee 2008), exactly as R's
 * {@code surveillance::earsC} (Salmon, Schumacher and Höhle 2016) computes them — upper bounds,
 * alarms and R's default range.
 *
 * <ul>
 *   <li>C1: reference values are the {@code baseline} periods t−baseline … t−1; upper bound
 *       mean + z<sub>1−α</sub>·max(sd, minSigma); the statistic is C1 = (y − mean)/max(sd, minSigma).</li>
 *   <li>C2: the same with a guard band of two periods, reference t−baseline−2 … t−3.</li>
 *   <li>C3: the statistic is Hutwagner's C3(t) = Σ<sub>i=t−2..t</sub> max(0, C2(i) − 1). R's upper bound is
 *       y(t) + max(sd, minSigma)·(z<sub>1−α</sub> − Σ<sub>i=t−2..t−1</sub> max(0, C2(i) − 1)), floored at 0 — it
 *       starts from the observed count, not the mean (the help page writes the mean), so an alarm
 *       (y &gt; upper bound) comes from the two previous periods' excesses alone. We reproduce R's
 *       bound and alarm because R is our reference; the statistic is the published C3.</li>
 * </ul>
 * Zero-variance baselines give R's IEEE results (C = ±Inf or NaN; a NaN upper bound means R's
 * alarm is NA, here no alarm). {@code minSigma} &gt; 0 avoids them (Burkom suggests 0.5 or 1 for
 * sparse data). The p-value of C1/C2 is 1 − Φ(C), the normal reference the EARS alarm rule
 * assumes; C3 has none.
 */
public final class EarsC implements AberrationMethod {

    /** R's default number of reference periods. */
    public static final int DEFAULT_BASELINE = 7;
    /** R's default: no floor on the standard deviation. */
    public static final double DEFAULT_MIN_SIGMA = 0;
    /**
     * Fewest periods of history before any point is judged (United4Surveillance signal-detection
     * tool: EARS needs ≥ 7 periods); R's own rule (baseline, +2, +4 periods) is applied too.
     */
    public static final int MIN_HISTORY = 7;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** The three EARS variants, with the guard band and R's default alpha of each. */
    public enum Variant {
        C1("ears-c1", 0, 0.001, 0),
        C2("ears-c2", 2, 0.001, 2),
        C3("ears-c3", 2, 0.025, 4);

        private final String methodName;
        private final int guardBand;
        private final double defaultAlpha;
        /** Periods beyond the baseline that R's earsC needs before the first judged point. */
        private final int extraHistory;

        Variant(String methodName, int guardBand, double defaultAlpha, int extraHistory) {
            this.methodName = methodName;
            this.guardBand = guardBand;
            this.defaultAlpha = defaultAlpha;
            this.extraHistory = extraHistory;
        }

        public String methodName() {
            return methodName;
        }

        public double defaultAlpha() {
            return defaultAlpha;
        }
    }

    private final Variant variant;
    private final int baseline;
    private final double alpha;
    private final double minSigma;
    private final double zAlpha;

    /** A variant with R's defaults: baseline 7, minSigma 0, alpha 0.001 (C1, C2) or 0.025 (C3). */
    public EarsC(Variant variant) {
        this(variant, DEFAULT_BASELINE, variant.defaultAlpha, DEFAULT_MIN_SIGMA);
    }

    /** Same checks as R: baseline ≥ 3, minSigma ≥ 0; alpha must lie in (0, 1). */
    public EarsC(Variant variant, int baseline, double alpha, double minSigma) {
        if (baseline < 3) {
            throw new IllegalArgumentException("baseline must be at least 3 (R: \"Minimum baseline to use is 3.\")");
        }
        if (!(minSigma >= 0)) {
            throw new IllegalArgumentException("min-sigma must be zero or positive");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie strictly between 0 and 1");
        }
        this.variant = variant;
        this.baseline = baseline;
        this.alpha = alpha;
        this.minSigma = minSigma;
        this.zAlpha = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha); // R: qnorm(1 - alpha)
    }

    /**
     * Builds a variant from backtest options named as in R: {@code baseline}, {@code alpha},
     * {@code min-sigma}; absent options take R's defaults, unknown ones are refused.
     */
    public static EarsC fromOptions(Variant variant, Map<String, String> options) {
        MethodOptions read = new MethodOptions(variant.methodName, options);
        EarsC method = new EarsC(variant, read.integer("baseline", DEFAULT_BASELINE),
                read.decimal("alpha", variant.defaultAlpha), read.decimal("min-sigma", DEFAULT_MIN_SIGMA));
        read.rejectUnused();
        return method;
    }

    @Override
    public String name() {
        return variant.methodName;
    }

    @Override
    public String citation() {
        return "EARS " + variant + " (Hutwagner L, Thompson W, Seeman GM, Treadwell T. The bioterrorism preparedness"
                + " and response Early Aberration Reporting System (EARS). J Urban Health 2003;80(2 Suppl 1):i89-96;"
                + " Fricker RD, Hegler BL, Dunfee DA. Comparing syndromic surveillance detection methods: EARS'"
                + " versus a CUSUM-based methodology. Stat Med 2008;27:3407-29), as R surveillance::earsC"
                + String.format(Locale.ROOT, " (method=\"%s\", baseline=%d, alpha=%s, minSigma=%s)",
                        variant, baseline, alpha, minSigma);
    }

    public Variant variant() {
        return variant;
    }

    public int baseline() {
        return baseline;
    }

    public double alpha() {
        return alpha;
    }

    public double minSigma() {
        return minSigma;
    }

    /** Index of the first point this method judges: R's earsC range starts one later (1-based). */
    public int firstJudgedIndex() {
        return Math.max(MIN_HISTORY, baseline + variant.extraHistory);
    }

    @Override
    public List<DetectionPoint> detect(CountSeries series, int from) {
        if (from < 0) {
            throw new IllegalArgumentException("from must not be negative");
        }
        long[] counts = series.counts();
        List<DetectionPoint> points = new ArrayList<>(Math.max(0, counts.length - from));
        for (int t = from; t < counts.length; t++) {
            points.add(t < firstJudgedIndex()
                    ? DetectionPoint.insufficient(series.dates().get(t), counts[t])
                    : judge(series, counts, t));
        }
        return points;
    }

    private DetectionPoint judge(CountSeries series, long[] counts, int t) {
        SampleMoments reference = reference(counts, t);
        double sigma = Math.max(reference.sd(), minSigma); // R: pmax(sd, minSigma)
        double c = (counts[t] - reference.mean()) / sigma;
        if (variant != Variant.C3) {
            double upperBound = reference.mean() + zAlpha * sigma;
            return new DetectionPoint(series.dates().get(t), counts[t], reference.mean(), upperBound, c,
                    STANDARD_NORMAL.survivalProbability(c), counts[t] > upperBound, PointStatus.EVALUATED);
        }
        double laggedExcess = excessOverOne(c2(counts, t - 2)) + excessOverOne(c2(counts, t - 1));
        double upperBound = Math.max(0, counts[t] + sigma * (zAlpha - laggedExcess)); // R's C3 bound, NaN stays NaN
        return new DetectionPoint(series.dates().get(t), counts[t], reference.mean(), upperBound,
                laggedExcess + excessOverOne(c), Double.NaN, counts[t] > upperBound, PointStatus.EVALUATED);
    }

    /** The reference values of period t: {@code baseline} periods ending a guard band before t. */
    private SampleMoments reference(long[] counts, int t) {
        int end = t - variant.guardBand;
        return SampleMoments.of(counts, end - baseline, end);
    }

    private double c2(long[] counts, int t) {
        SampleMoments reference = reference(counts, t);
        return (counts[t] - reference.mean()) / Math.max(reference.sd(), minSigma);
    }

    /** R: pmax(0, C2 − 1) — like R's pmax, a NaN stays NaN (Java's Math.max agrees). */
    private static double excessOverOne(double c2) {
        return Math.max(0, c2 - 1);
    }
}
