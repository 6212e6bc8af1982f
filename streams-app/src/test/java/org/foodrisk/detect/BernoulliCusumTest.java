package org.foodrisk.detect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Bernoulli CUSUM against figures computed here from the likelihood ratio of Reynolds and
 * Stoumbos (1999): each result adds ln(p1/p0) when it fails and ln((1 − p1)/(1 − p0)) when it
 * passes, p1 the failure probability at R times the odds — the implementation uses Steiner et al.'s
 * equivalent odds form, so the two routes check each other.
 */
class BernoulliCusumTest {

    private static final BernoulliCusum CHART = new BernoulliCusum(6, 4);

    private static double p1(double p0, double r) {
        double odds = r * p0 / (1 - p0);
        return odds / (1 + odds);
    }

    @Test
    void aResultAddsItsLogLikelihoodRatio() {
        double p0 = 0.01;
        double p1 = p1(p0, 6);
        assertEquals(Math.log(p1 / p0), CHART.weight(1, 1, p0), 1e-12);
        assertEquals(Math.log((1 - p1) / (1 - p0)), CHART.weight(1, 0, p0), 1e-12);
        assertEquals(1.742969, CHART.weight(1, 1, p0), 1e-6);
        assertEquals(-0.048790, CHART.weight(1, 0, p0), 1e-6);
        assertEquals(p1, CHART.shifted(p0), 1e-12);
    }

    @Test
    void thePathIsTheClampedSumOfDailyLikelihoodRatios() {
        double p0 = 0.03;
        double p1 = p1(p0, 6);
        double fail = Math.log(p1 / p0);
        double pass = Math.log((1 - p1) / (1 - p0));
        List<BernoulliCusum.Day> days = List.of(new BernoulliCusum.Day(3, 0), new BernoulliCusum.Day(2, 1),
                new BernoulliCusum.Day(0, 0), new BernoulliCusum.Day(4, 2), new BernoulliCusum.Day(5, 0),
                new BernoulliCusum.Day(1, 1));
        double[] expected = new double[days.size()];
        double s = 0;
        for (int i = 0; i < days.size(); i++) {
            long failed = days.get(i).failed();
            long passed = days.get(i).tested() - failed;
            s = Math.max(0, s + failed * fail + passed * pass);
            expected[i] = s;
        }
        assertArrayEquals(expected, CHART.path(days, p0), 1e-12);
        assertEquals(0.0, expected[0], "passes alone keep the chart at 0");
        // by hand: p1 = 0.18 / 1.15 = 0.1565, a failure adds ln(0.1565/0.03) = 1.6520, a pass
        // ln(0.8435/0.97) = −0.1398; day 2: 1.6520 − 0.1398 = 1.5122; day 4: 1.5122 + 2·1.6520 − 2·0.1398 = 4.5367
        assertEquals(4.5367, expected[3], 0.0001);
        assertTrue(CHART.signals(expected[3]));
    }

    @Test
    void twoFailuresAloneCanNeverSignalWhateverTheBaseline() {
        // 2·ln 6 = 3.58 < h = 4: a pair is the repeat-offender rule's business, not a food cluster.
        for (double p0 : new double[] {1e-6, 0.001, 0.01, 0.05, 0.2}) {
            double[] path = CHART.path(List.of(new BernoulliCusum.Day(2, 2)), p0);
            assertFalse(CHART.signals(path[0]), "p0 " + p0);
        }
        double[] three = CHART.path(List.of(new BernoulliCusum.Day(3, 3)), 0.01);
        assertTrue(CHART.signals(three[0]), "three failures in a row at a 1% food do");
    }

    @Test
    void aHigherBaselineNeedsMoreFailures() {
        // 3 failures among 8 results: a signal where the food fails 1 % of the time, not where it fails 10 %.
        List<BernoulliCusum.Day> days = List.of(new BernoulliCusum.Day(8, 3));
        assertTrue(CHART.signals(CHART.path(days, 0.01)[0]));
        assertFalse(CHART.signals(CHART.path(days, 0.10)[0]));
    }
}
