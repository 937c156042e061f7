package org.lmworkbench.backend.train;

import java.io.IOException;
import java.time.Instant;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;

/**
 * Keeps status.json current without slowing training: progress is written at checkpoints and
 * otherwise at most every two seconds (each write is an fsync'd rename); the end state is always
 * written. Progress lines go to the log at the metrics cadence.
 */
final class StatusKeeper implements TrainingLoop.Progress {

    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final RunDirectory run;
    private final RunLog log;
    private final int logEvery;
    private RunStatus status;
    private long lastWrite = System.nanoTime();

    StatusKeeper(RunDirectory run, RunStatus status, RunLog log, int logEvery) {
        this.run = run;
        this.status = status;
        this.log = log;
        this.logEvery = logEvery;
    }

    @Override
    public void update(long step, double loss, boolean force) throws IOException {
        status = status.withProgress(step, loss);
        if (step % logEvery == 0 || step == status.totalSteps()) {
            log.log("step " + step + " batch_loss " + loss);
        }
        long now = System.nanoTime();
        if (force || now - lastWrite >= INTERVAL_NANOS) {
            run.writeStatus(status);
            lastWrite = now;
        }
    }

    /** Writes the terminal status of {@code outcome} (in place if the disk has no room for a new file) and logs it. */
    void finish(Outcome outcome) throws IOException {
        Instant now = Instant.now();
        status = switch (outcome.state()) {
            case DIVERGED -> status.diverged(now, outcome.step(), outcome.loss()).ended(RunState.DIVERGED, now,
                    outcome.message());
            case COMPLETED -> status.withProgress(outcome.step(), outcome.loss()).ended(RunState.COMPLETED, now, null);
            case CANCELLED, INTERRUPTED -> status.withProgress(outcome.step(), status.lastLoss())
                    .ended(outcome.state(), now, outcome.message());
            default -> status.ended(RunState.FAILED, now, outcome.message());
        };
        run.writeFinalStatus(status);
        log.log("run " + outcome.state().jsonName() + (outcome.message() == null ? "" : ": " + outcome.message()));
    }
}
