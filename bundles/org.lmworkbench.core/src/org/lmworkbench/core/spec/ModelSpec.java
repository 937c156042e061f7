package org.lmworkbench.core.spec;

/**
 * The network to train ({@code "model"} in a spec). Fields that do not apply to the chosen family
 * (for example {@code heads} for an MLP) are still present with their defaults, so that every
 * resolved spec has the same shape.
 *
 * @param family            architecture family
 * @param width             hidden width of MLP layers (and of the transformer MLP block)
 * @param depth             number of hidden layers (blocks for transformers)
 * @param activation        nonlinearity; {@link Activation#LINEAR} gives a deep linear network
 * @param bias              whether layers have bias terms
 * @param parameterization  how initialisation and learning rates scale with width
 * @param baseWidth         reference width for muP multipliers
 * @param initScale         multiplier on the initial weights
 * @param outputMultiplier  multiplier on the network output (large values mean lazy training)
 * @param channels          convolution channels (cnn, resnet)
 * @param blocks            residual blocks (resnet)
 * @param heads             attention heads (transformer)
 * @param context           sequence length (transformer)
 * @param embedding         embedding dimension (transformer)
 */
public record ModelSpec(Family family, int width, int depth, Activation activation, boolean bias,
        Parameterization parameterization, int baseWidth, double initScale, double outputMultiplier,
        int channels, int blocks, int heads, int context, int embedding) {

    /** Architecture family. */
    public enum Family implements SpecEnum {
        /** Fully connected network. */
        MLP,
        /** Small convolutional network. */
        CNN,
        /** Small residual network. */
        RESNET,
        /** Small decoder-style transformer. */
        TRANSFORMER
    }

    /** Elementwise nonlinearity. */
    public enum Activation implements SpecEnum {
        /** max(0, x). */
        RELU,
        /** Hyperbolic tangent. */
        TANH,
        /** Gaussian error linear unit. */
        GELU,
        /** Identity: a deep linear network. */
        LINEAR,
        /** Logistic function. */
        SIGMOID
    }

    /** Width scaling of initialisation and per-layer learning rates. */
    public enum Parameterization implements SpecEnum {
        /** Standard parameterization. */
        SP,
        /** Neural tangent parameterization. */
        NTK,
        /** Maximal update parameterization, relative to {@code base_width}. */
        MUP
    }
}
