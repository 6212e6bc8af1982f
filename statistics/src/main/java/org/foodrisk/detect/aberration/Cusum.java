package org.foodrisk.detect.aberration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Poisson CUSUM of R's {@code surveillance::cusum} / {@code algo.cusum} (Rossi, Lampugnani and
 * Marchi 1999, "An approximate CUSUM procedure for surveillance of health events", Stat Med
 * 18:2111-22), exactly as R computes it.
 *
 * <p>Each monitored count x<sub>t</sub> is standardised against its expected value m<sub>t</sub>
 * ({@link CusumTransformation}, R's {@code trans}), the one-sided sum
 * S<sub>t</sub> = max(0, S<sub>t−1</sub> + z<sub>t</sub> − k) starts at 0 with the first monitored
 * period and raises an alarm when S<sub>t</sub> ≥ h. By default the sum is not reset after an alarm (R's default);
 * with {@code reset} it restarts from 0 after each alarm (R {@code control$reset}, surveillance ≥ 1.25.0, the
 * industrial "repair and restart"): a slow rise then alarms again each time the evidence builds up anew, instead
 * of once and then every period while the sum stays above h. The statistic is the sum after the reset, as R
 * returns it. The
 * threshold is R's {@code upperbound}: the count that would bring the sum to h. The expected value
 * is R's {@code m}: by default the mean of every period before the first monitored one (a fixed
 * phase-I baseline, so the monitored range matters — as in R), or a seasonal Poisson GLM fitted to
 * those periods ({@code m = "glm"}), or a given number.
 *
 * <p>History: the first monitored period needs ≥ {@value #MIN_HISTORY} earlier periods (the
 * United4Surveillance signal-detection tool's minimum for CUSUM/EARS; R itself needs one), so with
 * {@code from} earlier than that the periods before it are {@link PointStatus#INSUFFICIENT_HISTORY}
 * and monitoring starts at index {@value #MIN_HISTORY}. A zero baseline mean gives R's NaN sums
 * (R: alarm NA, upper bound 0); here they are no alarm.
 */
public final class Cusum implements AberrationMethod {

    public static final double DEFAULT_K = 1.04;
    public static final double DEFAULT_H = 2.26;
    /** R's {@code algo.cusum} default dispersion for the negative-binomial transformations. */
    public static final double DEFAULT_ALPHA = 0.1;
    public static final int MIN_HISTORY = 7;

    /** Where R's {@code m} comes from. */
    public sealed interface Expectation permits PastMean, SeasonalGlm, Fixed {

        /** m for the monitored indices {@code start .. counts.length-1}. */
        double[] expected(long[] counts, int start, int periodsPerYear);

        /** Parses the {@code m} option: {@code mean} (R's NULL), {@code glm} or a number. */
        static Expectation parse(String text) {
            return switch (text) {
                case "mean" -> new PastMean();
                case "glm" -> new SeasonalGlm();
                default -> {
                    try {
                        yield new Fixed(Double.parseDouble(text));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("cusum: --m must be mean, glm or a number, not '" + text + "'");
                    }
                }
            };
        }
    }

    /** R {@code m = NULL}: {@code mean(observed[1:(timePoint-1)])}. */
    public record PastMean() implements Expectation {
        @Override
        public double[] expected(long[] counts, int start, int periodsPerYear) {
            double[] m = new double[counts.length - start];
            Arrays.fill(m, SampleMoments.of(counts, 0, start).mean());
            return m;
        }

        @Override
        public String toString() {
            return "mean";
        }
    }

    /** R {@code m = "glm"}: Poisson regression on one harmonic of the year, fitted before the range. */
    public record SeasonalGlm() implements Expectation {
        @Override
        public double[] expected(long[] counts, int start, int periodsPerYear) {
            SeasonalPoissonGlm glm = SeasonalPoissonGlm.fit(counts, start, periodsPerYear);
            double[] m = new double[counts.length - start];
            for (int i = 0; i < m.length; i++) {
                m[i] = glm.expected(start + i);
            }
            return m;
        }

        @Override
        public String toString() {
            return "glm";
        }
    }

    /** R {@code m = <number>}: a known in-control mean. */
    public record Fixed(double m) implements Expectation {
        @Override
        public double[] expected(long[] counts, int start, int periodsPerYear) {
            double[] expected = new double[counts.length - start];
            Arrays.fill(expected, m);
            return expected;
        }

        @Override
        public String toString() {
            return Double.toString(m);
        }
    }

    private final double k;
    private final double h;
    private final Expectation expectation;
    private final CusumTransformation transformation;
    private final double alpha;
    private final boolean reset;

    /** R's defaults: k 1.04, h 2.26, m = mean of the past, trans "standard", no reset. */
    public Cusum() {
        this(DEFAULT_K, DEFAULT_H, new PastMean(), CusumTransformation.STANDARD, DEFAULT_ALPHA);
    }

    public Cusum(double k, double h, Expectation expectation, CusumTransformation transformation, double alpha) {
        this(k, h, expectation, transformation, alpha, false);
    }

    /** @param reset whether the sum restarts from 0 after an alarm (R {@code reset = TRUE}) */
    public Cusum(double k, double h, Expectation expectation, CusumTransformation transformation, double alpha,
                 boolean reset) {
        if (!Double.isFinite(k) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("cusum: k and h must be finite numbers");
        }
        this.k = k;
        this.h = h;
        this.expectation = expectation;
        this.transformation = transformation;
        this.alpha = alpha;
        this.reset = reset;
    }

    /**
     * Builds the method from backtest options named as in R: {@code k}, {@code h}, {@code m}
     * ({@code mean} for R's NULL, {@code glm}, or a number), {@code trans}, {@code alpha}, {@code reset}
     * ({@code true} or {@code false}).
     */
    public static Cusum fromOptions(Map<String, String> options) {
        MethodOptions read = new MethodOptions("cusum", options);
        Cusum cusum = new Cusum(read.decimal("k", DEFAULT_K), read.decimal("h", DEFAULT_H),
                Expectation.parse(read.text("m", "mean")),
                CusumTransformation.fromRName(read.text("trans", CusumTransformation.STANDARD.rName())),
                read.decimal("alpha", DEFAULT_ALPHA), read.bool("reset", false));
        read.rejectUnused();
        return cusum;
    }

    @Override
    public String name() {
        return "cusum";
    }

    @Override
    public String citation() {
        return "Poisson CUSUM (Rossi G, Lampugnani L, Marchi M. An approximate CUSUM procedure for surveillance of"
                + " health events. Stat Med 1999;18:2111-22), as R surveillance::cusum"
                + String.format(Locale.ROOT, " (k=%s, h=%s, m=%s, trans=\"%s\"%s)", k, h, expectation,
                        transformation.rName(), (transformation == CusumTransformation.PEARSON_NEG_BIN
                                ? ", alpha=" + alpha : "") + (reset ? ", reset=TRUE" : ""));
    }

    @Override
    public List<DetectionPoint> detect(CountSeries series, int from) {
        if (from < 0) {
            throw new IllegalArgumentException("from must not be negative");
        }
        long[] counts = series.counts();
        int start = Math.max(from, MIN_HISTORY);
        List<DetectionPoint> points = new ArrayList<>(Math.max(0, counts.length - from));
        for (int t = from; t < Math.min(start, counts.length); t++) {
            points.add(DetectionPoint.insufficient(series.dates().get(t), counts[t]));
        }
        if (start >= counts.length) {
            return points;
        }
        double[] m = expectation.expected(counts, start, series.frequency().periodsPerYear());
        double previousSum = 0; // R: cusum[1] = 0 before the first monitored period
        for (int t = start; t < counts.length; t++) {
            double mt = m[t - start];
            double sum = Math.max(0, previousSum + (transformation.standardize(counts[t], mt, alpha) - k));
            boolean alarm = sum >= h;
            if (reset && alarm) {
                sum = 0; // R resets cusum[t+1] before computing the upper bounds, which read it
            }
            double upperBound = transformation.upperBound(mt, h, k, previousSum, sum, alpha);
            points.add(new DetectionPoint(series.dates().get(t), counts[t], mt, upperBound, sum, Double.NaN,
                    alarm, PointStatus.EVALUATED));
            previousSum = sum;
        }
        return points;
    }
}
