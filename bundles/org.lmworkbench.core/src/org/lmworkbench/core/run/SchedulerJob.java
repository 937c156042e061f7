package org.lmworkbench.core.run;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The cluster job that trains a run, as recorded in its {@code status.json} when the run was
 * submitted to a scheduler rather than started on this machine.
 *
 * @param scheduler  the scheduler's name, {@link #SLURM}
 * @param jobId      the job id the scheduler gave the submission (for a job array, the array's id)
 * @param arrayIndex the run's index in the job array, or {@link #NOT_AN_ARRAY}
 */
public record SchedulerJob(String scheduler, String jobId, int arrayIndex) {

    /** The scheduler name of Slurm. */
    public static final String SLURM = "slurm";

    /** The index of a job that is not part of an array. */
    public static final int NOT_AN_ARRAY = -1;

    private static final Pattern JOB_ID = Pattern.compile("\\d{1,18}");

    /** Checks the values: a job id is a number, an index 0 or more (or {@link #NOT_AN_ARRAY}). */
    public SchedulerJob {
        Objects.requireNonNull(scheduler, "scheduler");
        if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("'" + jobId + "' is not a job id");
        }
        if (arrayIndex < NOT_AN_ARRAY) {
            throw new IllegalArgumentException("array index " + arrayIndex + " is negative");
        }
    }

    /** A task of a Slurm job array. */
    public static SchedulerJob slurm(String jobId, int arrayIndex) {
        return new SchedulerJob(SLURM, jobId, arrayIndex);
    }

    /** The id the scheduler's commands accept for this task: {@code 123_4}, or {@code 123} for a plain job. */
    public String taskId() {
        return arrayIndex == NOT_AN_ARRAY ? jobId : jobId + "_" + arrayIndex;
    }
}
