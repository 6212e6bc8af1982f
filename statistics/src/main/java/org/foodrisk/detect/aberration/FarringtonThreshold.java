package org.foodrisk.detect.aberration;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The upper bound a Farrington prediction implies for the observed count, its exceedance score
 * and the one-sided p-value.
 *
 * @param upper  the upper bound (R: {@code lu$upper}); NaN when undefined
 * @param score  R's {@code (y - predFit) / (upper - predFit)}; an alarm needs {@code score > 1}
 * @param pValue {@code P(Y >= y)} (negative binomial) or the normal upper tail of the transformed count
 */
record FarringtonThreshold(double upper, double score, double pValue) {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /**
     * Farrington et al. (1996), section 3.3: a normal prediction interval for a power transform of
     * the count, with variance {@code phi mu0 + var(mu0_hat)} carried through the transform by the
     * delta method. R: {@code algo.farrington.threshold} (original, {@code z = qnorm(1 - alpha/2)})
     * and {@code algo.farrington.threshold.farrington} (flexible, {@code z = qnorm(1 - alpha)}).
     *
     * @param mu0       predicted mean (count scale)
     * @param mu0Se     its standard error (count scale)
     * @param phi       dispersion floored at 1
     * @param quantile  {@code z}, the standard-normal quantile of the bound
     */
    static FarringtonThreshold delta(double mu0, double mu0Se, double phi, PowerTransform transform,
                                     double quantile, long observed) {
        double tau = phi + (mu0Se * mu0Se) / mu0;
        double exponent = transform.exponent();
        double transformedSe = switch (transform) {
            case NONE -> Math.sqrt(mu0 * tau);
            case ONE_HALF -> Math.sqrt(1.0 / 4 * tau);
            case TWO_THIRDS -> Math.sqrt(4.0 / 9 * Math.pow(mu0, 1.0 / 3) * tau);
        };
        double transformedMean = Math.pow(mu0, exponent);
        double upper = Math.pow(transformedMean + quantile * transformedSe, 1 / exponent);
        double pValue = NormalDistribution.of(transformedMean, transformedSe)
                .survivalProbability(Math.pow(observed, exponent));
        return new FarringtonThreshold(upper, (observed - mu0) / (upper - mu0), pValue);
    }

    /**
     * Noufaily et al. (2013), section 3.3: the {@code 1 - alpha} quantile of a negative binomial
     * with mean {@code mu0} and variance {@code phi mu0} (Poisson when {@code phi = 1}). With
     * {@code MUAN} the mean is the upper {@code 1 - alpha} confidence limit of {@code mu0}
     * instead of its estimate. R: {@code algo.farrington.threshold.noufaily}.
     *
     * <p>R computes the score on the link scale, {@code (y - eta0) / (upper - eta0)}, since its
     * {@code predFit} is {@code eta0} here; we report the same score. It only enters the alarm as
     * {@code score > 1}, which is {@code y > upper} whenever {@code upper > eta0} (always in practice:
     * the upper quantile of a count with mean {@code exp(eta0)} exceeds {@code eta0}).
     */
    static FarringtonThreshold negativeBinomial(double eta0, double eta0Se, double phi, ThresholdMethod method,
                                                double alpha, long observed) {
        double mean = method == ThresholdMethod.NB_PLUGIN ? Math.exp(eta0)
                : Math.exp(eta0 + eta0Se * STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha));
        if (mean == Double.POSITIVE_INFINITY) {
            return new FarringtonThreshold(Double.NaN, Double.NaN, Double.NaN);
        }
        double upper;
        double pValue;
        if (phi > 1) {
            double size = mean / (phi - 1);
            upper = CountQuantiles.negativeBinomialQuantile(1 - alpha, size, 1 / phi);
            pValue = CountQuantiles.negativeBinomialUpperTail(observed, size, 1 / phi);
        } else {
            upper = CountQuantiles.poissonQuantile(1 - alpha, mean);
            pValue = CountQuantiles.poissonUpperTail(observed, mean);
        }
        return new FarringtonThreshold(upper, (observed - eta0) / (upper - eta0), pValue);
    }

    static double standardNormalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }
}
