package org.lmworkbench.core.cluster;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.slurm.SlurmState;

/**
 * A run folder as its {@code status.json} and the scheduler describe it together, and the state a
 * user should see. The run's status is the authority while the backend trains it; the scheduler
 * fills in what the run cannot know about itself: that it is still waiting for a node and why, that
 * a requeued run is about to continue, or that its task ended (cancelled, out of time, killed on a
 * failed node) without the backend getting to write how.
 *
 * @param run      the run folder
 * @param status   its status, or null when there is none or it cannot be read
 * @param snapshot what the scheduler said about its task, or null when it was not asked (the run was
 *                 not submitted, or its job is unknown to the scheduler)
 */
public record ScheduledRun(RunDirectory run, RunStatus status, SchedulerSnapshot snapshot) {

    /** Drops a snapshot about another job than the one the status names (an earlier submission). */
    public ScheduledRun {
        if (snapshot != null && (status == null || status.job() == null || !status.job().equals(snapshot.job()))) {
            snapshot = null;
        }
    }

    /** The state to show: the run's, unless the scheduler knows better (see the class comment); null without a status. */
    public RunState state() {
        if (status == null) {
            return null;
        }
        if (snapshot == null) {
            return status.state();
        }
        SlurmState s = snapshot.state();
        if (status.state() == RunState.INTERRUPTED || !status.state().isTerminal()) {
            if (waiting(s)) {
                return RunState.QUEUED;
            }
            if (s == SlurmState.RUNNING || s == SlurmState.COMPLETING || s == SlurmState.CONFIGURING) {
                // A requeued run, or a fresh one, before its backend has written that it runs.
                return status.state() == RunState.QUEUED || status.state() == RunState.INTERRUPTED
                        ? RunState.RUNNING : status.state();
            }
        }
        if (status.state().isTerminal()) {
            return status.state();
        }
        return lostState(s).orElse(status.state());
    }

    /**
     * Why a run waits or what the scheduler did to it, in words for a label: {@code pending
     * (JobArrayTaskLimit)}, {@code requeued, pending (BeginTime)}, {@code ended TIMEOUT in the
     * scheduler}; empty when the scheduler adds nothing to the run's own status.
     */
    public String detail() {
        if (status == null || snapshot == null) {
            return "";
        }
        SlurmState s = snapshot.state();
        String reason = snapshot.reason().isEmpty() ? "" : " (" + snapshot.reason() + ")";
        RunState shown = state();
        if (shown == RunState.QUEUED) {
            String word = s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            boolean again = (status.state() == RunState.INTERRUPTED || status.state() == RunState.RUNNING)
                    && !word.startsWith("requeue");
            return (again ? "requeued, " : "") + word + reason;
        }
        if (shown == RunState.RUNNING && status.state() != RunState.RUNNING) {
            return "starting on " + (snapshot.node().isEmpty() ? "its node" : snapshot.node());
        }
        if (!status.state().isTerminal() && lostState(s).isPresent()) {
            // A task cancelled while pending keeps the reason it waited for, which no longer applies.
            return "ended " + s.name() + (s == SlurmState.CANCELLED ? "" : reason)
                    + " in the scheduler without recording it in status.json";
        }
        return "";
    }

    /** True when the scheduler says the task waits to (re)start; the pending reason is then {@link #detail()}. */
    public boolean isPending() {
        return snapshot != null && state() == RunState.QUEUED && waiting(snapshot.state());
    }

    /**
     * The terminal status to record for a run whose task ended in the scheduler while its status
     * still says queued or running: the backend never got to write it (cancelled while pending,
     * killed after scancel's grace time, out of time, a failed node). Empty when the status is
     * right as it is.
     */
    public Optional<RunStatus> ended(Instant now) {
        if (status == null || snapshot == null || status.state().isTerminal()) {
            return Optional.empty();
        }
        return lostState(snapshot.state()).map(state -> status.ended(state, now, detail()));
    }

    private static boolean waiting(SlurmState s) {
        return s == SlurmState.PENDING || s == SlurmState.REQUEUED || s == SlurmState.REQUEUE_HOLD
                || s == SlurmState.REQUEUE_FED || s == SlurmState.SPECIAL_EXIT || s == SlurmState.SUSPENDED
                || s == SlurmState.RESV_DEL_HOLD;
    }

    /**
     * How a run ended whose task the scheduler ended: cancelled by scancel, resumable after a time
     * limit, preemption or a node failure, failed otherwise. Empty while the task lives, and for a
     * task that completed: its backend wrote the status itself, which may just not be visible yet.
     */
    private static Optional<RunState> lostState(SlurmState s) {
        if (!s.isFinished() || s == SlurmState.COMPLETED) {
            return Optional.empty();
        }
        return Optional.of(switch (s) {
            case CANCELLED -> RunState.CANCELLED;
            case TIMEOUT, PREEMPTED, NODE_FAIL, BOOT_FAIL -> RunState.INTERRUPTED;
            default -> RunState.FAILED;
        });
    }
}
