package org.lmworkbench.backend.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy/.npz code against hand-made numpy files, including the layouts DJL gets wrong. */
class NpyFormatTest {

    @TempDir
    Path dir;

    /** A .npy file as numpy writes it, with an arbitrary header dict. */
    static byte[] npy(String dict, byte[] data) {
        int total = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test
    void roundTripKeepsShapeTypeAndBits() {
        NpyArray a = NpyArray.of(new double[] {1.5, -2, Math.PI, 4, 5, 6}, 2, 3);
        byte[] bytes = NpyFormat.encode(a);
        assertEquals(0, (bytes.length - a.data().length) % 64, "header padded to 64 bytes");
        NpyArray b = NpyFormat.decode(bytes, "mem");
        assertArrayEquals(new long[] {2, 3}, b.shape());
        assertArrayEquals(a.toDoubles(), b.toDoubles());
        assertTrue(new String(bytes, StandardCharsets.US_ASCII).contains("'shape': (2, 3)"));
        NpyArray scalar = NpyFormat.decode(NpyFormat.encode(NpyArray.of(new long[] {7})), "s");
        assertEquals(7.0, scalar.toDoubles()[0]);
        assertTrue(new String(NpyFormat.encode(NpyArray.of(new double[] {1, 2}, 2)), StandardCharsets.US_ASCII)
                .contains("'shape': (2,)"));
    }

    @Test
    void bigEndianIsByteSwapped() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        b.putDouble(1.25).putDouble(-3);
        NpyArray a = NpyFormat.decode(npy("{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }", b.array()), "be");
        assertArrayEquals(new double[] {1.25, -3}, a.toDoubles());
    }

    @Test
    void fortranOrderIsReorderedToC() {
        // The 2x3 matrix [[1,2,3],[4,5,6]] stored column by column.
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : new int[] {1, 4, 2, 5, 3, 6}) {
            b.putInt(v);
        }
        NpyArray a = NpyFormat.decode(npy("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }", b.array()), "f");
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.toDoubles());
    }

    @Test
    void badFilesNameTheProblem() {
        DataException magic = assertThrows(DataException.class, () -> NpyFormat.decode(new byte[20], "x.npy"));
        assertTrue(magic.getMessage().startsWith("x.npy: not a .npy file"), magic.getMessage());
        DataException type = assertThrows(DataException.class,
                () -> NpyFormat.decode(npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new byte[16]), "c"));
        assertTrue(type.getMessage().contains("unsupported .npy dtype"), type.getMessage());
        DataException truncated = assertThrows(DataException.class,
                () -> NpyFormat.decode(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", new byte[8]), "t"));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    }

    @Test
    void npzRoundTripAndDataFiles() throws Exception {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NpyArray.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, 4, 2));
        arrays.put("y", NpyArray.of(new long[] {0, 1, 1, 0}, 4));
        Path file = dir.resolve("d.npz");
        Files.write(file, NpzArchive.encode(arrays));
        Map<String, NpyArray> back = NpzArchive.read(file);
        assertEquals(arrays.keySet(), back.keySet());
        assertArrayEquals(arrays.get("x").data(), back.get("x").data());
        ArrayDataset[] parts = NpyData.readNpz(file, true);
        assertEquals(4, parts[0].size());
        assertEquals(2, parts[0].outputs());
        assertArrayEquals(new int[] {0, 1, 1, 0}, parts[0].labels());
        assertEquals(null, parts[1]);
    }
}
