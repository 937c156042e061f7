package org.lmworkbench.core.format;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file exists but its content cannot be used: a corrupt or truncated array, a damaged archive, a
 * malformed CSV row. The message names the file, and the line for text files, so the user can go
 * and look; command-line tools report it as invalid input (exit code 2).
 */
public class FileFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String problem;

    /** A problem with the whole file. */
    public FileFormatException(Path file, String problem, Throwable cause) {
        this(file, 0, problem, cause);
    }

    /** A problem on one line (1-based) of a text file. */
    public FileFormatException(Path file, long line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the whole file is. */
    public long line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
