package org.lmworkbench.core.run;

import java.nio.file.Path;
import org.lmworkbench.core.format.FileFormatException;

/**
 * A run file exists but its content cannot be used (corrupt JSON, a missing key). The message
 * names the file, and the line for line-based files, so the user can go and look.
 */
public class RunFileException extends FileFormatException {

    private static final long serialVersionUID = 1L;

    /** A problem with a whole file. */
    public RunFileException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }

    /** A problem on one line (1-based) of a line-based file. */
    public RunFileException(Path file, long line, String problem, Throwable cause) {
        super(file, line, problem, cause);
    }
}
