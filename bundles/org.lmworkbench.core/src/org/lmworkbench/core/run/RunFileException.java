package org.lmworkbench.core.run;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run file exists but its content cannot be used (corrupt JSON, a missing key). The message
 * names the file, and the line for line-based files, so the user can go and look.
 */
public class RunFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    /** A problem with a whole file. */
    public RunFileException(Path file, String problem, Throwable cause) {
        this(file, 0, problem, cause);
    }

    /** A problem on one line (1-based) of a line-based file. */
    public RunFileException(Path file, long line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the whole file is. */
    public long line() {
        return line;
    }
}
