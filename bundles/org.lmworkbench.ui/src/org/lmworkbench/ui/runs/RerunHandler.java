package org.lmworkbench.ui.runs;

import java.util.List;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.handlers.HandlerUtil;
import org.lmworkbench.launching.RunLaunches;

/**
 * Re-run: trains each selected run's spec.json again in a new run folder beside it, as a launch of
 * the launching layer (Console, Progress, Terminate). Imported runs, which have no spec, are not
 * offered ({@link RunPropertyTester}).
 */
public final class RerunHandler extends AbstractHandler {

    /** Family of the jobs that start re-runs, for tests that wait for them. */
    public static final Object FAMILY = RerunHandler.class;

    @Override
    public Object execute(ExecutionEvent event) {
        List<IFolder> runs = RunFolders.selected(HandlerUtil.getCurrentSelection(event));
        if (runs.isEmpty()) {
            return null;
        }
        Job job = new Job(NLS.bind(Messages.RerunHandler_job, runs.size())) {
            @Override
            protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
                SubMonitor progress = SubMonitor.convert(monitor, runs.size());
                for (IFolder run : runs) {
                    try {
                        RunLaunches.rerun(run, progress.split(1));
                    } catch (CoreException e) {
                        return e.getStatus();
                    }
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setUser(true);
        job.schedule();
        return null;
    }
}
