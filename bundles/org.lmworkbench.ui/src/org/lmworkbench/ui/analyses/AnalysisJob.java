package org.lmworkbench.ui.analyses;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.statushandlers.StatusManager;
import org.lmworkbench.launching.AnalysisRunner;
import org.lmworkbench.workspace.analysis.AnalysisOutput;
import org.lmworkbench.workspace.analysis.AnalysisRegistry;

/**
 * Computes an offered analysis ({@link AnalysisRunner}: a backend command with its Console, or the
 * analysis's class) and then opens the editor bound to it on the first result file, on the page the
 * binding names. Cancelling, or terminating the backend process, ends the job quietly.
 */
public final class AnalysisJob extends Job {

    /** Family of every analysis job, for waiting on them. */
    public static final Object FAMILY = AnalysisJob.class;

    private final AnalysisOffer offer;
    private final IWorkbenchWindow window;

    /** A job computing {@code offer}, showing its result in {@code window}. */
    public AnalysisJob(AnalysisOffer offer, IWorkbenchWindow window) {
        super(NLS.bind(Messages.AnalysisJob_name, offer.analysis().name(), offer.target().label()));
        this.offer = offer;
        this.window = window;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            List<IFile> results = AnalysisRunner.compute(offer.analysis(), offer.target(), monitor);
            List<AnalysisOutput> outputs = AnalysisRegistry.platform().outputsOf(offer.analysis().id());
            if (!results.isEmpty() && !outputs.isEmpty()) {
                show(results.get(0), outputs.get(0));
            }
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (CoreException e) {
            return e.getStatus();
        }
    }

    private void show(IFile result, AnalysisOutput output) {
        Shell shell = window == null ? null : window.getShell();
        if (shell == null || shell.isDisposed()) {
            return;
        }
        shell.getDisplay().asyncExec(() -> {
            IWorkbenchPage page = window.getActivePage();
            if (shell.isDisposed() || page == null) {
                return;
            }
            try {
                IEditorPart editor = IDE.openEditor(page, result, output.editorId(), true);
                if (output.pageId() != null && editor instanceof FormEditor form) {
                    form.setActivePage(output.pageId());
                }
            } catch (PartInitException e) {
                StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW | StatusManager.LOG);
            }
        });
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }
}
