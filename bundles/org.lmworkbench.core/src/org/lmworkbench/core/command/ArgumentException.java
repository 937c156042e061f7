package org.lmworkbench.core.command;

/**
 * The arguments of a command are wrong: an unknown or repeated option, a missing or malformed
 * value, options that do not go together. Besides the message, which names the option, the command
 * points to its {@code --help}.
 */
public class ArgumentException extends UsageException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names the option at fault. */
    public ArgumentException(String message) {
        super(message);
    }
}
