package org.lmworkbench.backend.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.format.NpyType;
import org.lmworkbench.core.format.Npz;

/** numpy arrays to DJL and back bit for bit, .npz data files as datasets, and unusable files as data errors. */
class NpyArraysTest {

    @TempDir
    Path dir;

    @Test
    void djlArraysRoundTripBitForBit() {
        Engines.pytorch(1);
        try (NDManager m = NDManager.newBaseManager()) {
            double[] values = {1.5, -2, Math.PI, Double.MIN_VALUE, -0.0, 6};
            NDArray x = m.create(values).reshape(2, 3);
            NpyArray a = NpyArrays.of(x);
            assertArrayEquals(new long[] {2, 3}, a.shape());
            assertEquals(NpyType.FLOAT64, a.type());
            assertEquals(NpyArray.of(values, 2, 3), a);
            NDArray back = NpyArrays.toNDArray(a, m);
            assertEquals(DataType.FLOAT64, back.getDataType());
            assertArrayEquals(values, back.toDoubleArray());
            NDArray ints = NpyArrays.toNDArray(NpyArray.of(new long[] {3, -4}, 2), m);
            assertArrayEquals(new long[] {3, -4}, ints.toLongArray());
        }
    }

    @Test
    void unsignedTypesDjlLacksArriveAsFloat64Values() {
        Engines.pytorch(1);
        try (NDManager m = NDManager.newBaseManager()) {
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).putInt(7);
            NDArray x = NpyArrays.toNDArray(NpyArray.of(NpyType.UINT32, new long[] {2}, b.array()), m);
            assertArrayEquals(new double[] {4294967295.0, 7}, x.toDoubleArray());
        }
    }

    @Test
    void npzDataFilesAreDatasets() throws Exception {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NpyArray.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, 4, 2));
        arrays.put("y", NpyArray.of(new long[] {0, 1, 1, 0}, 4));
        Path file = Files.write(dir.resolve("d.npz"), Npz.encode(arrays));
        ArrayDataset[] parts = NpyData.readNpz(file, true);
        assertEquals(4, parts[0].size());
        assertEquals(2, parts[0].outputs());
        assertArrayEquals(new int[] {0, 1, 1, 0}, parts[0].labels());
        assertEquals(null, parts[1]);
    }

    @Test
    void unusableFilesAreDataErrorsNamingTheFile() throws Exception {
        byte[] whole = Npz.encode(Map.of("x", NpyArray.of(new double[] {1, 2}, 2)));
        Path cut = Files.write(dir.resolve("cut.npz"), Arrays.copyOf(whole, whole.length / 2));
        DataException e = assertThrows(DataException.class, () -> NpyArrays.readArchive(cut));
        assertTrue(e.getMessage().startsWith(cut + ": incomplete .npz archive"), e.getMessage());
        Path missing = dir.resolve("nothere.npy");
        assertEquals(missing + ": file not found",
                assertThrows(DataException.class, () -> NpyArrays.read(missing)).getMessage());
    }
}
