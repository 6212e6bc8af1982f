package org.foodrisk.backtest;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link PlainDecimal} writes what the BigDecimal round trip it replaced wrote, for every kind of double. */
class PlainDecimalTest {

    private static String viaBigDecimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void assertSame(double value) {
        assertEquals(viaBigDecimal(value), PlainDecimal.of(value), () -> "for " + value);
    }

    @Test
    void edgeCases() {
        double[] values = {0.0, -0.0, 1.0, -1.0, 10.0, 100.0, 1e7, 1e-3, 9.999999e6, 1.0000001e7, 0.001, 0.00099,
            123.456, -123.456, 4.952380952589626, 9.274118712578861, 0.5, 1e-300, -1e-300, 1e300, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1234567.0, 12345678.0, 120.5, 1e22, 1.5e-7};
        for (double value : values) {
            assertSame(value);
        }
        assertEquals("100", PlainDecimal.of(100.0));
        assertEquals("0.00015", PlainDecimal.of(1.5e-4));
        assertEquals("0", PlainDecimal.of(-0.0));
    }

    @Test
    void randomDoubles() {
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 200_000; i++) {
            double anyBits = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(anyBits)) {
                assertSame(anyBits);
            }
            assertSame(random.nextDouble() * Math.pow(10, random.nextInt(-8, 12))); // counts, means, bounds
            assertSame(Math.rint(random.nextDouble() * 1e6) / Math.pow(10, random.nextInt(0, 8)));
        }
    }

    @Test
    void onlyFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> PlainDecimal.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> PlainDecimal.of(Double.POSITIVE_INFINITY));
    }
}
