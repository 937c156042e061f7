package org.lmworkbench.backend.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/**
 * A network as a pure function of explicit parameters: {@code f(params, x)}. Implementations keep
 * only hyper-parameters (sizes, activation, width multipliers), never tensors, so the same model can
 * be evaluated on training parameters, on a checkpoint, or on perturbed parameters inside a
 * Hessian-vector product, and every scaling constant (NTK's 1/sqrt(fan_in), muP's readout 1/m,
 * the output multiplier) is part of the function rather than the weights.
 */
public interface Model {

    /** Family name as in specs, e.g. {@code mlp}. */
    String family();

    /**
     * Fresh parameters drawn from the model's initialisation distribution. The values depend only on
     * {@code seed} (drawn with a Java generator, not libtorch's), so they are identical on every
     * device and thread count.
     */
    ParameterSet init(NDManager manager, long seed, DataType dtype);

    /**
     * The network output {@code [batch, outputs]} (logits for classification).
     *
     * @param x     inputs, {@code [batch, ...]} in the parameters' dtype (token ids as numbers for
     *              the transformer)
     * @param train training mode; none of the current models behaves differently, it is there for
     *              models with dropout or batch norm
     * @param sink  receives hidden activations by layer name
     */
    NDArray forward(ParameterSet params, NDArray x, boolean train, ActivationSink sink);

    /** Same as {@link #forward(ParameterSet, NDArray, boolean, ActivationSink)} without capture. */
    default NDArray forward(ParameterSet params, NDArray x, boolean train) {
        return forward(params, x, train, ActivationSink.NONE);
    }

    /** Names of the hidden layers whose activations can be captured, in forward order. */
    List<String> layerNames();
}
