package org.lmworkbench.core.slurm;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What the scheduler says about one array task (or one job that is not an array).
 *
 * @param arrayJobId the job id of the array (the number sbatch printed), or of the job itself
 * @param index      the array index, or {@link #NOT_AN_ARRAY} for a plain job
 * @param state      the state
 * @param reason     why it is pending or how it ended, as Slurm words it ({@code JobArrayTaskLimit},
 *                   {@code Resources}, {@code BeginTime}, {@code TimeLimit}, ...); empty for none
 * @param exitCode   the exit code of the batch script, or {@link #UNKNOWN} (squeue does not say)
 * @param signal     the signal that ended it, 0 for none, or {@link #UNKNOWN}
 * @param node       the node it runs or ran on; empty while pending
 * @param start      when it started (or, while pending, the expected start when Slurm knows); null if unknown
 * @param end        when it ended (or, while running, when its time limit ends it); null if unknown
 * @param restarts   how often it was requeued, or {@link #UNKNOWN} (only scontrol says)
 */
public record SlurmTask(String arrayJobId, int index, SlurmState state, String reason, int exitCode, int signal,
        String node, LocalDateTime start, LocalDateTime end, int restarts) {

    /** The index of a job that is not an array. */
    public static final int NOT_AN_ARRAY = -1;

    /** A number the command did not print. */
    public static final int UNKNOWN = -1;

    /** Checks that nothing required is missing. */
    public SlurmTask {
        Objects.requireNonNull(arrayJobId, "arrayJobId");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        node = node == null ? "" : node;
    }

    /** The id scancel and scontrol accept for this task: {@code 123_4}, or {@code 123} for a plain job. */
    public String id() {
        return index == NOT_AN_ARRAY ? arrayJobId : arrayJobId + "_" + index;
    }

    /** This task with another index, for the tasks of a pending range that Slurm prints as one record. */
    SlurmTask withIndex(int newIndex) {
        return new SlurmTask(arrayJobId, newIndex, state, reason, exitCode, signal, node, start, end, restarts);
    }
}
