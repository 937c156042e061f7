package org.lmworkbench.launching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunPlanner;
import org.lmworkbench.core.spec.SpecLoadResult;
import org.lmworkbench.launching.internal.LaunchingPlugin;

/**
 * Launches a "Training Run" configuration: validates its spec (refusing, with file, line and JSON
 * path, before anything is created), creates the run folders under {@code <project>/runs/} (core's
 * {@link RunPlanner}, as the command line does) and trains them in backend workers through a
 * {@link RunQueue}. Each run's output goes to its own Console page, its Terminate stops it at a step
 * boundary, and a Progress entry follows it. A spec whose target is Slurm is submitted through the
 * configuration's Slurm profile instead ({@link SlurmSubmission}).
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
        if (!(launch instanceof TrainingLaunch training)) {
            // Only happens if someone launches the delegate with a launch of their own.
            throw new CoreException(LaunchingPlugin.error(Messages.TrainingRunDelegate_foreignLaunch, null));
        }
        RunPlanner planner = new RunPlanner(spec.getLocation().toFile().toPath(), display);
        Path runsFolder = spec.getProject().getLocation().toFile().toPath().resolve(RunDirectory.RUNS);
        SpecLoadResult loaded;
        try {
            loaded = planner.load();
        } catch (RunPlanner.RefusedException e) {
            throw new CoreException(LaunchingPlugin.error(refusal(display, e), null));
        }
        if (SlurmSubmission.isFor(loaded)) {
            BackendCommandLines.classPath(); // says which feature to install before anything is submitted
            try {
                planner.refuseOtherPoints(loaded, runsFolder);
            } catch (RunPlanner.RefusedException e) {
                throw new CoreException(LaunchingPlugin.error(refusal(display, e), null));
            }
            launch.setAttribute(DebugPlugin.ATTR_CONSOLE_ENCODING, StandardCharsets.UTF_8.name());
            SlurmSubmission submission = SlurmSubmission.of(training, configuration, spec.getProject(),
                    spec.getLocation().toFile().toPath(), loaded);
            training.setQueue(submission);
            submission.submit(sub.split(2));
            return;
        }
        // The queue first: a workbench without the backend feature says so before any run folder is made.
        int parallel = RunPlanner.parallel(loaded);
        RunQueue queue = new RunQueue(training, spec.getProject(), parallel);
        RunPlanner.Plan plan;
        try {
            plan = planner.plan(loaded, runsFolder, RunPlanner.SingleRunId.FRESH_NUMBER);
        } catch (RunPlanner.RefusedException e) {
            queue.abandon();
            throw new CoreException(LaunchingPlugin.error(refusal(display, e), null));
        } catch (IOException | IllegalArgumentException e) {
            queue.abandon();
            throw new CoreException(LaunchingPlugin.error(NLS.bind(Messages.TrainingRunDelegate_cannotCreate, display,
                    e.getMessage()), e));
        }
        sub.worked(1);
        launch.setAttribute(DebugPlugin.ATTR_CONSOLE_ENCODING, StandardCharsets.UTF_8.name());
        training.setQueue(queue);
        queue.start(plan.runs());
        sub.worked(1);
    }

    /**
     * The refusal text: a summary line, then one {@code file:line: message (JSON path)} line per
     * problem, like the backend prints them.
     */
    static String refusal(String file, RunPlanner.RefusedException e) {
        int count = e.errors().size();
        if (count == 0) {
            return e.getMessage(); // the folders refuse a valid spec, and the message says why
        }
        StringBuilder text = new StringBuilder(NLS.bind(Messages.RunPlanner_invalidSpec, file, count));
        text.append('\n').append(e.problemLines(RunPlanner.MAX_LISTED_PROBLEMS));
        if (count > RunPlanner.MAX_LISTED_PROBLEMS) {
            text.append('\n').append(NLS.bind(Messages.RunPlanner_moreProblems, count - RunPlanner.MAX_LISTED_PROBLEMS));
        }
        return text.toString();
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
