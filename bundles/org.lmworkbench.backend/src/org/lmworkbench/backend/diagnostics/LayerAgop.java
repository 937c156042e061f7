package org.lmworkbench.backend.diagnostics;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * AGOP of a functional {@link Model} w.r.t. the input of one of its dense layers, obtained without
 * changing the model's code.
 * <ul>
 * <li>First layer: the layer's input is the network input, so the gradients are taken w.r.t. x
 * (exact AGOP).</li>
 * <li>Deeper layers ({@code z = m h W + b}, W stored {@code [in, out]}): the bias {@code [out]} is
 * replaced by a per-example copy {@code [N, out]} (it broadcasts the same way), whose gradient is
 * {@code dF/dz} for every example; then {@code dF/dh = m (dF/dz) W^T}. The result is the AGOP up
 * to the constant {@code m^2} of the parameterization, which the NFA correlation does not see.
 * Layers without a bias cannot be probed this way.</li>
 * </ul>
 */
public final class LayerAgop {

    private LayerAgop() {
    }

    /** Exact AGOP w.r.t. the network input of {@code model} over the rows of {@code x} (flattened per example). */
    public static double[][] ofInput(Model model, ParameterSet params, NDArray x) {
        return NeuralFeatureAnsatz.agop(h -> model.forward(params, h.reshape(x.getShape()), true),
                x.reshape(x.getShape().get(0), -1));
    }

    /**
     * AGOP w.r.t. the input of the dense layer {@code layer} (parameters {@code layer.weight} and
     * {@code layer.bias}), up to the layer's forward multiplier squared.
     *
     * @throws IllegalArgumentException if the layer has no bias
     */
    public static double[][] viaBias(Model model, ParameterSet params, NDArray x, String layer) {
        String biasName = layer + ".bias";
        if (!params.names().contains(biasName)) {
            throw new IllegalArgumentException("layer " + layer + " has no bias, which the AGOP probe needs");
        }
        NDArray weight = params.get(layer + ".weight");
        NDArray bias = params.get(biasName);
        long n = x.getShape().get(0);
        RealMatrix w = MatrixUtils.createRealMatrix(NeuralFeatureAnsatz.toRect(weight));
        RealMatrix sum = null;
        int outputs = -1;
        for (int k = 0; outputs < 0 || k < outputs; k++) {
            NDArray perExample = bias.broadcast(new Shape(n, bias.getShape().get(0))).duplicate();
            perExample.setRequiresGradient(true);
            ParameterSet probe = new ParameterSet();
            for (String name : params.names()) {
                probe.add(params.info(name), name.equals(biasName) ? perExample : params.get(name));
            }
            double[][] g;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray out = model.forward(probe, x, true);
                outputs = (int) out.getShape().get(1);
                collector.backward(out.get(":, " + k).sum());
                g = NeuralFeatureAnsatz.toRect(perExample.getGradient().toType(DataType.FLOAT64, false));
            }
            RealMatrix jh = MatrixUtils.createRealMatrix(g).multiply(w.transpose());
            RealMatrix term = jh.transpose().multiply(jh);
            sum = sum == null ? term : sum.add(term);
            perExample.close();
        }
        return sum.scalarMultiply(1.0 / n).getData();
    }
}
