package org.lmworkbench.core.command;

/**
 * Invalid input that the user can fix: a spec problem, a missing or corrupt data file, an unusable
 * output folder. The command prints {@code <command>: <message>} and exits with
 * {@link ExitCodes#INVALID_INPUT}; the message says what is wrong and where (file, line, option).
 */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a complete message for the user. */
    public UsageException(String message) {
        super(message);
    }

    /** Creates the exception with a complete message and the underlying cause. */
    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
