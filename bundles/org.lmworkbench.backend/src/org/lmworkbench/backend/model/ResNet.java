package org.lmworkbench.backend.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.spec.ModelSpec;

/**
 * Small pre-activation residual network: a 3x3 stem convolution to {@code channels} channels (stride
 * 2 for images of 16 pixels or more), {@code blocks} residual blocks
 * {@code h + conv2(act(conv1(act(h))))}, global average pooling and a dense readout. No batch norm,
 * so the Hessian is the same in training and evaluation mode. Captured layers {@code stem},
 * {@code block<i>}.
 */
public final class ResNet implements Model {

    private final long[] input;
    private final int outputs;
    private final ModelSpec spec;
    private final Parameterization scaling;
    private final List<String> layers = new ArrayList<>();
    private final int stemStride;

    /** A ResNet for images of shape {@code input = [channels, height, width]}. */
    public ResNet(long[] input, int outputs, ModelSpec spec, Parameterization scaling) {
        this.input = input.clone();
        this.outputs = outputs;
        this.spec = spec;
        this.scaling = scaling;
        this.stemStride = Math.min(input[1], input[2]) >= 16 ? 2 : 1;
        layers.add("stem");
        for (int b = 1; b <= spec.blocks(); b++) {
            layers.add("block" + b);
        }
    }

    @Override
    public String family() {
        return "resnet";
    }

    @Override
    public ParameterSet init(NDManager manager, long seed, DataType dtype) {
        ParameterSet p = new ParameterSet();
        Initializer init = new Initializer(manager, seed, dtype);
        int c = spec.channels();
        conv(p, init, "stem", ParameterInfo.Role.INPUT_WEIGHT, input[0], c);
        for (int b = 1; b <= spec.blocks(); b++) {
            conv(p, init, "block" + b + ".conv1", ParameterInfo.Role.HIDDEN_WEIGHT, c, c);
            conv(p, init, "block" + b + ".conv2", ParameterInfo.Role.HIDDEN_WEIGHT, c, c);
        }
        init.normal(p, scaling.info("output", "weight", ParameterInfo.Role.OUTPUT_WEIGHT),
                scaling.initStd(ParameterInfo.Role.OUTPUT_WEIGHT, c), new Shape(c, outputs));
        if (spec.bias()) {
            init.normal(p, scaling.info("output", "bias", ParameterInfo.Role.OUTPUT_BIAS), 0, new Shape(outputs));
        }
        return p;
    }

    private void conv(ParameterSet p, Initializer init, String layer, ParameterInfo.Role role, long in, int out) {
        init.normal(p, scaling.info(layer, "weight", role), scaling.initStd(role, in * 9), new Shape(out, in, 3, 3));
        if (spec.bias()) {
            init.normal(p, scaling.info(layer, "bias", ParameterInfo.Role.HIDDEN_VECTOR), 0, new Shape(out));
        }
    }

    @Override
    public NDArray forward(ParameterSet params, NDArray x, boolean train, ActivationSink sink) {
        long c = spec.channels();
        NDArray h = apply(params, "stem", x, ParameterInfo.Role.INPUT_WEIGHT, input[0] * 9, stemStride);
        sink.accept("stem", h);
        for (int b = 1; b <= spec.blocks(); b++) {
            NDArray r = apply(params, "block" + b + ".conv1", Activations.apply(spec.activation(), h),
                    ParameterInfo.Role.HIDDEN_WEIGHT, c * 9, 1);
            r = apply(params, "block" + b + ".conv2", Activations.apply(spec.activation(), r),
                    ParameterInfo.Role.HIDDEN_WEIGHT, c * 9, 1);
            h = h.add(r);
            sink.accept("block" + b, h);
        }
        NDArray pooled = Layers.globalAveragePool(Activations.apply(spec.activation(), h));
        return Readout.apply(pooled, params, scaling, spec, c);
    }

    private NDArray apply(ParameterSet params, String layer, NDArray x, ParameterInfo.Role role, long fanIn, int stride) {
        return Layers.conv(x, params.get(layer + ".weight"), spec.bias() ? params.get(layer + ".bias") : null,
                scaling.forwardMultiplier(role, fanIn), stride);
    }

    @Override
    public List<String> layerNames() {
        return List.copyOf(layers);
    }
}
