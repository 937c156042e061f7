package org.lmworkbench.analysis.theory.features;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The features-at-convergence relation (FACT; Boix-Adsera, Mallinar, Simon, Belkin 2025, arXiv
 * 2507.05644).
 *
 * <p>For the loss {@code (1/n) sum_i loss_i + (lambda/2) |theta|^2} and a weight matrix {@code W}
 * ({@code out x in}, the layer computes {@code z = W h}), the weight gradient is
 * {@code (1/n) sum_i delta_i h_i^T + lambda W} with {@code delta_i = d loss_i / d z_i}; multiplying by
 * {@code W^T} and using {@code g_i = d loss_i / d h_i = W^T delta_i} gives, at a critical point,
 * <pre>  W^T W = -(1/(n lambda)) sum_i g_i h_i^T.</pre>
 * The relation is checked as the Pearson correlation of the entries of both sides ({@link
 * FactCorrelation}); at a critical point the right-hand side is {@code W^T W}, already symmetric and
 * positive semi-definite, so its raw, symmetric and PSD forms coincide there. Weight decay must be
 * the coupled {@code (lambda/2)|theta|^2} term of this loss (for decoupled decay, AdamW's, the
 * stationarity condition is a different one).
 */
public final class FeaturesAtConvergence {

    private FeaturesAtConvergence() {
    }

    /** The feature matrix {@code W^T W} ({@code in x in}) of {@code W} given as {@code out x in}. */
    public static double[][] featureMatrix(double[][] w) {
        if (w.length == 0 || w[0].length == 0) {
            throw new IllegalArgumentException("weight matrix is empty");
        }
        int in = w[0].length;
        double[][] f = new double[in][in];
        for (double[] row : w) {
            if (row.length != in) {
                throw new IllegalArgumentException("weight matrix is not rectangular");
            }
            for (int a = 0; a < in; a++) {
                for (int b = 0; b < in; b++) {
                    f[a][b] += row[a] * row[b];
                }
            }
        }
        return f;
    }

    /**
     * The right-hand side {@code -(1/(n lambda)) sum_i g_i h_i^T} over all {@code n} examples given.
     */
    public static double[][] rightHandSide(double[][] inputs, double[][] gradients, double lambda) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException("no examples");
        }
        FactSum sum = new FactSum(inputs[0].length);
        sum.add(inputs, gradients);
        return sum.rightHandSide(inputs.length, lambda);
    }

    /** The symmetric part {@code (M + M^T) / 2}. */
    public static double[][] symmetricPart(double[][] m) {
        int d = m.length;
        double[][] s = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                s[a][b] = 0.5 * (m[a][b] + m[b][a]);
            }
        }
        return s;
    }

    /**
     * The positive semi-definite matrix nearest (in Frobenius norm) to the symmetric part of
     * {@code m}: its eigendecomposition with negative eigenvalues set to 0.
     */
    public static double[][] psdPart(double[][] m) {
        EigenDecomposition e = new EigenDecomposition(MatrixUtils.createRealMatrix(symmetricPart(m)));
        double[] values = e.getRealEigenvalues().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0, values[i]);
        }
        RealMatrix v = e.getV();
        return v.multiply(MatrixUtils.createRealDiagonalMatrix(values)).multiply(v.transpose()).getData();
    }

    /**
     * Pearson correlation of the entries of two equally shaped matrices, each minus the mean of its
     * entries; NaN if either is constant.
     */
    public static double pearson(double[][] a, double[][] b) {
        if (a.length != b.length || a.length == 0 || a[0].length != b[0].length) {
            throw new IllegalArgumentException("matrices of different shapes: " + a.length + "x"
                    + (a.length == 0 ? 0 : a[0].length) + " and " + b.length + "x" + (b.length == 0 ? 0 : b[0].length));
        }
        double meanA = mean(a);
        double meanB = mean(b);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double x = a[i][j] - meanA;
                double y = b[i][j] - meanB;
                ab += x * y;
                aa += x * x;
                bb += y * y;
            }
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** The correlations of {@code W^T W} with the three forms of a right-hand side, and the residual. */
    public static FactCorrelation correlate(double[][] w, double[][] rightHandSide) {
        double[][] f = featureMatrix(w);
        if (rightHandSide.length != f.length) {
            throw new IllegalArgumentException("W has " + f.length + " inputs but the right-hand side is "
                    + rightHandSide.length + "x" + rightHandSide.length);
        }
        double residual = 0;
        double norm = 0;
        for (int a = 0; a < f.length; a++) {
            for (int b = 0; b < f.length; b++) {
                double d = f[a][b] - rightHandSide[a][b];
                residual += d * d;
                norm += f[a][b] * f[a][b];
            }
        }
        return new FactCorrelation(pearson(f, rightHandSide), pearson(f, symmetricPart(rightHandSide)),
                pearson(f, psdPart(rightHandSide)), Math.sqrt(residual / norm));
    }

    /** {@link #correlate(double[][], double[][])} with the right-hand side of all {@code n} examples given. */
    public static FactCorrelation correlate(double[][] w, double[][] inputs, double[][] gradients, double lambda) {
        return correlate(w, rightHandSide(inputs, gradients, lambda));
    }

    private static double mean(double[][] m) {
        double s = 0;
        long count = 0;
        for (double[] row : m) {
            for (double x : row) {
                s += x;
                count++;
            }
        }
        return s / count;
    }
}
