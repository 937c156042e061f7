package org.lmworkbench.rcp;

import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IStartup;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * Gives a new workspace an example experiment project so the product is ready to run out of the
 * box.
 * <p>
 * Only an empty workspace gets one: a researcher who deleted the example does not want it back.
 * Set the system property {@code lmw.example=false} to start with an empty workspace.
 */
public final class ExampleProjectStartup implements IStartup {

    /** Name of the project created in an empty workspace. */
    public static final String EXAMPLE_PROJECT = "example-eos"; //$NON-NLS-1$

    @Override
    public void earlyStartup() {
        if (!Boolean.parseBoolean(System.getProperty("lmw.example", "true"))) { //$NON-NLS-1$ //$NON-NLS-2$
            return;
        }
        IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
        if (root.getProjects().length > 0) {
            return;
        }
        WorkspaceJob job = new WorkspaceJob(Messages.ExampleProjectStartup_jobName) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                if (root.getProjects().length == 0) {
                    ExperimentProjects.createFullExampleProject(EXAMPLE_PROJECT, monitor);
                }
                return Status.OK_STATUS;
            }
        };
        job.setRule(root);
        job.schedule();
    }
}
