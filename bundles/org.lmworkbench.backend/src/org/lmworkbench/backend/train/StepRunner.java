package org.lmworkbench.backend.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import java.util.Collections;
import java.util.List;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.optim.Optimizer;
import org.lmworkbench.backend.optim.ZeroOrderOptimizer;

/**
 * One optimisation step split in the parts the loop needs in between: forward and backward inside
 * the gradient collector (returning the loss for the divergence check), the gradient norm, and the
 * update outside the collector. Shared by the training loop and the benchmark so that the benchmark
 * measures exactly what training does.
 * <p>
 * The pass runs on {@link ParameterSet#freshLeaves() fresh leaves} over the parameters' storage, so
 * libtorch hands each gradient over instead of adding it to the previous step's, and the
 * optimizer reads the gradients from here; the parameters' own {@code .grad} fields are not used.
 */
public final class StepRunner {

    private final Engine engine;
    private final Model model;
    private final Loss loss;
    private final ParameterSet params;
    private final Optimizer optimizer;
    private List<NDArray> gradients = List.of();

    /** A runner for {@code params}; {@code optimizer} may be null if {@link #update} is never called. */
    public StepRunner(Engine engine, Model model, Loss loss, ParameterSet params, Optimizer optimizer) {
        this.engine = engine;
        this.model = model;
        this.loss = loss;
        this.params = params;
        this.optimizer = optimizer;
    }

    /**
     * Forward and backward on {@code batch}; returns the batch loss. The gradient is kept for
     * {@link #gradients()}, {@link #gradientNorm()} and {@link #update}; its arrays belong to the
     * manager the parameters are attached to (the step's), like every other temporary of the pass.
     */
    public double forwardBackward(Batch batch) {
        if (optimizer instanceof ZeroOrderOptimizer zo) {
            // Forward passes only: the estimate stands in for the gradient.
            ZeroOrderOptimizer.Estimate e = zo.estimate(model, loss, params, batch);
            gradients = e.gradient();
            return e.loss();
        }
        ParameterSet leaves = params.freshLeaves();
        try (GradientCollector collector = engine.newGradientCollector()) {
            NDArray out = model.forward(leaves, batch.x(), true);
            NDArray value = loss.compute(out, batch.y());
            collector.backward(value);
            NDList grads = new NDList(leaves.size());
            for (NDArray leaf : leaves.arrays()) {
                grads.add(leaf.getGradient());
            }
            gradients = Collections.unmodifiableList(grads);
            return Scalars.value(value);
        }
    }

    /** The gradient of the last {@link #forwardBackward}, one array per parameter in model order. */
    public List<NDArray> gradients() {
        return gradients;
    }

    /** Euclidean norm of the last gradient over all parameters. */
    public double gradientNorm() {
        double sum = 0;
        for (NDArray g : gradients) {
            sum += Scalars.value(g.square().sum());
        }
        return Math.sqrt(sum);
    }

    /** Applies the optimizer with rate {@code lr} to the last gradient. */
    public void update(double lr) {
        optimizer.step(params, gradients, lr);
    }
}
