package org.lmworkbench.core.slurm;

import java.util.Locale;

/**
 * The state of a job or array task as squeue, scontrol and sacct name it. Slurm 22.05's full list;
 * an unrecognised name (a newer Slurm) reads as {@link #UNKNOWN} rather than failing.
 */
public enum SlurmState {
    /** Waiting for resources, a limit, a dependency or its begin time (see the task's reason). */
    PENDING(false),
    /** Being set up on its nodes (booting, prolog). */
    CONFIGURING(false),
    /** Running. */
    RUNNING(false),
    /** Suspended by an administrator or gang scheduling. */
    SUSPENDED(false),
    /** Ended; its processes are still being cleaned up. */
    COMPLETING(false),
    /** Ended with exit code 0. */
    COMPLETED(true),
    /** Ended with a non-zero exit code or by a signal it did not survive. */
    FAILED(true),
    /** Cancelled by scancel (or an administrator). */
    CANCELLED(true),
    /** Killed at its time limit. */
    TIMEOUT(true),
    /** Preempted and not requeued (a requeued job shows as PENDING again). */
    PREEMPTED(true),
    /** Ended because a node failed. */
    NODE_FAIL(true),
    /** Its node failed to boot. */
    BOOT_FAIL(true),
    /** Its deadline passed. */
    DEADLINE(true),
    /** Killed for exceeding its memory. */
    OUT_OF_MEMORY(true),
    /** Being requeued. */
    REQUEUED(false),
    /** Requeued by a federation. */
    REQUEUE_FED(false),
    /** Requeued and held. */
    REQUEUE_HOLD(false),
    /** Held after a special exit. */
    SPECIAL_EXIT(false),
    /** Changing size. */
    RESIZING(false),
    /** Removed from this cluster by a federation. */
    REVOKED(true),
    /** Being signalled. */
    SIGNALING(false),
    /** Staging out data. */
    STAGE_OUT(false),
    /** Stopped (SIGSTOP) but holding its resources. */
    STOPPED(false),
    /** Held because its reservation was deleted. */
    RESV_DEL_HOLD(false),
    /** A state this client does not know. */
    UNKNOWN(false);

    private final boolean finished;

    SlurmState(boolean finished) {
        this.finished = finished;
    }

    /** True when the job has ended for good and will not run again unless someone requeues it. */
    public boolean isFinished() {
        return finished;
    }

    /**
     * Reads a state as the commands print it: {@code RUNNING}, {@code CANCELLED by 0} (sacct),
     * {@code CANCELLED+} (sacct, truncated), short forms such as {@code CA} or {@code PD} (squeue
     * {@code %t}), in any case.
     */
    public static SlurmState parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        int space = t.indexOf(' ');
        if (space >= 0) {
            t = t.substring(0, space);
        }
        while (t.endsWith("+")) {
            t = t.substring(0, t.length() - 1);
        }
        return switch (t) {
            case "PD" -> PENDING;
            case "CF" -> CONFIGURING;
            case "R" -> RUNNING;
            case "S" -> SUSPENDED;
            case "CG" -> COMPLETING;
            case "CD" -> COMPLETED;
            case "F" -> FAILED;
            case "CA" -> CANCELLED;
            case "TO" -> TIMEOUT;
            case "PR" -> PREEMPTED;
            case "NF" -> NODE_FAIL;
            case "BF" -> BOOT_FAIL;
            case "DL" -> DEADLINE;
            case "OOM" -> OUT_OF_MEMORY;
            case "RQ" -> REQUEUED;
            case "RF" -> REQUEUE_FED;
            case "RH" -> REQUEUE_HOLD;
            case "SE" -> SPECIAL_EXIT;
            case "RS" -> RESIZING;
            case "RV" -> REVOKED;
            case "SI" -> SIGNALING;
            case "SO" -> STAGE_OUT;
            case "ST" -> STOPPED;
            default -> byName(t);
        };
    }

    private static SlurmState byName(String name) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
