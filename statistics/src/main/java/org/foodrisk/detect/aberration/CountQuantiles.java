package org.foodrisk.detect.aberration;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Poisson and negative-binomial quantiles and upper tails with the parameterisation and the search
 * of R's {@code qpois}, {@code ppois}, {@code qnbinom}, {@code pnbinom} ({@code size} need not be an
 * integer, which commons-statistics' {@code PascalDistribution} requires).
 *
 * <p>The negative binomial CDF is the regularized incomplete beta function, exactly as R's
 * {@code pnbinom}: {@code P(X <= k) = I_prob(size, k + 1)}. Quantiles are the smallest {@code k}
 * with {@code P(X <= k) >= p (1 - 64 eps)}, searched from the Cornish–Fisher guess R starts from;
 * the small fuzz is R's guard for left continuity.
 */
final class CountQuantiles {

    private static final double FUZZ = 1 - 64 * Math.ulp(1.0);

    private CountQuantiles() {
    }

    /** R's {@code qpois(p, lambda)}. */
    static double poissonQuantile(double p, double lambda) {
        if (lambda == 0) {
            return 0;
        }
        PoissonDistribution poisson = PoissonDistribution.of(lambda);
        double sigma = Math.sqrt(lambda);
        return search(p, lambda, sigma, 1 / sigma, poisson::cumulativeProbability);
    }

    /** R's {@code ppois(y - 1, lambda, lower.tail = FALSE)}: {@code P(X >= y)}. */
    static double poissonUpperTail(long y, double lambda) {
        if (y <= 0) {
            return 1.0;
        }
        if (lambda == 0) {
            return 0.0;
        }
        return PoissonDistribution.of(lambda).survivalProbability(Math.toIntExact(y - 1));
    }

    /** R's {@code qnbinom(p, size, prob)}. */
    static double negativeBinomialQuantile(double p, double size, double prob) {
        if (size == 0 || prob == 1) {
            return 0; // all mass at 0
        }
        double q = 1 / prob;
        double oddsRatio = (1 - prob) * q;
        double mean = size * oddsRatio;
        double sigma = Math.sqrt(size * oddsRatio * q);
        double skewness = (q + oddsRatio) / sigma;
        return search(p, mean, sigma, skewness, k -> negativeBinomialCdf(k, size, prob));
    }

    /** R's {@code pnbinom(y - 1, size, prob, lower.tail = FALSE)}: {@code P(X >= y)}. */
    static double negativeBinomialUpperTail(long y, double size, double prob) {
        if (y <= 0) {
            return 1.0;
        }
        // P(X > y - 1) = 1 - I_prob(size, y) = I_{1-prob}(y, size), evaluated without cancellation
        return BetaDistribution.of(size, y).survivalProbability(prob);
    }

    private static double negativeBinomialCdf(int k, double size, double prob) {
        return BetaDistribution.of(size, k + 1.0).cumulativeProbability(prob);
    }

    private static double search(double p, double mean, double sigma, double skewness, Cdf cdf) {
        double target = p * FUZZ;
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(p);
        int k = (int) Math.max(0, Math.rint(mean + sigma * (z + skewness * (z * z - 1) / 6)));
        if (cdf.at(k) >= target) {
            while (k > 0 && cdf.at(k - 1) >= target) {
                k--;
            }
        } else {
            do {
                k++;
            } while (cdf.at(k) < target);
        }
        return k;
    }

    @FunctionalInterface
    private interface Cdf {
        double at(int k);
    }
}
