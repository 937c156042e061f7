package org.lmworkbench.backend.model;

import ai.djl.ndarray.NDArray;

/**
 * Receives hidden activations during a forward pass, by layer name (the names of
 * {@link Model#layerNames()}). Used for activation capture and the muP coordinate check; the
 * arrays belong to the forward pass, so a sink that keeps them must copy or detach them.
 */
@FunctionalInterface
public interface ActivationSink {

    /** A sink that ignores everything. */
    ActivationSink NONE = (layer, activation) -> { };

    /** Called once per named layer, in forward order. */
    void accept(String layer, NDArray activation);
}
