package org.lmworkbench.core.tensorboard;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An event file cannot be read past some point: a checksum does not match or a record is not an
 * event. The message names the file and the byte offset of the record at fault, so the user can
 * tell a damaged file from one that is not an event file at all (offset 0).
 */
public class EventFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    /** A problem with the record that starts at {@code offset}. */
    public EventFileException(Path file, long offset, String problem, Throwable cause) {
        super(file + " at byte " + offset + ": " + problem, cause);
        this.file = file;
        this.offset = offset;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** Byte offset of the record at fault. */
    public long offset() {
        return offset;
    }
}
