package org.lmworkbench.backend.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.train.Scalars;

/**
 * A zeroth-order optimizer ({@code zo_gd}, {@code zo_sgd}, {@code zo_gdm}, {@code zo_adam}): the
 * update rule of gradient descent, heavy ball or Adam applied to the two-point estimate of
 * {@link ZeroOrderEstimator} instead of the backpropagated gradient. The training step calls
 * {@link #estimate} in place of forward and backward, then {@link #step} as for any optimizer.
 * State, checkpoints and the update count are those of the wrapped rule; the update count also
 * selects the random directions, so resuming is exact.
 */
public final class ZeroOrderOptimizer implements Optimizer {

    private final StatefulOptimizer rule;
    private final ZeroOrderEstimator estimator;
    private Map<String, NDArray> pending;
    private double pendingNorm = Double.NaN;

    ZeroOrderOptimizer(StatefulOptimizer rule, ZeroOrderEstimator estimator) {
        this.rule = rule;
        this.estimator = estimator;
    }

    /** The estimator. */
    public ZeroOrderEstimator estimator() {
        return estimator;
    }

    /**
     * Estimates the gradient of the loss on {@code batch} for the next update, using forward passes
     * only, and returns the loss at the current parameters.
     */
    public double estimate(Model model, Loss loss, ParameterSet params, Batch batch) {
        ZeroOrderEstimator.Estimate e = estimator.estimate(
                p -> Scalars.value(loss.compute(model.forward(p, batch.x(), true), batch.y())), params, rule.updates());
        pending = e.gradient();
        pendingNorm = Double.NaN;
        return Scalars.value(loss.compute(model.forward(params, batch.x(), true), batch.y()));
    }

    /** Euclidean norm of the pending estimate. */
    public double estimateNorm() {
        if (pending == null) {
            return Double.NaN;
        }
        if (Double.isNaN(pendingNorm)) {
            double sum = 0;
            for (NDArray g : pending.values()) {
                sum += Scalars.value(g.square().sum());
            }
            pendingNorm = Math.sqrt(sum);
        }
        return pendingNorm;
    }

    /**
     * Applies the wrapped rule to the estimate of the last {@link #estimate} call.
     *
     * @throws IllegalStateException if no estimate is pending
     */
    @Override
    public void step(ParameterSet params, double lr, NDManager step) {
        if (pending == null) {
            throw new IllegalStateException("zeroth-order step without an estimate");
        }
        rule.stepWith(params, pending, lr, step);
        pending = null;
    }

    @Override
    public long updates() {
        return rule.updates();
    }

    @Override
    public Map<String, NDArray> state(String name) {
        return rule.state(name);
    }

    @Override
    public Map<String, NDArray> stateArrays() {
        return rule.stateArrays();
    }

    @Override
    public void restore(Map<String, NDArray> state, long updates) {
        rule.restore(state, updates);
    }
}
