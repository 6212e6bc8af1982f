package org.foodrisk.detect.aberration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The generalized-likelihood-ratio detector for a rise in a Poisson or negative-binomial count series, R's
 * {@code surveillance::algo.glrnb} with {@code change = "intercept"} (Höhle M, Paul M. Count data regression charts
 * for the monitoring of surveillance time series. Comput Stat Data Anal 2008;52:4357-68; Höhle M, Mazick A. Aberrant
 * detection of count data time series. In: Kleinman, Lawson (eds.), Biosurveillance, 2010): made for the slow
 * rises a window method misses — the statistic keeps the evidence of every period since the most likely change.
 *
 * <p>At period n the in-control means are mu0_t; the chart is
 * GLR(n) = max over changepoints k of sup over κ ≥ 0 of Σ_{t=k..n} log f_κ(x_t)/f_0(x_t), with f_κ the
 * negative binomial of mean mu0_t·e^κ and dispersion {@code alpha} (variance mu + alpha·mu²; alpha = 0: Poisson,
 * where the MLE of κ is closed-form). An alarm is raised when GLR(n) ≥ {@code c-arl}; the chart then starts again
 * at n + 1 (R's reset: the detector's state is the periods since the last alarm). {@code statistic} is GLR(n)
 * (R's {@code ret = "value"}), {@code threshold} the count at n that would sound the alarm (R's
 * {@code ret = "cases"}).
 *
 * <p>Exactly as R: the NB chart's κ by Newton–Raphson started at 0.5 and carried from one changepoint to the next
 * (C {@code glr_nb_window}), the Poisson chart by the recursive sums of C {@code glr_cusum}; the NB "cases" as R's
 * search finds them — the smallest count that alarms, searched upwards from the count seen (a count of 0 that does
 * not alarm gives R's 1e99) or, at an alarm, downwards to 1 (0 when even 0 alarms). We search by bisection, which
 * finds the same count because the chart only grows with the count at n. The in-control means are R's
 * {@code mu0 = NULL} hook: a Poisson (alpha = 0) or fixed-alpha negative-binomial GLM with one harmonic of the year
 * fitted to every period before the first judged one, or a given number.
 *
 * <p>History: with the fitted means the first judged period needs ≥ {@value #MIN_HISTORY} periods before it (as
 * the CUSUM here); R needs one. Only increases are monitored ({@code dir = "inc"}, R's default); {@code Mtilde} is 1.
 */
public final class GlrNb implements AberrationMethod {

    public static final double DEFAULT_C_ARL = 5;
    public static final int MIN_HISTORY = Cusum.MIN_HISTORY;
    /** R's {@code xMax}: the largest count the "cases" search tries. */
    static final int X_MAX = 10_000;
    /** What R's search answers when no count up to {@link #X_MAX} would alarm. */
    static final double NEVER = 1e99;

    private final double cArl;
    private final double alpha;
    private final Double fixedMean;
    private final int window;

    /**
     * @param cArl      the alarm threshold on the GLR statistic (R {@code c.ARL})
     * @param alpha     the negative-binomial dispersion (0: Poisson)
     * @param fixedMean the known in-control mean, or null for R's seasonal GLM
     * @param window    R's {@code M}: how many periods back a change may lie, -1 for all since the last alarm
     */
    public GlrNb(double cArl, double alpha, Double fixedMean, int window) {
        if (!(cArl > 0) || !Double.isFinite(cArl)) {
            throw new IllegalArgumentException("glrnb: c-arl must be a positive number");
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("glrnb: alpha must be a number >= 0 (0: Poisson)");
        }
        if (fixedMean != null && !(fixedMean > 0)) {
            throw new IllegalArgumentException("glrnb: m must be glm or a positive number");
        }
        if (window != -1 && window < 1) {
            throw new IllegalArgumentException("glrnb: window must be -1 (all) or at least 1");
        }
        this.cArl = cArl;
        this.alpha = alpha;
        this.fixedMean = fixedMean;
        this.window = window;
    }

    /**
     * From backtest options named as in R: {@code c-arl} (5), {@code alpha} (0), {@code m} ({@code glm} or a
     * number), {@code window} (R's {@code M}, -1), {@code dir} (only {@code inc}).
     */
    public static GlrNb fromOptions(Map<String, String> options) {
        MethodOptions read = new MethodOptions("glrnb", options);
        String m = read.text("m", "glm");
        Double fixedMean;
        try {
            fixedMean = "glm".equals(m) ? null : Double.valueOf(m);
        } catch (NumberFormatException e) {
            throw read.invalid("m", m, "glm or a number");
        }
        String dir = read.text("dir", "inc");
        if (!"inc".equals(dir)) {
            throw read.invalid("dir", dir, "inc (only increases are monitored)");
        }
        GlrNb glr = new GlrNb(read.decimal("c-arl", DEFAULT_C_ARL), read.decimal("alpha", 0), fixedMean,
                read.integer("window", -1));
        read.rejectUnused();
        return glr;
    }

    @Override
    public String name() {
        return "glrnb";
    }

    @Override
    public String citation() {
        return "GLR detector for Poisson/negative-binomial counts (Höhle M, Paul M. Count data regression charts for the"
                + " monitoring of surveillance time series. Comput Stat Data Anal 2008;52:4357-68), as R"
                + " surveillance::algo.glrnb" + String.format(Locale.ROOT, " (c.ARL=%s, alpha=%s, mu0=%s, M=%d,"
                + " change=\"intercept\", dir=\"inc\", reset after each alarm)", cArl, alpha,
                fixedMean == null ? "glm" : fixedMean, window);
    }

    @Override
    public List<DetectionPoint> detect(CountSeries series, int from) {
        if (from < 0) {
            throw new IllegalArgumentException("from must not be negative");
        }
        long[] counts = series.counts();
        int start = fixedMean == null ? Math.max(from, MIN_HISTORY) : from;
        List<DetectionPoint> points = new ArrayList<>(Math.max(0, counts.length - from));
        for (int t = from; t < Math.min(start, counts.length); t++) {
            points.add(DetectionPoint.insufficient(series.dates().get(t), counts[t]));
        }
        if (start >= counts.length) {
            return points;
        }
        double[] mu0 = inControlMeans(counts, start, series.frequency().periodsPerYear());
        int length = counts.length - start;
        long[] x = Arrays.copyOfRange(counts, start, counts.length);
        int segmentStart = 0;
        while (segmentStart < length) {
            int alarmAt = -1;
            for (int n = segmentStart; n < length; n++) {
                double glr = glr(x, mu0, segmentStart, n);
                boolean alarm = glr >= cArl;
                // R reports a negative statistic (a window with no changepoint to weigh) as 0.
                points.add(new DetectionPoint(series.dates().get(start + n), x[n], mu0[n],
                        cases(x, mu0, segmentStart, n, alarm), Math.max(0, glr), Double.NaN, alarm,
                        PointStatus.EVALUATED));
                if (alarm) {
                    alarmAt = n;
                    break;
                }
            }
            // R's reset: after an alarm the chart starts afresh with the next period.
            segmentStart = alarmAt < 0 ? length : alarmAt + 1;
        }
        return points;
    }

    private double[] inControlMeans(long[] counts, int start, int periodsPerYear) {
        double[] mu0 = new double[counts.length - start];
        if (fixedMean != null) {
            Arrays.fill(mu0, fixedMean);
            return mu0;
        }
        SeasonalPoissonGlm glm = SeasonalPoissonGlm.fit(counts, start, periodsPerYear, alpha);
        for (int i = 0; i < mu0.length; i++) {
            mu0[i] = glm.expected(start + i);
        }
        return mu0;
    }

    /** GLR(n) of the chart begun at {@code first}. */
    double glr(long[] x, double[] mu0, int first, int n) {
        return alpha == 0 ? poissonGlr(x, mu0, first, n) : negativeBinomialGlr(x, mu0, first, n);
    }

    /**
     * C {@code glr} of {@code glr_cusum} (Poisson, dir = 1), or {@code glr_window} when a window is set — which, as
     * in R, starts its sums with period n and its changepoints at n - 1, so never weighs period n alone.
     */
    private double poissonGlr(long[] x, double[] mu0, int first, int n) {
        double maxGlr = -1e99;
        double sumX = 0;
        double sumMu0 = 0;
        int low = first;
        int from = n;
        if (window != -1) {
            low = Math.max(first, n - window);
            sumX = x[n];
            sumMu0 = mu0[n];
            from = n - 1;
        }
        for (int k = from; k >= low; k--) {
            sumX += x[k];
            sumMu0 += mu0[k];
            double kappa = Math.max(0, Math.log(sumX / sumMu0));
            double sum = kappa * sumX + (1 - Math.exp(kappa)) * sumMu0;
            if (sum > maxGlr) {
                maxGlr = sum;
            }
        }
        return maxGlr;
    }

    /** C {@code glr_nb_window} for one n (Mtilde = 1, dir = 1). */
    private double negativeBinomialGlr(long[] x, double[] mu0, int first, int n) {
        double maxGlr = -1e99;
        double kappaMl = 0.5;
        int low = window == -1 ? first : Math.max(first, n - window);
        for (int k = low; k <= n; k++) {
            double kappaOld = 0.4;
            double kappaNew = kappaMl;
            int iteration = 0;
            while (kappaNew > -18 && Math.abs(kappaNew - kappaOld) > 1e-6 && iteration < 1000) {
                iteration++;
                kappaOld = kappaNew;
                kappaNew = kappaOld + score(kappaOld, x, mu0, k, n) / fisher(kappaOld, x, mu0, k, n);
            }
            kappaMl = Math.max(0, kappaNew);
            double lnk = 0;
            for (int i = k; i <= n; i++) {
                lnk += kappaMl * x[i] + (x[i] + 1 / alpha)
                        * Math.log((1 + alpha * mu0[i]) / (1 + alpha * mu0[i] * Math.exp(kappaMl)));
            }
            if (lnk > maxGlr) {
                maxGlr = lnk;
            }
        }
        return maxGlr;
    }

    private double score(double kappa, long[] x, double[] mu0, int k, int n) {
        double sum = 0;
        for (int i = k; i <= n; i++) {
            sum += (x[i] - Math.exp(kappa) * mu0[i]) / (1 + alpha * Math.exp(kappa) * mu0[i]);
        }
        return sum;
    }

    private double fisher(double kappa, long[] x, double[] mu0, int k, int n) {
        double sum = 0;
        for (int i = k; i <= n; i++) {
            double d = 1 + alpha * Math.exp(kappa) * mu0[i];
            sum += mu0[i] * (alpha * x[i] + 1) / (d * d);
        }
        return Math.exp(kappa) * sum;
    }

    /** Whether the chart begun at {@code first} would alarm at n with {@code count} there (earlier periods as seen). */
    private boolean alarmsWith(long[] x, double[] mu0, int first, int n, long count) {
        long seen = x[n];
        x[n] = count;
        try {
            return glr(x, mu0, first, n) >= cArl;
        } finally {
            x[n] = seen;
        }
    }

    /** R's {@code upperbound} with {@code ret = "cases"}: the count at n that would sound the alarm. */
    private double cases(long[] x, double[] mu0, int first, int n, boolean alarm) {
        long seen = x[n];
        if (alpha == 0 && window != -1 && n == first) {
            return 0; // C glr_cusum_window leaves the first period of a chart unjudged: statistic and cases 0
        }
        if (alpha == 0) {
            // C glr_cusum: the smallest count from 0 up whose GLR reaches c.ARL.
            return smallestAlarming(x, mu0, first, n, 0, Long.MAX_VALUE);
        }
        if (alarm) {
            // R steps down from the count seen while it is >= 1; if even 0 alarms, R's NA, reported as 0.
            return alarmsWith(x, mu0, first, n, 0) ? 0 : smallestAlarming(x, mu0, first, n, 1, seen);
        }
        if (seen < 1 || seen > X_MAX) {
            return NEVER; // R's search does not start from a count below 1 (nor above xMax)
        }
        long found = smallestAlarming(x, mu0, first, n, seen + 1, X_MAX + 1L);
        return found < 0 ? NEVER : found;
    }

    /**
     * The smallest count in [low, high] at which the chart alarms at n (the chart grows with the count), or -1 when
     * none; an unbounded {@code high} is found by doubling first.
     */
    private long smallestAlarming(long[] x, double[] mu0, int first, int n, long low, long high) {
        long top = high;
        if (high == Long.MAX_VALUE) {
            top = Math.max(1, low);
            while (!alarmsWith(x, mu0, first, n, top)) {
                if (top > Long.MAX_VALUE / 4) {
                    return -1;
                }
                top *= 2;
            }
        } else if (!alarmsWith(x, mu0, first, n, top)) {
            return -1;
        }
        long lo = low;
        while (lo < top) {
            long mid = lo + (top - lo) / 2;
            if (alarmsWith(x, mu0, first, n, mid)) {
                top = mid;
            } else {
                lo = mid + 1;
            }
        }
        return top;
    }
}
