package org.lmworkbench.analysis.spectral;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * {@link LinearOperator} backed by an explicit dense symmetric matrix.
 *
 * <p>Used to validate the matrix-free algorithms against dense eigendecompositions and for
 * small models whose Hessian fits in memory. The row arrays are used directly, without a copy,
 * so a 2000 x 2000 test matrix is not duplicated; callers must not mutate them afterwards.
 */
public final class DenseSymmetricOperator implements LinearOperator {

    private final double[][] rows;

    private DenseSymmetricOperator(double[][] rows) {
        this.rows = rows;
    }

    /**
     * Wraps a square, symmetric matrix given as rows, without copying.
     *
     * @param rows      the matrix; must be square
     * @param tolerance maximum allowed {@code |a_ij - a_ji|}, relative to the largest absolute
     *                  entry; a negative value skips the {@code O(n^2)} check
     * @return the operator
     * @throws IllegalArgumentException if the matrix is not square or not symmetric within tolerance
     */
    public static DenseSymmetricOperator wrap(double[][] rows, double tolerance) {
        int n = rows.length;
        if (n == 0) {
            throw new IllegalArgumentException("matrix must not be empty");
        }
        double maxAbs = 0.0;
        for (double[] row : rows) {
            if (row.length != n) {
                throw new IllegalArgumentException("matrix is not square");
            }
            for (double x : row) {
                maxAbs = Math.max(maxAbs, Math.abs(x));
            }
        }
        if (tolerance >= 0.0) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    if (Math.abs(rows[i][j] - rows[j][i]) > tolerance * maxAbs) {
                        throw new IllegalArgumentException(
                                "matrix is not symmetric at (" + i + ", " + j + ")");
                    }
                }
            }
        }
        return new DenseSymmetricOperator(rows);
    }

    /**
     * Wraps a square matrix that must be symmetric to within {@code 1e-12} relative.
     *
     * @param rows the matrix rows, not copied
     * @return the operator
     */
    public static DenseSymmetricOperator wrap(double[][] rows) {
        return wrap(rows, 1e-12);
    }

    /**
     * Copies a commons-math matrix (which must be symmetric to within {@code 1e-12} relative).
     *
     * @param matrix the matrix
     * @return the operator
     */
    public static DenseSymmetricOperator of(RealMatrix matrix) {
        return wrap(matrix.getData());
    }

    @Override
    public int dimension() {
        return rows.length;
    }

    @Override
    public void apply(double[] v, double[] out) {
        if (v == out) {
            throw new IllegalArgumentException("input and output must be distinct arrays");
        }
        for (int i = 0; i < rows.length; i++) {
            out[i] = Vectors.dot(rows[i], v);
        }
    }

    /**
     * Reads one matrix entry, e.g. for diagnostics.
     *
     * @param i row index
     * @param j column index
     * @return entry {@code (i, j)} of the wrapped matrix
     */
    public double entry(int i, int j) {
        return rows[i][j];
    }
}
