package org.lmworkbench.launching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunPlanner.PlannedRun;
import org.lmworkbench.launching.internal.LaunchingPlugin;

/**
 * Launches existing run folders: each is trained by the backend's {@code resume}, which continues
 * from the newest checkpoint or starts a queued folder at step 0. This is how a run is resumed and
 * how a re-run (a new folder with the old run's spec) starts; the runs go through the same
 * {@link RunQueue} as a Training Run, so they have their Console pages, Progress entries and
 * Terminate. The configurations are made on the fly by {@link RunLaunches} (the type is private).
 */
public final class RunFoldersDelegate extends JobLaunchDelegate {

    /** The launch configuration type id. */
    public static final String TYPE_ID = "org.lmworkbench.launching.runFolders";
    /** Attribute: workspace paths of the run folders (a list of strings), all of one project. */
    public static final String RUN_FOLDERS = "org.lmworkbench.launching.runFolders";

    @Override
    public ILaunch getLaunch(ILaunchConfiguration configuration, String mode) {
        return new TrainingLaunch(configuration, mode);
    }

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        List<IFolder> folders = folders(configuration);
        BackendCommandLines.classPath(); // says which feature to install before anything starts
        List<PlannedRun> runs = new ArrayList<>();
        for (IFolder folder : folders) {
            RunDirectory run = new RunDirectory(folder.getLocation().toPath());
            try {
                runs.add(new PlannedRun(run, run.readSpec(), false));
            } catch (IOException e) {
                throw new CoreException(LaunchingPlugin.error(NLS.bind(Messages.RunFoldersDelegate_noSpec,
                        folder.getFullPath(), e.getMessage()), e));
            }
        }
        if (!(launch instanceof TrainingLaunch training)) {
            throw new CoreException(LaunchingPlugin.error(Messages.TrainingRunDelegate_foreignLaunch, null));
        }
        launch.setAttribute(DebugPlugin.ATTR_CONSOLE_ENCODING, StandardCharsets.UTF_8.name());
        IProject project = folders.get(0).getProject();
        int parallel = Math.max(1, runs.get(0).spec().execution().parallel());
        RunQueue queue = new RunQueue(training, project, parallel);
        training.setQueue(queue);
        queue.start(runs);
    }

    private static List<IFolder> folders(ILaunchConfiguration configuration) throws CoreException {
        List<IFolder> folders = new ArrayList<>();
        for (String path : configuration.getAttribute(RUN_FOLDERS, List.of())) {
            // A handle, not a member: a re-run's folder is made on disk just before the launch and
            // reaches the workspace with the queue's refresh.
            IPath workspacePath = IPath.fromPortableString(path);
            IFolder folder = workspacePath.segmentCount() < 2 ? null
                    : ResourcesPlugin.getWorkspace().getRoot().getFolder(workspacePath);
            if (folder == null || folder.getLocation() == null || !Files.isDirectory(folder.getLocation().toPath())) {
                throw new CoreException(LaunchingPlugin.error(NLS.bind(Messages.RunFoldersDelegate_missing, path), null));
            }
            folders.add(folder);
        }
        if (folders.isEmpty()) {
            throw new CoreException(LaunchingPlugin.error(Messages.RunFoldersDelegate_none, null));
        }
        return folders;
    }
}
