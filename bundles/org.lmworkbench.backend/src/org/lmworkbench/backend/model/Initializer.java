package org.lmworkbench.backend.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Draws initial parameter values with a Java generator seeded from the run seed and the parameter's
 * name. libtorch's generator is avoided on purpose: Java draws are the same on CPU and GPU, for any
 * thread count, and do not depend on how many other tensors were drawn before, so adding a layer
 * does not change the others.
 */
public final class Initializer {

    private final NDManager manager;
    private final long seed;
    private final DataType dtype;

    /** An initializer for one {@link Model#init} call. */
    public Initializer(NDManager manager, long seed, DataType dtype) {
        this.manager = manager;
        this.seed = seed;
        this.dtype = dtype;
    }

    /** Adds a tensor of {@code shape} drawn from {@code N(0, std^2)} (zeros when std is 0). */
    public NDArray normal(ParameterSet into, ParameterInfo info, double std, Shape shape) {
        SplittableRandom random = new SplittableRandom(mix(seed, info.name()));
        int n = Math.toIntExact(shape.size());
        NDArray array;
        if (dtype == DataType.FLOAT64) {
            double[] v = new double[n];
            for (int i = 0; i < n && std != 0; i++) {
                v[i] = std * random.nextGaussian();
            }
            array = manager.create(v, shape);
        } else {
            float[] v = new float[n];
            for (int i = 0; i < n && std != 0; i++) {
                v[i] = (float) (std * random.nextGaussian());
            }
            array = manager.create(v, shape);
        }
        into.add(info, array);
        return array;
    }

    /** Adds a tensor of {@code shape} filled with {@code value} (layer-norm gains). */
    public NDArray constant(ParameterSet into, ParameterInfo info, double value, Shape shape) {
        NDArray array = manager.full(shape, (float) value, dtype);
        into.add(info, array);
        return array;
    }

    /** A 64-bit seed from the run seed and a name (SplitMix64 finaliser over both). */
    public static long mix(long seed, String name) {
        long z = seed * 0x9E3779B97F4A7C15L + name.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
