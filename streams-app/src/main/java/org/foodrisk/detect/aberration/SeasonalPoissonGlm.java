package org.foodrisk.detect.aberration;

/**
 * The seasonal Poisson regression R's {@code algo.cusum} fits for {@code m = "glm"}:
 * {@code glm(x ~ 1 + cos(2*pi/p*t) + sin(2*pi/p*t), family = poisson())} on the training periods,
 * then {@code predict(..., type = "response")} for the monitored ones. Fitted by iteratively
 * reweighted least squares exactly as R's {@code glm.fit} does it — start μ = y + 0.1, log link with
 * μ floored at machine epsilon, stop when |dev − dev<sub>old</sub>|/(|dev| + 0.1) &lt; 1e−8 or after 25
 * iterations — so that our coefficients follow R's iterates, not merely the same optimum.
 *
 * <p>R's time index is {@code start[2] + i - 1}; we use the 1-based position in the series. The
 * fitted values do not depend on that offset: shifting t only rotates the cos/sin pair.
 */
final class SeasonalPoissonGlm {

    private static final double EPSILON = 1e-8; // glm.control()$epsilon
    private static final int MAX_ITERATIONS = 25; // glm.control()$maxit
    private static final double MACHINE_EPSILON = Math.ulp(1.0); // .Machine$double.eps

    private final double angularFrequency;
    private final double[] coefficients;

    private SeasonalPoissonGlm(double angularFrequency, double[] coefficients) {
        this.angularFrequency = angularFrequency;
        this.coefficients = coefficients;
    }

    /** Fits on {@code counts[0, trainingEnd)}; {@code periodsPerYear} is R's {@code freq}. */
    static SeasonalPoissonGlm fit(long[] counts, int trainingEnd, int periodsPerYear) {
        double angularFrequency = 2 * Math.PI / periodsPerYear;
        double[][] design = new double[trainingEnd][];
        double[] y = new double[trainingEnd];
        double[] eta = new double[trainingEnd];
        double[] mu = new double[trainingEnd];
        for (int i = 0; i < trainingEnd; i++) {
            design[i] = covariates(angularFrequency, i + 1);
            y[i] = counts[i];
            eta[i] = Math.log(y[i] + 0.1); // poisson()$initialize: mustart <- y + 0.1
            mu[i] = inverseLink(eta[i]);
        }
        double previousDeviance = deviance(y, mu);
        double[] beta = null;
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[][] weightedDesign = new double[trainingEnd][3];
            double[] weightedResponse = new double[trainingEnd];
            for (int i = 0; i < trainingEnd; i++) {
                double muEta = inverseLink(eta[i]); // d mu / d eta of the log link
                double workingResponse = eta[i] + (y[i] - mu[i]) / muEta;
                double weight = Math.sqrt(muEta * muEta / mu[i]);
                for (int j = 0; j < 3; j++) {
                    weightedDesign[i][j] = design[i][j] * weight;
                }
                weightedResponse[i] = workingResponse * weight;
            }
            beta = LeastSquares.solve(weightedDesign, weightedResponse);
            for (int i = 0; i < trainingEnd; i++) {
                eta[i] = linearPredictor(design[i], beta);
                mu[i] = inverseLink(eta[i]);
            }
            double deviance = deviance(y, mu);
            if (Math.abs(deviance - previousDeviance) / (Math.abs(deviance) + 0.1) < EPSILON) {
                break;
            }
            previousDeviance = deviance;
        }
        return new SeasonalPoissonGlm(angularFrequency, beta);
    }

    /** The expected count at 0-based series position {@code index}. */
    double expected(int index) {
        return inverseLink(linearPredictor(covariates(angularFrequency, index + 1), coefficients));
    }

    private static double[] covariates(double angularFrequency, int t) {
        return new double[] {1, Math.cos(angularFrequency * t), Math.sin(angularFrequency * t)};
    }

    private static double linearPredictor(double[] x, double[] beta) {
        return x[0] * beta[0] + x[1] * beta[1] + x[2] * beta[2];
    }

    /** make.link("log")$linkinv: pmax(exp(eta), .Machine$double.eps). */
    private static double inverseLink(double eta) {
        return Math.max(Math.exp(eta), MACHINE_EPSILON);
    }

    /** poisson()$dev.resids summed: 2 Σ [y log(y/μ) − (y − μ)], with the y log term 0 where y = 0. */
    private static double deviance(double[] y, double[] mu) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += 2 * (y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) - (y[i] - mu[i]) : mu[i]);
        }
        return sum;
    }
}
