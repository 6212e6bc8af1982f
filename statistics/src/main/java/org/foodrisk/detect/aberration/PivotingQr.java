package org.foodrisk.detect.aberration;

/**
 * Householder QR decomposition with R's limited column pivoting: the algorithm of LINPACK
 * {@code dqrdc2} as modified for R, which {@code glm.fit} reaches through {@code Cdqrls}.
 *
 * <p>Why not a plain QR: R does not pivot for size, it only moves a column to the end when its
 * remaining norm has fallen below {@code tol} times its original norm; such columns are aliased
 * (rank deficient) and their coefficients are NA in R. Keeping the same rule keeps our rank, our
 * aliased columns and hence every derived number (hat values, standard errors) the same as R's.
 * The reflections themselves are the textbook ones, stored as LINPACK stores them (vector below the
 * diagonal, its leading element in {@code qraux}).
 */
final class PivotingQr {

    private final int rows;
    private final int columns;
    /** Upper triangle: R; below the diagonal: the Householder vectors. Row-major, rows × columns. */
    private final double[][] qr;
    private final double[] qraux;
    /** {@code pivot[j]} = original index of the column now at position j. */
    private final int[] pivot;
    private final int rank;

    /**
     * Decomposes {@code x} (not modified).
     *
     * @param tolerance R's {@code tol}: {@code glm.fit} uses {@code min(1e-7, epsilon / 1000)} = 1e-11
     */
    PivotingQr(double[][] x, double tolerance) {
        rows = x.length;
        columns = rows == 0 ? 0 : x[0].length;
        qr = new double[rows][];
        for (int i = 0; i < rows; i++) {
            qr[i] = x[i].clone();
        }
        qraux = new double[columns];
        pivot = new int[columns];
        double[] originalNorm = new double[columns];
        for (int j = 0; j < columns; j++) {
            pivot[j] = j;
            qraux[j] = columnNorm(j, 0);
            originalNorm[j] = qraux[j] == 0.0 ? 1.0 : qraux[j];
        }
        int usable = columns; // columns at positions >= usable have been cycled to the end as negligible
        int steps = Math.min(rows, columns);
        for (int l = 0; l < steps; l++) {
            while (l < usable && qraux[l] < originalNorm[l] * tolerance) {
                moveColumnToEnd(l, originalNorm);
                usable--;
            }
            if (l == rows - 1) {
                break; // the last row needs no reflection (dqrdc2 "if (l .eq. n) go to 190")
            }
            double norm = columnNorm(l, l);
            if (norm == 0.0) {
                qraux[l] = 0.0; // nothing left to reflect: the reflection is skipped (dqrsl tests qraux == 0)
                continue;
            }
            if (qr[l][l] != 0.0) {
                norm = Math.copySign(norm, qr[l][l]);
            }
            double reciprocal = 1.0 / norm; // dscal by 1/nrmxl, as LINPACK
            for (int i = l; i < rows; i++) {
                qr[i][l] *= reciprocal;
            }
            qr[l][l] += 1.0;
            for (int j = l + 1; j < columns; j++) {
                double t = -dot(l, l, j) / qr[l][l];
                for (int i = l; i < rows; i++) {
                    qr[i][j] += t * qr[i][l];
                }
                if (qraux[j] != 0.0) {
                    double ratio = Math.abs(qr[l][j]) / qraux[j];
                    double remaining = Math.max(1.0 - ratio * ratio, 0.0);
                    if (Math.abs(remaining) < 1e-6) {
                        // dqrdc2 (Bates 1999): recompute the norm instead of downdating it
                        qraux[j] = columnNorm(j, l + 1);
                    } else {
                        qraux[j] *= Math.sqrt(remaining);
                    }
                }
            }
            qraux[l] = qr[l][l];
            qr[l][l] = -norm;
        }
        rank = Math.min(usable, rows);
    }

    int rank() {
        return rank;
    }

    /** R's entry at pivoted row and column positions (upper triangle: {@code row <= column < rank}). */
    double r(int row, int column) {
        return qr[row][column];
    }

    /** Original column index at pivoted position {@code position}. */
    int pivot(int position) {
        return pivot[position];
    }

    /** Position of original column {@code column} after pivoting. */
    int positionOf(int column) {
        for (int j = 0; j < columns; j++) {
            if (pivot[j] == column) {
                return j;
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }

    /**
     * Least-squares coefficients in the original column order; aliased columns get 0, as
     * LINPACK {@code dqrls} returns them (glm.fit uses these zeros while iterating).
     */
    double[] solve(double[] y) {
        double[] qty = applyQTransposed(y);
        double[] solution = new double[columns];
        for (int j = rank - 1; j >= 0; j--) {
            double sum = qty[j];
            for (int m = j + 1; m < rank; m++) {
                sum -= qr[j][m] * solution[m];
            }
            solution[j] = sum / qr[j][j];
        }
        double[] coefficients = new double[columns];
        for (int j = 0; j < columns; j++) {
            coefficients[pivot[j]] = j < rank ? solution[j] : 0.0;
        }
        return coefficients;
    }

    /**
     * {@code x0' (R'R)^-1 x0} over the estimable columns, for the standard error of a prediction
     * at {@code x0} (R's {@code predict.lm}: {@code X[, piv] %*% qr.solve(R[p1, p1])}, squared and
     * summed).
     */
    double inverseGramQuadraticForm(double[] x0) {
        double[] v = new double[rank];
        double sum = 0.0;
        for (int j = 0; j < rank; j++) {
            double value = x0[pivot[j]];
            for (int m = 0; m < j; m++) {
                value -= qr[m][j] * v[m];
            }
            v[j] = value / qr[j][j];
            sum += v[j] * v[j];
        }
        return sum;
    }

    /**
     * Diagonal of the hat matrix, as R's {@code lm.influence} (C_influence): squared row norms of
     * the first {@code rank} columns of Q, and values within 10 ulp of 1 set to exactly 1.
     */
    double[] hatValues() {
        double[] hat = new double[rows];
        for (int j = 0; j < rank; j++) {
            double[] unit = new double[rows];
            unit[j] = 1.0;
            double[] qColumn = applyQ(unit);
            for (int i = 0; i < rows; i++) {
                hat[i] += qColumn[i] * qColumn[i];
            }
        }
        double tolerance = 10 * Math.ulp(1.0);
        for (int i = 0; i < rows; i++) {
            if (hat[i] >= 1.0 - tolerance) {
                hat[i] = 1.0;
            }
        }
        return hat;
    }

    private int reflections() {
        return Math.min(rank, rows - 1);
    }

    private double[] applyQTransposed(double[] y) {
        double[] result = y.clone();
        for (int l = 0; l < reflections(); l++) {
            reflect(l, result);
        }
        return result;
    }

    private double[] applyQ(double[] y) {
        double[] result = y.clone();
        for (int l = reflections() - 1; l >= 0; l--) {
            reflect(l, result);
        }
        return result;
    }

    /** Applies the l-th Householder reflection (symmetric, so the same for Q and Q'), as dqrsl. */
    private void reflect(int l, double[] y) {
        if (qraux[l] == 0.0) {
            return;
        }
        double diagonal = qr[l][l];
        qr[l][l] = qraux[l];
        double t = 0.0;
        for (int i = l; i < rows; i++) {
            t -= qr[i][l] * y[i];
        }
        t /= qr[l][l];
        for (int i = l; i < rows; i++) {
            y[i] += t * qr[i][l];
        }
        qr[l][l] = diagonal;
    }

    private void moveColumnToEnd(int l, double[] originalNorm) {
        for (int i = 0; i < rows; i++) {
            double moved = qr[i][l];
            System.arraycopy(qr[i], l + 1, qr[i], l, columns - l - 1);
            qr[i][columns - 1] = moved;
        }
        rotateLeft(qraux, l);
        rotateLeft(originalNorm, l);
        int movedPivot = pivot[l];
        System.arraycopy(pivot, l + 1, pivot, l, columns - l - 1);
        pivot[columns - 1] = movedPivot;
    }

    private static void rotateLeft(double[] values, int from) {
        double moved = values[from];
        System.arraycopy(values, from + 1, values, from, values.length - from - 1);
        values[values.length - 1] = moved;
    }

    private double columnNorm(int column, int fromRow) {
        // scaled like BLAS dnrm2, so that large or tiny columns neither overflow nor underflow
        double scale = 0.0;
        double sumOfSquares = 1.0;
        for (int i = fromRow; i < rows; i++) {
            double value = qr[i][column];
            if (value != 0.0) {
                double absolute = Math.abs(value);
                if (scale < absolute) {
                    sumOfSquares = 1.0 + sumOfSquares * (scale / absolute) * (scale / absolute);
                    scale = absolute;
                } else {
                    sumOfSquares += (absolute / scale) * (absolute / scale);
                }
            }
        }
        return scale * Math.sqrt(sumOfSquares);
    }

    private double dot(int fromRow, int columnA, int columnB) {
        double sum = 0.0;
        for (int i = fromRow; i < rows; i++) {
            sum += qr[i][columnA] * qr[i][columnB];
        }
        return sum;
    }
}
