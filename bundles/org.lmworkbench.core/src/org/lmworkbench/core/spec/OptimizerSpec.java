package org.lmworkbench.core.spec;

/**
 * The optimizer ({@code "optimizer"} in a spec).
 *
 * @param name        algorithm
 * @param lr          peak learning rate
 * @param momentum    heavy-ball coefficient (default 0.9 for {@code momentum}, else 0)
 * @param nesterov    Nesterov variant of momentum
 * @param beta1       Adam first-moment decay
 * @param beta2       Adam second-moment decay
 * @param eps         Adam denominator guard
 * @param weightDecay decoupled (AdamW) or L2 (others) weight decay
 * @param schedule    learning-rate schedule
 */
public record OptimizerSpec(Algorithm name, double lr, double momentum, boolean nesterov, double beta1,
        double beta2, double eps, double weightDecay, ScheduleSpec schedule) {

    /** Optimization algorithm. */
    public enum Algorithm implements SpecEnum {
        /** Full-batch gradient descent. */
        GD,
        /** Minibatch stochastic gradient descent. */
        SGD,
        /** Heavy-ball momentum. */
        MOMENTUM,
        /** Adam. */
        ADAM,
        /** Adam with decoupled weight decay. */
        ADAMW
    }

    /**
     * The largest sharpness at which this optimizer is stable on a quadratic, 2/lr for GD, or NaN
     * when there is no such simple bound (adaptive methods).
     */
    public double stabilityThreshold() {
        return switch (name) {
            case GD, SGD -> 2.0 / lr;
            case MOMENTUM -> (2.0 + 2.0 * momentum) / lr;
            case ADAM, ADAMW -> Double.NaN;
        };
    }
}
