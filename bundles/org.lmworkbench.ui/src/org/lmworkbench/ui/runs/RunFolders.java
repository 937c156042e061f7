package org.lmworkbench.ui.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.workspace.SpecFiles;

/**
 * Run folders in the workspace: those a selection names (runs in the Project Explorer or the runs
 * table), and the workspace folder of a run folder on disk.
 */
public final class RunFolders {

    private RunFolders() {
    }

    /** The run folders of a selection of runs (elements that adapt to their folder), in order. */
    public static List<IFolder> selected(ISelection selection) {
        Set<IFolder> runs = new LinkedHashSet<>();
        if (selection instanceof IStructuredSelection structured) {
            for (Object element : structured) {
                IResource resource = Adapters.adapt(element, IResource.class);
                if (SpecFiles.isRunDirectory(resource)) {
                    runs.add((IFolder) resource);
                }
            }
        }
        return new ArrayList<>(runs);
    }

    /** The workspace folder of the run folder {@code folder}, or null if the workspace does not hold it. */
    public static IFolder of(Path folder) {
        IContainer container = ResourcesPlugin.getWorkspace().getRoot()
                .getContainerForLocation(IPath.fromOSString(folder.toAbsolutePath().toString()));
        return SpecFiles.isRunDirectory(container) ? (IFolder) container : null;
    }

    /** The run element of a run folder on disk, or null if the workspace does not hold it. */
    public static RunElement element(Path folder) {
        IFolder f = of(folder);
        return f == null ? null : new RunElement(f);
    }

    /** The folder on disk of a workspace run folder. */
    public static Path location(IFolder run) {
        IPath location = run.getLocation();
        return location == null ? null : location.toPath();
    }
}
