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
 * @param zo          the gradient estimator of the zeroth-order algorithms (ignored by the others)
 */
public record OptimizerSpec(Algorithm name, double lr, double momentum, boolean nesterov, double beta1,
        double beta2, double eps, double weightDecay, ScheduleSpec schedule, ZeroOrder zo) {

    /** A first-order optimizer (the zeroth-order settings at their defaults). */
    public OptimizerSpec(Algorithm name, double lr, double momentum, boolean nesterov, double beta1,
            double beta2, double eps, double weightDecay, ScheduleSpec schedule) {
        this(name, lr, momentum, nesterov, beta1, beta2, eps, weightDecay, schedule, ZeroOrder.DEFAULT);
    }

    /**
     * The two-point gradient estimator {@code g = (1/n) sum_i [f(x + mu u_i) - f(x - mu u_i)] / (2 mu) u_i}
     * of the zeroth-order algorithms ({@code "optimizer.zo"} in a spec).
     *
     * @param directions   number {@code n} of random directions averaged per step
     * @param distribution how the directions are drawn
     * @param mu           smoothing radius of the finite difference
     */
    public record ZeroOrder(int directions, Distribution distribution, double mu) {

        /** One Gaussian direction, {@code mu = 1e-3}. */
        public static final ZeroOrder DEFAULT = new ZeroOrder(1, Distribution.GAUSSIAN, 1e-3);
    }

    /** Distribution of the random directions of a zeroth-order estimate. */
    public enum Distribution implements SpecEnum {
        /** Standard normal in every coordinate. */
        GAUSSIAN,
        /** Uniform on the sphere of radius {@code sqrt(d)}, {@code d} the parameter count. */
        SPHERE
    }

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
        ADAMW,
        /** Zeroth-order full-batch gradient descent (two-point estimator, forward passes only). */
        ZO_GD,
        /** Zeroth-order minibatch gradient descent. */
        ZO_SGD,
        /** Zeroth-order heavy-ball momentum. */
        ZO_GDM,
        /** Adam on zeroth-order gradient estimates. */
        ZO_ADAM;

        /** True for the algorithms that estimate the gradient from loss values only. */
        public boolean isZeroOrder() {
            return this == ZO_GD || this == ZO_SGD || this == ZO_GDM || this == ZO_ADAM;
        }

        /** True for the algorithms that always take the whole training set. */
        public boolean isFullBatch() {
            return this == GD || this == ZO_GD;
        }
    }

    /**
     * The largest sharpness at which this optimizer is stable on a quadratic, 2/lr for GD, or NaN
     * when there is no such simple bound (adaptive methods, and the zeroth-order methods, whose
     * mean-square threshold depends on the whole Hessian spectrum).
     */
    public double stabilityThreshold() {
        return switch (name) {
            case GD, SGD -> 2.0 / lr;
            case MOMENTUM -> (2.0 + 2.0 * momentum) / lr;
            case ADAM, ADAMW, ZO_GD, ZO_SGD, ZO_GDM, ZO_ADAM -> Double.NaN;
        };
    }
}
