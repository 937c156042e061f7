package org.lmworkbench.backend.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.spec.ModelSpec;

/**
 * Small convolutional network: {@code depth} 3x3 convolutions of {@code channels} channels (the
 * second and later ones with stride 2 while the image is at least 8 pixels wide), global average
 * pooling and a dense readout. Parameters {@code conv<i>.weight [out, in, 3, 3]}, {@code .bias},
 * {@code output.weight/bias}; captured layers {@code conv<i>} (post-activation, NCHW).
 */
public final class Cnn implements Model {

    private final long[] input;
    private final int outputs;
    private final ModelSpec spec;
    private final Parameterization scaling;
    private final List<String> layers = new ArrayList<>();
    private final int[] strides;

    /** A CNN for images of shape {@code input = [channels, height, width]}. */
    public Cnn(long[] input, int outputs, ModelSpec spec, Parameterization scaling) {
        this.input = input.clone();
        this.outputs = outputs;
        this.spec = spec;
        this.scaling = scaling;
        this.strides = new int[spec.depth()];
        long size = Math.min(input[1], input[2]);
        for (int i = 0; i < spec.depth(); i++) {
            layers.add("conv" + (i + 1));
            strides[i] = i > 0 && size >= 8 ? 2 : 1;
            size = (size + strides[i] - 1) / strides[i];
        }
    }

    @Override
    public String family() {
        return "cnn";
    }

    @Override
    public ParameterSet init(NDManager manager, long seed, DataType dtype) {
        ParameterSet p = new ParameterSet();
        Initializer init = new Initializer(manager, seed, dtype);
        long in = input[0];
        int c = spec.channels();
        for (int i = 0; i < spec.depth(); i++) {
            ParameterInfo.Role role = i == 0 ? ParameterInfo.Role.INPUT_WEIGHT : ParameterInfo.Role.HIDDEN_WEIGHT;
            init.normal(p, scaling.info(layers.get(i), "weight", role), scaling.initStd(role, in * 9), new Shape(c, in, 3, 3));
            if (spec.bias()) {
                init.normal(p, scaling.info(layers.get(i), "bias", ParameterInfo.Role.HIDDEN_VECTOR), 0, new Shape(c));
            }
            in = c;
        }
        init.normal(p, scaling.info("output", "weight", ParameterInfo.Role.OUTPUT_WEIGHT),
                scaling.initStd(ParameterInfo.Role.OUTPUT_WEIGHT, c), new Shape(c, outputs));
        if (spec.bias()) {
            init.normal(p, scaling.info("output", "bias", ParameterInfo.Role.OUTPUT_BIAS), 0, new Shape(outputs));
        }
        return p;
    }

    @Override
    public NDArray forward(ParameterSet params, NDArray x, boolean train, ActivationSink sink) {
        NDArray h = x;
        long in = input[0];
        for (int i = 0; i < spec.depth(); i++) {
            ParameterInfo.Role role = i == 0 ? ParameterInfo.Role.INPUT_WEIGHT : ParameterInfo.Role.HIDDEN_WEIGHT;
            String layer = layers.get(i);
            h = Layers.conv(h, params.get(layer + ".weight"), spec.bias() ? params.get(layer + ".bias") : null,
                    scaling.forwardMultiplier(role, in * 9), strides[i]);
            h = Activations.apply(spec.activation(), h);
            sink.accept(layer, h);
            in = spec.channels();
        }
        NDArray pooled = Layers.globalAveragePool(h);
        return Readout.apply(pooled, params, scaling, spec, spec.channels());
    }

    @Override
    public List<String> layerNames() {
        return List.copyOf(layers);
    }
}
