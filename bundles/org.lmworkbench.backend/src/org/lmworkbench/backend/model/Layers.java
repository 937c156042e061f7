package org.lmworkbench.backend.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Functional building blocks shared by the model families. */
public final class Layers {

    private Layers() {
    }

    /** {@code multiplier * x W + b} with {@code W} stored {@code [fan_in, fan_out]}; {@code b} may be null. */
    public static NDArray dense(NDArray x, NDArray weight, NDArray bias, double multiplier) {
        NDArray y = StableScalars.times(x.matMul(weight), multiplier);
        return bias == null ? y : y.add(bias);
    }

    /** A same-padded 3x3 (or {@code k x k}) convolution, {@code weight [out, in, k, k]}, NCHW. */
    public static NDArray conv(NDArray x, NDArray weight, NDArray bias, double multiplier, int stride) {
        long k = weight.getShape().get(2);
        NDArray w = StableScalars.times(weight, multiplier);
        return x.getNDArrayInternal().convolution(x, w, bias, new Shape(stride, stride), new Shape(k / 2, k / 2),
                new Shape(1, 1), 1).singletonOrThrow();
    }

    /** Mean over the spatial axes of NCHW activations ({@code [n, c]}); PyTorch's mean takes one axis at a time here. */
    public static NDArray globalAveragePool(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), -1).mean(new int[] {2});
    }

    /** Layer normalisation over the last axis with gain and shift. */
    public static NDArray layerNorm(NDArray x, NDArray gain, NDArray shift) {
        return ai.djl.nn.norm.LayerNorm.layerNorm(x, new Shape(x.getShape().get(x.getShape().dimension() - 1)),
                gain, shift, 1e-5f).singletonOrThrow();
    }
}
