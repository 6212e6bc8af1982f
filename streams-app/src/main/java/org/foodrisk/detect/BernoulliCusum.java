package org.foodrisk.detect;

import java.util.List;

/**
 * The Bernoulli CUSUM for a failure proportion, in the odds-ratio form of Steiner, Cook, Farewell
 * and Treasure (2000, "Monitoring surgical performance using risk-adjusted cumulative sum charts",
 * Biostatistics 1:441–452) without risk adjustment, which is the Bernoulli CUSUM of Reynolds and
 * Stoumbos (1999, "A CUSUM chart for monitoring a proportion when inspecting continuously",
 * Journal of Quality Technology 31:87–108).
 *
 * <p>In control every result fails with probability p0; the chart looks for a shift to odds R
 * times as high, p1 = R·p0 / (1 − p0 + R·p0). Each result adds its log-likelihood ratio
 * <pre>  W = y·ln R − ln(1 − p0 + R·p0)        (y = 1 failed, 0 passed)</pre>
 * and S_t = max(0, S_{t−1} + W_t); the chart signals when S_t ≥ h. Results are taken in days
 * (a day of n results of which x failed adds x·ln R − n·ln(1 − p0 + R·p0), the binomial CUSUM on
 * daily batches): lab reports arrive out of order within and across days, and a day's total does
 * not depend on which report came first, so late reports give the same chart as timely ones.
 *
 * <p>Why a CUSUM rather than an exact test per window: it is sequential (one chart over time
 * instead of many overlapping tests, whose false alarms add up), it needs no minimum sample size
 * (one failure adds ln R, fewer than h/ln R failures can never signal, and passes pull the sum
 * back), and among charts for a step change it detects fastest for a given false-alarm rate
 * (Moustakides 1986).
 */
public final class BernoulliCusum {

    private final double oddsRatio;
    private final double threshold;

    public BernoulliCusum(double oddsRatio, double threshold) {
        if (oddsRatio <= 1 || threshold <= 0) {
            throw new IllegalArgumentException("odds ratio must exceed 1 and the threshold be positive");
        }
        this.oddsRatio = oddsRatio;
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    public double oddsRatio() {
        return oddsRatio;
    }

    /** The out-of-control failure probability p1 the chart is tuned to. */
    public double shifted(double p0) {
        return oddsRatio * p0 / (1 - p0 + oddsRatio * p0);
    }

    /** The log-likelihood ratio of a day of {@code tested} results of which {@code failed} failed. */
    public double weight(long tested, long failed, double p0) {
        return failed * Math.log(oddsRatio) - tested * Math.log(1 - p0 + oddsRatio * p0);
    }

    /** One day of a series: how many were tested and how many failed. */
    public record Day(long tested, long failed) {
    }

    /**
     * The chart over consecutive days (a day without results is {@code Day(0, 0)}), starting at 0.
     *
     * @return S after each day
     */
    public double[] path(List<Day> days, double p0) {
        double[] s = new double[days.size()];
        double current = 0;
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            current = Math.max(0, current + weight(day.tested(), day.failed(), p0));
            s[i] = current;
        }
        return s;
    }

    public boolean signals(double statistic) {
        return statistic >= threshold;
    }
}
