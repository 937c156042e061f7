package org.lmworkbench.backend.optim;

import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.core.spec.OptimizerSpec;

/** Builds the optimizer of a spec. */
public final class Optimizers {

    private Optimizers() {
    }

    /** The optimizer {@code spec} describes, for {@code params}. */
    public static Optimizer create(OptimizerSpec spec, ParameterSet params) {
        return switch (spec.name()) {
            case GD, SGD -> new GradientDescent(params, spec.momentum(), spec.nesterov(), spec.weightDecay());
            case MOMENTUM -> new GradientDescent(params, spec.momentum(), spec.nesterov(), spec.weightDecay());
            case ADAM -> new Adam(params, spec.beta1(), spec.beta2(), spec.eps(), spec.weightDecay(), false);
            case ADAMW -> new Adam(params, spec.beta1(), spec.beta2(), spec.eps(), spec.weightDecay(), true);
        };
    }

    /** The stability threshold at learning rate {@code lr} (the spec's formula with the scheduled rate). */
    public static double stabilityThreshold(OptimizerSpec spec, double lr) {
        return switch (spec.name()) {
            case GD, SGD -> spec.momentum() > 0 ? (2.0 + 2.0 * spec.momentum()) / lr : 2.0 / lr;
            case MOMENTUM -> (2.0 + 2.0 * spec.momentum()) / lr;
            case ADAM, ADAMW -> Double.NaN;
        };
    }
}
