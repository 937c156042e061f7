package org.lmworkbench.workspace.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.workspace.SpecFiles;
import org.lmworkbench.workspace.internal.Messages;

/**
 * Validates the experiment specs of a project with core's reader and validator and keeps one
 * {@link SpecMarkers#MARKER_TYPE} marker per problem. A full build checks every spec; an
 * incremental build only those added or changed since the last build, which keeps typing in a
 * spec cheap in large projects with thousands of run files.
 */
public final class SpecBuilder extends IncrementalProjectBuilder {

    /** The builder id (declared with this simple id in plugin.xml, qualified by the bundle id). */
    public static final String ID = org.lmworkbench.workspace.ExperimentNature.BUILDER_ID;

    /** Created by the resources plug-in from the builders extension. */
    public SpecBuilder() {
        // stateless: every build reads the specs afresh
    }

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
        List<IFile> specs = delta == null ? allSpecs() : changedSpecs(delta);
        SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.SpecBuilder_task, getProject().getName()),
                specs.size());
        for (IFile spec : specs) {
            if (progress.isCanceled()) {
                // Leave the rest for the next build rather than claiming the project is checked.
                rememberLastBuiltState();
                throw new OperationCanceledException();
            }
            progress.subTask(spec.getProjectRelativePath().toString());
            SpecMarkers.check(spec, progress.split(1));
        }
        return null; // no other project's changes matter to a spec
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        getProject().deleteMarkers(SpecMarkers.MARKER_TYPE, true, IResource.DEPTH_INFINITE);
    }

    private List<IFile> allSpecs() throws CoreException {
        List<IFile> specs = new ArrayList<>();
        getProject().accept(resource -> {
            if (SpecFiles.isSpec(resource)) {
                specs.add((IFile) resource);
            }
            // run directories hold only backend output, and can be large: do not descend into them
            return !SpecFiles.isRunsFolder(resource);
        });
        return specs;
    }

    private static List<IFile> changedSpecs(IResourceDelta delta) throws CoreException {
        List<IFile> specs = new ArrayList<>();
        delta.accept(child -> {
            IResource resource = child.getResource();
            boolean contentChanged = child.getKind() == IResourceDelta.ADDED
                    || (child.getKind() == IResourceDelta.CHANGED
                            && (child.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED
                                    | IResourceDelta.ENCODING)) != 0);
            if (contentChanged && SpecFiles.isSpec(resource)) {
                specs.add((IFile) resource);
            }
            // A removed spec takes its markers with it, so removals need no work.
            return !SpecFiles.isRunsFolder(resource);
        });
        return specs;
    }
}
