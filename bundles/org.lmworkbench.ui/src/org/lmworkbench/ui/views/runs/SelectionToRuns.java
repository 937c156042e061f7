package org.lmworkbench.ui.views.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.spec.Specs;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.workspace.SpecFiles;
import org.lmworkbench.workspace.runs.RunQuery;
import org.lmworkbench.workspace.runs.RunTrack;

/**
 * Which runs a workbench selection stands for: a run (a {@link RunElement}, its folder or a file in
 * it), every run of a project (the project or its runs/ folder), or the runs made from a spec file
 * (its single run or its sweep). One project, runs/ folder or spec is followed as it grows, so runs
 * of a sweep appear as they start; a mixed selection is the runs it names now.
 */
public final class SelectionToRuns {

    private SelectionToRuns() {
    }

    /** The runs of {@code selection}, or null when it names none (a view then keeps what it shows). */
    public static RunQuery query(ISelection selection) {
        if (!(selection instanceof IStructuredSelection structured) || structured.isEmpty()) {
            return null;
        }
        List<RunQuery> parts = new ArrayList<>();
        for (Object element : structured.toList()) {
            RunQuery part = queryOf(element);
            if (part != null) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Set<Path> runs = new LinkedHashSet<>();
        for (RunQuery part : parts) {
            try {
                runs.addAll(part.project() == null ? part.resolve() : acceptedNow(part));
            } catch (IOException e) {
                // A project whose runs/ cannot be listed adds no runs; the others still show.
            }
        }
        List<Path> list = List.copyOf(runs);
        return RunQuery.of(list, NLS.bind(Messages.RunsView_someRuns, list.size()));
    }

    private static List<Path> acceptedNow(RunQuery query) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path run : query.resolve()) {
            if (query.specName() == null
                    || query.accepts(new RunTrack(run).loadSpec())) {
                out.add(run);
            }
        }
        return out;
    }

    private static RunQuery queryOf(Object element) {
        if (element instanceof RunElement run) {
            return runQuery(run.folder());
        }
        IResource resource = Adapters.adapt(element, IResource.class);
        if (resource == null || resource.getLocation() == null) {
            return null;
        }
        if (resource instanceof IProject project) {
            return RunQuery.project(location(project), NLS.bind(Messages.RunsView_runsOfProject, project.getName()));
        }
        if (SpecFiles.isRunsFolder(resource)) {
            IProject project = resource.getProject();
            return RunQuery.project(location(project), NLS.bind(Messages.RunsView_runsOfProject, project.getName()));
        }
        if (SpecFiles.isSpec(resource)) {
            IFile spec = (IFile) resource;
            return RunQuery.spec(location(spec.getProject()), specName(location(spec)),
                    NLS.bind(Messages.RunsView_runsOfSpec, spec.getName()));
        }
        for (IContainer c = resource instanceof IFolder f ? f : resource.getParent(); c != null; c = c.getParent()) {
            if (SpecFiles.isRunDirectory(c)) {
                return runQuery((IFolder) c); // the run folder itself or a file anywhere inside it
            }
        }
        return null;
    }

    private static RunQuery runQuery(IFolder folder) {
        IPath location = folder.getLocation();
        return location == null ? null
                : RunQuery.of(List.of(location.toPath()), NLS.bind(Messages.RunsView_oneRun, folder.getName()));
    }

    private static Path location(IResource resource) {
        return resource.getLocation().toPath();
    }

    /** The name the spec's runs carry in their spec.json ({@link Specs#name}). */
    static String specName(Path file) {
        return Specs.name(file);
    }
}
