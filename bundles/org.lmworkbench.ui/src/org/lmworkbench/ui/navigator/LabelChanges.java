package org.lmworkbench.ui.navigator;

import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.runtime.CoreException;
import org.lmworkbench.core.cluster.SchedulerSnapshot;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.workspace.SpecFiles;

/**
 * Finds the navigator elements whose label depends on a resource change but which the resource
 * content would not update by itself: a run, when its status.json, meta.json or the scheduler's
 * answer beside it (scheduler.json) is written, and a spec, when its markers change (its problem
 * overlay is drawn by {@link ExperimentLabelProvider}).
 */
final class LabelChanges {

    /** Flags that mean a file's bytes may be different now. */
    private static final int CONTENT_FLAGS = IResourceDelta.CONTENT | IResourceDelta.REPLACED
            | IResourceDelta.MOVED_FROM | IResourceDelta.MOVED_TO;

    private LabelChanges() {
    }

    /** The elements to update, without duplicates; empty when the delta touches no run or spec. */
    static Object[] collect(IResourceDelta delta) {
        Set<Object> elements = new LinkedHashSet<>();
        try {
            delta.accept(child -> visit(child, elements));
        } catch (CoreException e) {
            UiPlugin.log(e.getMessage(), e); // cannot happen: the visitor throws nothing
        }
        return elements.toArray();
    }

    private static boolean visit(IResourceDelta delta, Set<Object> elements) {
        IResource resource = delta.getResource();
        switch (resource.getType()) {
            case IResource.ROOT:
            case IResource.PROJECT:
                // No nature check here: the names below are specific enough, and a project whose
                // description is being rewritten in the same operation may not report its nature.
                return true;
            case IResource.FOLDER:
                // Specs may live in any folder, but nothing below a run's own folders (probes/,
                // checkpoints/) has a label of ours, and those trees can hold thousands of files.
                return !SpecFiles.isRunDirectory(resource.getParent());
            default:
                addFile(delta, resource, elements);
                return false;
        }
    }

    private static void addFile(IResourceDelta delta, IResource file, Set<Object> elements) {
        if ((SpecFiles.STATUS_FILE.equals(file.getName()) || RunDirectory.META.equals(file.getName())
                || SchedulerSnapshot.FILE.equals(file.getName()))
                && SpecFiles.isRunDirectory(file.getParent())
                && statusMayHaveChanged(delta)) {
            elements.add(new RunElement((IFolder) file.getParent()));
        } else if (SpecFiles.isSpec(file) && (delta.getFlags() & IResourceDelta.MARKERS) != 0
                && delta.getKind() == IResourceDelta.CHANGED) {
            elements.add(file);
        }
    }

    private static boolean statusMayHaveChanged(IResourceDelta delta) {
        return delta.getKind() != IResourceDelta.CHANGED || (delta.getFlags() & CONTENT_FLAGS) != 0;
    }
}
