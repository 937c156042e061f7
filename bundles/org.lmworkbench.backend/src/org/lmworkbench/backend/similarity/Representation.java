package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * Activations of one layer on a fixed set of examples, as a float64 matrix {@code [n, p]}: any
 * leading shape {@code [n, d1, d2, ...]} is flattened per example. Creating one validates the
 * array (dtype, emptiness, finiteness), so every metric can assume clean input.
 *
 * @param label names the input in messages and results (a file path, {@code run:layer}, ...)
 * @param data  {@code [n, p]} float64, owned by the caller's manager
 */
public record Representation(String label, NDArray data) {

    /**
     * Validates and converts an array of activations.
     *
     * @throws SimilarityException for an unsupported dtype, an empty or scalar array, NaN or infinity
     */
    public static Representation of(String label, NDArray raw) {
        DataType type = raw.getDataType();
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64 && type != DataType.FLOAT16
                && type != DataType.BFLOAT16) {
            throw new SimilarityException(label + ": unsupported dtype " + type
                    + asNumpy(type) + "; similarity needs floating-point activations (float16, float32 or float64)");
        }
        long[] shape = raw.getShape().getShape();
        if (shape.length == 0) {
            throw new SimilarityException(label + ": a scalar is not a representation; expected [examples, features...]");
        }
        long n = shape[0];
        long p = 1;
        for (int i = 1; i < shape.length; i++) {
            p *= shape[i];
        }
        if (n == 0 || p == 0) {
            throw new SimilarityException(label + ": empty array (shape " + Arrays.toString(shape) + ")");
        }
        NDArray flat = raw.reshape(n, p);
        NDArray f64 = type == DataType.FLOAT64 ? flat : flat.toType(DataType.FLOAT64, false);
        InputChecks.requireFinite(label, f64);
        return new Representation(label, f64);
    }

    private static String asNumpy(DataType type) {
        String numpy = type.asNumpy();
        return numpy == null ? "" : " (numpy '" + numpy + "')";
    }

    /** Number of examples {@code n}. */
    public int examples() {
        return Math.toIntExact(data.getShape().get(0));
    }

    /** Number of features {@code p} after flattening. */
    public long features() {
        return data.getShape().get(1);
    }
}
