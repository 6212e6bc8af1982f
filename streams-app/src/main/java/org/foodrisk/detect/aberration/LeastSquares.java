package org.foodrisk.detect.aberration;

/**
 * Ordinary least squares by Householder QR (the decomposition R's {@code lm.fit}/{@code glm.fit}
 * use), for the small full-rank designs of the seasonal regressions. Refuses rank-deficient designs
 * rather than returning R's NA coefficients.
 */
final class LeastSquares {

    private LeastSquares() {
    }

    /** β minimising ‖Xβ − y‖; {@code x} is n × p with n ≥ p and is not modified. */
    static double[] solve(double[][] x, double[] y) {
        int n = x.length;
        int p = x[0].length;
        if (n < p) {
            throw new IllegalArgumentException("fewer observations (" + n + ") than coefficients (" + p + ")");
        }
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = x[i].clone();
        }
        double[] b = y.clone();
        double[] diagonal = new double[p];
        for (int j = 0; j < p; j++) {
            double norm = 0;
            for (int i = j; i < n; i++) {
                norm = Math.hypot(norm, a[i][j]);
            }
            if (norm == 0 || norm <= 1e-11 * columnScale(x, j)) {
                throw new IllegalArgumentException("design matrix is rank deficient");
            }
            double alpha = a[j][j] > 0 ? -norm : norm;
            double vNormSquared = 0;
            a[j][j] -= alpha; // a[j..n)[j] now holds the Householder vector v
            for (int i = j; i < n; i++) {
                vNormSquared += a[i][j] * a[i][j];
            }
            for (int c = j + 1; c < p; c++) {
                double dot = 0;
                for (int i = j; i < n; i++) {
                    dot += a[i][j] * a[i][c];
                }
                double factor = 2 * dot / vNormSquared;
                for (int i = j; i < n; i++) {
                    a[i][c] -= factor * a[i][j];
                }
            }
            double dot = 0;
            for (int i = j; i < n; i++) {
                dot += a[i][j] * b[i];
            }
            double factor = 2 * dot / vNormSquared;
            for (int i = j; i < n; i++) {
                b[i] -= factor * a[i][j];
            }
            diagonal[j] = alpha;
        }
        double[] beta = new double[p];
        for (int j = p - 1; j >= 0; j--) {
            double sum = b[j];
            for (int c = j + 1; c < p; c++) {
                sum -= a[j][c] * beta[c];
            }
            beta[j] = sum / diagonal[j];
        }
        return beta;
    }

    private static double columnScale(double[][] x, int column) {
        double norm = 0;
        for (double[] row : x) {
            norm = Math.hypot(norm, row[column]);
        }
        return norm;
    }
}
