package org.lmworkbench.analysis.spectral;

import java.util.Arrays;

import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Eigendecomposition of the small Lanczos tridiagonal {@code T_m}.
 *
 * <p>Delegates to commons-math3's {@code EigenDecomposition(double[] main, double[] secondary)},
 * which runs implicit QL on the tridiagonal directly (no dense reduction). It was checked against
 * the dense decomposition, including split (zero off-diagonal) matrices produced by Lanczos
 * restarts and near-degenerate clusters (see {@code SymmetricTridiagonalEigenTest}), so no
 * hand-written QL is needed. Eigenvalues are kept in the library's decreasing order.
 */
final class SymmetricTridiagonalEigen {

    private final double[] values;
    private final double[][] vectors;

    /**
     * @param alpha diagonal, first {@code m} entries used
     * @param beta  off-diagonal, first {@code m - 1} entries used
     * @param m     order of the matrix
     */
    SymmetricTridiagonalEigen(double[] alpha, double[] beta, int m) {
        this(alpha, beta, 0, m);
    }

    /**
     * Decomposes the trailing block {@code T[from..to)} of a larger tridiagonal.
     *
     * @param alpha diagonal
     * @param beta  off-diagonal, {@code beta[i]} couples {@code i} and {@code i + 1}
     * @param from  first row of the block, inclusive
     * @param to    last row of the block, exclusive
     */
    SymmetricTridiagonalEigen(double[] alpha, double[] beta, int from, int to) {
        int m = to - from;
        EigenDecomposition eig = new EigenDecomposition(Arrays.copyOfRange(alpha, from, to),
                Arrays.copyOfRange(beta, from, from + Math.max(0, m - 1)));
        double[] raw = eig.getRealEigenvalues();
        // commons-math documents no order for this constructor; enforce decreasing order ourselves
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(raw[y], raw[x]));
        values = new double[m];
        vectors = new double[m][];
        for (int i = 0; i < m; i++) {
            values[i] = raw[order[i]];
            vectors[i] = eig.getEigenvector(order[i]).toArray();
        }
    }

    int size() {
        return values.length;
    }

    /** @return eigenvalue {@code i} in decreasing order */
    double value(int i) {
        return values[i];
    }

    /** @return the unit eigenvector belonging to {@link #value(int)}, length {@link #size()} */
    double[] vector(int i) {
        return vectors[i];
    }

    /**
     * Indices of the {@code k} eigenvalues that {@code target} asks for, in reporting order.
     */
    int[] select(int k, EigenTarget target) {
        int m = values.length;
        int[] idx = new int[k];
        switch (target) {
            case LARGEST_ALGEBRAIC -> {
                for (int i = 0; i < k; i++) {
                    idx[i] = i;
                }
            }
            case SMALLEST_ALGEBRAIC -> {
                for (int i = 0; i < k; i++) {
                    idx[i] = m - 1 - i;
                }
            }
            case LARGEST_MAGNITUDE -> {
                Integer[] order = new Integer[m];
                for (int i = 0; i < m; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (x, y) -> Double.compare(Math.abs(values[y]),
                        Math.abs(values[x])));
                for (int i = 0; i < k; i++) {
                    idx[i] = order[i];
                }
            }
            default -> throw new IllegalArgumentException("unknown target " + target);
        }
        return idx;
    }
}
