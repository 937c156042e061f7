package org.lmworkbench.core.tensorboard;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the records of a TFRecord file one at a time, checking both checksums of each.
 * <p>
 * A writer appends records, so a file that is still being written, or whose writer was killed,
 * may end inside its last record. That record is left out and {@link #torn()} says so: the records
 * before it are good. A checksum that does not match is different: the file is damaged there (or is
 * not an event file at all) and reading stops with an {@link EventFileException} naming the offset.
 * The file is read up to the size it had when opened.
 */
final class TfRecordReader implements Closeable {

    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final InputStream in;
    private final long size;
    private long offset;
    private long recordOffset = -1;
    private boolean torn;
    private boolean ended;

    private TfRecordReader(Path file, InputStream in, long size) {
        this.file = file;
        this.in = in;
        this.size = size;
    }

    /** Opens a file for reading from its start. */
    static TfRecordReader open(Path file) throws IOException {
        long size = Files.size(file);
        return new TfRecordReader(file, new BufferedInputStream(Files.newInputStream(file), BUFFER), size);
    }

    /**
     * The next record's payload, or null at the end of the file (or at a torn last record).
     *
     * @throws EventFileException if a checksum does not match
     */
    byte[] next() throws IOException {
        if (ended) {
            return null;
        }
        long remaining = size - offset;
        if (remaining < TfRecords.HEADER) {
            return end(remaining > 0);
        }
        byte[] header = readFully(TfRecords.HEADER);
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        long length = h.getLong(0);
        if (h.getInt(8) != TfRecords.maskedCrc(header, 0, 8)) {
            throw new EventFileException(file, offset,
                    "the record length's checksum does not match: the file is damaged here or is not an event file", null);
        }
        long available = remaining - TfRecords.HEADER - TfRecords.FOOTER;
        if (length < 0 || length > available) {
            // Only a writer that stopped in the middle of this record leaves it shorter than it says.
            return end(true);
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new EventFileException(file, offset, "a record of " + length + " bytes is too large to read", null);
        }
        byte[] payload = readFully((int) length);
        int stored = ByteBuffer.wrap(readFully(TfRecords.FOOTER)).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (stored != TfRecords.maskedCrc(payload, 0, payload.length)) {
            throw new EventFileException(file, offset, "the record's checksum does not match: the file is damaged here",
                    null);
        }
        recordOffset = offset;
        offset += TfRecords.HEADER + length + TfRecords.FOOTER;
        return payload;
    }

    /** True if the file ended inside a record, which was left out. */
    boolean torn() {
        return torn;
    }

    /** Byte offset of the record returned last, or -1 before the first. */
    long recordOffset() {
        return recordOffset;
    }

    /** Bytes of whole records read so far; a torn record starts here. */
    long offset() {
        return offset;
    }

    /** The file read. */
    Path file() {
        return file;
    }

    private byte[] end(boolean incomplete) {
        ended = true;
        torn = incomplete;
        return null;
    }

    private byte[] readFully(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            // The file shrank after it was opened: it was replaced or truncated under us.
            throw new EventFileException(file, offset, "the file became shorter while it was read", null);
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
