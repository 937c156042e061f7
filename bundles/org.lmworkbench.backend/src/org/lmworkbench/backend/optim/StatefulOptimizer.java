package org.lmworkbench.backend.optim;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.backend.model.ParameterSet;

/**
 * Bookkeeping shared by the optimizers: zero-initialised state slots per parameter, created eagerly
 * in the parameters' manager and updated in place by {@link FusedUpdates}, which allocates nothing
 * that outlives its call; and the per-tensor learning rates and weight-decay flags of a step.
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
    public final void step(ParameterSet params, List<NDArray> gradients, double lr) {
        List<String> names = params.names();
        if (gradients.size() != names.size()) {
            throw new IllegalArgumentException("expected " + names.size() + " gradients, got " + gradients.size());
        }
        updates++;
        List<NDArray> arrays = new ArrayList<>(names.size());
        double[] rates = new double[names.size()];
        boolean[] decay = new boolean[names.size()];
        for (int i = 0; i < rates.length; i++) {
            arrays.add(params.get(names.get(i)));
            rates[i] = lr * params.info(names.get(i)).lrMultiplier();
            decay[i] = params.info(names.get(i)).decay();
        }
        update(arrays, gradients, rates, decay);
    }

    /**
     * Updates every parameter in place.
     *
     * @param params parameters in model order
     * @param grads  their gradients
     * @param rates  learning rate of each (global rate times its multiplier)
     * @param decay  whether weight decay applies to each
     */
    abstract void update(List<NDArray> params, List<NDArray> grads, double[] rates, boolean[] decay);

    /** The arrays of state slot {@code slot} in parameter order. */
    final List<NDArray> slot(String slot) {
        List<NDArray> out = new ArrayList<>(slots.size());
        slots.values().forEach(s -> out.add(s.get(slot)));
        return out;
    }

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
