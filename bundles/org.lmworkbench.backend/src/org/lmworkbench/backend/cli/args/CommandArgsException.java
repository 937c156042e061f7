package org.lmworkbench.backend.cli.args;

/**
 * Invalid command-line arguments (unknown option, missing or malformed value). The message is meant
 * for the user as it is; commands report it with exit code 2.
 */
public final class CommandArgsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a user-facing message. */
    public CommandArgsException(String message) {
        super(message);
    }
}
