package org.foodrisk.detect.aberration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** The trend test's shortcut answers exactly as the p-value it skips would. */
class StudentTTest {

    private static boolean computed(double t, int df, double level) {
        return 2 * TDistribution.of(df).cumulativeProbability(-Math.abs(t)) < level;
    }

    @Test
    void sameDecisionAsThePValue() {
        SplittableRandom random = new SplittableRandom(5);
        double[] levels = {0.05, 0.01, 0.1, 0.5};
        for (int i = 0; i < 100_000; i++) {
            int df = 1 + random.nextInt(300);
            double level = levels[i % levels.length];
            double t = (random.nextDouble() - 0.5) * 12;
            assertEquals(computed(t, df, level), StudentT.twoSidedPValueBelow(t, df, level), () -> "t " + t + " df " + df);
        }
    }

    @Test
    void sameDecisionAtTheCriticalValue() {
        for (int df = 1; df <= 1100; df += 7) {
            double c = -TDistribution.of(df).inverseCumulativeProbability(0.025);
            for (double t = Math.nextDown(c * (1 - 2e-6)); t <= c * (1 + 2e-6); t = t + c * 1e-7) {
                assertEquals(computed(t, df, 0.05), StudentT.twoSidedPValueBelow(t, df, 0.05));
                assertEquals(computed(-t, df, 0.05), StudentT.twoSidedPValueBelow(-t, df, 0.05));
            }
        }
        assertFalse(StudentT.twoSidedPValueBelow(Double.NaN, 20, 0.05));
    }
}
