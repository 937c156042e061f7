package org.lmworkbench.backend.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.lmworkbench.core.format.FileFormatException;
import org.lmworkbench.core.format.Npy;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.format.NpyType;
import org.lmworkbench.core.format.Npz;

/**
 * numpy arrays (core's {@link NpyArray}, read and written by {@link Npy} and {@link Npz}) as DJL
 * arrays and back, and the backend's way of reading them: a file that cannot be used is a
 * {@link DataException} naming it, which the command line reports as invalid input.
 */
public final class NpyArrays {

    private NpyArrays() {
    }

    /**
     * The array as an NDArray in {@code manager}: bit for bit for the types DJL's PyTorch engine has,
     * as float64 values for unsigned 16-64 bit integers, which it has not.
     */
    public static NDArray toNDArray(NpyArray array, NDManager manager) {
        Shape shape = new Shape(array.shape());
        DataType type = djlType(array.type());
        if (type == null) {
            return manager.create(array.toDoubles(), shape);
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(array.data().length).order(ByteOrder.nativeOrder());
        buffer.put(array.buffer()).rewind();
        return manager.create(buffer, shape, type);
    }

    /** A copy of an NDArray's values. */
    public static NpyArray of(NDArray array) {
        NpyType type = npyType(array.getDataType());
        ByteBuffer b = array.toByteBuffer();
        byte[] bytes = new byte[b.remaining()];
        b.order(ByteOrder.LITTLE_ENDIAN).get(bytes);
        return NpyArray.of(type, array.getShape().getShape(), bytes);
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @throws DataException if it is missing, unreadable or not a usable array
     */
    public static NpyArray read(Path file) {
        try {
            return Npy.read(file);
        } catch (IOException e) {
            throw problem(file, e);
        }
    }

    /**
     * Reads every array of a {@code .npz} archive by name, in archive order.
     *
     * @throws DataException if it is missing, unreadable, incomplete or damaged
     */
    public static Map<String, NpyArray> readArchive(Path file) {
        try {
            return Npz.read(file);
        } catch (IOException e) {
            throw problem(file, e);
        }
    }

    private static DataException problem(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataException(file + ": file not found");
        }
        if (e instanceof FileFormatException) {
            return new DataException(e.getMessage(), e);
        }
        return new DataException(file + ": cannot read: " + e.getMessage(), e);
    }

    private static DataType djlType(NpyType type) {
        return switch (type) {
            case BOOL -> DataType.BOOLEAN;
            case INT8 -> DataType.INT8;
            case UINT8 -> DataType.UINT8;
            case INT16 -> DataType.INT16;
            case INT32 -> DataType.INT32;
            case INT64 -> DataType.INT64;
            case FLOAT16 -> DataType.FLOAT16;
            case FLOAT32 -> DataType.FLOAT32;
            case FLOAT64 -> DataType.FLOAT64;
            case UINT16, UINT32, UINT64 -> null;
        };
    }

    /** The numpy element type of a DJL type. */
    public static NpyType npyType(DataType type) {
        for (NpyType t : NpyType.values()) {
            if (djlType(t) == type) {
                return t;
            }
        }
        throw new IllegalArgumentException("no .npy type for " + type);
    }
}
