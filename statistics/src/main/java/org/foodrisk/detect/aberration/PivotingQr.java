package org.foodrisk.detect.aberration;

import java.util.Arrays;

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
    /**
     * Upper triangle: R; below the diagonal: the Householder vectors. Column-major in one array ({@code qr[j * rows
     * + i]} is row i of column j): the reflections walk down columns, and one array instead of a row array per
     * observation saves the allocations that dominated a small fit (the backtest fits thousands of 21 × 2 models,
     * on the C1 compiler only, whose {@code clone()} and multi-dimensional {@code new} go through the VM).
     */
    private final double[] qr;
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
        this(columnMajor(x), x.length, x.length == 0 ? 0 : x[0].length, tolerance);
    }

    /**
     * Decomposes the {@code rows} × {@code columns} matrix stored column-major in {@code matrix}, in place: the
     * decomposition keeps the array, so the caller must not use it afterwards.
     */
    static PivotingQr ofColumnMajor(double[] matrix, int rows, int columns, double tolerance) {
        if (matrix.length != rows * columns) {
            throw new IllegalArgumentException("a " + rows + " × " + columns + " matrix needs " + rows * columns
                    + " values, not " + matrix.length);
        }
        return new PivotingQr(matrix, rows, columns, tolerance);
    }

    private PivotingQr(double[] matrix, int rows, int columns, double tolerance) {
        this.rows = rows;
        this.columns = columns;
        qr = matrix;
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
            // the first column is still untouched: its norm is the one just taken for qraux (moved with it)
            double norm = l == 0 ? qraux[0] : columnNorm(l, l);
            int ll = at(l, l);
            if (norm == 0.0) {
                qraux[l] = 0.0; // nothing left to reflect: the reflection is skipped (dqrsl tests qraux == 0)
                continue;
            }
            if (qr[ll] != 0.0) {
                norm = Math.copySign(norm, qr[ll]);
            }
            double reciprocal = 1.0 / norm; // dscal by 1/nrmxl, as LINPACK
            for (int i = ll; i < ll + rows - l; i++) {
                qr[i] *= reciprocal;
            }
            qr[ll] += 1.0;
            for (int j = l + 1; j < columns; j++) {
                int lj = at(l, j);
                double t = -dot(l, l, j) / qr[ll];
                for (int i = 0; i < rows - l; i++) {
                    qr[lj + i] += t * qr[ll + i];
                }
                if (qraux[j] != 0.0) {
                    double ratio = Math.abs(qr[lj]) / qraux[j];
                    double remaining = Math.max(1.0 - ratio * ratio, 0.0);
                    if (Math.abs(remaining) < 1e-6) {
                        // dqrdc2 (Bates 1999): recompute the norm instead of downdating it
                        qraux[j] = columnNorm(j, l + 1);
                    } else {
                        qraux[j] *= Math.sqrt(remaining);
                    }
                }
            }
            qraux[l] = qr[ll];
            qr[ll] = -norm;
        }
        rank = Math.min(usable, rows);
    }

    private static double[] columnMajor(double[][] x) {
        int rows = x.length;
        int columns = rows == 0 ? 0 : x[0].length;
        double[] matrix = new double[rows * columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                matrix[j * rows + i] = x[i][j];
            }
        }
        return matrix;
    }

    /** Index of row {@code row}, column position {@code column} in {@link #qr}. */
    private int at(int row, int column) {
        return column * rows + row;
    }

    int rank() {
        return rank;
    }

    /** R's entry at pivoted row and column positions (upper triangle: {@code row <= column < rank}). */
    double r(int row, int column) {
        return qr[at(row, column)];
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
                sum -= qr[at(j, m)] * solution[m];
            }
            solution[j] = sum / qr[at(j, j)];
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
                value -= qr[at(m, j)] * v[m];
            }
            v[j] = value / qr[at(j, j)];
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
        double[] result = Arrays.copyOf(y, y.length); // not clone(): see qr
        for (int l = 0; l < reflections(); l++) {
            reflect(l, result);
        }
        return result;
    }

    private double[] applyQ(double[] y) {
        double[] result = Arrays.copyOf(y, y.length); // not clone(): see qr
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
        int ll = at(l, l);
        double diagonal = qr[ll];
        qr[ll] = qraux[l];
        double t = 0.0;
        for (int i = l; i < rows; i++) {
            t -= qr[ll + i - l] * y[i];
        }
        t /= qr[ll];
        for (int i = l; i < rows; i++) {
            y[i] += t * qr[ll + i - l];
        }
        qr[ll] = diagonal;
    }

    private void moveColumnToEnd(int l, double[] originalNorm) {
        double[] moved = new double[rows];
        System.arraycopy(qr, at(0, l), moved, 0, rows);
        System.arraycopy(qr, at(0, l + 1), qr, at(0, l), (columns - l - 1) * rows);
        System.arraycopy(moved, 0, qr, at(0, columns - 1), rows);
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
        int start = at(0, column);
        for (int i = fromRow; i < rows; i++) {
            double value = qr[start + i];
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
        int a = at(0, columnA);
        int b = at(0, columnB);
        for (int i = fromRow; i < rows; i++) {
            sum += qr[a + i] * qr[b + i];
        }
        return sum;
    }
}
