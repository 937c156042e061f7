package org.lmworkbench.core.run;

import java.util.Locale;

/** Life-cycle state of a run, as written in {@code status.json} (lower case). */
public enum RunState {
    /** Created, waiting for the backend to start it. */
    QUEUED,
    /** The backend process is training. */
    RUNNING,
    /** Reached the last step. */
    COMPLETED,
    /** Stopped because the loss became NaN, infinite or exceeded the divergence threshold. */
    DIVERGED,
    /** Stopped by an error; {@link RunStatus#message()} says which. */
    FAILED,
    /** Stopped on the user's request. */
    CANCELLED,
    /**
     * Stopped before the end and resumable: the backend disappeared (killed, crashed, machine
     * rebooted), or it stopped at a step boundary with a checkpoint because a cluster scheduler's
     * time limit was near.
     */
    INTERRUPTED;

    /** True if the run will not change any more without being restarted. */
    public boolean isTerminal() {
        return this != QUEUED && this != RUNNING;
    }

    /** The spelling in JSON. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The state spelled {@code name} in JSON.
     *
     * @throws IllegalArgumentException for unknown names
     */
    public static RunState fromJson(String name) {
        for (RunState state : values()) {
            if (state.jsonName().equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown run state '" + name + "'");
    }
}
