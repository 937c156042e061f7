package org.lmworkbench.core.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.spec.Fixtures;

/**
 * .npz archives written by {@code numpy.savez} (stored) and {@code numpy.savez_compressed}
 * (deflated), and every way of cutting or damaging one: the reader either returns all arrays or
 * names the file, never a shorter set.
 */
class NpzTest {

    private static final double[] MATRIX = {1.5, -2.25, 3.0, 4.0, 5.5, -6.125};

    @TempDir
    Path dir;

    private static byte[] bytes(String name) throws IOException {
        try (var in = Fixtures.open("numpy/" + name)) {
            return in.readAllBytes();
        }
    }

    private void assertNumpyArrays(Map<String, NpyArray> arrays, Path file) {
        assertEquals(List.of("x", "y", "w"), List.copyOf(arrays.keySet()));
        assertEquals(NpyArray.of(MATRIX, 2, 3), arrays.get("x"));
        assertEquals(NpyArray.of(new long[] {0, 1}, 2), arrays.get("y"));
        NpyArray w = arrays.get("w");
        assertEquals(NpyType.FLOAT32, w.type());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, w.toDoubles(), "big-endian Fortran data reordered");
        assertEquals(file + ":w", w.source());
    }

    @Test
    void readsStoredAndCompressedArchivesOfNumpy() throws IOException {
        for (String name : new String[] {"stored.npz", "compressed.npz"}) {
            Path file = Fixtures.copy("numpy/" + name, dir);
            assertNumpyArrays(Npz.read(file), file);
        }
    }

    @Test
    void writesStoredEntriesThatAreNumpySaveFiles() throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NpyArray.of(MATRIX, 2, 3));
        arrays.put("meta/step", NpyArray.of(new long[] {7}));
        byte[] encoded = Npz.encode(arrays);
        assertArrayEquals(encoded, Npz.encode(arrays), "byte-identical for equal arrays");
        Path file = Files.write(dir.resolve("a.npz"), encoded);
        Map<String, NpyArray> back = Npz.read(file);
        assertEquals(arrays, back);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry x = zip.getEntry("x.npy");
            assertEquals(ZipEntry.STORED, x.getMethod());
            assertArrayEquals(bytes("save-f8-2d.npy"), zip.getInputStream(x).readAllBytes(),
                    "an entry is np.save's file");
        }
    }

    @Test
    void everyCutOfAnArchiveIsAnErrorNamingTheFile() throws IOException {
        for (String name : new String[] {"stored.npz", "compressed.npz"}) {
            byte[] whole = bytes(name);
            for (int length = 0; length < whole.length; length++) {
                Path cut = Files.write(dir.resolve("cut-" + length + "-" + name), Arrays.copyOf(whole, length));
                FileFormatException e = assertThrows(FileFormatException.class, () -> Npz.read(cut),
                        name + " cut to " + length + " bytes");
                assertEquals(cut, e.file());
                assertTrue(e.getMessage().startsWith(cut + ": "), e.getMessage());
            }
        }
    }

    @Test
    void anArchiveCutExactlyAtAnEntryBoundarySaysItIsIncomplete() throws IOException {
        byte[] whole = bytes("stored.npz");
        List<Integer> entries = localHeaders(whole);
        assertEquals(3, entries.size());
        for (int boundary : entries.subList(1, 3)) {
            Path cut = Files.write(dir.resolve("boundary-" + boundary + ".npz"), Arrays.copyOf(whole, boundary));
            FileFormatException e = assertThrows(FileFormatException.class, () -> Npz.read(cut));
            assertEquals(cut + ": incomplete .npz archive: the zip central directory is missing (is the file, "
                    + boundary + " bytes, cut off?)", e.getMessage());
        }
    }

    @Test
    void entriesThatDoNotMatchTheCentralDirectoryAreErrors() throws IOException {
        byte[] whole = bytes("stored.npz");
        int second = localHeaders(whole).get(1);

        byte[] damaged = whole.clone();
        damaged[second - 3] ^= 0x55; // a data byte of the first entry
        Path crc = Files.write(dir.resolve("crc.npz"), damaged);
        FileFormatException e = assertThrows(FileFormatException.class, () -> Npz.read(crc));
        assertEquals(crc + ": entry 'x.npy' is damaged (its CRC does not match the central directory)",
                e.getMessage());

        byte[] moved = whole.clone();
        moved[second] = 'X'; // the second entry's local header no longer starts where the directory says
        Path local = Files.write(dir.resolve("local.npz"), moved);
        e = assertThrows(FileFormatException.class, () -> Npz.read(local));
        assertTrue(e.getMessage().startsWith(local + ": entry 'y.npy' does not match the archive's central"
                + " directory"), e.getMessage());
    }

    @Test
    void otherFilesAreNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("t.npz"), "not a zip");
        assertEquals(text + ": not a .npz archive (not a zip file)",
                assertThrows(FileFormatException.class, () -> Npz.read(text)).getMessage());
        Path empty = Files.write(dir.resolve("e.npz"), new byte[0]);
        assertEquals(empty + ": not a .npz archive (not a zip file: it is empty)",
                assertThrows(FileFormatException.class, () -> Npz.read(empty)).getMessage());
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            StoredZipEntries.put(out, "notes.txt", "hello".getBytes(StandardCharsets.US_ASCII));
        }
        Path other = Files.write(dir.resolve("o.npz"), zip.toByteArray());
        assertEquals(other + ": entry 'notes.txt' is not a .npy array",
                assertThrows(FileFormatException.class, () -> Npz.read(other)).getMessage());
        assertThrows(NoSuchFileException.class, () -> Npz.read(dir.resolve("missing.npz")));
    }

    /** Offsets of the local file headers ({@code PK\3\4}) of a stored archive. */
    private static List<Integer> localHeaders(byte[] zip) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i + 3 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) {
                at.add(i);
            }
        }
        return at;
    }
}
