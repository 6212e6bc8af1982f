package org.foodrisk.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts behind a detector's figures, for one series or any sum of them.
 *
 * @param outbreaks          scored outbreaks (outbreak appearances, for a per-stream detector)
 * @param detected           those with at least one alarm in their period
 * @param detectedByChance   those whose period, laid on the outbreak-free run's same series, holds an alarm:
 *                           what the detector "detects" by coincidence
 * @param delays             for each detected one, days from the outbreak's start to the first alarm in its period
 * @param falseAlarms        alarms, in the run with outbreaks, outside every outbreak period of their series
 * @param outbreakFreeAlarms alarms in the outbreak-free run
 * @param outbreakFreeEpisodes runs of alarms on consecutive periods in the outbreak-free run
 * @param evaluatedPoints    points judged (both runs)
 * @param insufficientPoints points left unjudged for want of history (both runs); never counted as alarms
 */
public record Tally(int outbreaks, int detected, int detectedByChance, List<Integer> delays, int falseAlarms, int outbreakFreeAlarms,
                    int outbreakFreeEpisodes, int evaluatedPoints, int insufficientPoints) {

    public static final Tally EMPTY = new Tally(0, 0, 0, List.of(), 0, 0, 0, 0, 0);

    public Tally {
        delays = List.copyOf(delays);
    }

    public Tally plus(Tally other) {
        List<Integer> allDelays = new ArrayList<>(delays);
        allDelays.addAll(other.delays);
        return new Tally(outbreaks + other.outbreaks, detected + other.detected,
                detectedByChance + other.detectedByChance, allDelays,
                falseAlarms + other.falseAlarms, outbreakFreeAlarms + other.outbreakFreeAlarms,
                outbreakFreeEpisodes + other.outbreakFreeEpisodes, evaluatedPoints + other.evaluatedPoints,
                insufficientPoints + other.insufficientPoints);
    }

    /** Probability of detection; NaN without outbreaks. */
    public double pod() {
        return outbreaks == 0 ? Double.NaN : detected / (double) outbreaks;
    }

    /** Share of outbreak periods that hold an alarm on outbreak-free data; NaN without outbreaks. */
    public double chancePod() {
        return outbreaks == 0 ? Double.NaN : detectedByChance / (double) outbreaks;
    }

    /** Wilson's 95 % interval of the probability of detection, {lower, upper}. */
    public double[] podInterval() {
        if (outbreaks == 0) {
            return new double[]{Double.NaN, Double.NaN};
        }
        double z = 1.959963984540054;
        double n = outbreaks;
        double p = pod();
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Median delay in days; NaN when nothing was detected. */
    public double medianDelay() {
        if (delays.isEmpty()) {
            return Double.NaN;
        }
        List<Integer> sorted = delays.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
