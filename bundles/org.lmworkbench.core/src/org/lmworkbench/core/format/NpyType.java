package org.lmworkbench.core.format;

import java.nio.ByteBuffer;

/**
 * The element types of {@code .npy} arrays that the product reads and writes: booleans, signed and
 * unsigned integers of 1-8 bytes and floats of 2, 4 and 8 bytes. numpy spells them {@code b1},
 * {@code i4}, {@code u1}, {@code f8} ... after a byte-order character.
 */
public enum NpyType {
    /** bool. */
    BOOL('b', 1),
    /** int8. */
    INT8('i', 1),
    /** uint8. */
    UINT8('u', 1),
    /** int16. */
    INT16('i', 2),
    /** uint16. */
    UINT16('u', 2),
    /** int32. */
    INT32('i', 4),
    /** uint32. */
    UINT32('u', 4),
    /** int64. */
    INT64('i', 8),
    /** uint64. */
    UINT64('u', 8),
    /** float16. */
    FLOAT16('f', 2),
    /** float32. */
    FLOAT32('f', 4),
    /** float64. */
    FLOAT64('f', 8);

    private final char kind;
    private final int width;

    NpyType(char kind, int width) {
        this.kind = kind;
        this.width = width;
    }

    /** numpy's type code without byte order, e.g. {@code f4}. */
    public String code() {
        return kind + Integer.toString(width);
    }

    /** Bytes per element. */
    public int width() {
        return width;
    }

    /** True for float16/32/64. */
    public boolean isFloatingPoint() {
        return kind == 'f';
    }

    /** The {@code descr} numpy writes for little-endian data: {@code <f8}, or {@code |u1} for single bytes. */
    public String littleEndianDescr() {
        return (width == 1 ? "|" : "<") + code();
    }

    /**
     * The type of a numpy kind letter and width, e.g. {@code ('f', 4)}.
     *
     * @return the type, or null if it is not one of these
     */
    public static NpyType of(char kind, int width) {
        for (NpyType t : values()) {
            if (t.kind == kind && t.width == width) {
                return t;
            }
        }
        return null;
    }

    /** Element {@code index} of little-endian data as a double (int64 beyond 2^53 rounds). */
    double read(ByteBuffer littleEndian, int index) {
        int at = index * width;
        return switch (this) {
            case BOOL -> littleEndian.get(at) != 0 ? 1 : 0;
            case INT8 -> littleEndian.get(at);
            case UINT8 -> littleEndian.get(at) & 0xff;
            case INT16 -> littleEndian.getShort(at);
            case UINT16 -> littleEndian.getShort(at) & 0xffff;
            case INT32 -> littleEndian.getInt(at);
            case UINT32 -> littleEndian.getInt(at) & 0xffffffffL;
            case INT64 -> littleEndian.getLong(at);
            case UINT64 -> unsigned(littleEndian.getLong(at));
            case FLOAT16 -> Float.float16ToFloat(littleEndian.getShort(at));
            case FLOAT32 -> littleEndian.getFloat(at);
            case FLOAT64 -> littleEndian.getDouble(at);
        };
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
    }
}
