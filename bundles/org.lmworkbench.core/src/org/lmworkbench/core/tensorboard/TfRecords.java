package org.lmworkbench.core.tensorboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * TFRecord framing, the container of TensorBoard event files: each record is its length (uint64,
 * little-endian), the masked CRC32C of those 8 bytes, the payload, and the masked CRC32C of the
 * payload. Reading is {@link TfRecordReader}.
 */
final class TfRecords {

    /** Length plus its checksum. */
    static final int HEADER = 12;
    /** The payload's checksum. */
    static final int FOOTER = 4;

    private static final int MASK_DELTA = 0xa282ead8;

    private TfRecords() {
    }

    /**
     * The checksum as TFRecord stores it. The mask keeps a CRC of data that itself holds CRCs from
     * being degenerate; it is part of the format, so readers must apply it too.
     */
    static int maskedCrc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + MASK_DELTA;
    }

    /** Writes one record. */
    static void write(OutputStream out, byte[] payload) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(payload.length);
        header.putInt(maskedCrc(header.array(), 0, 8));
        out.write(header.array());
        out.write(payload);
        out.write(ByteBuffer.allocate(FOOTER).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(maskedCrc(payload, 0, payload.length)).array());
    }
}
