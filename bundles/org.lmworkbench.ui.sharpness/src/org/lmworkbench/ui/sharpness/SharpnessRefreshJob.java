package org.lmworkbench.ui.sharpness;

import java.io.IOException;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Follows a run's sharpness and metrics files while the editor is open: polls
 * {@link RunSharpnessData} off the UI thread about once a second (each poll reads only the bytes
 * appended since the last) and hands non-empty updates, or a read error, to the page. The files
 * are written by a backend process outside the workspace API, so there are no resource deltas to
 * wait for; a poll of an unchanged file costs one size check per file.
 */
final class SharpnessRefreshJob extends Job {

    static final long INTERVAL_MS = 1000;

    private final RunSharpnessData data;
    private final Consumer<RunSharpnessData.Update> onUpdate;
    private final Consumer<IOException> onError;
    private volatile boolean stopped;
    private boolean first = true;

    SharpnessRefreshJob(RunSharpnessData data, Consumer<RunSharpnessData.Update> onUpdate,
            Consumer<IOException> onError) {
        super(Messages.SharpnessPage_title + ": " + data.runDir().getFileName());
        this.data = data;
        this.onUpdate = onUpdate;
        this.onError = onError;
        setSystem(true);
        setPriority(DECORATE);
    }

    /** Stops following: the current poll finishes, no other is scheduled. */
    void stop() {
        stopped = true;
        cancel();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        if (stopped || monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        try {
            RunSharpnessData.Update update = data.poll();
            if (first || !update.isEmpty()) {
                onUpdate.accept(update);
            }
            first = false;
        } catch (IOException e) {
            onError.accept(e);
        }
        if (!stopped) {
            schedule(INTERVAL_MS);
        }
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == SharpnessRefreshJob.class;
    }
}
