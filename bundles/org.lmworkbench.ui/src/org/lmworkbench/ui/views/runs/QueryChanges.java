package org.lmworkbench.ui.views.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.lmworkbench.workspace.runs.RunQuery;

/**
 * Whether a workspace change touches the runs a view follows (a run started or was deleted, a
 * status.json or meta.json was rewritten, a refresh found new files), so the view reads them again
 * instead of polling while nothing runs.
 */
public final class QueryChanges {

    private QueryChanges() {
    }

    /** True if {@code event} changed anything under the run folders or the project of {@code query}. */
    public static boolean touches(IResourceChangeEvent event, RunQuery query) {
        if (query.isEmpty() || event.getDelta() == null) {
            return false;
        }
        List<Path> watched = new ArrayList<>(query.runs());
        if (query.project() != null) {
            watched.add(query.project());
        }
        boolean[] touched = new boolean[1];
        try {
            event.getDelta().accept(delta -> {
                IPath location = delta.getResource().getLocation();
                if (location != null && delta.getKind() != IResourceDelta.NO_CHANGE) {
                    Path path = location.toPath();
                    touched[0] |= watched.stream().anyMatch(path::startsWith);
                }
                return !touched[0];
            });
        } catch (CoreException e) {
            return true;
        }
        return touched[0];
    }
}
