package org.lmworkbench.core.exec;

import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.run.RunState;

/**
 * How a run of a {@link WorkerPool} ended.
 *
 * @param state    the state status.json records (terminal, unless the backend refused to start the
 *                 run, e.g. because another process trains it)
 * @param exitCode the exit code {@code lmw resume} would have had ({@link ExitCodes})
 * @param message  what went wrong, or null
 */
public record RunEnd(RunState state, int exitCode, String message) {

    /** The exit code of a run that ended in {@code state}. */
    public static int exitCode(RunState state) {
        return switch (state) {
            case COMPLETED -> ExitCodes.OK;
            case DIVERGED -> ExitCodes.DIVERGED;
            case CANCELLED -> ExitCodes.CANCELLED;
            default -> ExitCodes.INTERNAL;
        };
    }
}
