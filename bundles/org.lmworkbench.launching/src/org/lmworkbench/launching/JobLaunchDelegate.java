package org.lmworkbench.launching;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;

/**
 * A delegate for launches the workbench starts on the user's behalf from a job (analysis commands,
 * resumes and re-runs of run folders): what they train or compute reads its own files, so there is no
 * workspace build before them, no prompt to save editors and nothing to check in other projects.
 */
abstract class JobLaunchDelegate extends LaunchConfigurationDelegate {

    @Override
    public final boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return false;
    }

    @Override
    public final boolean preLaunchCheck(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return true;
    }

    @Override
    public final boolean finalLaunchCheck(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return true;
    }
}
