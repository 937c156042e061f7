package org.lmworkbench.launching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.spec.SpecLoadResult;
import org.lmworkbench.launching.internal.LaunchingPlugin;

/**
 * Launches a "Training Run" configuration: validates its spec (refusing, with file, line and JSON
 * path, before anything is created), creates the run folders under {@code <project>/runs/} and
 * starts one backend JVM per run through a {@link RunQueue}. Each run's output goes to its own
 * Console page, Terminate stops it at a step boundary, and a Progress entry follows it. A spec
 * whose target is Slurm is submitted through the configuration's Slurm profile instead
 * ({@link SlurmSubmission}).
 */
public final class TrainingRunDelegate extends LaunchConfigurationDelegate {

    @Override
    public ILaunch getLaunch(ILaunchConfiguration configuration, String mode) {
        return new TrainingLaunch(configuration, mode);
    }

    /** The spec checker only adds markers; the launch validates the spec itself, so no build is needed. */
    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return false;
    }

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor sub = SubMonitor.convert(monitor, NLS.bind(Messages.TrainingRunDelegate_task, configuration.getName()), 2);
        IFile spec = specFile(configuration);
        String display = spec.getFullPath().toString();
        RunPlanner planner = new RunPlanner(spec.getLocation().toFile().toPath(), display,
                spec.getProject().getLocation().toFile().toPath());
        if (!(launch instanceof TrainingLaunch training)) {
            // Only happens if someone launches the delegate with a launch of their own.
            throw new CoreException(LaunchingPlugin.error(Messages.TrainingRunDelegate_foreignLaunch, null));
        }
        RunPlanner.Plan plan;
        try {
            SpecLoadResult loaded = planner.validate();
            // A workbench without the backend feature says so before any run folder is made.
            BackendCommandLines.classPath();
            if (SlurmSubmission.isFor(loaded)) {
                launch.setAttribute(DebugPlugin.ATTR_CONSOLE_ENCODING, StandardCharsets.UTF_8.name());
                SlurmSubmission submission = SlurmSubmission.of(training, configuration, spec.getProject(),
                        spec.getLocation().toFile().toPath(), loaded);
                training.setQueue(submission);
                submission.submit(sub.split(2));
                return;
            }
            plan = planner.plan();
        } catch (RunPlanner.InvalidSpecException e) {
            throw new CoreException(LaunchingPlugin.error(e.getMessage(), null));
        } catch (IOException | IllegalArgumentException e) {
            throw new CoreException(LaunchingPlugin.error(NLS.bind(Messages.TrainingRunDelegate_cannotCreate, display,
                    e.getMessage()), e));
        }
        sub.worked(1);
        launch.setAttribute(DebugPlugin.ATTR_CONSOLE_ENCODING, StandardCharsets.UTF_8.name());
        RunQueue queue = new RunQueue(training, spec.getProject(), plan.runs(), plan.parallel());
        training.setQueue(queue);
        queue.start();
        sub.worked(1);
    }

    /**
     * The configuration's spec file.
     *
     * @throws CoreException naming the configuration when the attribute is missing or the file gone
     */
    static IFile specFile(ILaunchConfiguration configuration) throws CoreException {
        String path = configuration.getAttribute(LaunchAttributes.SPEC, "");
        if (path.isBlank()) {
            throw new CoreException(LaunchingPlugin.error(NLS.bind(Messages.TrainingRunDelegate_noSpec,
                    configuration.getName()), null));
        }
        IResource resource = ResourcesPlugin.getWorkspace().getRoot().findMember(IPath.fromPortableString(path));
        if (!(resource instanceof IFile file) || !file.exists() || file.getLocation() == null) {
            throw new CoreException(LaunchingPlugin.error(NLS.bind(Messages.TrainingRunDelegate_specMissing,
                    configuration.getName(), path), null));
        }
        return file;
    }
}
