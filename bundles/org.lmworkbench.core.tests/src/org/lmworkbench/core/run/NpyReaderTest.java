package org.lmworkbench.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .npy reader against files written by numpy 2.4 itself ({@code np.save} /
 * {@code numpy.lib.format.write_array}; the bytes are kept here as base64), so byte order, Fortran
 * order and header layout are numpy's, not our own writer's idea of them.
 */
class NpyReaderTest {

    /** np.array([[1.5,-2.25,3.0],[4.0,5.5,-6.125]]).astype('<f4'). */
    static final String F4_LE = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAMA/AAAQwAAAQEAAAIBAAACwQAAAxMA=";
    /** The same matrix as np.asfortranarray(a.astype('>f8')). */
    static final String F8_BE_FORTRAN = "k05VTVBZAQB2AHsnZGVzY3InOiAnPmY4JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo/+AAAAAAAAEAQAAAAAAAAwAIAAAAAAABAFgAAAAAAAEAIAAAAAAAAwBiAAAAAAAA=";
    /** np.array([[1,-2],[3,-2147483648]], dtype='>i4'). */
    static final String I4_BE = "k05VTVBZAQB2AHsnZGVzY3InOiAnPmk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDIpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAB/////gAAAAOAAAAA";
    /** np.asfortranarray(np.arange(24, dtype='<i8').reshape(2,3,4) - 5). */
    static final String I8_LE_3D_FORTRAN = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMywgNCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAr7/////////wcAAAAAAAAA//////////8LAAAAAAAAAAMAAAAAAAAADwAAAAAAAAD8/////////wgAAAAAAAAAAAAAAAAAAAAMAAAAAAAAAAQAAAAAAAAAEAAAAAAAAAD9/////////wkAAAAAAAAAAQAAAAAAAAANAAAAAAAAAAUAAAAAAAAAEQAAAAAAAAD+/////////woAAAAAAAAAAgAAAAAAAAAOAAAAAAAAAAYAAAAAAAAAEgAAAAAAAAA=";
    /** np.array([0.1, 0.2]) written with format version 2.0. */
    static final String V2 = "k05VTVBZAgB0AAAAeydkZXNjcic6ICc8ZjgnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMiwpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAqamZmZmZm5P5qZmZmZmck/";
    /** np.array(7.0): shape (). */
    static final String SCALAR = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAcQA==";
    /** np.array([0.5, -1.0, 65504.0], dtype='<f2'). */
    static final String F2 = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGYyJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAOAC8/3s=";
    /** np.array([0, 255, 7], dtype='u1'). */
    static final String U1 = "k05VTVBZAQB2AHsnZGVzY3InOiAnfHUxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoA/wc=";
    /** np.array([2**64 - 1, 5], dtype='<u8'). */
    static final String U8 = "k05VTVBZAQB2AHsnZGVzY3InOiAnPHU4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAr//////////wUAAAAAAAAA";
    /** np.array([True, False, True]). */
    static final String BOOL = "k05VTVBZAQB2AHsnZGVzY3InOiAnfGIxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAE=";
    /** np.array([1+2j], dtype='<c8'). */
    static final String C8 = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGM4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDEsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAIA/AAAAQA==";
    /** np.zeros(2, dtype=[('x','<f4'),('y','<i4')]). */
    static final String STRUCT = "k05VTVBZAQB2AHsnZGVzY3InOiBbKCd4JywgJzxmNCcpLCAoJ3knLCAnPGk0JyldLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMiwpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAAAAAAAAAAAAAA";

    private static final double[] MATRIX = {1.5, -2.25, 3.0, 4.0, 5.5, -6.125};

    @TempDir
    Path dir;

    private Path file(String name, String base64) throws IOException {
        return Files.write(dir.resolve(name), Base64.getDecoder().decode(base64));
    }

    @Test
    void littleEndianFloat32InCOrder() throws IOException {
        NdArray a = NpyReader.read(file("a.npy", F4_LE));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertEquals("f4", a.dtype());
        assertArrayEquals(MATRIX, a.values());
        assertEquals(-6.125, a.get(1, 2));
        assertEquals("(2, 3)", a.shapeText());
        assertEquals(dir.resolve("a.npy").toString(), a.source());
    }

    @Test
    void bigEndianFortranFloat64IsReorderedToC() throws IOException {
        NdArray a = NpyReader.read(file("b.npy", F8_BE_FORTRAN));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertEquals("f8", a.dtype());
        assertArrayEquals(MATRIX, a.values());
    }

    @Test
    void integersOfBothByteOrdersAndRank3Fortran() throws IOException {
        assertArrayEquals(new double[] {1, -2, 3, -2147483648.0}, NpyReader.read(file("i4.npy", I4_BE)).values());
        NdArray cube = NpyReader.read(file("i8.npy", I8_LE_3D_FORTRAN));
        assertArrayEquals(new int[] {2, 3, 4}, cube.shape());
        double[] expected = new double[24];
        Arrays.setAll(expected, i -> i - 5);
        assertArrayEquals(expected, cube.values());
        assertEquals(1 * 12 + 2 * 4 + 3 - 5, cube.get(1, 2, 3));
    }

    @Test
    void otherFormatVersionsScalarsAndSmallTypes() throws IOException {
        assertArrayEquals(new double[] {0.1, 0.2}, NpyReader.read(file("v2.npy", V2)).values());
        NdArray scalar = NpyReader.read(file("s.npy", SCALAR));
        assertEquals(0, scalar.shape().length);
        assertArrayEquals(new double[] {7.0}, scalar.values());
        assertArrayEquals(new double[] {0.5, -1.0, 65504.0}, NpyReader.read(file("f2.npy", F2)).values());
        assertArrayEquals(new double[] {0, 255, 7}, NpyReader.read(file("u1.npy", U1)).values());
        assertArrayEquals(new double[] {1, 0, 1}, NpyReader.read(file("b.npy", BOOL)).values());
        assertArrayEquals(new double[] {18446744073709551615.0, 5}, NpyReader.read(file("u8.npy", U8)).values());
    }

    @Test
    void unsupportedTypesAreNamedWithTheFile() throws IOException {
        Path complex = file("c.npy", C8);
        RunFileException e = assertThrows(RunFileException.class, () -> NpyReader.read(complex));
        assertEquals(complex, e.file());
        assertTrue(e.getMessage().startsWith(complex + ": unsupported dtype '<c8'"), e.getMessage());
        Path struct = file("st.npy", STRUCT);
        e = assertThrows(RunFileException.class, () -> NpyReader.read(struct));
        assertTrue(e.getMessage().contains("st.npy: structured dtype"), e.getMessage());
    }

    @Test
    void corruptFilesSayWhatIsWrong() throws IOException {
        Path text = Files.writeString(dir.resolve("t.npy"), "{\"not\": \"numpy\"}");
        RunFileException e = assertThrows(RunFileException.class, () -> NpyReader.read(text));
        assertTrue(e.getMessage().contains("t.npy: not a .npy file"), e.getMessage());

        byte[] whole = Base64.getDecoder().decode(F4_LE);
        Path cut = Files.write(dir.resolve("cut.npy"), Arrays.copyOf(whole, whole.length - 3));
        e = assertThrows(RunFileException.class, () -> NpyReader.read(cut));
        assertTrue(e.getMessage().contains("cut.npy: truncated .npy data: shape (2, 3) of f4 needs 24 bytes,"
                + " the file has 21"), e.getMessage());

        Path header = Files.write(dir.resolve("h.npy"), Arrays.copyOf(whole, 40));
        e = assertThrows(RunFileException.class, () -> NpyReader.read(header));
        assertTrue(e.getMessage().contains("h.npy: truncated .npy header"), e.getMessage());

        byte[] v9 = whole.clone();
        v9[6] = 9;
        Path version = Files.write(dir.resolve("v9.npy"), v9);
        e = assertThrows(RunFileException.class, () -> NpyReader.read(version));
        assertTrue(e.getMessage().contains("v9.npy: unsupported .npy format version 9.0"), e.getMessage());
    }
}
