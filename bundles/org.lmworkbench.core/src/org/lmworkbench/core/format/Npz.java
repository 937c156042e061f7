package org.lmworkbench.core.format;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * numpy's {@code .npz} archives: a zip of {@code <name>.npy} entries, stored ({@code numpy.savez})
 * or deflated ({@code numpy.savez_compressed}) when read, written stored with a fixed entry time
 * so that equal arrays give byte-identical files.
 *
 * <p>An archive is read through its central directory, the zip's table of contents at the end of
 * the file, and every entry it lists must be there and intact (local header, length and CRC). A
 * file whose central directory is missing, as in a file cut off at any point, or whose entries do
 * not match it, is an error naming the file: never a silently shorter set of arrays, which a
 * sequential reader would return for a file cut at an entry boundary.
 */
public final class Npz {

    private static final String SUFFIX = ".npy";
    private static final byte[] LOCAL_HEADER = {'P', 'K', 3, 4};

    private Npz() {
    }

    /** The bytes of an archive with the arrays in map order; names get the {@code .npy} suffix. */
    public static byte[] encode(Map<String, NpyArray> arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                StoredZipEntries.put(zip, e.getKey() + SUFFIX, Npy.encode(e.getValue()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory zip failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads every array of an archive, by name without {@code .npy}, in the order of the archive.
     * Each array's source is {@code <file>:<name>}.
     *
     * @throws NoSuchFileException  if the file does not exist
     * @throws FileFormatException  if it is not a complete, intact archive of .npy arrays
     * @throws IOException          if it cannot be read at all
     */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new FileFormatException(file, withoutCentralDirectory(file), e);
        }
        try (zip) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!name.endsWith(SUFFIX)) {
                    throw new FileFormatException(file, "entry '" + name + "' is not a .npy array", null);
                }
                String array = name.substring(0, name.length() - SUFFIX.length());
                if (arrays.containsKey(array)) {
                    throw new FileFormatException(file, "entry '" + name + "' appears twice", null);
                }
                byte[] npy = entryBytes(file, zip, entry);
                try {
                    arrays.put(array, Npy.decode(npy, file + ":" + array));
                } catch (IllegalArgumentException e) {
                    throw new FileFormatException(file, "array '" + array + "': " + e.getMessage(), e);
                }
            }
        }
        if (arrays.isEmpty()) {
            throw new FileFormatException(file, "not a valid .npz archive (no arrays in it)", null);
        }
        return arrays;
    }

    /** The entry's bytes, checked against the length and CRC its central directory record promises. */
    private static byte[] entryBytes(Path file, ZipFile zip, ZipEntry entry) throws FileFormatException {
        String name = entry.getName();
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (EOFException e) {
            throw new FileFormatException(file, "entry '" + name + "' is truncated", e);
        } catch (IOException e) {
            throw new FileFormatException(file, "entry '" + name + "' does not match the archive's central"
                    + " directory (" + e.getMessage() + ")", e);
        }
        if (entry.getSize() >= 0 && bytes.length != entry.getSize()) {
            throw new FileFormatException(file, "entry '" + name + "' holds " + bytes.length
                    + " bytes but the central directory lists " + entry.getSize(), null);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
            throw new FileFormatException(file, "entry '" + name + "' is damaged (its CRC does not match the"
                    + " central directory)", null);
        }
        return bytes;
    }

    /** Why a file that the JDK cannot open as a zip is unusable: cut off, or not a zip at all. */
    private static String withoutCentralDirectory(Path file) throws IOException {
        long size = Files.size(file);
        byte[] start = new byte[LOCAL_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(start, 0, start.length) == start.length
                    && Arrays.equals(start, LOCAL_HEADER)) {
                return "incomplete .npz archive: the zip central directory is missing (is the file, " + size
                        + " bytes, cut off?)";
            }
        }
        return "not a .npz archive (not a zip file" + (size == 0 ? ": it is empty)" : ")");
    }
}
