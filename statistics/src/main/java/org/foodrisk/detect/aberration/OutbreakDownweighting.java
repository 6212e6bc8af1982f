package org.foodrisk.detect.aberration;

/**
 * Down-weighting of past outbreaks in the Farrington baseline (Farrington et al. 1996, section
 * 3.4; Noufaily et al. 2013, section 3.1): baseline weeks whose Anscombe residual exceeds a
 * threshold get weight proportional to {@code s^-2}, the others a constant, and all weights are
 * scaled so that they sum to the number of baseline weeks.
 *
 * <p>R: {@code surveillance:::anscombe.residuals} and {@code surveillance:::algo.farrington.assign.weights}.
 * The original method uses threshold 1 (the default of {@code assign.weights}), the improved one
 * {@code weightsThreshold} (default 2.58; Noufaily et al. recommend 1).
 */
final class OutbreakDownweighting {

    private OutbreakDownweighting() {
    }

    /**
     * Standardized Anscombe residuals of a quasi-Poisson fit:
     * {@code 3/2 (y^(2/3) mu^(-1/6) - mu^(1/2)) / sqrt(phi (1 - h))}.
     */
    static double[] anscombeResiduals(QuasiPoissonGlm.Fit fit, double phi) {
        double[] y = fit.y();
        double[] mu = fit.fittedMeans();
        double[] hat = fit.hatValues();
        double[] residuals = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double a = 1.5 * (Math.pow(y[i], 2.0 / 3) * Math.pow(mu[i], -1.0 / 6) - Math.sqrt(mu[i]));
            residuals[i] = a / Math.sqrt(phi * (1 - hat[i]));
        }
        return residuals;
    }

    /**
     * {@code gamma = n / sum(s_i^-2 if s_i > threshold else 1)}; weight {@code gamma s_i^-2} above
     * the threshold, {@code gamma} otherwise.
     */
    static double[] weights(double[] residuals, double threshold) {
        double denominator = 0.0;
        for (double s : residuals) {
            denominator += s > threshold ? Math.pow(s, -2) : 1.0;
        }
        double gamma = residuals.length / denominator;
        double[] weights = new double[residuals.length];
        for (int i = 0; i < residuals.length; i++) {
            double s = residuals[i];
            weights[i] = s > threshold ? gamma * Math.pow(s, -2) : gamma;
        }
        return weights;
    }
}
