package org.lmworkbench.launching;

import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.Launch;

/**
 * A launch whose runs start over time: with a concurrency limit, some runs of a sweep have no
 * process yet. A plain {@link Launch} would count as terminated whenever its started processes have
 * all exited (and never if none started), and its Terminate would not reach the waiting runs; this
 * one asks its runs ({@link RunQueue} on this machine, {@link SlurmSubmission} on a cluster).
 */
public final class TrainingLaunch extends Launch {

    private volatile LaunchRuns queue;
    private final AtomicBoolean terminateFired = new AtomicBoolean();

    TrainingLaunch(ILaunchConfiguration configuration, String mode) {
        super(configuration, mode, null);
    }

    void setQueue(LaunchRuns queue) {
        this.queue = queue;
    }

    /** The training processes started so far (runs that are still waiting have none). */
    public TrainingProcess[] trainingProcesses() {
        return java.util.Arrays.stream(getProcesses())
                .filter(TrainingProcess.class::isInstance)
                .map(TrainingProcess.class::cast)
                .toArray(TrainingProcess[]::new);
    }

    @Override
    public boolean isTerminated() {
        LaunchRuns q = queue;
        if (q == null) {
            return super.isTerminated();
        }
        return q.isFinished() && (getProcesses().length == 0 || super.isTerminated());
    }

    @Override
    public boolean canTerminate() {
        LaunchRuns q = queue;
        return super.canTerminate() || (q != null && q.hasPending());
    }

    /** Cancels the runs that have not started, then asks every running backend to stop. */
    @Override
    public void terminate() throws DebugException {
        LaunchRuns q = queue;
        if (q != null) {
            q.cancelPending();
        }
        super.terminate();
    }

    /** Called by the queue whenever runs start or end. */
    void queueChanged() {
        if (isTerminated()) {
            fireTerminate();
        }
    }

    /** Both the process events and the queue may notice the end; listeners hear it once. */
    @Override
    protected void fireTerminate() {
        if (terminateFired.compareAndSet(false, true)) {
            super.fireTerminate();
        }
    }
}
