package org.lmworkbench.workspace;

import java.util.Locale;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.lmworkbench.core.run.RunDirectory;

/**
 * Names of the files and folders that make up an experiment project (see DESIGN.md, "Files on
 * disk"), in one place so the builder, the navigator and the wizard agree on them.
 */
public final class SpecFiles {

    /** The extension of spec files written by the workbench. */
    public static final String SPEC_EXTENSION = "lmx";
    /** The suffix of spec files kept as plain JSON, for editors that only know .json. */
    public static final String JSON_SPEC_SUFFIX = ".experiment.json";
    /** The folder that holds one sub-folder per run. */
    public static final String RUNS_FOLDER = RunDirectory.RUNS;
    /** The folder that holds analysis documents. */
    public static final String ANALYSES_FOLDER = "analyses";
    /** The status file inside a run directory; the backend rewrites it by rename. */
    public static final String STATUS_FILE = RunDirectory.STATUS;
    /** The resolved spec inside a run directory. */
    public static final String RUN_SPEC_FILE = RunDirectory.SPEC;
    /** The extension of representation-similarity analyses. */
    public static final String CKA_EXTENSION = "cka";
    /** The extension of scaling-law fit analyses. */
    public static final String FIT_EXTENSION = "fit";

    private SpecFiles() {
    }

    /**
     * True for a spec the builder validates. A run's own spec.json is not one: it is written by the
     * backend from an already valid spec, and markers on it could not be fixed by the user.
     */
    public static boolean isSpec(IResource resource) {
        if (!(resource instanceof IFile file)) {
            return false;
        }
        String name = file.getName().toLowerCase(Locale.ROOT);
        return SPEC_EXTENSION.equals(file.getFileExtension()) || name.endsWith(JSON_SPEC_SUFFIX);
    }

    /** True for the project-level runs/ folder of a project (not a nested folder of that name). */
    public static boolean isRunsFolder(IResource resource) {
        return resource instanceof IFolder folder && RUNS_FOLDER.equals(folder.getName())
                && folder.getParent() instanceof org.eclipse.core.resources.IProject;
    }

    /** True for a direct sub-folder of the project's runs/ folder, i.e. a run directory. */
    public static boolean isRunDirectory(IResource resource) {
        return resource instanceof IFolder folder && isRunsFolder(folder.getParent());
    }

    /** True for an analysis document (*.cka, *.fit). */
    public static boolean isAnalysis(IResource resource) {
        return resource instanceof IFile file
                && (CKA_EXTENSION.equals(file.getFileExtension()) || FIT_EXTENSION.equals(file.getFileExtension()));
    }
}
