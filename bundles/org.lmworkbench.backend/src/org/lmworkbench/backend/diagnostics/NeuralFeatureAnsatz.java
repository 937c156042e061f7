package org.lmworkbench.backend.diagnostics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.lmworkbench.analysis.theory.features.FeaturesAtConvergence;

/**
 * The neural feature ansatz (Radhakrishnan et al. 2024): a layer's neural feature matrix
 * {@code W^T W} (for {@code W} as {@code [out, in]}) is proportional to a power of the average
 * gradient outer product (AGOP) of the network w.r.t. that layer's input,
 * {@code (1/N) sum_x J(x)^T J(x)} with {@code J} the Jacobian of the outputs. The diagnostic is the
 * Pearson correlation of the entries of {@code W^T W} and {@code sqrt(AGOP)} after removing each
 * matrix's mean; 1 means the ansatz holds exactly. Both matrices are symmetric, so all entries are
 * used as they are.
 */
public final class NeuralFeatureAnsatz {

    private NeuralFeatureAnsatz() {
    }

    /**
     * The feature matrix {@code W^T W} of a weight stored {@code [fan_in, fan_out]} as in this backend
     * (a layer computes {@code x W}), i.e. {@code W_s W_s^T}, {@code fan_in x fan_in}.
     */
    public static double[][] featureMatrix(NDArray storedWeight) {
        NDArray w = storedWeight.toType(DataType.FLOAT64, false);
        return toMatrix(w.matMul(w.transpose()));
    }

    /** The symmetric positive semi-definite square root (negative rounding eigenvalues count as 0). */
    public static double[][] sqrtPsd(double[][] symmetric) {
        EigenDecomposition e = new EigenDecomposition(MatrixUtils.createRealMatrix(symmetric));
        double[] values = e.getRealEigenvalues();
        double[] roots = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            roots[i] = Math.sqrt(Math.max(0.0, values[i]));
        }
        RealMatrix v = e.getV();
        return v.multiply(MatrixUtils.createRealDiagonalMatrix(roots)).multiply(v.transpose()).getData();
    }

    /**
     * Pearson correlation of the entries of two equally sized matrices, each minus its mean; the one
     * implementation shared with the features-at-convergence relation, so that both diagnostics
     * measure agreement the same way.
     */
    public static double pearson(double[][] a, double[][] b) {
        return FeaturesAtConvergence.pearson(a, b);
    }

    /** The NFA correlation of a feature matrix {@code W^T W} with {@code sqrt(agop)}. */
    public static double correlation(double[][] featureMatrix, double[][] agop) {
        return pearson(featureMatrix, sqrtPsd(agop));
    }

    /**
     * The AGOP of {@code head} (the network from this layer's input to its outputs) over the rows of
     * {@code inputs} ({@code [N, d]}), by autograd: one backward pass per output of the summed
     * output over examples (examples do not interact, so this gives every per-example gradient).
     * The head is re-run per output because a backward pass frees the graph.
     */
    public static double[][] agop(UnaryOperator<NDArray> head, NDArray inputs) {
        long n = inputs.getShape().get(0);
        int outputs = -1;
        RealMatrix sum = null;
        for (int k = 0; outputs < 0 || k < outputs; k++) {
            NDArray h = inputs.duplicate();
            h.setRequiresGradient(true);
            double[][] grad;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = head.apply(h);
                if (outputs < 0) {
                    outputs = (int) (out.getShape().dimension() == 1 ? 1 : out.getShape().get(1));
                    sum = MatrixUtils.createRealMatrix((int) inputs.getShape().get(1), (int) inputs.getShape().get(1));
                }
                NDArray column = out.getShape().dimension() == 1 ? out : out.get(":, " + k);
                collector.backward(column.sum());
                grad = toRect(h.getGradient().toType(DataType.FLOAT64, false));
            }
            RealMatrix j = MatrixUtils.createRealMatrix(grad);
            sum = sum.add(j.transpose().multiply(j));
            h.close();
        }
        return sum.scalarMultiply(1.0 / n).getData();
    }

    static double[][] toMatrix(NDArray square) {
        return toRect(square);
    }

    static double[][] toRect(NDArray matrix) {
        int rows = (int) matrix.getShape().get(0);
        int cols = (int) matrix.getShape().get(1);
        double[] flat = matrix.toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, out[i], 0, cols);
        }
        return out;
    }
}
