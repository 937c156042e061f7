package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * An orthonormal basis {@code U} ({@code n x r}) of the column space of a column-centred matrix
 * and its singular values {@code s} (descending), i.e. the thin SVD {@code X = U S V^T} without
 * {@code V}. It is found from the eigen-decomposition of the smaller Gram matrix ({@code X^T X}
 * or {@code X X^T}, Commons Math, float64) and, on the {@code X^T X} route, re-orthogonalised once
 * more (as in CholeskyQR2), because {@code X V S^-1} loses orthogonality for ill-conditioned X.
 * Directions with {@code s <= 1e-6 s_max} are dropped as numerically absent.
 *
 * @param basis  {@code [n, r]} float64, orthonormal columns, ordered by singular value
 * @param values singular values, descending, length r
 */
public record PrincipalBasis(NDArray basis, double[] values) {

    /** Relative singular value below which a direction counts as absent. */
    public static final double RANK_TOLERANCE = 1e-6;

    /** The basis of a column-centred {@code [n, p]} float64 matrix. */
    public static PrincipalBasis of(NDArray centred) {
        NDManager m = centred.getManager();
        long n = centred.getShape().get(0);
        long p = centred.getShape().get(1);
        if (p > n) {
            Eigen e = Eigen.of(toMatrix(Kernels.linearGram(centred)));
            int r = e.rank();
            double[] s = new double[r];
            for (int i = 0; i < r; i++) {
                s[i] = Math.sqrt(e.values[i]);
            }
            return new PrincipalBasis(m.create(e.vectors(r)), s);
        }
        Eigen e = Eigen.of(toMatrix(centred.transpose().matMul(centred)));
        int r = e.rank();
        double[][] whiten = e.vectors(r);
        double[] s = new double[r];
        for (int i = 0; i < r; i++) {
            s[i] = Math.sqrt(e.values[i]);
            for (double[] row : whiten) {
                row[i] /= s[i];
            }
        }
        NDArray u = centred.matMul(m.create(whiten));
        // Second pass: U^T U is I up to rounding amplified by the condition number; whiten it again.
        Eigen again = Eigen.of(toMatrix(u.transpose().matMul(u)));
        double[][] fix = again.vectors(again.values.length);
        double[][] symmetricInverseRoot = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                double sum = 0;
                for (int k = 0; k < r; k++) {
                    sum += fix[i][k] * fix[j][k] / Math.sqrt(again.values[k]);
                }
                symmetricInverseRoot[i][j] = sum;
            }
        }
        return new PrincipalBasis(u.matMul(m.create(symmetricInverseRoot)), s);
    }

    /** The leading {@code k} directions. */
    public PrincipalBasis truncate(int k) {
        return new PrincipalBasis(basis.get(":, 0:" + k), Arrays.copyOf(values, k));
    }

    /** Smallest number of leading directions whose share of the variance {@code s^2} reaches {@code fraction}. */
    public int componentsFor(double fraction) {
        double total = 0;
        for (double v : values) {
            total += v * v;
        }
        double running = 0;
        for (int i = 0; i < values.length; i++) {
            running += values[i] * values[i];
            if (running >= fraction * total * (1 - 1e-12)) {
                return i + 1;
            }
        }
        return values.length;
    }

    /** Rank r. */
    public int rank() {
        return values.length;
    }

    static double[][] toMatrix(NDArray square) {
        int size = (int) square.getShape().get(0);
        double[] flat = square.toDoubleArray();
        double[][] out = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                // Symmetrise: rounding in the product can leave the two triangles a few ulps apart.
                out[i][j] = 0.5 * (flat[i * size + j] + flat[j * size + i]);
            }
        }
        return out;
    }

    /** Symmetric eigen-decomposition with eigenvalues sorted descending. */
    private record Eigen(double[] values, double[][] columns) {

        static Eigen of(double[][] symmetric) {
            RealMatrix a = MatrixUtils.createRealMatrix(symmetric);
            EigenDecomposition e = new EigenDecomposition(a);
            double[] raw = e.getRealEigenvalues();
            Integer[] order = new Integer[raw.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -raw[i]).thenComparingInt(i -> i));
            double[] values = new double[raw.length];
            double[][] columns = new double[raw.length][];
            for (int i = 0; i < order.length; i++) {
                values[i] = raw[order[i]];
                columns[i] = e.getEigenvector(order[i]).toArray();
            }
            return new Eigen(values, columns);
        }

        int rank() {
            double max = values.length == 0 ? 0 : values[0];
            int r = 0;
            while (r < values.length && values[r] > max * RANK_TOLERANCE * RANK_TOLERANCE && values[r] > 0) {
                r++;
            }
            return r;
        }

        /** The first k eigenvectors as the columns of a {@code dim x k} matrix. */
        double[][] vectors(int k) {
            int dim = columns.length == 0 ? 0 : columns[0].length;
            double[][] out = new double[dim][k];
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < dim; i++) {
                    out[i][j] = columns[j][i];
                }
            }
            return out;
        }
    }
}
