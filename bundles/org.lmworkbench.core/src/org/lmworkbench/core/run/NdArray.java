package org.lmworkbench.core.run;

import java.util.Arrays;
import java.util.Objects;

/**
 * A numeric array read from a {@code .npy} file, widened to doubles and laid out in C (row-major)
 * order whatever the file's order and byte order were.
 *
 * @param source where it came from (a file path), named in messages about it
 * @param dtype  the numpy type code of the file without byte order, e.g. {@code f4}, {@code i8}
 * @param shape  the dimensions; empty for a scalar
 * @param values the elements in C order ({@code product(shape)} of them)
 */
public record NdArray(String source, String dtype, int[] shape, double[] values) {

    /** Checks that the shape and the number of values agree. */
    public NdArray {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(source + ": negative dimension in shape " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException(source + ": shape " + Arrays.toString(shape) + " holds " + size
                    + " elements but " + values.length + " values were given");
        }
    }

    /** The number of elements. */
    public int size() {
        return values.length;
    }

    /** The dimensions, as a fresh copy. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The element at a C-order multi-index. */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index of rank " + index.length + " for an array of rank " + shape.length);
        }
        int flat = 0;
        for (int k = 0; k < shape.length; k++) {
            if (index[k] < 0 || index[k] >= shape[k]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside shape "
                        + Arrays.toString(shape));
            }
            flat = flat * shape[k] + index[k];
        }
        return values[flat];
    }

    /** The shape as numpy prints it, e.g. {@code (256, 64)}. */
    public String shapeText() {
        return shapeText(shape);
    }

    static String shapeText(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder s = new StringBuilder("(");
        for (int k = 0; k < shape.length; k++) {
            s.append(k == 0 ? "" : ", ").append(shape[k]);
        }
        return s.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray other && source.equals(other.source) && dtype.equals(other.dtype)
                && Arrays.equals(shape, other.shape) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, dtype, Arrays.hashCode(shape), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "NdArray[" + source + ", " + dtype + ", shape " + shapeText() + "]";
    }
}
