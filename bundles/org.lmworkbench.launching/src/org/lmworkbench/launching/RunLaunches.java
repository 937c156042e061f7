package org.lmworkbench.launching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.launching.internal.LaunchingPlugin;

/**
 * Launches that start from a run rather than from a spec file: <b>resume</b> continues a stopped run
 * from its newest checkpoint, <b>re-run</b> trains the run's spec again in a new run folder. Both
 * start the backend's {@code resume} on a run folder through {@link RunFoldersDelegate}, the same
 * path as every Training Run.
 */
public final class RunLaunches {

    /** States a run can be resumed from: it stopped before its last step and is not running. */
    private static final Set<RunState> RESUMABLE = Set.of(RunState.CANCELLED, RunState.INTERRUPTED, RunState.FAILED);

    /**
     * A re-run.
     *
     * @param folder the new run folder
     * @param launch its launch
     */
    public record Rerun(IFolder folder, ILaunch launch) {
    }

    private RunLaunches() {
    }

    /**
     * Why {@code run} cannot be resumed, or null if it can: it must have a spec (imported runs have
     * none), be cancelled, interrupted or failed, and have a checkpoint to continue from.
     */
    public static String resumeProblem(RunDirectory run) {
        if (!Files.isRegularFile(run.specFile())) {
            return NLS.bind(Messages.RunLaunches_noSpec, run.runId());
        }
        RunStatus status;
        try {
            status = run.readStatus();
        } catch (IOException e) {
            return e.getMessage();
        }
        if (!RESUMABLE.contains(status.state())) {
            return NLS.bind(Messages.RunLaunches_notStopped, run.runId(), status.state().jsonName());
        }
        try {
            if (run.checkpointSteps().isEmpty()) {
                return NLS.bind(Messages.RunLaunches_noCheckpoint, run.runId());
            }
        } catch (IOException e) {
            return e.getMessage();
        }
        return null;
    }

    /** Why {@code run} cannot be run again, or null if it can: it needs a readable spec.json. */
    public static String rerunProblem(RunDirectory run) {
        if (!Files.isRegularFile(run.specFile())) {
            return NLS.bind(Messages.RunLaunches_noSpec, run.runId());
        }
        try {
            run.readSpec();
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /**
     * Resumes runs, one launch per project.
     *
     * @throws CoreException naming the run when one cannot be resumed (nothing is started then)
     */
    public static List<ILaunch> resume(List<IFolder> runs, IProgressMonitor monitor) throws CoreException {
        Map<IProject, List<IFolder>> byProject = new LinkedHashMap<>();
        for (IFolder folder : runs) {
            String problem = resumeProblem(directory(folder));
            if (problem != null) {
                throw new CoreException(LaunchingPlugin.error(problem, null));
            }
            byProject.computeIfAbsent(folder.getProject(), p -> new ArrayList<>()).add(folder);
        }
        SubMonitor sub = SubMonitor.convert(monitor, byProject.size());
        List<ILaunch> launches = new ArrayList<>();
        for (List<IFolder> folders : byProject.values()) {
            String name = folders.size() == 1 ? NLS.bind(Messages.RunLaunches_resumeOne, folders.get(0).getName())
                    : NLS.bind(Messages.RunLaunches_resumeSome, folders.size());
            launches.add(launch(name, folders, sub.split(1)));
        }
        return launches;
    }

    /**
     * Trains {@code run}'s spec again: a new folder beside it, named as a new launch of the spec is
     * ({@link RunDirectory#freshId}), with the same spec.json, then started.
     *
     * @throws CoreException when the run has no usable spec or the folder cannot be made
     */
    public static Rerun rerun(IFolder run, IProgressMonitor monitor) throws CoreException {
        SubMonitor sub = SubMonitor.convert(monitor, 2);
        RunDirectory old = directory(run);
        String problem = rerunProblem(old);
        if (problem != null) {
            throw new CoreException(LaunchingPlugin.error(problem, null));
        }
        IContainer parent = run.getParent();
        Path runsFolder = old.path().getParent();
        RunDirectory fresh;
        try {
            ExperimentSpec spec = old.readSpec();
            fresh = RunDirectory.create(runsFolder, RunDirectory.freshId(runsFolder, spec.name()), spec);
        } catch (IOException | IllegalArgumentException e) {
            throw new CoreException(LaunchingPlugin.error(NLS.bind(Messages.RunLaunches_cannotCreate, run.getName(),
                    e.getMessage()), e));
        }
        sub.worked(1);
        IFolder folder = parent.getFolder(org.eclipse.core.runtime.IPath.fromOSString(fresh.runId()));
        ILaunch launch = launch(NLS.bind(Messages.RunLaunches_rerun, run.getName()), List.of(folder), sub.split(1));
        return new Rerun(folder, launch);
    }

    private static ILaunch launch(String name, List<IFolder> folders, IProgressMonitor monitor) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(RunFoldersDelegate.TYPE_ID);
        ILaunchConfigurationWorkingCopy configuration = type.newInstance(null,
                manager.generateLaunchConfigurationName(name));
        configuration.setAttribute(RunFoldersDelegate.RUN_FOLDERS,
                folders.stream().map(f -> f.getFullPath().toPortableString()).toList());
        return configuration.launch(ILaunchManager.RUN_MODE, monitor);
    }

    private static RunDirectory directory(IFolder folder) throws CoreException {
        if (folder.getLocation() == null) {
            throw new CoreException(LaunchingPlugin.error(NLS.bind(Messages.RunFoldersDelegate_missing,
                    folder.getFullPath()), null));
        }
        return new RunDirectory(folder.getLocation().toPath());
    }
}
