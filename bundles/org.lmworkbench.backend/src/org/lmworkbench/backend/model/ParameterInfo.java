package org.lmworkbench.backend.model;

/**
 * What the optimizer and the analyses need to know about one parameter tensor besides its values.
 *
 * @param name         unique name, e.g. {@code hidden1.weight}; also the key in checkpoints
 * @param layer        layer the tensor belongs to, e.g. {@code hidden1} (weight norms are per layer)
 * @param role         where the tensor sits, which decides its muP scaling
 * @param lrMultiplier factor on the global learning rate (muP per-layer learning rates; 1 otherwise)
 * @param decay        whether weight decay applies (weights yes, biases and norm gains no)
 */
public record ParameterInfo(String name, String layer, Role role, double lrMultiplier, boolean decay) {

    /** Position of a tensor in the network, in the sense of muP's infinite/finite dimensions. */
    public enum Role {
        /** Input layer weight: fan-in fixed, fan-out grows with width. */
        INPUT_WEIGHT,
        /** Hidden weight: both dimensions grow with width. */
        HIDDEN_WEIGHT,
        /** Readout weight: fan-in grows with width, fan-out fixed. */
        OUTPUT_WEIGHT,
        /** Bias (or norm gain/shift, embedding row) of width-sized layers. */
        HIDDEN_VECTOR,
        /** Bias of the readout layer. */
        OUTPUT_BIAS
    }
}
