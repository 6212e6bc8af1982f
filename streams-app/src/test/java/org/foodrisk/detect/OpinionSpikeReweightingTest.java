package org.foodrisk.detect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * epitweetr's ears_t_reweighted (U0_dw) on a baseline with one outlying window. Expected values
 * computed independently from the R source (epitweetr R/alerts.R, compute_threshold and the
 * Farrington down-weighting) with qt(0.975, 6) = 2.4469118511449692 and qt(0.95, 5) =
 * 2.015048372669157; tolerance 1e-9 covers the t quantile's last digits.
 */
class OpinionSpikeReweightingTest {

    private final OpinionSpikeRule rule = new OpinionSpikeRule(0.025, 3);

    @Test
    void aPastSpikeIsDownWeightedSoItDoesNotHideTheNextOne() {
        double[] baseline = {10, 12, 9, 11, 60, 10, 12};
        OpinionSpikeRule.Baseline fit = rule.baseline(baseline);
        // Unweighted the 60 would give mean 17.714 and threshold 66.576: a second burst of 30 would pass unseen.
        assertEquals(10.666733674427428, fit.mean(), 1e-9);
        assertEquals(13.794605915859439, fit.threshold(), 1e-9);
    }

    @Test
    void aBaselineWithoutOutliersIsTheUnweightedThreshold() {
        // The last 7 windows before 500 in epitweetr's own example series.
        double[] baseline = {128, 144, 125, 300, 319, 289, 277};
        assertEquals(226.0, rule.baseline(baseline).mean(), 1e-9);
        assertEquals(458.0705640331111, rule.baseline(baseline).threshold(), 1e-9);
    }

    @Test
    void aFlatBaselineIsItsOwnThreshold() {
        assertEquals(0.0, rule.threshold(new double[7]), 1e-12);
        assertEquals(5.0, rule.threshold(new double[]{5, 5, 5, 5, 5, 5, 5}), 1e-12);
    }
}
