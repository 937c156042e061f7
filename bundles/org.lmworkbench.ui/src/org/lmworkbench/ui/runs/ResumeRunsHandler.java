package org.lmworkbench.ui.runs;

import java.util.List;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.handlers.HandlerUtil;
import org.lmworkbench.launching.RunLaunches;

/**
 * Resume: continues cancelled, interrupted or failed runs from their newest checkpoint (the
 * backend's {@code resume}, started by the launching layer). Offered only for such runs
 * ({@link RunPropertyTester}).
 */
public final class ResumeRunsHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<IFolder> runs = RunFolders.selected(HandlerUtil.getCurrentSelection(event));
        if (runs.isEmpty()) {
            return null;
        }
        Job job = new Job(NLS.bind(Messages.ResumeRunsHandler_job, runs.size())) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    RunLaunches.resume(runs, monitor);
                    return Status.OK_STATUS;
                } catch (CoreException e) {
                    return e.getStatus();
                }
            }
        };
        job.setUser(true);
        job.schedule();
        return null;
    }
}
