package org.lmworkbench.backend.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Test helper: cuts a stored .npz where one of its entries ends, as a copy killed mid-write would. */
public final class TruncatedArchives {

    private TruncatedArchives() {
    }

    /**
     * Truncates {@code file} in place so that it ends exactly after its first {@code entries}
     * entries: every remaining local header and the central directory are gone.
     *
     * @return the new length in bytes
     */
    public static int cutAfterEntries(Path file, int entries) throws IOException {
        byte[] zip = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        for (int i = 0; i < entries; i++) {
            if (b.getInt(at) != 0x04034b50) {
                throw new IllegalArgumentException(file + ": no local header at " + at);
            }
            int size = b.getInt(at + 18);
            int name = b.getShort(at + 26) & 0xffff;
            int extra = b.getShort(at + 28) & 0xffff;
            at += 30 + name + extra + size;
        }
        if (b.getInt(at) != 0x04034b50) {
            throw new IllegalArgumentException(file + ": entry " + entries + " is not followed by another entry");
        }
        Files.write(file, Arrays.copyOf(zip, at));
        return at;
    }
}
