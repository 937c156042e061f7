package org.lmworkbench.ui.fit;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.progress.IProgressConstants;
import org.lmworkbench.analysis.fit.ScalingDataException;
import org.lmworkbench.workspace.fit.FitDocument;
import org.lmworkbench.workspace.fit.FitResultModel;
import org.lmworkbench.workspace.fit.FitRunner;

/**
 * Fits a snapshot of a fit document in this JVM ({@link FitRunner}) and hands the result to the
 * editor on the UI thread while it is open. Cancellable (closing the editor cancels) between
 * slices of the multistart and the bootstrap.
 *
 * <p>Problems with the data are shown in the editor's header rather than in a dialog (the
 * editor is where the user fixes them), so the job marks its error status as not to be
 * prompted.
 */
final class FitJob extends Job {

    /** Job family of all fit jobs, for {@code IJobManager.find}. */
    static final Object FAMILY = FitJob.class;

    private final FitEditor editor;
    private final FitDocument snapshot;
    private final Path base;

    /**
     * @param editor the editor to report to
     * @param snapshot a copy of the document, not changed while the job runs
     * @param base folder relative source paths are resolved against
     */
    FitJob(FitEditor editor, FitDocument snapshot, Path base) {
        super(NLS.bind(Messages.FitJob_name, snapshot.form()));
        this.editor = editor;
        this.snapshot = snapshot;
        this.base = base;
        setUser(true);
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            FitRunner.Outcome outcome = FitRunner.run(snapshot, base, monitor);
            FitResultModel model = FitRunner.toModel(snapshot, outcome);
            deliver(() -> editor.fitFinished(model));
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            deliver(() -> editor.fitFailed(Messages.FitJob_cancelled));
            return Status.CANCEL_STATUS;
        } catch (ScalingDataException | IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            deliver(() -> editor.fitFailed(message));
            return Status.error(message);
        } catch (RuntimeException e) {
            deliver(() -> editor.fitFailed(e.toString()));
            return Status.error(NLS.bind(Messages.FitJob_failed, e), e);
        } finally {
            monitor.done();
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    private void deliver(Runnable update) {
        editor.inUi(update);
    }
}
