package org.lmworkbench.backend.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An array read from or written to a {@code .npy} file: its shape, element type and raw
 * little-endian, C-order bytes (files in big-endian or Fortran order are converted when read).
 *
 * @param shape shape, empty for a scalar
 * @param type  element type
 * @param data  {@code size * type.bytes} bytes, little-endian, C order
 */
public record NpyArray(long[] shape, ElementType type, byte[] data) {

    /** Element types this backend reads and writes. */
    public enum ElementType {
        /** bool. */
        BOOL("b1", 1, DataType.BOOLEAN),
        /** uint8. */
        UINT8("u1", 1, DataType.UINT8),
        /** int8. */
        INT8("i1", 1, DataType.INT8),
        /** int16. */
        INT16("i2", 2, DataType.INT16),
        /** int32. */
        INT32("i4", 4, DataType.INT32),
        /** int64. */
        INT64("i8", 8, DataType.INT64),
        /** float32. */
        FLOAT32("f4", 4, DataType.FLOAT32),
        /** float64. */
        FLOAT64("f8", 8, DataType.FLOAT64);

        final String code;
        final int bytes;
        final DataType djl;

        ElementType(String code, int bytes, DataType djl) {
            this.code = code;
            this.bytes = bytes;
            this.djl = djl;
        }

        /** numpy's type code without byte order, e.g. {@code f4}. */
        public String code() {
            return code;
        }

        /** The type of a numpy code such as {@code f4}, or null if unsupported. */
        static ElementType ofCode(String code) {
            for (ElementType t : values()) {
                if (t.code.equals(code)) {
                    return t;
                }
            }
            return null;
        }

        /** The type for a DJL data type. */
        public static ElementType of(DataType type) {
            for (ElementType t : values()) {
                if (t.djl == type) {
                    return t;
                }
            }
            throw new IllegalArgumentException("no .npy type for " + type);
        }
    }

    /** Number of elements. */
    public long size() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The values as doubles (int64 beyond 2^53 loses precision, which data never needs). */
    public double[] toDoubles() {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[Math.toIntExact(size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (type) {
                case BOOL, UINT8 -> b.get() & 0xff;
                case INT8 -> b.get();
                case INT16 -> b.getShort();
                case INT32 -> b.getInt();
                case INT64 -> b.getLong();
                case FLOAT32 -> b.getFloat();
                case FLOAT64 -> b.getDouble();
            };
        }
        return v;
    }

    /** The array as an NDArray in {@code manager}, bit for bit. */
    public NDArray toNDArray(NDManager manager) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(data.length).order(ByteOrder.nativeOrder());
        buffer.put(data).rewind();
        return manager.create(buffer, new Shape(shape), type.djl);
    }

    /** A copy of an NDArray's values. */
    public static NpyArray of(NDArray array) {
        ElementType type = ElementType.of(array.getDataType());
        ByteBuffer b = array.toByteBuffer();
        byte[] bytes = new byte[b.remaining()];
        b.order(ByteOrder.LITTLE_ENDIAN).get(bytes);
        return new NpyArray(array.getShape().getShape(), type, bytes);
    }

    /** A float64 array. */
    public static NpyArray of(double[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return new NpyArray(shape, ElementType.FLOAT64, b.array());
    }

    /** An int64 array. */
    public static NpyArray of(long[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return new NpyArray(shape, ElementType.INT64, b.array());
    }
}
