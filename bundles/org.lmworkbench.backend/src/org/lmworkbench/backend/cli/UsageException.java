package org.lmworkbench.backend.cli;

/** A problem with the user's input (arguments, spec, data, output folder): printed and exit code 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message is printed as it is, so it may span several lines. */
    public UsageException(String message) {
        super(message);
    }
}
