package org.foodrisk.evaluation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Detection at matched false-alarm rates: each detector's threshold moved until its alarms on the outbreak-free run
 * are at most a target number per district-week, then the share of outbreaks found at that threshold. One point of
 * each detector's curve of detection against false alarms (AMOC-style) per target — issue 19: the detectors'
 * configured thresholds give anything from 0.02 to 7 false alarms a district-week, so their POD at those thresholds
 * cannot be compared.
 *
 * <p>A point's evidence orders the points the way the detector's own threshold does (lower alarms first): its
 * p-value where the method defines one (Farrington, farringtonFlexible, the pooled model), else minus its statistic
 * (EARS: alarm when C exceeds z). A point the method cannot alarm on whatever the threshold (too little history,
 * farringtonFlexible's 5-in-4 rule, a zero count for Farrington) has none. Sequential charts (CUSUM, GLR) and fusion
 * have none either: their statistic depends on the threshold through the resets at alarms, so moving the threshold
 * means running them again, not ranking their points.
 */
final class MatchedFalseAlarms {

    /** The targets, in alerts per district-week on outbreak-free data. */
    static final List<Double> TARGETS = List.of(0.02, 0.05, 0.1, 0.2);

    /** A judged period of a series and its evidence. */
    record Scored(int firstDay, int lastDay, double evidence) {
        boolean overlaps(int from, int to) {
            return firstDay <= to && lastDay >= from;
        }
    }

    /** One series' evidence in both runs and the periods of its scored outbreaks ({first, last} days). */
    record SeriesEvidence(List<Scored> run, List<Scored> free, List<int[]> outbreakPeriods) {
    }

    /** The result at one target: outbreaks found, and the rate of alarms the threshold actually gives. */
    record Matched(int detected, int outbreaks, double achievedRate) {
        double pod() {
            return outbreaks == 0 ? Double.NaN : detected / (double) outbreaks;
        }
    }

    private MatchedFalseAlarms() {
    }

    /** Per target, or an empty map when the detector's points have no evidence. */
    static Map<Double, Matched> compute(List<SeriesEvidence> series, double districtWeeks) {
        double[] free = series.stream().flatMap(s -> s.free().stream()).mapToDouble(Scored::evidence).sorted().toArray();
        if (free.length == 0) {
            return Map.of();
        }
        Map<Double, Matched> matched = new LinkedHashMap<>();
        for (double target : TARGETS) {
            int allowed = (int) Math.floor(target * districtWeeks);
            // Alarm when the evidence is below the (allowed+1)-th smallest on outbreak-free data: at most `allowed`
            // alarms there (fewer when values tie — discrete counts give equal p-values).
            double threshold = allowed >= free.length ? Double.POSITIVE_INFINITY : free[allowed];
            long alarms = Arrays.stream(free).filter(e -> e < threshold).count();
            int detected = 0;
            int outbreaks = 0;
            for (SeriesEvidence s : series) {
                for (int[] period : s.outbreakPeriods()) {
                    outbreaks++;
                    if (s.run().stream().anyMatch(p -> p.evidence() < threshold && p.overlaps(period[0], period[1]))) {
                        detected++;
                    }
                }
            }
            matched.put(target, new Matched(detected, outbreaks, alarms / districtWeeks));
        }
        return matched;
    }
}
