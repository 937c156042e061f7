package org.lmworkbench.backend.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * A hand-written optimizer working on NDArrays outside the gradient collector (libtorch forbids
 * in-place updates of leaves while gradients are recorded). It reads each parameter's accumulated
 * gradient, updates the parameter in place and zeroes the gradient (libtorch accumulates otherwise).
 * Per-parameter learning-rate multipliers ({@link org.lmworkbench.backend.model.ParameterInfo#lrMultiplier})
 * implement muP.
 */
public interface Optimizer {

    /**
     * One update with global learning rate {@code lr}.
     *
     * @param step a manager closed after the step; temporaries go there
     */
    void step(ParameterSet params, double lr, NDManager step);

    /** Number of updates taken (Adam's bias correction uses it). */
    long updates();

    /** The state of parameter {@code name} by slot (e.g. {@code momentum}, {@code m}, {@code v}); empty when stateless. */
    Map<String, NDArray> state(String name);

    /** Every state array keyed {@code <param>/<slot>}, for checkpoints. */
    Map<String, NDArray> stateArrays();

    /**
     * Restores state saved from {@link #stateArrays()} and the update count.
     *
     * @throws IllegalArgumentException if a slot is missing or has the wrong shape
     */
    void restore(Map<String, NDArray> state, long updates);
}
