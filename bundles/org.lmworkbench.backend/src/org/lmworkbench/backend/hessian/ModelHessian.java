package org.lmworkbench.backend.hessian;

import ai.djl.ndarray.NDList;

import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * Builds Hessian products for the backend's models: the training objective
 * {@code loss(model.forward(params, x, train), y)} on a fixed batch, as a {@link HessianLoss}.
 *
 * <p>The graph of a kept product is differentiated many times after it was built; this is exact
 * because the backend's models and losses apply every constant with
 * {@link org.lmworkbench.backend.model.StableScalars} (never DJL's {@code mul(double)}, whose
 * saved constant a garbage collection can free in between).
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
            return loss.compute(model.forward(p, batch.x(), true), batch.y());
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
