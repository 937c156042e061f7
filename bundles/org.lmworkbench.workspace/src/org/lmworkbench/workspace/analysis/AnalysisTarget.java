package org.lmworkbench.workspace.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.lmworkbench.workspace.SpecFiles;

/**
 * What an analysis is asked to compute on, made from a selection of workspace resources: one run
 * folder, several run folders of one project, a spec file, or another file (a document). Results
 * are placed relative to the {@link #base()} folder.
 */
public final class AnalysisTarget {

    private final AnalysisKind kind;
    private final IProject project;
    private final List<IFolder> runs;
    private final IFile file;

    private AnalysisTarget(AnalysisKind kind, IProject project, List<IFolder> runs, IFile file) {
        this.kind = kind;
        this.project = project;
        this.runs = List.copyOf(runs);
        this.file = file;
    }

    /**
     * The target a selection makes: only run folders (of one project), or a single file. Anything
     * else (a mix, runs of two projects, a plain folder, resources outside the local file system) is
     * no target, and null is returned.
     */
    public static AnalysisTarget of(List<? extends IResource> selection) {
        if (selection.isEmpty() || selection.stream().anyMatch(r -> r == null || r.getLocation() == null)) {
            return null;
        }
        if (selection.size() == 1 && selection.get(0) instanceof IFile single) {
            AnalysisKind kind = SpecFiles.isSpec(single) ? AnalysisKind.SPEC : AnalysisKind.DOCUMENT;
            return new AnalysisTarget(kind, single.getProject(), List.of(), single);
        }
        List<IFolder> runs = new ArrayList<>();
        IProject project = selection.get(0).getProject();
        for (IResource resource : selection) {
            if (!SpecFiles.isRunDirectory(resource) || !resource.getProject().equals(project)) {
                return null;
            }
            if (!runs.contains(resource)) {
                runs.add((IFolder) resource);
            }
        }
        return new AnalysisTarget(runs.size() == 1 ? AnalysisKind.RUN : AnalysisKind.RUNS, project, runs, null);
    }

    /** The kind of target. */
    public AnalysisKind kind() {
        return kind;
    }

    /** The project everything lies in. */
    public IProject project() {
        return project;
    }

    /** The run folders (kinds run and runs), in selection order; empty otherwise. */
    public List<IFolder> runs() {
        return runs;
    }

    /** The selected file (kinds spec and document), or null. */
    public IFile file() {
        return file;
    }

    /** Where result paths start: the run folder of one run, the project of several, a file's folder. */
    public IContainer base() {
        return switch (kind) {
            case RUN -> runs.get(0);
            case RUNS -> project;
            case SPEC, DOCUMENT -> file.getParent();
        };
    }

    /** The base folder on disk. */
    public Path baseLocation() {
        return base().getLocation().toPath();
    }

    /** A short name for progress and the Console: the run id, {@code n runs} or the file name. */
    public String label() {
        return switch (kind) {
            case RUN -> runs.get(0).getName();
            case RUNS -> runs.size() + " runs of " + project.getName();
            case SPEC, DOCUMENT -> file.getName();
        };
    }

    @Override
    public String toString() {
        return kind.word() + " " + label();
    }
}
