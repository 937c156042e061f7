package org.lmworkbench.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * The content of {@code status.json}: where a run is in its life and what it ran on. The backend
 * rewrites it (atomically) on every state change and now and then with progress; the workbench
 * only reads it. Times are ISO-8601 instants; absent values are null.
 *
 * @param state           life-cycle state
 * @param created         when the run folder was made
 * @param started         when training started, or null
 * @param ended           when the run reached a terminal state, or null
 * @param device          device actually used, e.g. {@code cpu} or {@code gpu(0)}, or null
 * @param threads         CPU threads actually used, or null
 * @param backendVersion  version of the training backend, or null
 * @param djlVersion      DJL version, or null
 * @param libtorchVersion libtorch version and flavour, or null
 * @param lastStep        last completed optimizer step
 * @param totalSteps      steps the run is meant to take
 * @param lastLoss        most recent training loss (may be NaN or infinite), or null
 * @param divergedAtStep  step at which divergence was detected, or null
 * @param message         human-readable detail, e.g. an error, or null
 * @param pid             process id of the backend, or null
 * @param job             the cluster job that trains the run, or null when it was not submitted to a scheduler
 */
public record RunStatus(RunState state, Instant created, Instant started, Instant ended, String device,
        Integer threads, String backendVersion, String djlVersion, String libtorchVersion, long lastStep,
        long totalSteps, Double lastLoss, Long divergedAtStep, String message, Long pid, SchedulerJob job) {

    /** Checks the two values every status has. */
    public RunStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(created, "created");
    }

    /** A status of a run that was not submitted to a scheduler. */
    public RunStatus(RunState state, Instant created, Instant started, Instant ended, String device, Integer threads,
            String backendVersion, String djlVersion, String libtorchVersion, long lastStep, long totalSteps,
            Double lastLoss, Long divergedAtStep, String message, Long pid) {
        this(state, created, started, ended, device, threads, backendVersion, djlVersion, libtorchVersion, lastStep,
                totalSteps, lastLoss, divergedAtStep, message, pid, null);
    }

    /** The status of a freshly created run. */
    public static RunStatus queued(Instant created, long totalSteps) {
        return new RunStatus(RunState.QUEUED, created, null, null, null, null, null, null, null, 0, totalSteps,
                null, null, null, null, null);
    }

    /** Same status in another state. */
    public RunStatus withState(RunState newState) {
        return new RunStatus(newState, created, started, ended, device, threads, backendVersion, djlVersion,
                libtorchVersion, lastStep, totalSteps, lastLoss, divergedAtStep, message, pid, job);
    }

    /**
     * Queued again for the cluster job that will train it: what the run reached so far stays, how it
     * last ended is cleared.
     */
    public RunStatus submitted(SchedulerJob newJob) {
        return new RunStatus(RunState.QUEUED, created, started, null, device, threads, backendVersion, djlVersion,
                libtorchVersion, lastStep, totalSteps, lastLoss, divergedAtStep, null, null, newJob);
    }

    /**
     * Marks the run as running in process {@code pid} on {@code device}. The message of an earlier
     * end (a failure, an interruption) no longer applies and is dropped.
     */
    public RunStatus started(Instant at, String usedDevice, int usedThreads, Long processId) {
        return new RunStatus(RunState.RUNNING, created, at, null, usedDevice, usedThreads, backendVersion, djlVersion,
                libtorchVersion, lastStep, totalSteps, lastLoss, divergedAtStep, null, processId, job);
    }

    /** Records the software versions the backend runs with. */
    public RunStatus withVersions(String backend, String djl, String libtorch) {
        return new RunStatus(state, created, started, ended, device, threads, backend, djl, libtorch, lastStep,
                totalSteps, lastLoss, divergedAtStep, message, pid, job);
    }

    /** Records progress. */
    public RunStatus withProgress(long step, Double loss) {
        return new RunStatus(state, created, started, ended, device, threads, backendVersion, djlVersion,
                libtorchVersion, step, totalSteps, loss, divergedAtStep, message, pid, job);
    }

    /**
     * Ends the run.
     *
     * @param finalState a terminal state
     * @param detail     message to show, or null
     */
    public RunStatus ended(RunState finalState, Instant at, String detail) {
        if (!finalState.isTerminal()) {
            throw new IllegalArgumentException(finalState.jsonName() + " is not a terminal state");
        }
        return new RunStatus(finalState, created, started, at, device, threads, backendVersion, djlVersion,
                libtorchVersion, lastStep, totalSteps, lastLoss, divergedAtStep, detail, pid, job);
    }

    /** Ends the run as diverged at {@code step}. */
    public RunStatus diverged(Instant at, long step, Double loss) {
        return new RunStatus(RunState.DIVERGED, created, started, at, device, threads, backendVersion, djlVersion,
                libtorchVersion, step, totalSteps, loss, step, message, pid, job);
    }

    /** Fraction of steps done, in [0, 1]; 0 when the total is unknown. */
    public double progress() {
        return totalSteps <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (double) lastStep / totalSteps));
    }

    /** The JSON text of this status (snake_case keys, absent values left out). */
    public String toJson() {
        return RunStatusJson.write(this);
    }

    /**
     * Parses status JSON; unknown keys are ignored so older workbenches read newer backends' files.
     *
     * @param source named in error messages
     * @throws RunFileException if the text is not a usable status
     */
    public static RunStatus fromJson(String json, Path source) throws RunFileException {
        return RunStatusJson.read(json, source);
    }

    /** Reads a status file. */
    public static RunStatus read(Path file) throws IOException {
        return fromJson(Files.readString(file), file);
    }

    /** Writes a status file atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson());
    }
}
