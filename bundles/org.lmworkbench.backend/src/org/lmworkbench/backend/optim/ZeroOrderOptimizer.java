package org.lmworkbench.backend.optim;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
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
 * {@link #estimate} in place of forward and backward and hands the estimate to {@link #step} as it
 * would a gradient.
 * State, checkpoints and the update count are those of the wrapped rule; the update count also
 * selects the random directions, so resuming is exact.
 */
public final class ZeroOrderOptimizer implements Optimizer {

    private final Optimizer rule;
    private final ZeroOrderEstimator estimator;

    ZeroOrderOptimizer(Optimizer rule, ZeroOrderEstimator estimator) {
        this.rule = rule;
        this.estimator = estimator;
    }

    /** The estimator. */
    public ZeroOrderEstimator estimator() {
        return estimator;
    }

    /**
     * Estimates the gradient of the loss on {@code batch} for the next update, using forward passes
     * only; the arrays belong to the manager the parameters are attached to (the step's).
     *
     * @return the loss at the current parameters and the estimate, one array per parameter in model order
     */
    public Estimate estimate(Model model, Loss loss, ParameterSet params, Batch batch) {
        ZeroOrderEstimator.Estimate e = estimator.estimate(
                p -> Scalars.value(loss.compute(model.forward(p, batch.x(), true), batch.y())), params, rule.updates());
        List<NDArray> gradient = new ArrayList<>(params.size());
        for (String name : params.names()) {
            gradient.add(e.gradient().get(name));
        }
        double value = Scalars.value(loss.compute(model.forward(params, batch.x(), true), batch.y()));
        return new Estimate(value, List.copyOf(gradient));
    }

    /**
     * The result of {@link #estimate}.
     *
     * @param loss     the loss at the current parameters
     * @param gradient the estimated gradient in model order
     */
    public record Estimate(double loss, List<NDArray> gradient) {
    }

    /** Applies the wrapped rule to {@code gradients}, the estimate of {@link #estimate}. */
    @Override
    public void step(ParameterSet params, List<NDArray> gradients, double lr) {
        rule.step(params, gradients, lr);
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
