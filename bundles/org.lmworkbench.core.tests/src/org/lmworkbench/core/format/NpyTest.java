package org.lmworkbench.core.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.spec.Fixtures;

/**
 * The .npy reader and writer against files written by numpy 2.4 itself
 * ({@code resources/numpy/make_fixtures.py}), so byte order, Fortran order and header layout are
 * numpy's, not our own writer's idea of them.
 */
class NpyTest {

    private static final double[] MATRIX = {1.5, -2.25, 3.0, 4.0, 5.5, -6.125};

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        return Fixtures.copy("numpy/" + name, dir);
    }

    private NpyArray read(String name) throws IOException {
        return Npy.read(fixture(name));
    }

    private static byte[] bytes(String name) throws IOException {
        try (var in = Fixtures.open("numpy/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void littleEndianFloat32InCOrder() throws IOException {
        NpyArray a = read("f4-le.npy");
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertEquals(NpyType.FLOAT32, a.type());
        assertArrayEquals(MATRIX, a.toDoubles());
        assertEquals(-6.125, a.get(1, 2));
        assertEquals("(2, 3)", a.shapeText());
        assertEquals(dir.resolve("f4-le.npy").toString(), a.source());
    }

    @Test
    void bigEndianFortranFloat64IsReorderedToC() throws IOException {
        NpyArray a = read("f8-be-fortran.npy");
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertEquals(NpyType.FLOAT64, a.type());
        assertArrayEquals(MATRIX, a.toDoubles());
        assertEquals(NpyArray.of(MATRIX, 2, 3), a, "converted to the little-endian C layout numpy saves by default");
    }

    @Test
    void integersOfBothByteOrdersAndRank3Fortran() throws IOException {
        assertArrayEquals(new double[] {1, -2, 3, -2147483648.0}, read("i4-be.npy").toDoubles());
        NpyArray cube = read("i8-le-fortran-3d.npy");
        assertArrayEquals(new long[] {2, 3, 4}, cube.shape());
        double[] expected = new double[24];
        Arrays.setAll(expected, i -> i - 5);
        assertArrayEquals(expected, cube.toDoubles());
        assertEquals(1 * 12 + 2 * 4 + 3 - 5, cube.get(1, 2, 3));
    }

    @Test
    void everyElementType() throws IOException {
        assertArrayEquals(new double[] {-128, 0, 127}, read("i1.npy").toDoubles());
        assertArrayEquals(new double[] {-32768, 1, 32767}, read("i2-be.npy").toDoubles());
        assertArrayEquals(new double[] {0, 255, 7}, read("u1.npy").toDoubles());
        assertArrayEquals(new double[] {0, 65535, 7}, read("u2-be.npy").toDoubles());
        assertArrayEquals(new double[] {0, 4294967295.0, 7}, read("u4.npy").toDoubles());
        assertArrayEquals(new double[] {18446744073709551615.0, 5}, read("u8.npy").toDoubles());
        assertArrayEquals(new double[] {0.5, -1.0, 65504.0}, read("f2.npy").toDoubles());
        NpyArray bool = read("bool.npy");
        assertEquals(NpyType.BOOL, bool.type());
        assertArrayEquals(new double[] {1, 0, 1}, bool.toDoubles());
    }

    @Test
    void headerVersionsScalarsAndEmptyArrays() throws IOException {
        assertArrayEquals(new double[] {0.1, 0.2}, read("v2.npy").toDoubles());
        assertArrayEquals(new double[] {0.1, 0.2}, read("v3.npy").toDoubles());
        NpyArray scalar = read("scalar.npy");
        assertEquals(0, scalar.rank());
        assertArrayEquals(new double[] {7.0}, scalar.toDoubles());
        NpyArray empty = read("empty.npy");
        assertArrayEquals(new long[] {0, 3}, empty.shape());
        assertEquals(0, empty.size());
    }

    @Test
    void writesTheBytesNumpySaveWrites() throws IOException {
        assertArrayEquals(bytes("save-f8-2d.npy"), Npy.encode(NpyArray.of(MATRIX, 2, 3)));
        assertArrayEquals(bytes("save-f4-1d.npy"), Npy.encode(NpyArray.of(new float[] {0.25f, -1f, 3.5f})));
        assertArrayEquals(bytes("save-i8-scalar.npy"), Npy.encode(NpyArray.of(new long[] {7})));
        assertArrayEquals(bytes("save-bool.npy"), Npy.encode(NpyArray.of(NpyType.BOOL, new long[] {2},
                new byte[] {1, 0})));
        byte[] counting = new byte[12];
        for (int i = 0; i < counting.length; i++) {
            counting[i] = (byte) i;
        }
        assertArrayEquals(bytes("save-u1-3d.npy"), Npy.encode(NpyArray.of(NpyType.UINT8, new long[] {2, 2, 3},
                counting)));
        assertArrayEquals(bytes("save-f8-empty.npy"), Npy.encode(NpyArray.of(new double[0], 0)));
        assertArrayEquals(bytes("save-i4-wide.npy"), Npy.encode(NpyArray.of(new int[] {0, 1, 2}, 1, 3)));
    }

    @Test
    void readsBackWhatItWrites() throws IOException {
        NpyArray a = NpyArray.of(new double[] {Double.NaN, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE}, 2, 2);
        NpyArray b = Npy.decode(Npy.encode(a), "mem");
        assertEquals(a, b);
        assertEquals("mem", b.source());
    }

    @Test
    void unsupportedTypesAreNamedWithTheFile() throws IOException {
        Path complex = fixture("c8.npy");
        FileFormatException e = assertThrows(FileFormatException.class, () -> Npy.read(complex));
        assertEquals(complex, e.file());
        assertTrue(e.getMessage().startsWith(complex + ": unsupported dtype '<c8'"), e.getMessage());
        e = assertThrows(FileFormatException.class, () -> Npy.read(fixture("struct.npy")));
        assertTrue(e.getMessage().contains("struct.npy: structured dtype"), e.getMessage());
        e = assertThrows(FileFormatException.class, () -> Npy.read(fixture("unicode.npy")));
        assertTrue(e.getMessage().contains("unicode.npy: unsupported dtype '<U2'"), e.getMessage());
    }

    @Test
    void corruptFilesSayWhatIsWrong() throws IOException {
        Path text = Files.writeString(dir.resolve("t.npy"), "{\"not\": \"numpy\"}");
        FileFormatException e = assertThrows(FileFormatException.class, () -> Npy.read(text));
        assertTrue(e.getMessage().contains("t.npy: not a .npy file"), e.getMessage());

        byte[] whole = bytes("f4-le.npy");
        Path cut = Files.write(dir.resolve("cut.npy"), Arrays.copyOf(whole, whole.length - 3));
        e = assertThrows(FileFormatException.class, () -> Npy.read(cut));
        assertTrue(e.getMessage().contains("cut.npy: truncated .npy data: shape (2, 3) of f4 needs 24 bytes,"
                + " the file has 21"), e.getMessage());

        Path header = Files.write(dir.resolve("h.npy"), Arrays.copyOf(whole, 40));
        e = assertThrows(FileFormatException.class, () -> Npy.read(header));
        assertTrue(e.getMessage().contains("h.npy: truncated .npy header"), e.getMessage());

        byte[] v9 = whole.clone();
        v9[6] = 9;
        Path version = Files.write(dir.resolve("v9.npy"), v9);
        e = assertThrows(FileFormatException.class, () -> Npy.read(version));
        assertTrue(e.getMessage().contains("v9.npy: unsupported .npy format version 9.0"), e.getMessage());
    }
}
