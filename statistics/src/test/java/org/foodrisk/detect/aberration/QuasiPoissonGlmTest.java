package org.foodrisk.detect.aberration;

import org.junit.jupiter.api.Test;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GLM against R 4.2.2's {@code glm(..., family = quasipoisson)} on a small data set (figures
 * printed with 17 digits). Tolerance 1e-10 relative: the fit follows glm.fit's iterations exactly,
 * so only rounding separates the two.
 */
class QuasiPoissonGlmTest {

    private static final double[] Y = {3, 0, 5, 2, 8, 4, 1, 6, 9, 3};
    private static final double TOLERANCE = 1e-10;

    private static double[][] design(boolean withDuplicateColumn) {
        double[][] x = new double[Y.length][];
        for (int i = 0; i < Y.length; i++) {
            x[i] = withDuplicateColumn ? new double[]{1, i + 1, 2 * (i + 1)} : new double[]{1, i + 1};
        }
        return x;
    }

    private static double[] ones() {
        double[] ones = new double[Y.length];
        Arrays.fill(ones, 1);
        return ones;
    }

    @Test
    void matchesRGlmWithoutWeights() {
        // R: m <- glm(y ~ x, family = quasipoisson)
        QuasiPoissonGlm.Fit fit = QuasiPoissonGlm.fit(design(false), Y, ones());
        assertTrue(fit.converged());
        assertClose(0.873869039780162837, fit.coefficient(0));
        assertClose(0.091431548632244342, fit.coefficient(1));
        double dispersion = fit.dispersion(fit.workingWeights());
        assertClose(2.0105015559558788, dispersion); // summary(m)$dispersion
        assertClose(0.27893375662976777, fit.coefficientPValue(1, dispersion)); // summary(m)$coefficients[2, 4]
        double[] hat = fit.hatValues();
        double[] rHat = {0.28658063479793622, 0.22988328446903122, 0.17913583133736793, 0.13785788703952617,
                0.11036660697445622, 0.10191419933008951, 0.11884608702339822, 0.16878257310603667,
                0.26082723167450322, 0.40580566424765463};
        for (int i = 0; i < hat.length; i++) {
            assertClose(rHat[i], hat[i]);
        }
        // predict(m, data.frame(x = 11), se.fit = TRUE): link scale, summary's dispersion
        double[] x0 = {1, 11};
        assertClose(1.8796160747348507, fit.linearPredictor(x0));
        assertClose(0.43498969865843817, fit.linearPredictorStandardError(x0, dispersion));
    }

    @Test
    void matchesRGlmWithPriorWeights() {
        // R: glm(y ~ x, family = quasipoisson, weights = w)
        double[] w = {1, 2, 0.5, 1, 1, 3, 1, 1, 0.25, 1};
        QuasiPoissonGlm.Fit fit = QuasiPoissonGlm.fit(design(false), Y, w);
        assertClose(0.60953463060036417, fit.coefficient(0));
        assertClose(0.10973772556500205, fit.coefficient(1));
        assertClose(2.331286446871998, fit.dispersion(fit.workingWeights()));
    }

    @Test
    void aliasedColumnIsDroppedAsR() {
        // R: glm(y ~ x + I(2 * x)) gives NA for the aliased column and the same fit otherwise
        QuasiPoissonGlm.Fit fit = QuasiPoissonGlm.fit(design(true), Y, ones());
        assertTrue(fit.estimable(0));
        assertTrue(fit.estimable(1));
        assertFalse(fit.estimable(2));
        assertEquals(Double.NaN, fit.coefficient(2));
        assertClose(0.091431548632244342, fit.coefficient(1));
        assertEquals(8, fit.residualDegreesOfFreedom());
        assertClose(2.0105015559558788, fit.dispersion(fit.workingWeights()));
    }

    @Test
    void qrSolvesLeastSquares() {
        double[][] x = {{1, 0}, {1, 1}, {1, 2}, {1, 3}};
        double[] y = {1, 3, 5, 7.5};
        double[] beta = new PivotingQr(x, 1e-11).solve(y);
        // normal equations: intercept 0.9, slope 2.15
        assertArrayEquals(new double[]{0.9, 2.15}, beta, 1e-12);
    }

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * TOLERANCE, () -> "R " + expected + ", ours " + actual);
    }
}
