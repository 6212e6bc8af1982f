package org.foodrisk.detect;


/**
 * The numeric part of the alert-level policy, in one place and configurable
 * ({@code foodrisk.detect.levels.*}, kebab-case of these names): how strong the evidence, how far
 * above the threshold, how many people, before an alert is YELLOW, ORANGE or RED. The categorical
 * part stays with the detectors that know it (which substances are RED, which places raise a
 * level, how many streams fuse) — README "Alert levels" has the whole table.
 *
 * @param failureRateYellowP      binomial p below which a failing pass rate is YELLOW (else BLUE)
 * @param failureRateOrangeP      … ORANGE
 * @param countYellowExceedance   observed / detector threshold from which a count aberration is YELLOW
 * @param opinionYellowExceedance excess over the epitweetr threshold, in units of (threshold − mean), for YELLOW
 * @param opinionOrangeExceedance … ORANGE
 * @param clusterOrangeCases      cases in one suspected outbreak from which it is ORANGE (fewer: YELLOW)
 * @param clusterRedCases         … RED (a death is RED at any size)
 * @param complaintYellowCount    complaints about one business from which the alert is YELLOW (fewer: BLUE)
 * @param complaintOrangeCount    … ORANGE
 * @param rumourOrangeReach       reach from which a suspected rumour is ORANGE (else YELLOW)
 * @param fusionOrangeP           combined probability of fused streams at or below which fusion is ORANGE (else
 *                                YELLOW; one level up for a severe hazard or people ill)
 */
public record LevelPolicy(
        double failureRateYellowP,
        double failureRateOrangeP,
        double countYellowExceedance,
        double opinionYellowExceedance,
        double opinionOrangeExceedance,
        int clusterOrangeCases,
        int clusterRedCases,
        int complaintYellowCount,
        int complaintOrangeCount,
        long rumourOrangeReach,
        double fusionOrangeP) {

    public static LevelPolicy defaults() {
        return new LevelPolicy(0.01, 0.001, 2.0, 1.5, 3.0, 5, 20, 3, 5, 1_000_000, 1e-6);
    }

    public AlertLevel failureRate(double p) {
        return p < failureRateOrangeP ? AlertLevel.ORANGE : p < failureRateYellowP ? AlertLevel.YELLOW : AlertLevel.BLUE;
    }

    public AlertLevel countAberration(double observed, double threshold) {
        return observed >= countYellowExceedance * threshold ? AlertLevel.YELLOW : AlertLevel.BLUE;
    }

    public AlertLevel opinionSpike(double exceedance) {
        return exceedance >= opinionOrangeExceedance ? AlertLevel.ORANGE
                : exceedance >= opinionYellowExceedance ? AlertLevel.YELLOW : AlertLevel.BLUE;
    }

    public AlertLevel cluster(int cases, boolean died) {
        return died || cases >= clusterRedCases ? AlertLevel.RED : cases >= clusterOrangeCases ? AlertLevel.ORANGE
                : AlertLevel.YELLOW;
    }

    public AlertLevel repeatComplaints(int complaints) {
        return complaints >= complaintOrangeCount ? AlertLevel.ORANGE
                : complaints >= complaintYellowCount ? AlertLevel.YELLOW : AlertLevel.BLUE;
    }

    public AlertLevel rumour(long reach) {
        return reach >= rumourOrangeReach ? AlertLevel.ORANGE : AlertLevel.YELLOW;
    }
}
