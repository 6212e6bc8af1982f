package org.foodrisk.detect.aberration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Against R 4.2.2: {@code qnbinom(p, size, prob)}, {@code pnbinom(7, size, prob, lower.tail = FALSE)}, same for Poisson. */
class CountQuantilesTest {

    @ParameterizedTest
    @CsvSource({
            "0.95, 2.5, 0.5882352941176470784, 5, 0.0088340885522042497",
            "0.95, 0.3, 0.3333333333333333148, 3, 0.0057063825977324767",
            // phi = 1 + 1e-9: size 1e9, practically Poisson(1)
            "0.95, 1.0e9, 9.9999999899999992e-01, 3, 1.0249203005992423e-05",
            "0.95, 40, 0.5, 56, 0.99999946454408928",
            "0.99, 0.05, 0.2, 5, 0.004103548316355057"})
    void negativeBinomialAsR(double p, double size, double prob, double quantile, double upperTailFrom8) {
        assertEquals(quantile, CountQuantiles.negativeBinomialQuantile(p, size, prob));
        assertEquals(upperTailFrom8, CountQuantiles.negativeBinomialUpperTail(8, size, prob), upperTailFrom8 * 1e-9);
    }

    @ParameterizedTest
    @CsvSource({
            "0.95, 0.2, 1, 5.3161611310576289e-11",
            "0.95, 4.3, 8, 0.07103170453943590",
            "0.95, 120.5, 139, 1.0"})
    void poissonAsR(double p, double lambda, double quantile, double upperTailFrom8) {
        assertEquals(quantile, CountQuantiles.poissonQuantile(p, lambda));
        assertEquals(upperTailFrom8, CountQuantiles.poissonUpperTail(8, lambda), upperTailFrom8 * 1e-9);
    }
}
