package org.lmworkbench.backend.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.spec.ModelSpec;

/**
 * Fully connected network {@code inputs -> width x depth -> outputs}; with the linear activation a
 * deep linear network. Inputs of any shape are flattened per example. Weights are stored
 * {@code [fan_in, fan_out]} so a layer is {@code x W} without a transpose; parameters are
 * {@code hidden<i>.weight/bias} and {@code output.weight/bias}, captured layers {@code hidden<i>}
 * (post-activation).
 */
public final class Mlp implements Model {

    private final int inputs;
    private final int outputs;
    private final int width;
    private final int depth;
    private final ModelSpec.Activation activation;
    private final boolean bias;
    private final double outputMultiplier;
    private final Parameterization scaling;
    private final List<String> layers = new ArrayList<>();

    /**
     * @param inputs  flattened input size
     * @param outputs output size
     */
    public Mlp(int inputs, int outputs, int width, int depth, ModelSpec.Activation activation, boolean bias,
            double outputMultiplier, Parameterization scaling) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.width = width;
        this.depth = depth;
        this.activation = activation;
        this.bias = bias;
        this.outputMultiplier = outputMultiplier;
        this.scaling = scaling;
        for (int i = 1; i <= depth; i++) {
            layers.add("hidden" + i);
        }
    }

    @Override
    public String family() {
        return "mlp";
    }

    @Override
    public ParameterSet init(NDManager manager, long seed, DataType dtype) {
        ParameterSet p = new ParameterSet();
        Initializer init = new Initializer(manager, seed, dtype);
        int fanIn = inputs;
        for (int i = 0; i < depth; i++) {
            ParameterInfo.Role role = i == 0 ? ParameterInfo.Role.INPUT_WEIGHT : ParameterInfo.Role.HIDDEN_WEIGHT;
            init.normal(p, scaling.info(layers.get(i), "weight", role), scaling.initStd(role, fanIn),
                    new Shape(fanIn, width));
            if (bias) {
                init.normal(p, scaling.info(layers.get(i), "bias", ParameterInfo.Role.HIDDEN_VECTOR), 0, new Shape(width));
            }
            fanIn = width;
        }
        init.normal(p, scaling.info("output", "weight", ParameterInfo.Role.OUTPUT_WEIGHT),
                scaling.initStd(ParameterInfo.Role.OUTPUT_WEIGHT, fanIn), new Shape(fanIn, outputs));
        if (bias) {
            init.normal(p, scaling.info("output", "bias", ParameterInfo.Role.OUTPUT_BIAS), 0, new Shape(outputs));
        }
        return p;
    }

    @Override
    public NDArray forward(ParameterSet params, NDArray x, boolean train, ActivationSink sink) {
        NDArray h = x.getShape().dimension() == 2 ? x : x.reshape(x.getShape().get(0), -1);
        long fanIn = inputs;
        for (int i = 0; i < depth; i++) {
            ParameterInfo.Role role = i == 0 ? ParameterInfo.Role.INPUT_WEIGHT : ParameterInfo.Role.HIDDEN_WEIGHT;
            h = Layers.dense(h, params.get(layers.get(i) + ".weight"),
                    bias ? params.get(layers.get(i) + ".bias") : null, scaling.forwardMultiplier(role, fanIn));
            h = Activations.apply(activation, h);
            sink.accept(layers.get(i), h);
            fanIn = width;
        }
        double readout = scaling.forwardMultiplier(ParameterInfo.Role.OUTPUT_WEIGHT, fanIn) * outputMultiplier;
        NDArray out = StableScalars.times(h.matMul(params.get("output.weight")), readout);
        // The bias is added after the multiplier so that it is not scaled with the readout (as in MuReadout's bias).
        return bias ? out.add(params.get("output.bias")) : out;
    }

    @Override
    public List<String> layerNames() {
        return List.copyOf(layers);
    }
}
