package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scope for the temporaries of one prepare or compare step. DJL puts the result of an operation
 * in the manager of its input, so without this every intermediate {@code n x n} matrix of every
 * layer (RBF kernels, distances, masks) would live until the command ends: gigabytes for a layer
 * matrix at n = 4096. The inputs are temporarily attached to a sub-manager, so every temporary
 * lands there and is freed on {@link #close()}; results to keep are {@link #keep kept}, and the
 * inputs return to their own manager.
 */
final class Scratch implements AutoCloseable {

    private final NDManager parent;
    private final NDManager sub;

    /** Opens a scope over {@code inputs} (nulls and repeats are ignored). */
    Scratch(NDArray... inputs) {
        Map<NDArray, Boolean> distinct = new IdentityHashMap<>();
        List<NDArray> arrays = new ArrayList<>();
        for (NDArray a : inputs) {
            if (a != null && distinct.put(a, Boolean.TRUE) == null) {
                arrays.add(a);
            }
        }
        parent = arrays.get(0).getManager();
        sub = parent.newSubManager();
        for (NDArray a : arrays) {
            a.tempAttach(sub);
        }
    }

    /** Runs {@code body} with its temporaries freed afterwards; for steps that only produce scalars. */
    static <T> T run(java.util.function.Supplier<T> body, NDArray... inputs) {
        Scratch scope = new Scratch(inputs);
        try {
            return body.get();
        } finally {
            scope.close();
        }
    }

    /** Moves {@code result} out of the scope, into the inputs' manager. */
    NDArray keep(NDArray result) {
        result.attach(parent);
        return result;
    }

    @Override
    public void close() {
        sub.close();
    }
}
