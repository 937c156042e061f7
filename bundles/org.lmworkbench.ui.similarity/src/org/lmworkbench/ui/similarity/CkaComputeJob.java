package org.lmworkbench.ui.similarity;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.workspace.cka.CkaDocument;

/**
 * Computes a .cka document's similarity ({@link CkaComputation}) for its editor and hands the
 * outcome to the editor on the UI thread while it is open. Cancelling (closing the editor does)
 * terminates the backend. Belongs to {@link #FAMILY}.
 */
public final class CkaComputeJob extends Job {

    /** The family of all similarity computations, for waiting on or cancelling them together. */
    public static final Object FAMILY = CkaComputeJob.class;

    private final CkaDocument document;
    private final Path project;
    private final CkaEditor editor;

    /**
     * @param name     the document's name, for the job and the Console
     * @param document the analysis as it is now (not changed while the job runs)
     * @param project  the project folder on disk
     * @param editor   the editor that receives the outcome
     */
    CkaComputeJob(String name, CkaDocument document, Path project, CkaEditor editor) {
        super(NLS.bind(Messages.CkaComputeJob_name, name));
        this.document = document;
        this.project = project;
        this.editor = editor;
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
            editor.inUi(() -> editor.acceptResult(result));
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (CoreException e) {
            String message = e.getStatus().getMessage();
            editor.inUi(() -> editor.computeFailed(message));
            return e.getStatus();
        } finally {
            monitor.done();
        }
    }
}
