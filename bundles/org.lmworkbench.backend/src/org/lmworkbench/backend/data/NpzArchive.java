package org.lmworkbench.backend.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * numpy {@code .npz} archives: a zip of {@code <name>.npy} entries (stored or deflated when read;
 * written stored, with fixed entry times so equal arrays give equal files).
 */
public final class NpzArchive {

    private NpzArchive() {
    }

    /** The bytes of an archive with the arrays in map order; names get the {@code .npy} suffix. */
    public static byte[] encode(Map<String, NpyArray> arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                StoredZipEntries.put(zip, e.getKey() + ".npy", NpyFormat.encode(e.getValue()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("in-memory zip failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads every array of an archive, by name without {@code .npy}, in archive order.
     *
     * @throws DataException if the file is missing or not a valid archive of .npy arrays
     */
    public static Map<String, NpyArray> read(Path file) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!name.endsWith(".npy")) {
                    throw new DataException(file + ": entry '" + name + "' is not a .npy array");
                }
                byte[] npy = zip.readAllBytes();
                arrays.put(name.substring(0, name.length() - 4), NpyFormat.decode(npy, file + ":" + name));
            }
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found");
        } catch (ZipException e) {
            throw new DataException(file + ": not a valid .npz (zip) archive: " + e.getMessage());
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (arrays.isEmpty()) {
            throw new DataException(file + ": not a valid .npz archive (no arrays found)");
        }
        return arrays;
    }
}
