package org.foodrisk.detect.aberration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Against R 4.2.2: {@code a <- s + 0.5; pnbinom(y - 1, size = a, mu = a / n, lower.tail = FALSE)} with
 * {@code options(digits = 17)}.
 */
class PoissonGammaPredictiveTest {

    @Test
    void tailsAreRsNegativeBinomialWithTheJeffreysPosterior() {
        assertRelative(1.2982353084647942e-05, PoissonGammaPredictive.upperTail(0, 28, 3));
        assertRelative(8.6792538173538214e-02, PoissonGammaPredictive.upperTail(28, 28, 3));
        assertRelative(1.5116522766861032e-04, PoissonGammaPredictive.upperTail(28, 28, 7));
        assertRelative(1.6290918909990474e-03, PoissonGammaPredictive.upperTail(5, 28, 3));
        assertRelative(6.5284454075626172e-03, PoissonGammaPredictive.upperTail(140, 28, 12));
        assertRelative(6.4585653306514654e-02, PoissonGammaPredictive.upperTail(0, 7, 1));
        assertEquals(1.0, PoissonGammaPredictive.upperTail(3, 28, 0));
    }

    /**
     * R: {@code x <- c(rep(0, 20), 1, 1, 2, 3, 5, 0, 6, 2); m <- mean(x); size <- min(sum(x) + 0.5, m^2 / (var(x) - m));
     * pnbinom(5, size = size, mu = (sum(x) + 0.5) / 28, lower.tail = FALSE)}; days without bursts keep the posterior's size.
     */
    @Test
    void burstyDaysWidenTheTail() {
        long[] bursty = new long[28];
        long[] tail = {1, 1, 2, 3, 5, 0, 6, 2};
        System.arraycopy(tail, 0, bursty, 20, tail.length);
        assertRelative(0.023797515223226842, PoissonGammaPredictive.upperTail(bursty, 6));
        long[] even = new long[28];
        for (int t = 0; t < even.length; t++) {
            even[t] = t % 2;
        }
        assertEquals(PoissonGammaPredictive.upperTail(14, 28, 6), PoissonGammaPredictive.upperTail(even, 6));
    }

    @Test
    void aDayWithoutHistoryHasNoTail() {
        assertThrows(IllegalArgumentException.class, () -> PoissonGammaPredictive.upperTail(0, 0, 3));
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-9, () -> "R says " + expected + ", got " + actual);
    }
}
