package org.lmworkbench.backend.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
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
 */
public final class StepRunner {

    private final Engine engine;
    private final Model model;
    private final Loss loss;
    private final ParameterSet params;
    private final Optimizer optimizer;

    /** A runner for {@code params} (which must require gradients). */
    public StepRunner(Engine engine, Model model, Loss loss, ParameterSet params, Optimizer optimizer) {
        this.engine = engine;
        this.model = model;
        this.loss = loss;
        this.params = params;
        this.optimizer = optimizer;
    }

    /** Forward and backward on {@code batch}; gradients are left in the parameters. Returns the batch loss. */
    public double forwardBackward(Batch batch) {
        if (optimizer instanceof ZeroOrderOptimizer zo) {
            // Forward passes only: the estimate waits in the optimizer for the update.
            return zo.estimate(model, loss, params, batch);
        }
        try (GradientCollector collector = engine.newGradientCollector()) {
            NDArray out = model.forward(params, batch.x(), true);
            NDArray value = loss.compute(out, batch.y());
            collector.backward(value);
            return Scalars.value(value);
        }
    }

    /** Euclidean norm of the gradient over all parameters (call before {@link #update}). */
    public double gradientNorm() {
        if (optimizer instanceof ZeroOrderOptimizer zo) {
            return zo.estimateNorm();
        }
        double sum = 0;
        for (NDArray p : params.arrays()) {
            sum += Scalars.value(p.getGradient().square().sum());
        }
        return Math.sqrt(sum);
    }

    /** Applies the optimizer with rate {@code lr}; temporaries go to {@code step}. */
    public void update(double lr, NDManager step) {
        optimizer.step(params, lr, step);
    }
}
