package org.lmworkbench.backend.optim;

import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.core.spec.OptimizerSpec;

/** Builds the optimizer of a spec. */
public final class Optimizers {

    private Optimizers() {
    }

    /** The optimizer {@code spec} describes, for {@code params}; zeroth-order directions from seed 0. */
    public static Optimizer create(OptimizerSpec spec, ParameterSet params) {
        return create(spec, params, 0);
    }

    /**
     * The optimizer {@code spec} describes, for {@code params}.
     *
     * @param seed the run seed, from which zeroth-order optimizers draw their directions
     */
    public static Optimizer create(OptimizerSpec spec, ParameterSet params, long seed) {
        return switch (spec.name()) {
            case GD, SGD -> new GradientDescent(params, spec.momentum(), spec.nesterov(), spec.weightDecay());
            case MOMENTUM -> new GradientDescent(params, spec.momentum(), spec.nesterov(), spec.weightDecay());
            case ADAM -> new Adam(params, spec.beta1(), spec.beta2(), spec.eps(), spec.weightDecay(), false);
            case ADAMW -> new Adam(params, spec.beta1(), spec.beta2(), spec.eps(), spec.weightDecay(), true);
            case ZO_GD, ZO_SGD -> zeroOrder(new GradientDescent(params, 0, false, spec.weightDecay()), spec, seed);
            case ZO_GDM -> zeroOrder(new GradientDescent(params, spec.momentum(), spec.nesterov(), spec.weightDecay()),
                    spec, seed);
            case ZO_ADAM -> zeroOrder(new Adam(params, spec.beta1(), spec.beta2(), spec.eps(), spec.weightDecay(), true),
                    spec, seed);
        };
    }

    private static Optimizer zeroOrder(Optimizer rule, OptimizerSpec spec, long seed) {
        // A seed of its own: the directions must not share a stream with data order or initialisation.
        return new ZeroOrderOptimizer(rule, new ZeroOrderEstimator(spec.zo(), seed ^ 0x5A45524FL));
    }

    /** The stability threshold at learning rate {@code lr} (the spec's formula with the scheduled rate). */
    public static double stabilityThreshold(OptimizerSpec spec, double lr) {
        return switch (spec.name()) {
            case GD, SGD -> spec.momentum() > 0 ? (2.0 + 2.0 * spec.momentum()) / lr : 2.0 / lr;
            case MOMENTUM -> (2.0 + 2.0 * spec.momentum()) / lr;
            case ADAM, ADAMW, ZO_GD, ZO_SGD, ZO_GDM, ZO_ADAM -> Double.NaN;
        };
    }
}
