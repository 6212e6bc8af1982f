package org.foodrisk.detect.aberration;

import java.util.Arrays;

/**
 * How R's {@code surveillance::algo.cusum} standardises a count x against its expected value m
 * before summing, and how it turns the decision boundary h back into a count (its
 * {@code upperbound}: the count at which the sum would reach h). Formulas are R's own, term for
 * term, including its quirks: the "standard" bound is rounded up, the "anscombe2nd" bound uses
 * m<sup>1/3</sup>/9 where the standardisation uses m<sup>−1/3</sup>/9, and "none" reports h minus the
 * current sum. R's {@code anscombeNegBin} (a hypergeometric-function residual) is not provided.
 */
public enum CusumTransformation {

    /** (x − m)/√m — R's default. */
    STANDARD("standard") {
        @Override
        double standardize(double x, double m, double alpha) {
            return (x - m) / Math.sqrt(m);
        }

        @Override
        double rawUpperBound(double m, double h, double k, double previousSum, double currentSum, double alpha) {
            return Math.ceil(Math.sqrt(m) * (h + k - previousSum) + m);
        }
    },

    /** Rossi, Lampugnani and Marchi (1999): z3 = (x − 3m + 2√(xm))/(2√m). */
    ROSSI("rossi") {
        @Override
        double standardize(double x, double m, double alpha) {
            return (x - 3 * m + 2 * Math.sqrt(x * m)) / (2 * Math.sqrt(m));
        }

        @Override
        double rawUpperBound(double m, double h, double k, double previousSum, double currentSum, double alpha) {
            double rootM = pow(m, 1.0 / 2);
            double m32 = pow(m, 3.0 / 2);
            return 2 * h * rootM + 2 * k * rootM - 2 * previousSum * rootM + 5 * m
                    - 2 * pow(4 * (m * m) + 2 * m32 * h + 2 * m32 * k - 2 * m32 * previousSum, 1.0 / 2);
        }
    },

    /** Anscombe residual of the Poisson: 3/2·(x<sup>2/3</sup> − m<sup>2/3</sup>)/m<sup>1/6</sup>. */
    ANSCOMBE("anscombe") {
        @Override
        double standardize(double x, double m, double alpha) {
            return 3.0 / 2 * (pow(x, 2.0 / 3) - pow(m, 2.0 / 3)) / pow(m, 1.0 / 6);
        }

        @Override
        double rawUpperBound(double m, double h, double k, double previousSum, double currentSum, double alpha) {
            double base = 2.0 / 3 * pow(m, 1.0 / 6) * (h + k - previousSum) + pow(m, 2.0 / 3);
            return base < 0 ? 0 : pow(base, 3.0 / 2);
        }
    },

    /** Rossi et al.'s second-order Anscombe residual z2. */
    ANSCOMBE_2ND("anscombe2nd") {
        @Override
        double standardize(double x, double m, double alpha) {
            return (pow(x, 2.0 / 3) - (pow(m, 2.0 / 3) - pow(m, -1.0 / 3) / 9)) / (2.0 / 3 * pow(m, 1.0 / 6));
        }

        @Override
        double rawUpperBound(double m, double h, double k, double previousSum, double currentSum, double alpha) {
            double base = 2.0 / 3 * pow(m, 1.0 / 6) * (h + k - previousSum) + (pow(m, 2.0 / 3) - pow(m, 1.0 / 3) / 9);
            return base < 0 ? 0 : pow(base, 3.0 / 2);
        }
    },

    /** Pearson residual of a negative binomial with variance m + αm². */
    PEARSON_NEG_BIN("pearsonNegBin") {
        @Override
        double standardize(double x, double m, double alpha) {
            return (x - m) / Math.sqrt(m + alpha * (m * m));
        }

        @Override
        double rawUpperBound(double m, double h, double k, double previousSum, double currentSum, double alpha) {
            return Math.sqrt(m + alpha * (m * m)) * (h + k - previousSum) + m;
        }
    },

    /** The raw count. */
    NONE("none") {
        @Override
        double standardize(double x, double m, double alpha) {
            return x;
        }

        @Override
        double rawUpperBound(double m, double h, double k, double previousSum, double currentSum, double alpha) {
            return h - currentSum;
        }
    };

    private final String rName;

    CusumTransformation(String rName) {
        this.rName = rName;
    }

    /** The name R's {@code control$trans} uses. */
    public String rName() {
        return rName;
    }

    public static CusumTransformation fromRName(String name) {
        return Arrays.stream(values()).filter(t -> t.rName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cusum: --trans must be one of "
                        + Arrays.stream(values()).map(CusumTransformation::rName).toList() + ", not '" + name + "'"));
    }

    abstract double standardize(double x, double m, double alpha);

    abstract double rawUpperBound(double m, double h, double k, double previousSum, double currentSum, double alpha);

    /** R: {@code upperbound[is.na(upperbound)] <- 0; upperbound[upperbound < 0] <- 0}. */
    double upperBound(double m, double h, double k, double previousSum, double currentSum, double alpha) {
        double bound = rawUpperBound(m, h, k, previousSum, currentSum, alpha);
        return Double.isNaN(bound) || bound < 0 ? 0 : bound;
    }

    /** R's {@code x^y} for these exponents: C's pow (R special-cases only y == 2, written m * m above). */
    private static double pow(double x, double y) {
        return Math.pow(x, y);
    }
}
