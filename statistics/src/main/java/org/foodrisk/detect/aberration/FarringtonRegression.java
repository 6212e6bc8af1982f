package org.foodrisk.detect.aberration;

import java.util.Arrays;
import java.util.Optional;

/**
 * The model step shared by both Farrington methods: fit a quasi-Poisson GLM to the baseline (with
 * a linear trend if asked), down-weight past outbreaks and refit, keep the trend only if it is
 * significant, there are at least three years and it does not extrapolate beyond the largest
 * baseline count, and predict the current period's linear predictor with its standard error.
 *
 * <p>The two R functions differ in three details, which {@link Variant} carries:
 * <ul>
 *   <li>{@code algo.farrington} (fitter {@code algo.farrington.fitGLM.fast}) always goes on, even
 *       if IRLS did not converge; {@code farringtonFlexible} gives no result at that point when
 *       the model without trend does not converge either.</li>
 *   <li>{@code algo.farrington} predicts with {@code dispersion = phi}, the dispersion floored at
 *       1. {@code algo.farrington.glm} (farringtonFlexible) writes {@code dispersion = model$phi}
 *       inside the {@code newdata} data frame, so {@code predict.glm} falls back to
 *       {@code summary.glm}'s own, unfloored dispersion.</li>
 *   <li>{@code algo.farrington.fitGLM.flexible} overwrites {@code model$weights} (which
 *       {@code summary.glm} reads as the working weights) with the outbreak weights
 *       {@code omega}; the dispersion behind its trend test and its prediction's standard error is
 *       therefore {@code sum(omega * r^2) / df} with working residuals {@code r}. We reproduce this
 *       because our figures must agree with R's; it is the reference implementation's behaviour
 *       (surveillance 1.20.3, still so in 1.26.0), not a choice of ours.</li>
 * </ul>
 * {@link Variant#FLEXIBLE_CORRECTED} is farringtonFlexible without the last two: the summary dispersion from
 * the refitted GLM's own working weights, and the prediction with the dispersion floored at 1, as
 * {@code algo.farrington} and Noufaily et al. (2013) have it.
 */
final class FarringtonRegression {

    enum Variant {
        /** Farrington et al. (1996) as {@code surveillance::algo.farrington}. */
        ORIGINAL,
        /** Noufaily et al. (2013) as {@code surveillance::farringtonFlexible}. */
        FLEXIBLE,
        /** Noufaily et al. (2013) as described: farringtonFlexible's weights and dispersion corrected. */
        FLEXIBLE_CORRECTED
    }

    /**
     * @param years                  b: 3 or more years are required before a trend is kept
     * @param weightsThreshold       Anscombe residual above which a baseline period is down-weighted
     * @param trendPValueThreshold   the trend is kept when its t test's p-value is below this
     */
    record Settings(Variant variant, int years, boolean trend, boolean reweight, double weightsThreshold,
                    double trendPValueThreshold) {
    }

    /**
     * The prediction for the current period on the link (log) scale.
     *
     * @param linkStandardError standard error of {@code linearPredictor} (see {@link Variant} for its dispersion)
     * @param phi               the dispersion floored at 1, R's {@code model$phi}
     * @param trendUsed         whether the final model has the time trend (R's {@code trend})
     */
    record Prediction(double linearPredictor, double linkStandardError, double phi, boolean trendUsed) {

        double mean() {
            return QuasiPoissonGlm.linkInverse(linearPredictor);
        }

        /** Standard error on the count scale by the delta method, as {@code predict.glm(type = "response")}. */
        double meanStandardError() {
            return linkStandardError * QuasiPoissonGlm.linkInverse(linearPredictor);
        }
    }

    private FarringtonRegression() {
    }

    /** Empty when the model cannot be fitted (farringtonFlexible's "could not converge" case). */
    static Optional<Prediction> predict(FarringtonBaseline baseline, long[] counts, int t, Settings settings) {
        double[] y = baseline.response(counts);
        Model model = fit(baseline, y, settings.trend(), settings);
        if (model == null) {
            return Optional.empty();
        }
        boolean trendUsed = false;
        if (model.hasTrend) {
            double[] x0 = baseline.currentRow(t, true);
            double trendMean = QuasiPoissonGlm.linkInverse(model.fit.linearPredictor(x0));
            boolean significant = model.fit.coefficientPValueBelow(FarringtonBaseline.trendColumn(),
                    model.summaryDispersion, settings.trendPValueThreshold());
            boolean noExtrapolation = trendMean <= max(y);
            trendUsed = settings.years() >= 3 && significant && noExtrapolation;
            if (!trendUsed) {
                model = fit(baseline, y, false, settings);
                if (model == null) {
                    return Optional.empty();
                }
            }
        }
        double[] x0 = baseline.currentRow(t, model.hasTrend);
        double dispersionForPrediction = settings.variant() == Variant.FLEXIBLE ? model.summaryDispersion : model.phi;
        return Optional.of(new Prediction(model.fit.linearPredictor(x0),
                model.fit.linearPredictorStandardError(x0, dispersionForPrediction), model.phi, trendUsed));
    }

    /** One call of R's fitter ({@code fitGLM.fast} or {@code fitGLM.flexible}). */
    private static Model fit(FarringtonBaseline baseline, double[] y, boolean trend, Settings settings) {
        boolean hasTrend = trend;
        double[][] design = baseline.design(hasTrend);
        QuasiPoissonGlm.Fit fit = QuasiPoissonGlm.fit(design, y, ones(y.length));
        if (!fit.converged()) {
            if (hasTrend) {
                hasTrend = false;
                design = baseline.design(false);
                fit = QuasiPoissonGlm.fit(design, y, ones(y.length));
            }
            if (!fit.converged() && settings.variant() != Variant.ORIGINAL) {
                return null;
            }
        }
        double phi = Math.max(fit.dispersion(fit.workingWeights()), 1.0);
        double[] summaryWeights = fit.workingWeights();
        if (settings.reweight()) {
            double[] residuals = OutbreakDownweighting.anscombeResiduals(fit, phi);
            double[] omega = OutbreakDownweighting.weights(residuals, settings.weightsThreshold());
            fit = QuasiPoissonGlm.fit(design, y, omega);
            phi = Math.max(fit.dispersion(fit.workingWeights()), 1.0);
            summaryWeights = settings.variant() == Variant.FLEXIBLE ? omega : fit.workingWeights();
        }
        return new Model(fit, hasTrend, phi, fit.dispersion(summaryWeights));
    }

    private record Model(QuasiPoissonGlm.Fit fit, boolean hasTrend, double phi, double summaryDispersion) {
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
