package org.lmworkbench.backend.diagnostics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * The singular modes of a data set's input-output correlation {@code Sigma_yx = (1/n) sum_i y_i x_i^T
 * = sum_k s_k a_k b_k^T} and the projections {@code u_k = a_k^T F b_k} of a network's end-to-end map
 * {@code F} onto them: what Saxe, McClelland and Ganguli's sigmoidal trajectories predict for a deep
 * linear network ({@link org.lmworkbench.analysis.theory.deeplinear.SaxeModes}). {@code F} is read
 * off the network by a forward pass of the identity (minus the output at 0, so that biases drop
 * out), which is exact for a linear network and the linearisation at 0 otherwise. The prediction
 * assumes whitened inputs ({@code (1/n) sum_i x_i x_i^T = I}); {@link #inputWhiteness} says how far
 * the data is from that.
 */
public final class ModeProjections {

    private final double[] strengths;
    private final double[][] outputModes;
    private final double[][] inputModes;
    private final double inputWhiteness;

    private ModeProjections(double[] strengths, double[][] outputModes, double[][] inputModes, double whiteness) {
        this.strengths = strengths;
        this.outputModes = outputModes;
        this.inputModes = inputModes;
        this.inputWhiteness = whiteness;
    }

    /**
     * The top {@code count} modes of the correlation of {@code data} (inputs flattened per example).
     *
     * @throws IllegalArgumentException if {@code count} exceeds the rank the shapes allow
     */
    public static ModeProjections of(Batch data, int count) {
        // Correlations on the device: only the small d x d and k x d matrices come to the host.
        NDArray x = data.x().reshape(data.x().getShape().get(0), -1).toType(DataType.FLOAT64, false);
        NDArray y = data.y().toType(DataType.FLOAT64, false);
        double n = x.getShape().get(0);
        RealMatrix sigmaYx = MatrixUtils.createRealMatrix(NeuralFeatureAnsatz.toRect(y.transpose().matMul(x).div(n)));
        RealMatrix sigmaXx = MatrixUtils.createRealMatrix(NeuralFeatureAnsatz.toRect(x.transpose().matMul(x).div(n)));
        int rank = Math.min(sigmaYx.getRowDimension(), sigmaYx.getColumnDimension());
        if (count < 1 || count > rank) {
            throw new IllegalArgumentException("asked for " + count + " modes but the input-output correlation is "
                    + sigmaYx.getRowDimension() + "x" + sigmaYx.getColumnDimension() + " (at most " + rank + ")");
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(sigmaYx);
        double[] s = new double[count];
        double[][] a = new double[count][];
        double[][] b = new double[count][];
        for (int k = 0; k < count; k++) {
            s[k] = svd.getSingularValues()[k];
            a[k] = svd.getU().getColumn(k);
            b[k] = svd.getV().getColumn(k);
        }
        RealMatrix identity = MatrixUtils.createRealIdentityMatrix(sigmaXx.getRowDimension());
        double whiteness = sigmaXx.subtract(identity).getFrobeniusNorm() / identity.getFrobeniusNorm();
        return new ModeProjections(s, a, b, whiteness);
    }

    /** The strengths {@code s_k}, largest first. */
    public double[] strengths() {
        return strengths.clone();
    }

    /** {@code |Sigma_xx - I|_F / |I|_F}: 0 for whitened inputs, where the prediction is exact. */
    public double inputWhiteness() {
        return inputWhiteness;
    }

    /**
     * The end-to-end map {@code F} ({@code outputs x inputs}) of {@code model} at {@code params}.
     *
     * @param inputShape the shape of one example (without the batch axis)
     */
    public static double[][] endToEndMap(Model model, ParameterSet params, long[] inputShape, NDManager manager) {
        long inputs = 1;
        for (long d : inputShape) {
            inputs *= d;
        }
        DataType dtype = params.get(params.names().get(0)).getDataType();
        long[] batchShape = new long[inputShape.length + 1];
        batchShape[0] = inputs;
        System.arraycopy(inputShape, 0, batchShape, 1, inputShape.length);
        NDArray eye = manager.eye((int) inputs).toType(dtype, false).reshape(batchShape);
        batchShape[0] = 1;
        NDArray zero = manager.zeros(new ai.djl.ndarray.types.Shape(batchShape), dtype);
        NDArray map = model.forward(params, eye, false).sub(model.forward(params, zero, false));
        return NeuralFeatureAnsatz.toRect(map.transpose());
    }

    /** The projections {@code u_k = a_k^T F b_k} of an end-to-end map onto the modes. */
    public double[] project(double[][] map) {
        double[] u = new double[strengths.length];
        for (int k = 0; k < u.length; k++) {
            double s = 0;
            for (int o = 0; o < map.length; o++) {
                for (int i = 0; i < map[o].length; i++) {
                    s += outputModes[k][o] * map[o][i] * inputModes[k][i];
                }
            }
            u[k] = s;
        }
        return u;
    }
}
