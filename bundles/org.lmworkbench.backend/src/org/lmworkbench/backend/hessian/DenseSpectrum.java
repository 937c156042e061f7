package org.lmworkbench.backend.hessian;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.lmworkbench.analysis.spectral.LinearOperator;

/**
 * The whole spectrum of a small symmetric operator: the dense matrix is assembled column by column
 * from products with the basis vectors ({@code d} Hessian-vector products), symmetrised against
 * rounding, and eigendecomposed. For networks of up to a few thousand parameters this is exact where
 * Lanczos and Hutch++ only estimate, and it is what the zeroth-order critical step and the
 * sharpness dimension need: every eigenvalue, not only the top.
 */
public final class DenseSpectrum {

    /** Parameter count up to which the probes take the whole spectrum at every sample. */
    public static final int PROBE_LIMIT = 400;

    private DenseSpectrum() {
    }

    /** The dense matrix of {@code op}, symmetrised. */
    public static double[][] matrix(LinearOperator op) {
        int d = op.dimension();
        double[][] columns = new double[d][d];
        double[] e = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = 1;
            op.apply(e, columns[j]);
            e[j] = 0;
        }
        double[][] h = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                h[i][j] = 0.5 * (columns[j][i] + columns[i][j]);
            }
        }
        return h;
    }

    /** Every eigenvalue of {@code op}, largest first. */
    public static double[] eigenvalues(LinearOperator op) {
        double[] values = new EigenDecomposition(new Array2DRowRealMatrix(matrix(op), false)).getRealEigenvalues();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length / 2; i++) {
            double t = sorted[i];
            sorted[i] = sorted[sorted.length - 1 - i];
            sorted[sorted.length - 1 - i] = t;
        }
        return sorted;
    }
}
