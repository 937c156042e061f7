package org.lmworkbench.core.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A numeric array as numpy stores it in a {@code .npy} file, held as little-endian bytes in C
 * (row-major) order whatever the byte order and memory order of the file it came from. Reading
 * converts; writing always produces this layout, which is numpy's default.
 *
 * <p>Equality compares type, shape and bytes; the source is only a label for messages.
 *
 * @param source where the array came from (a file, or {@code file:array} inside an archive), named in
 *               messages about it; empty for arrays built in memory
 * @param type   the element type
 * @param shape  the dimensions; empty for a scalar
 * @param data   {@code size * type.width()} bytes, little-endian, C order
 */
public record NpyArray(String source, NpyType type, long[] shape, byte[] data) {

    /** Copies the arrays and checks that the shape and the number of bytes agree. */
    public NpyArray {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        shape = shape.clone();
        long size = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            size = Math.multiplyExact(size, d);
        }
        if (size * type.width() != data.length) {
            throw new IllegalArgumentException("shape " + shapeText(shape) + " of " + type.code() + " needs "
                    + size * type.width() + " bytes but " + data.length + " were given");
        }
    }

    /** An array built in memory from little-endian C-order bytes (which are not copied). */
    public static NpyArray of(NpyType type, long[] shape, byte[] data) {
        return new NpyArray("", type, shape, data);
    }

    /** A float64 array; without a shape, one value is a scalar and several are one dimension. */
    public static NpyArray of(double[] values, long... shape) {
        ByteBuffer b = buffer(values.length, 8);
        for (double v : values) {
            b.putDouble(v);
        }
        return new NpyArray("", NpyType.FLOAT64, orFlat(shape, values.length), b.array());
    }

    /** A float32 array; without a shape, one value is a scalar and several are one dimension. */
    public static NpyArray of(float[] values, long... shape) {
        ByteBuffer b = buffer(values.length, 4);
        for (float v : values) {
            b.putFloat(v);
        }
        return new NpyArray("", NpyType.FLOAT32, orFlat(shape, values.length), b.array());
    }

    /** An int64 array; without a shape, one value is a scalar and several are one dimension. */
    public static NpyArray of(long[] values, long... shape) {
        ByteBuffer b = buffer(values.length, 8);
        for (long v : values) {
            b.putLong(v);
        }
        return new NpyArray("", NpyType.INT64, orFlat(shape, values.length), b.array());
    }

    /** An int32 array; without a shape, one value is a scalar and several are one dimension. */
    public static NpyArray of(int[] values, long... shape) {
        ByteBuffer b = buffer(values.length, 4);
        for (int v : values) {
            b.putInt(v);
        }
        return new NpyArray("", NpyType.INT32, orFlat(shape, values.length), b.array());
    }

    private static ByteBuffer buffer(int count, int width) {
        return ByteBuffer.allocate(Math.multiplyExact(count, width)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long[] orFlat(long[] shape, int count) {
        return shape.length == 0 && count != 1 ? new long[] {count} : shape;
    }

    /** The same array labelled with another source. */
    public NpyArray withSource(String newSource) {
        return new NpyArray(newSource, type, shape, data);
    }

    /** The dimensions, as a fresh copy. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The bytes (little-endian, C order), as a fresh copy. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The bytes as a read-only little-endian buffer, without copying them. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The number of elements. */
    public long size() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The elements as doubles in C order (int64 beyond 2^53 rounds, which data never needs). */
    public double[] toDoubles() {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[Math.toIntExact(size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = type.read(b, i);
        }
        return values;
    }

    /** The element at a C-order multi-index, as a double. */
    public double get(long... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index of rank " + index.length + " for an array of rank " + shape.length);
        }
        long flat = 0;
        for (int k = 0; k < shape.length; k++) {
            if (index[k] < 0 || index[k] >= shape[k]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside shape "
                        + shapeText());
            }
            flat = flat * shape[k] + index[k];
        }
        return type.read(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN), Math.toIntExact(flat));
    }

    /** The shape as numpy prints it, e.g. {@code (256, 64)}, {@code (3,)} or {@code ()}. */
    public String shapeText() {
        return shapeText(shape);
    }

    static String shapeText(long[] shape) {
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
        return o instanceof NpyArray other && type == other.type && Arrays.equals(shape, other.shape)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "NpyArray[" + (source.isEmpty() ? "" : source + ", ") + type.code() + ", shape " + shapeText() + "]";
    }
}
