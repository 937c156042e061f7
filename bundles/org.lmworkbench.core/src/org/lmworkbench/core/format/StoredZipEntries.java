package org.lmworkbench.core.format;

import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes uncompressed (STORED) zip entries with a fixed time stamp, the form both numpy's .npz
 * files and TorchScript archives use.
 * <p>
 * STORED entries let readers map the data in place, and the fixed time (1980-01-01, the earliest
 * a zip can record) makes an archive byte-identical across runs, so checkpoints and generated
 * modules compare equal when their contents do.
 */
public final class StoredZipEntries {

    private static final long FIXED_TIME = 315532800000L;

    private StoredZipEntries() {
    }

    /** Adds {@code data} to {@code zip} as the uncompressed entry {@code name}. */
    public static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }
}
