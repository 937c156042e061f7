package org.lmworkbench.backend.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The explicit, ordered set of parameter tensors a functional {@link Model} runs on. Models hold no
 * weights themselves: {@code loss(params)} is a pure function of the leaf arrays here, which is what
 * lets the Hessian code differentiate it twice and lets checkpoints round-trip exactly.
 * <p>
 * The order is fixed by the model (registration order) and is the order of flattened vectors.
 */
public final class ParameterSet {

    private final Map<String, NDArray> arrays = new LinkedHashMap<>();
    private final Map<String, ParameterInfo> infos = new LinkedHashMap<>();

    /** Adds a tensor; names must be unique. The array is named after the parameter. */
    public void add(ParameterInfo info, NDArray array) {
        Objects.requireNonNull(array, "array");
        if (arrays.containsKey(info.name())) {
            throw new IllegalArgumentException("duplicate parameter " + info.name());
        }
        array.setName(info.name());
        arrays.put(info.name(), array);
        infos.put(info.name(), info);
    }

    /** Parameter names in model order. */
    public List<String> names() {
        return List.copyOf(arrays.keySet());
    }

    /** The tensor called {@code name}. */
    public NDArray get(String name) {
        NDArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalArgumentException("no parameter " + name + "; have " + arrays.keySet());
        }
        return array;
    }

    /** Metadata of {@code name}. */
    public ParameterInfo info(String name) {
        get(name);
        return infos.get(name);
    }

    /** All tensors in model order (a new list of the same arrays). */
    public NDList arrays() {
        return new NDList(arrays.values());
    }

    /** Name to tensor, in model order (read-only view). */
    public Map<String, NDArray> asMap() {
        return Collections.unmodifiableMap(arrays);
    }

    /** Number of tensors. */
    public int size() {
        return arrays.size();
    }

    /** Total number of scalar parameters. */
    public long elementCount() {
        long n = 0;
        for (NDArray a : arrays.values()) {
            n += a.size();
        }
        return n;
    }

    /** Marks every tensor as a leaf that collects gradients. */
    public void requireGradients() {
        arrays.values().forEach(a -> a.setRequiresGradient(true));
    }

    /**
     * New autograd leaves over the same storage: same names, infos and order, each requiring
     * gradients and holding none. A forward and backward pass on them leaves exactly that pass's
     * gradient in their {@code getGradient()}, which libtorch then hands over without accumulating
     * it into older gradients (nothing to zero afterwards, no extra pass over the parameters), and
     * in-place updates of this set after the backward are in their storage too. They belong to the
     * managers of this set's arrays (the step's, when those are temporarily attached to it).
     */
    public ParameterSet freshLeaves() {
        ParameterSet leaves = new ParameterSet();
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray leaf = JniUtils.detachGradient((PtNDArray) e.getValue());
            leaf.setRequiresGradient(true);
            leaves.add(infos.get(e.getKey()), leaf);
        }
        return leaves;
    }

    /**
     * A deep copy in {@code manager}: same names, infos and values, no gradient tracking. Used for the
     * initial weights (relative change), checkpoints and by probes that perturb parameters.
     */
    public ParameterSet copy(NDManager manager) {
        ParameterSet copy = new ParameterSet();
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray dup = e.getValue().duplicate();
            dup.attach(manager);
            copy.add(infos.get(e.getKey()), dup);
        }
        return copy;
    }

    /** A set with the same names and infos over other arrays (for example {@code p + t v}), in model order. */
    public ParameterSet withArrays(List<NDArray> replacement) {
        if (replacement.size() != arrays.size()) {
            throw new IllegalArgumentException("expected " + arrays.size() + " arrays, got " + replacement.size());
        }
        ParameterSet result = new ParameterSet();
        List<String> names = new ArrayList<>(arrays.keySet());
        for (int i = 0; i < names.size(); i++) {
            NDArray r = replacement.get(i);
            if (!r.getShape().equals(arrays.get(names.get(i)).getShape())) {
                throw new IllegalArgumentException("shape of " + names.get(i) + " is " + arrays.get(names.get(i)).getShape()
                        + ", not " + r.getShape());
            }
            result.add(infos.get(names.get(i)), r);
        }
        return result;
    }

    /** All values concatenated in model order as doubles (for Lanczos vectors and tests). */
    public double[] toFlatDoubles() {
        double[] flat = new double[Math.toIntExact(elementCount())];
        int offset = 0;
        for (NDArray a : arrays.values()) {
            double[] values = a.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
            System.arraycopy(values, 0, flat, offset, values.length);
            offset += values.length;
        }
        return flat;
    }
}
