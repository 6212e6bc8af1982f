package org.foodrisk.detect.aberration;

import java.util.Arrays;

/**
 * The seasonal Poisson regression R's {@code algo.cusum} fits for {@code m = "glm"}:
 * {@code glm(x ~ 1 + cos(2*pi/p*t) + sin(2*pi/p*t), family = poisson())} on the training periods,
 * then {@code predict(..., type = "response")} for the monitored ones. This class only builds that
 * design and predicts from it; the fit is {@link QuasiPoissonGlm}'s IRLS, R's {@code glm.fit} step
 * by step, so that our coefficients follow R's iterates (also where R stops unconverged after 25
 * iterations), not merely the same optimum. Poisson and quasi-Poisson share that fit; they differ
 * only in the dispersion, which the point prediction here does not use.
 *
 * <p>R's time index is {@code start[2] + i - 1}; we use the 1-based position in the series. The
 * fitted values do not depend on that offset: shifting t only rotates the cos/sin pair.
 */
final class SeasonalPoissonGlm {

    private final double angularFrequency;
    private final QuasiPoissonGlm.Fit fit;

    private SeasonalPoissonGlm(double angularFrequency, QuasiPoissonGlm.Fit fit) {
        this.angularFrequency = angularFrequency;
        this.fit = fit;
    }

    /** Fits on {@code counts[0, trainingEnd)}; {@code periodsPerYear} is R's {@code freq}. */
    static SeasonalPoissonGlm fit(long[] counts, int trainingEnd, int periodsPerYear) {
        return fit(counts, trainingEnd, periodsPerYear, 0);
    }

    /**
     * The same design fitted with the negative-binomial family of dispersion {@code alpha} (0: Poisson), as R's
     * {@code algo.glrnb} fits its in-control means ({@code estimateGLRNbHook}, S = 1, no trend).
     */
    static SeasonalPoissonGlm fit(long[] counts, int trainingEnd, int periodsPerYear, double alpha) {
        double angularFrequency = 2 * Math.PI / periodsPerYear;
        double[][] design = new double[trainingEnd][];
        double[] y = new double[trainingEnd];
        for (int i = 0; i < trainingEnd; i++) {
            design[i] = covariates(angularFrequency, i + 1);
            y[i] = counts[i];
        }
        double[] unitPriorWeights = new double[trainingEnd];
        Arrays.fill(unitPriorWeights, 1.0);
        return new SeasonalPoissonGlm(angularFrequency, QuasiPoissonGlm.fit(design, y, unitPriorWeights, alpha));
    }

    /** The expected count at 0-based series position {@code index}. */
    double expected(int index) {
        return QuasiPoissonGlm.linkInverse(fit.linearPredictor(covariates(angularFrequency, index + 1)));
    }

    private static double[] covariates(double angularFrequency, int t) {
        return new double[] {1, Math.cos(angularFrequency * t), Math.sin(angularFrequency * t)};
    }
}
