package org.foodrisk.detect.aberration;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.Trigamma;

import java.util.Arrays;

/**
 * A negative-binomial GLM with log link whose dispersion is estimated by maximum likelihood, fitted as
 * {@code MASS::glm.nb} fits it (Venables &amp; Ripley, <i>Modern Applied Statistics with S</i>, 4th ed., §7.4): a
 * Poisson fit first, then alternately theta by {@code theta.ml} (Newton steps on the score of theta, from the
 * moment estimate {@code n / sum((y/mu - 1)^2)}) and the coefficients by the IRLS of the negative-binomial family
 * with that theta, started from the previous fit, until {@code |L0 - L| / d1 + |del theta| / d2 <= 1e-8} or 25
 * alternations. As in MASS, theta is updated from the means <em>before</em> each refit, and the returned theta is
 * the last one estimated (the coefficients are those of the refit that preceded it).
 *
 * <p>The pooled count model ({@link PooledNegativeBinomial}) fits its design with it. Prior weights are one, or
 * those of {@code glm.nb(..., weights = w)} when past outbreaks are down-weighted: they multiply each row's
 * contribution to the IRLS, to {@code theta.ml}'s score, information and moment start ({@code n = sum(w)}) and to
 * the log-likelihood, as in MASS.
 */
final class NegativeBinomialGlm {

    private static final int MAX_ITERATIONS = 25; // glm.control()$maxit, also theta.ml's limit
    private static final double EPSILON = 1e-8; // glm.control()$epsilon
    private static final double THETA_EPSILON = Math.pow(Math.ulp(1.0), 0.25); // theta.ml's eps

    private NegativeBinomialGlm() {
    }

    /**
     * @param design n × p model matrix with its intercept column
     * @param y      n non-negative counts
     * @param offset n known terms of the linear predictor (log exposure), or null
     */
    static Fit fit(double[][] design, double[] y, double[] offset) {
        return fit(design, y, offset, null);
    }

    /** @param priorWeights n positive prior weights ({@code glm.nb}'s {@code weights}), or null for ones */
    static Fit fit(double[][] design, double[] y, double[] offset, double[] priorWeights) {
        int n = y.length;
        double[] weights = priorWeights == null ? ones(n) : priorWeights.clone();
        double weightSum = Arrays.stream(weights).sum();
        QuasiPoissonGlm.Fit fit = QuasiPoissonGlm.fit(design, y, weights, 0, offset, null);
        double[] mu = fit.fittedMeans();
        Theta theta = thetaMl(y, mu, weights, weightSum);
        double d1 = Math.sqrt(2 * Math.max(1, fit.residualDegreesOfFreedom()));
        double d2 = 1;
        double delta = 1;
        double logLikelihood = logLikelihood(theta.value(), mu, y, weights);
        double previousLogLikelihood = logLikelihood + 2 * d1;
        int iteration = 0;
        while (++iteration <= MAX_ITERATIONS
                && Math.abs(previousLogLikelihood - logLikelihood) / d1 + Math.abs(delta) / d2 > EPSILON) {
            if (!(theta.value() > 0)) {
                throw new ArithmeticException("theta estimated at zero: the counts are no negative binomial");
            }
            double[] eta = new double[n];
            for (int i = 0; i < n; i++) {
                eta[i] = Math.log(mu[i]);
            }
            fit = QuasiPoissonGlm.fit(design, y, weights, 1 / theta.value(), offset, eta);
            double before = theta.value();
            theta = thetaMl(y, mu, weights, weightSum);
            mu = fit.fittedMeans();
            delta = before - theta.value();
            previousLogLikelihood = logLikelihood;
            logLikelihood = logLikelihood(theta.value(), mu, y, weights);
        }
        return new Fit(fit, theta, 2 * logLikelihood, iteration <= MAX_ITERATIONS, weights);
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    /** theta and its standard error {@code sqrt(1 / information)}, as {@code MASS::theta.ml} returns them. */
    record Theta(double value, double standardError) {
    }

    /** {@code MASS::theta.ml(y, mu, n = sum(weights), weights, limit = 25)}. */
    static Theta thetaMl(double[] y, double[] mu, double[] weights, double n) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] / mu[i] - 1;
            sum += weights[i] * r * r;
        }
        double theta = n / sum;
        double delta = 1;
        double information = Double.NaN;
        int iteration = 0;
        while (++iteration < MAX_ITERATIONS && Math.abs(delta) > THETA_EPSILON) {
            theta = Math.abs(theta);
            information = information(theta, mu, y, weights);
            delta = score(theta, mu, y, weights) / information;
            theta += delta;
        }
        return new Theta(Math.max(theta, 0), Math.sqrt(1 / information));
    }

    private static double score(double theta, double[] mu, double[] y, double[] w) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += w[i] * (Digamma.value(theta + y[i]) - Digamma.value(theta) + Math.log(theta) + 1
                    - Math.log(theta + mu[i]) - (y[i] + theta) / (mu[i] + theta));
        }
        return sum;
    }

    private static double information(double theta, double[] mu, double[] y, double[] w) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += w[i] * (-Trigamma.value(theta + y[i]) + Trigamma.value(theta) - 1 / theta + 2 / (mu[i] + theta)
                    - (y[i] + theta) / ((mu[i] + theta) * (mu[i] + theta)));
        }
        return sum;
    }

    /** glm.nb's {@code loglik}: the negative-binomial log-likelihood, each row times its prior weight. */
    static double logLikelihood(double theta, double[] mu, double[] y, double[] w) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += w[i] * (LogGamma.value(theta + y[i]) - LogGamma.value(theta) - LogGamma.value(y[i] + 1)
                    + theta * Math.log(theta) + y[i] * Math.log(mu[i] + (y[i] == 0 ? 1 : 0))
                    - (theta + y[i]) * Math.log(theta + mu[i]));
        }
        return sum;
    }

    /** A fitted model: the last IRLS fit, theta, and twice the log-likelihood ({@code twologlik}). */
    static final class Fit {
        private final QuasiPoissonGlm.Fit glm;
        private final Theta theta;
        private final double twoLogLikelihood;
        private final boolean converged;
        private final double[] priorWeights;

        private Fit(QuasiPoissonGlm.Fit glm, Theta theta, double twoLogLikelihood, boolean converged,
                    double[] priorWeights) {
            this.glm = glm;
            this.theta = theta;
            this.twoLogLikelihood = twoLogLikelihood;
            this.converged = converged;
            this.priorWeights = priorWeights;
        }

        /**
         * Standardized Pearson residuals {@code (y - mu) sqrt(w) / sqrt(mu + mu^2 / theta) / sqrt(1 - h)}, with the
         * returned theta and the leverages of the last IRLS fit ({@code hatvalues}) — R's
         * {@code rstandard(fit, type = "pearson")} for a {@code negbin} fit (dispersion one), except that R's
         * variance takes the theta of the last refit's family, which differs from the returned one by less than
         * the convergence tolerance.
         */
        double[] standardizedPearsonResiduals() {
            double[] y = glm.y();
            double[] mu = glm.fittedMeans();
            double[] hat = glm.hatValues();
            double[] residuals = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                double variance = mu[i] + mu[i] * mu[i] / theta.value();
                residuals[i] = (y[i] - mu[i]) * Math.sqrt(priorWeights[i]) / Math.sqrt(variance * (1 - hat[i]));
            }
            return residuals;
        }

        double theta() {
            return theta.value();
        }

        double thetaStandardError() {
            return theta.standardError();
        }

        double twoLogLikelihood() {
            return twoLogLikelihood;
        }

        /** Whether the alternation met its tolerance within 25 rounds (MASS warns "alternation limit reached"). */
        boolean converged() {
            return converged && glm.converged();
        }

        /** The prior weights the fit was made with (ones unless given). */
        double[] priorWeights() {
            return priorWeights.clone();
        }

        double coefficient(int column) {
            return glm.coefficient(column);
        }

        /** The last IRLS fit's QR decomposition. */
        PivotingQr qr() {
            return glm.qr();
        }

        /** The linear predictor at a design row, without its offset. */
        double linearPredictor(double[] x0) {
            return glm.linearPredictor(x0);
        }

        /**
         * Its standard error: {@code predict(fit, se.fit = TRUE, type = "link")} for a {@code negbin} fit, whose
         * dispersion is one.
         */
        double linearPredictorStandardError(double[] x0) {
            return glm.linearPredictorStandardError(x0, 1.0);
        }
    }
}
