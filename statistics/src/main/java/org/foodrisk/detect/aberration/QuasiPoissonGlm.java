package org.foodrisk.detect.aberration;

import java.util.Arrays;

/**
 * A quasi-Poisson GLM with log link and prior weights, fitted by iteratively reweighted least
 * squares exactly as R's {@code glm.fit} does it: start at {@code mu = y + 0.1} (the poisson
 * family's {@code initialize}), at most 25 iterations, convergence when
 * {@code |dev - devold| / (|dev| + 0.1) < 1e-8}, step halving on a non-finite deviance, each step
 * a QR least-squares solve with R's pivoting rule ({@link PivotingQr}, tol 1e-11).
 *
 * <p>Following R step by step matters more than elegance here: the Farrington methods feed the
 * fit's last working weights, working residuals and QR into the dispersion, the hat values and the
 * prediction's standard error, and R takes each of those from the last IRLS iteration (weights and
 * QR from before the last coefficient update, residuals from after it). Doing the same keeps our
 * figures within rounding of R's instead of within the convergence tolerance.
 *
 * <p>It is the one GLM fit of the aberration methods: the Farrington methods
 * ({@link FarringtonRegression}) and CUSUM's seasonal Poisson regression
 * ({@link SeasonalPoissonGlm}) both use it. A Poisson and a quasi-Poisson fit are the same IRLS;
 * only the dispersion differs, and that is left to the caller ({@link Fit#dispersion}).
 */
final class QuasiPoissonGlm {

    static final int MAX_ITERATIONS = 25; // glm.control()$maxit
    static final double EPSILON = 1e-8; // glm.control()$epsilon
    static final double QR_TOLERANCE = Math.min(1e-7, EPSILON / 1000);
    private static final double DOUBLE_EPS = Math.ulp(1.0); // R's .Machine$double.eps

    private QuasiPoissonGlm() {
    }

    /**
     * Fits {@code log E[y] = design · beta} with quasi-Poisson variance.
     *
     * @param design       n × p model matrix (with its intercept column)
     * @param y            n non-negative counts
     * @param priorWeights n positive weights (R's {@code weights})
     */
    static Fit fit(double[][] design, double[] y, double[] priorWeights) {
        return fit(design, y, priorWeights, 0);
    }

    /**
     * The same IRLS with the negative-binomial family of fixed dispersion {@code alpha} (R's
     * {@code MASS::negative.binomial(theta = 1/alpha)}: variance mu + alpha·mu², its deviance, and its start
     * {@code mustart = y + (y == 0)/6}); {@code alpha = 0} is the Poisson family above. R's {@code algo.glrnb}
     * fits its in-control means this way ({@code estimateGLRNbHook}).
     */
    static Fit fit(double[][] design, double[] y, double[] priorWeights, double alpha) {
        return fit(design, y, priorWeights, alpha, null, null);
    }

    /**
     * The same IRLS with an offset (R's {@code offset}: {@code eta = design · beta + offset}) and, optionally, R's
     * {@code etastart}: the IRLS then starts from these linear predictors instead of the family's start (what
     * {@code MASS::glm.nb} passes on each of its refits).
     *
     * @param offset   n known terms of the linear predictor, or null for none
     * @param etaStart n starting linear predictors (offset included), or null for the family's {@code mustart}
     */
    static Fit fit(double[][] design, double[] y, double[] priorWeights, double alpha, double[] offset,
                   double[] etaStart) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("the negative-binomial dispersion must be >= 0");
        }
        int n = y.length;
        int p = design[0].length;
        for (int i = 0; i < n; i++) {
            if (!(priorWeights[i] > 0) || y[i] < 0) {
                throw new IllegalArgumentException("counts must be >= 0 and prior weights > 0");
            }
        }
        double[] off = offset == null ? new double[n] : offset;
        double[] eta = new double[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            // glm.fit: eta = linkfun(mustart) — without the offset — unless etastart is given.
            eta[i] = etaStart != null ? etaStart[i]
                    : Math.log(alpha == 0 ? y[i] + 0.1 : y[i] + (y[i] == 0 ? 1.0 / 6 : 0));
            mu[i] = linkInverse(eta[i]);
        }
        double devianceBefore = deviance(y, mu, priorWeights, alpha);
        double[] coefficients = new double[p];
        double[] previousCoefficients = null;
        double[] workingWeights = new double[n];
        PivotingQr qr = null;
        boolean converged = false;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            // Column-major, decomposed in place: one allocation per iteration (see PivotingQr)
            double[] weightedDesign = new double[n * p];
            double[] weightedResponse = new double[n];
            for (int i = 0; i < n; i++) {
                // d mu / d eta for the log link, floored as R: linkInverse(eta[i]), which mu[i] already holds
                double muEta = mu[i];
                double z = eta[i] - off[i] + (y[i] - mu[i]) / muEta;
                double w = Math.sqrt(priorWeights[i] * muEta * muEta / (mu[i] + alpha * mu[i] * mu[i]));
                workingWeights[i] = w * w;
                for (int j = 0; j < p; j++) {
                    weightedDesign[j * n + i] = design[i][j] * w;
                }
                weightedResponse[i] = z * w;
            }
            PivotingQr stepQr = PivotingQr.ofColumnMajor(weightedDesign, n, p, QR_TOLERANCE);
            double[] start = stepQr.solve(weightedResponse);
            if (!allFinite(start)) {
                break; // R: "non-finite coefficients at iteration", not converged
            }
            qr = stepQr;
            linearPredictor(design, start, off, eta);
            fillMeans(eta, mu);
            double deviance = deviance(y, mu, priorWeights, alpha);
            if (!Double.isFinite(deviance) || !allFinite(mu)) {
                if (previousCoefficients == null) {
                    throw new ArithmeticException("no valid set of coefficients has been found");
                }
                for (int halving = 1; !Double.isFinite(deviance) || !allFinite(mu); halving++) {
                    if (halving > MAX_ITERATIONS) {
                        throw new ArithmeticException("inner loop; cannot correct step size");
                    }
                    for (int j = 0; j < p; j++) {
                        start[j] = (start[j] + previousCoefficients[j]) / 2;
                    }
                    linearPredictor(design, start, off, eta);
                    fillMeans(eta, mu);
                    deviance = deviance(y, mu, priorWeights, alpha);
                }
            }
            coefficients = start;
            if (Math.abs(deviance - devianceBefore) / (0.1 + Math.abs(deviance)) < EPSILON) {
                converged = true;
                break;
            }
            devianceBefore = deviance;
            previousCoefficients = start;
        }
        if (qr == null) {
            throw new ArithmeticException("IRLS produced no finite coefficients");
        }
        double[] workingResiduals = new double[n];
        for (int i = 0; i < n; i++) {
            workingResiduals[i] = (y[i] - mu[i]) / mu[i]; // mu.eta(eta) = linkinv(eta) = mu for the log link
        }
        // Arrays.copyOf, not clone(): on C1 alone (the backtest CLI) clone() is a call into the VM (JDK 17)
        return new Fit(Arrays.copyOf(y, n), coefficients, Arrays.copyOf(mu, n), workingWeights, workingResiduals, qr,
                converged);
    }

    /** The poisson family's {@code linkinv} and {@code mu.eta}: {@code pmax(exp(eta), .Machine$double.eps)}. */
    static double linkInverse(double eta) {
        return Math.max(Math.exp(eta), DOUBLE_EPS);
    }

    private static void fillMeans(double[] eta, double[] mu) {
        for (int i = 0; i < eta.length; i++) {
            mu[i] = linkInverse(eta[i]);
        }
    }

    private static void linearPredictor(double[][] design, double[] beta, double[] offset, double[] eta) {
        for (int i = 0; i < design.length; i++) {
            double sum = offset[i];
            for (int j = 0; j < beta.length; j++) {
                sum += design[i][j] * beta[j];
            }
            eta[i] = sum;
        }
    }

    /**
     * Poisson deviance, R's {@code poisson()$dev.resids} summed; for {@code alpha > 0} the negative binomial's,
     * {@code 2 wt (y log(max(1, y)/mu) - (y + theta) log((y + theta)/(mu + theta)))} with theta = 1/alpha.
     */
    private static double deviance(double[] y, double[] mu, double[] weights, double alpha) {
        double sum = 0.0;
        if (alpha > 0) {
            double theta = 1 / alpha;
            for (int i = 0; i < y.length; i++) {
                sum += 2 * weights[i] * (y[i] * Math.log(Math.max(1, y[i]) / mu[i])
                        - (y[i] + theta) * Math.log((y[i] + theta) / (mu[i] + theta)));
            }
            return sum;
        }
        for (int i = 0; i < y.length; i++) {
            double logRatio = y[i] == 0 ? 0.0 : y[i] * Math.log(y[i] / mu[i]);
            sum += 2 * weights[i] * (logRatio - (y[i] - mu[i]));
        }
        return sum;
    }

    private static boolean allFinite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    /** A fitted model and the quantities R's {@code summary.glm} and {@code predict.glm} use. */
    static final class Fit {
        private final double[] y;
        private final double[] coefficients;
        private final double[] mu;
        private final double[] workingWeights;
        private final double[] workingResiduals;
        private final PivotingQr qr;
        private final boolean converged;

        private Fit(double[] y, double[] coefficients, double[] mu, double[] workingWeights,
                    double[] workingResiduals, PivotingQr qr, boolean converged) {
            this.y = y;
            this.coefficients = coefficients;
            this.mu = mu;
            this.workingWeights = workingWeights;
            this.workingResiduals = workingResiduals;
            this.qr = qr;
            this.converged = converged;
        }

        boolean converged() {
            return converged;
        }

        double[] y() {
            return Arrays.copyOf(y, y.length);
        }

        double[] fittedMeans() {
            return Arrays.copyOf(mu, mu.length);
        }

        /** R's {@code model$weights}: the IRLS weights of the last iteration. */
        double[] workingWeights() {
            return Arrays.copyOf(workingWeights, workingWeights.length);
        }

        /** R's {@code df.residual}: observations with non-zero prior weight minus the rank. */
        int residualDegreesOfFreedom() {
            return y.length - qr.rank();
        }

        /** The pivoted QR decomposition of the last weighted fit (what prediction needs of it: the rank, pivot and R). */
        PivotingQr qr() {
            return qr;
        }

        /** Whether the coefficient of {@code column} is estimable (not aliased, i.e. not NA in R). */
        boolean estimable(int column) {
            return qr.positionOf(column) < qr.rank();
        }

        double coefficient(int column) {
            return estimable(column) ? coefficients[column] : Double.NaN;
        }

        /**
         * {@code summary.glm}'s dispersion: {@code sum(weights * residuals^2) / df.residual} over
         * the observations with positive weight, {@code residuals} being the working residuals.
         * R takes {@code weights} from the model object; pass {@link #workingWeights()} for the
         * textbook Pearson estimate (see {@link FarringtonRegression} for where R passes others).
         */
        double dispersion(double[] weights) {
            int df = residualDegreesOfFreedom();
            if (df <= 0) {
                return Double.NaN;
            }
            double sum = 0.0;
            for (int i = 0; i < y.length; i++) {
                if (weights[i] > 0) {
                    sum += weights[i] * workingResiduals[i] * workingResiduals[i];
                }
            }
            return sum / df;
        }

        /**
         * Two-sided p-value of the t test of one coefficient, as {@code summary.glm} reports it for
         * a family with estimated dispersion: {@code 2 * pt(-|t|, df.residual)}.
         */
        double coefficientPValue(int column, double dispersion) {
            int df = residualDegreesOfFreedom();
            if (!estimable(column) || df <= 0 || !(dispersion >= 0)) {
                return Double.NaN;
            }
            double[] unit = new double[coefficients.length];
            unit[column] = 1.0;
            double standardError = Math.sqrt(dispersion * qr.inverseGramQuadraticForm(unit));
            double t = coefficients[column] / standardError;
            return 2 * StudentT.of(df).cumulativeProbability(-Math.abs(t));
        }

        /**
         * {@code coefficientPValue(column, dispersion) < level}, decided without the p-value when the t statistic
         * is clearly on one side of the critical value ({@link StudentT#twoSidedPValueBelow}); false where the
         * p-value is NaN.
         */
        boolean coefficientPValueBelow(int column, double dispersion, double level) {
            int df = residualDegreesOfFreedom();
            if (!estimable(column) || df <= 0 || !(dispersion >= 0)) {
                return false;
            }
            double[] unit = new double[coefficients.length];
            unit[column] = 1.0;
            double standardError = Math.sqrt(dispersion * qr.inverseGramQuadraticForm(unit));
            return StudentT.twoSidedPValueBelow(coefficients[column] / standardError, df, level);
        }

        /** Linear predictor at a new design row (aliased columns contribute nothing, as in R). */
        double linearPredictor(double[] x0) {
            double sum = 0.0;
            for (int position = 0; position < qr.rank(); position++) {
                int column = qr.pivot(position);
                sum += x0[column] * coefficients[column];
            }
            return sum;
        }

        /** Standard error of the linear predictor at {@code x0} for a given dispersion ({@code predict.lm}). */
        double linearPredictorStandardError(double[] x0, double dispersion) {
            return Math.sqrt(qr.inverseGramQuadraticForm(x0) * dispersion);
        }

        /** Leverages of the weighted fit ({@code hatvalues}). */
        double[] hatValues() {
            return qr.hatValues();
        }
    }
}
