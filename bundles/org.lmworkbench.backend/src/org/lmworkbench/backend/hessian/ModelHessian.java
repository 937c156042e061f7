package org.lmworkbench.backend.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * Builds Hessian products for the backend's models: the training objective
 * {@code loss(model.forward(params, x, train), y)} on a fixed batch, as a {@link HessianLoss}.
 *
 * <p>Known limitation: constants inside a model's forward pass (NTK and muP multipliers, output
 * multipliers other than 1, attention scale) are applied by the backend with {@code mul(double)},
 * which is unsafe under a kept graph (see {@link StableScalars}); products for such models are
 * then only as reliable as the garbage collector's timing, until the backend uses kept scalars.
 *
 * <p>The backend's models have no train/eval differences (no dropout, no batch norm), so the
 * Hessian is the same in both modes; it is taken in training mode, which is what the probe
 * records as {@code "mode": "train"}.
 */
public final class ModelHessian {

    /** The mode written next to every estimate. */
    public static final String MODE = "train";

    private ModelHessian() {
    }

    /**
     * @param model  the network
     * @param params the parameter set whose arrays are the Hessian's variables
     * @param loss   the training loss
     * @param batch  the fixed examples the Hessian is taken over
     * @return the loss as a function of the arrays of {@code params}
     */
    public static HessianLoss loss(Model model, ParameterSet params, Loss loss, Batch batch) {
        return (arrays, manager) -> {
            // withArrays only re-labels the very same leaf arrays, so the graph reaches them.
            ParameterSet p = params.withArrays(arrays);
            return objective(loss, model.forward(p, batch.x(), true), batch.y());
        };
    }

    /**
     * The backend's {@link Loss} recomputed with {@link StableScalars}, because
     * {@code Loss.compute} scales by {@code mul(double)}, whose saved constant DJL frees too early
     * for a gradient graph that is kept and differentiated many times. Same definitions: MSE is
     * {@code 0.5 sum (f - y)^2 / n}, cross-entropy {@code -sum y log softmax(f) / n}.
     *
     * @param loss   which loss
     * @param output network output {@code [n, outputs]}
     * @param target targets {@code [n, outputs]}
     * @return the scalar loss
     */
    static NDArray objective(Loss loss, NDArray output, NDArray target) {
        long n = output.getShape().get(0);
        return switch (loss) {
            case MSE -> {
                NDArray diff = output.sub(target);
                yield StableScalars.times(diff.mul(diff).sum(), 0.5 / n);
            }
            case CROSS_ENTROPY -> StableScalars.times(output.logSoftmax(1).mul(target).sum(), -1.0 / n);
        };
    }

    /**
     * @param model  the network
     * @param params current parameters (leaves)
     * @param loss   the training loss
     * @param batch  fixed examples
     * @param mode   product mode
     * @return a Hessian-vector product over {@code params}; close it before the parameters change
     */
    public static HessianVectorProduct product(Model model, ParameterSet params, Loss loss, Batch batch,
            HessianVectorProduct.Mode mode) {
        NDList inputs = new NDList(batch.x(), batch.y());
        return new HessianVectorProduct(params.arrays(), inputs, loss(model, params, loss, batch), mode);
    }
}
