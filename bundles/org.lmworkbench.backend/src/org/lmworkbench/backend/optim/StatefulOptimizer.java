package org.lmworkbench.backend.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * Bookkeeping shared by the optimizers: zero-initialised state slots per parameter, created eagerly
 * in the parameters' manager so that every step can temporarily attach them to its own manager (then
 * arithmetic on them allocates there and is freed with the step, keeping memory flat).
 */
abstract class StatefulOptimizer implements Optimizer {

    /** State by parameter name, then slot. */
    protected final Map<String, Map<String, NDArray>> slots = new LinkedHashMap<>();
    /** Updates taken. */
    protected long updates;

    StatefulOptimizer(ParameterSet params, List<String> slotNames) {
        for (String name : params.names()) {
            Map<String, NDArray> s = new LinkedHashMap<>();
            for (String slot : slotNames) {
                NDArray zero = params.get(name).zerosLike();
                zero.setName(name + "/" + slot);
                s.put(slot, zero);
            }
            slots.put(name, s);
        }
    }

    @Override
    public final void step(ParameterSet params, double lr, NDManager step) {
        stepWith(params, null, lr, step);
    }

    /**
     * One update from {@code gradients} by parameter name, or, when null, from the parameters'
     * accumulated gradients (which are then zeroed).
     */
    final void stepWith(ParameterSet params, Map<String, NDArray> gradients, double lr, NDManager step) {
        NDList state = new NDList();
        // Attaching twice would make the step manager the "original" owner and free the state with it.
        slots.values().forEach(s -> s.values().stream().filter(a -> a.getManager() != step).forEach(state::add));
        step.tempAttachAll(state);
        updates++;
        for (String name : params.names()) {
            NDArray p = params.get(name);
            NDArray grad = gradients == null ? p.getGradient() : gradients.get(name);
            update(name, p, grad, lr * params.info(name).lrMultiplier(), params.info(name).decay(), slots.get(name));
            if (gradients == null) {
                // libtorch adds new gradients to old ones; zero them for the next step.
                grad.subi(grad);
            }
        }
    }

    /** Updates {@code p} in place from {@code grad}. */
    abstract void update(String name, NDArray p, NDArray grad, double lr, boolean decay, Map<String, NDArray> state);

    @Override
    public long updates() {
        return updates;
    }

    @Override
    public Map<String, NDArray> state(String name) {
        return Collections.unmodifiableMap(slots.getOrDefault(name, Map.of()));
    }

    @Override
    public Map<String, NDArray> stateArrays() {
        Map<String, NDArray> all = new LinkedHashMap<>();
        slots.forEach((name, s) -> s.forEach((slot, a) -> all.put(name + "/" + slot, a)));
        return all;
    }

    @Override
    public void restore(Map<String, NDArray> state, long updateCount) {
        for (Map.Entry<String, Map<String, NDArray>> e : slots.entrySet()) {
            for (Map.Entry<String, NDArray> s : e.getValue().entrySet()) {
                String key = e.getKey() + "/" + s.getKey();
                NDArray saved = state.get(key);
                if (saved == null || !saved.getShape().equals(s.getValue().getShape())) {
                    throw new IllegalArgumentException("checkpoint lacks optimizer state " + key + " of shape "
                            + s.getValue().getShape());
                }
                s.getValue().set(saved.toType(s.getValue().getDataType(), false).toByteBuffer());
            }
        }
        this.updates = updateCount;
    }
}
