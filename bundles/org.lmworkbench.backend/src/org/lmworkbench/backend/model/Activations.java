package org.lmworkbench.backend.model;

import ai.djl.ndarray.NDArray;
import org.lmworkbench.core.spec.ModelSpec;

/** The elementwise nonlinearities of specs, all twice differentiable in libtorch. */
public final class Activations {

    private Activations() {
    }

    /** Applies {@code activation} to {@code x}. */
    public static NDArray apply(ModelSpec.Activation activation, NDArray x) {
        return switch (activation) {
            case RELU -> ai.djl.nn.Activation.relu(x);
            case TANH -> x.tanh();
            case GELU -> ai.djl.nn.Activation.gelu(x);
            case SIGMOID -> ai.djl.nn.Activation.sigmoid(x);
            case LINEAR -> x;
        };
    }
}
