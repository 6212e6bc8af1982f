package org.foodrisk.detect.aberration;

import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * Upper tail probabilities of a count under a negative binomial with mean {@code mu} and size {@code theta}
 * (variance {@code mu + mu^2 / theta}).
 *
 * <p>{@link #upper} is R's {@code pnbinom(y - 1, size = theta, mu = mu, lower.tail = FALSE)}. {@link #predictive}
 * averages it over the uncertainty of a fitted mean — the linear predictor {@code log mu} taken as normal with the
 * fit's standard error, as a GLM's prediction is (Farrington et al. 1996 use the same approximation for their
 * threshold) — by Gauss–Hermite quadrature: a unit seen for a few weeks has a mean known only roughly, and its
 * plug-in tail would call ordinary counts improbable.
 */
final class NegativeBinomialTail {

    /** Nodes and weights of the 40-point Gauss–Hermite rule (weight {@code exp(-x^2)}). */
    private static final double[][] RULE = gaussHermite(40);

    private NegativeBinomialTail() {
    }

    /** P(Y &ge; y). */
    static double upper(long y, double mu, double theta) {
        if (y <= 0) {
            return 1.0;
        }
        double p = theta / (theta + mu); // pnbinom's prob
        // P(Y <= y - 1) = I_p(theta, y); its complement, computed as such for small tails.
        return RegularizedBeta.complement(p, theta, y);
    }

    /** P(Y &ge; y) with {@code log mu ~ N(eta, se^2)}. */
    static double predictive(long y, double eta, double standardError, double theta) {
        if (y <= 0) {
            return 1.0;
        }
        if (standardError == 0) {
            return upper(y, Math.exp(eta), theta);
        }
        double sum = 0;
        double[] nodes = RULE[0];
        double[] weights = RULE[1];
        for (int i = 0; i < nodes.length; i++) {
            sum += weights[i] * upper(y, Math.exp(eta + Math.sqrt(2) * standardError * nodes[i]), theta);
        }
        return sum / Math.sqrt(Math.PI);
    }

    /**
     * The n-point Gauss–Hermite rule by Newton's method on the orthonormal Hermite recurrence from the usual
     * starting guesses (Press et al., <i>Numerical Recipes</i>, 3rd ed., §4.6, {@code gauher}).
     */
    static double[][] gaussHermite(int n) {
        double[] x = new double[n];
        double[] w = new double[n];
        double pim4 = Math.pow(Math.PI, -0.25);
        int m = (n + 1) / 2;
        double z = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0) {
                z = Math.sqrt(2.0 * n + 1) - 1.85575 * Math.pow(2.0 * n + 1, -0.16667);
            } else if (i == 1) {
                z -= 1.14 * Math.pow(n, 0.426) / z;
            } else if (i == 2) {
                z = 1.86 * z - 0.86 * x[0];
            } else if (i == 3) {
                z = 1.91 * z - 0.91 * x[1];
            } else {
                z = 2.0 * z - x[i - 2];
            }
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p1 = pim4;
                double p2 = 0;
                for (int j = 0; j < n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = z * Math.sqrt(2.0 / (j + 1)) * p2 - Math.sqrt((double) j / (j + 1)) * p3;
                }
                derivative = Math.sqrt(2.0 * n) * p2;
                double previous = z;
                z = previous - p1 / derivative;
                if (Math.abs(z - previous) <= 1e-14) {
                    break;
                }
            }
            x[i] = z;
            x[n - 1 - i] = -z;
            w[i] = 2.0 / (derivative * derivative);
            w[n - 1 - i] = w[i];
        }
        return new double[][] {x, w};
    }
}
