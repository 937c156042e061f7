package org.lmworkbench.backend.data;

/**
 * Data that cannot be used, for a reason the user can fix: a missing or corrupt file, a spec asking
 * for something the data does not have. The message names the file and what is wrong with it (and
 * the line, for text files); the command line reports it with exit code 2.
 */
public class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a complete message for the user. */
    public DataException(String message) {
        super(message);
    }

    /** Creates the exception with a complete message and the underlying cause. */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
