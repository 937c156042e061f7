package org.lmworkbench.core.command;

/** Process exit codes of the backend command line; the workbench maps them to run states and messages. */
public final class ExitCodes {

    /** Finished (or nothing to do). */
    public static final int OK = 0;
    /** An internal error: a bug, a native crash, an I/O failure outside the user's control. */
    public static final int INTERNAL = 1;
    /** Invalid input: bad arguments, spec problems, missing or corrupt data files, unusable output folder, no GPU. */
    public static final int INVALID_INPUT = 2;
    /** The run diverged (NaN/inf or loss above the threshold); in a sweep, at least one run did. */
    public static final int DIVERGED = 3;
    /**
     * The run stopped early at a scheduler's warning (its time limit is near), wrote a checkpoint and
     * ended {@code interrupted}: run it again to continue (sysexits' EX_TEMPFAIL, "try again later").
     */
    public static final int INTERRUPTED = 75;
    /**
     * Cancelled: the run stopped at a step boundary with a checkpoint and status {@code cancelled}. A
     * backend process stopped by SIGTERM exits with this code (128 + 15); a run cancelled inside a
     * backend worker reports it too.
     */
    public static final int CANCELLED = 143;

    private ExitCodes() {
    }
}
