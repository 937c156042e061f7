package org.lmworkbench.launching;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;

/**
 * Brings a folder the backend writes into the workspace, so the Project Explorer (which follows
 * resource deltas on status.json) shows runs as they appear and change. Requests while a refresh is
 * waiting or running collapse into one more refresh ({@link org.eclipse.core.runtime.jobs.Job#schedule()}
 * semantics), so polling can ask as often as it likes.
 */
final class RunFolderRefresher extends WorkspaceJob {

    /** Family of every refresh job, for tests that wait for the workspace to catch up. */
    static final Object FAMILY = RunFolderRefresher.class;

    private final IContainer folder;

    RunFolderRefresher(IContainer folder) {
        super(NLS.bind(Messages.RunFolderRefresher_name, folder.getFullPath()));
        this.folder = folder;
        IProject project = folder.getProject();
        setRule(ResourcesPlugin.getWorkspace().getRuleFactory().refreshRule(project));
        setSystem(true);
    }

    /** Asks for a refresh soon. */
    void request() {
        schedule();
    }

    @Override
    public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
        if (!folder.getProject().isAccessible()) {
            return Status.OK_STATUS;
        }
        // A folder the workspace has not seen yet appears by refreshing its nearest known parent.
        IContainer target = folder;
        while (!target.exists() && target.getParent() != null && target.getType() != IResource.PROJECT) {
            target = target.getParent();
        }
        target.refreshLocal(IResource.DEPTH_INFINITE, SubMonitor.convert(monitor, 1));
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }
}
