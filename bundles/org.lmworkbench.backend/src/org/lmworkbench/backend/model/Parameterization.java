package org.lmworkbench.backend.model;

import org.lmworkbench.core.spec.ModelSpec;
import org.lmworkbench.core.spec.OptimizerSpec;

/**
 * Width scaling of initialisation, forward multipliers and per-layer learning rates.
 * <ul>
 * <li><b>SP</b>: weights {@code N(0, s^2/fan_in)}, no multipliers, one learning rate.</li>
 * <li><b>NTK</b>: weights {@code N(0, s^2)}, every weight multiplied by {@code 1/sqrt(fan_in)} in the
 * forward pass, one learning rate.</li>
 * <li><b>muP</b> (Yang et al. 2022, as implemented by microsoft/mup with {@code MuReadout}): with
 * {@code m = width / base_width}, weights {@code N(0, s^2/fan_in)}, the readout multiplied by
 * {@code 1/m}; learning rates: Adam divides the rate of hidden (matrix-like) weights by {@code m}
 * and leaves vector-like tensors (input weights, biases, readout) alone; SGD multiplies the rate of
 * vector-like tensors by {@code m} and leaves hidden weights alone. Attention uses {@code 1/d}
 * scaling (normalised to agree with {@code 1/sqrt(d)} at the base width).</li>
 * </ul>
 * At {@code width == base_width} muP coincides with SP, which is the point of the base width.
 * The output multiplier of the spec multiplies the network output in every parameterization.
 */
public final class Parameterization {

    private final ModelSpec.Parameterization kind;
    private final double initScale;
    private final double widthMultiplier;
    private final boolean adaptive;

    /**
     * @param kind      SP, NTK or muP
     * @param initScale multiplier {@code s} on every initial weight's standard deviation
     * @param width     the width that grows (hidden width, channels or embedding size)
     * @param baseWidth muP reference width
     * @param adaptive  true for Adam-like optimizers, whose muP learning-rate rule differs from SGD's
     */
    public Parameterization(ModelSpec.Parameterization kind, double initScale, int width, int baseWidth,
            boolean adaptive) {
        this.kind = kind;
        this.initScale = initScale;
        this.widthMultiplier = kind == ModelSpec.Parameterization.MUP ? (double) width / baseWidth : 1.0;
        this.adaptive = adaptive;
    }

    /** The parameterization of a spec, with {@code width} the dimension that grows in this family. */
    public static Parameterization of(ModelSpec model, OptimizerSpec optimizer, int width) {
        boolean adaptive = optimizer.name() == OptimizerSpec.Algorithm.ADAM
                || optimizer.name() == OptimizerSpec.Algorithm.ADAMW || optimizer.name() == OptimizerSpec.Algorithm.ZO_ADAM;
        return new Parameterization(model.parameterization(), model.initScale(), width, model.baseWidth(), adaptive);
    }

    /** {@code width / base_width} under muP, 1 otherwise. */
    public double widthMultiplier() {
        return widthMultiplier;
    }

    /** Standard deviation of the initial values of a weight with {@code fanIn} inputs; biases start at 0. */
    public double initStd(ParameterInfo.Role role, long fanIn) {
        return switch (role) {
            case HIDDEN_VECTOR, OUTPUT_BIAS -> 0.0;
            default -> kind == ModelSpec.Parameterization.NTK ? initScale : initScale / Math.sqrt(fanIn);
        };
    }

    /** Constant the weight is multiplied by in the forward pass. */
    public double forwardMultiplier(ParameterInfo.Role role, long fanIn) {
        if (kind == ModelSpec.Parameterization.NTK && isWeight(role)) {
            return 1.0 / Math.sqrt(fanIn);
        }
        if (kind == ModelSpec.Parameterization.MUP && role == ParameterInfo.Role.OUTPUT_WEIGHT) {
            return 1.0 / widthMultiplier;
        }
        return 1.0;
    }

    /** Factor on the global learning rate for a tensor in {@code role}. */
    public double lrMultiplier(ParameterInfo.Role role) {
        if (kind != ModelSpec.Parameterization.MUP) {
            return 1.0;
        }
        if (adaptive) {
            return role == ParameterInfo.Role.HIDDEN_WEIGHT ? 1.0 / widthMultiplier : 1.0;
        }
        return switch (role) {
            case INPUT_WEIGHT, HIDDEN_VECTOR, OUTPUT_WEIGHT -> widthMultiplier;
            case HIDDEN_WEIGHT, OUTPUT_BIAS -> 1.0;
        };
    }

    /** Scale of attention logits for heads of dimension {@code headDim}. */
    public double attentionScale(int headDim) {
        double sp = 1.0 / Math.sqrt(headDim);
        return kind == ModelSpec.Parameterization.MUP ? sp / Math.sqrt(widthMultiplier) : sp;
    }

    /** Metadata for a tensor in {@code role}. */
    public ParameterInfo info(String layer, String suffix, ParameterInfo.Role role) {
        return new ParameterInfo(layer + "." + suffix, layer, role, lrMultiplier(role), isWeight(role));
    }

    private static boolean isWeight(ParameterInfo.Role role) {
        return role == ParameterInfo.Role.INPUT_WEIGHT || role == ParameterInfo.Role.HIDDEN_WEIGHT
                || role == ParameterInfo.Role.OUTPUT_WEIGHT;
    }
}
