package org.lmworkbench.backend.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * A hand-written optimizer that updates the parameters in place, outside the gradient collector
 * (libtorch forbids in-place updates of leaves while gradients are recorded), from gradients it is
 * handed rather than from the parameters' {@code .grad} fields, so nothing has to be zeroed between
 * steps. Per-parameter learning-rate multipliers
 * ({@link org.lmworkbench.backend.model.ParameterInfo#lrMultiplier}) implement muP.
 */
public interface Optimizer {

    /**
     * One update with global learning rate {@code lr}.
     *
     * @param gradients the gradient of each parameter, in {@code params}' order; not modified
     * @throws IllegalArgumentException if there is not one gradient per parameter
     */
    void step(ParameterSet params, List<NDArray> gradients, double lr);

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
