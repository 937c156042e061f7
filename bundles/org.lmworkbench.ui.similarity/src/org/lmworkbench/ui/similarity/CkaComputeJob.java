package org.lmworkbench.ui.similarity;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.lmworkbench.workspace.cka.CkaDocument;

/**
 * Computes a .cka document's similarity ({@link CkaComputation}) and hands the result to the
 * editor on the UI thread. Cancelling terminates the backend. Belongs to {@link #FAMILY}.
 */
public final class CkaComputeJob extends Job {

    /** The family of all similarity computations, for waiting on or cancelling them together. */
    public static final Object FAMILY = CkaComputeJob.class;

    private final CkaDocument document;
    private final Path project;
    private final Display display;
    private final Consumer<JsonObject> onResult;
    private final Consumer<String> onFailure;

    /**
     * @param document  the analysis as it is now (the job reads it once, when it starts)
     * @param project   the project folder on disk
     * @param display   the display whose thread receives the outcome
     * @param onResult  receives the backend's result on the UI thread
     * @param onFailure receives a message on the UI thread when the computation fails
     */
    public CkaComputeJob(String name, CkaDocument document, Path project, Display display,
            Consumer<JsonObject> onResult, Consumer<String> onFailure) {
        super(NLS.bind(Messages.CkaComputeJob_name, name));
        this.document = document;
        this.project = project;
        this.display = display;
        this.onResult = onResult;
        this.onFailure = onFailure;
        setUser(true);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            JsonObject result = CkaComputation.compute(getName(), document, project, monitor);
            deliver(() -> onResult.accept(result));
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (CoreException e) {
            return fail(e.getStatus().getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    private IStatus fail(String message, Throwable cause) {
        deliver(() -> onFailure.accept(message));
        return Status.error(message, cause);
    }

    private void deliver(Runnable runnable) {
        if (!display.isDisposed()) {
            display.asyncExec(runnable);
        }
    }
}
