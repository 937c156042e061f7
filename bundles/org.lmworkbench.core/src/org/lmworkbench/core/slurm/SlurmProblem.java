package org.lmworkbench.core.slurm;

import java.util.Objects;

/**
 * One refused Slurm setting.
 *
 * @param path    where the setting lives, JSON-path-like, for example {@code execution.slurm.partition}
 *                or {@code execution.slurm.extra_args[1]}; a spec validator maps it to a line
 * @param message a complete sentence that says what is wrong and what would be accepted; it does not
 *                repeat the path
 */
public record SlurmProblem(String path, String message) {

    /** Checks that nothing is missing. */
    public SlurmProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** Renders {@code "execution.slurm.partition: message"}, the form used in exceptions and logs. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
