package org.lmworkbench.workspace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.spec.ExampleSpecs;
import org.lmworkbench.workspace.internal.Messages;
import org.lmworkbench.workspace.internal.WorkspacePlugin;

/**
 * Creates experiment projects: the project itself, the experiment nature (and so the spec
 * builder), the runs/ and analyses/ folders, and the edge-of-stability example spec from core.
 * <p>
 * This is public API: the New Experiment Project wizard uses it, and the product calls
 * {@link #createExampleProject(String, IProgressMonitor)} at first start so that a new user sees a
 * working experiment instead of an empty workspace.
 */
public final class ExperimentProjects {

    /** The file name of the example spec written into new projects. */
    public static final String EXAMPLE_SPEC = ExampleSpecs.EXAMPLE_EOS;
    /** The example scaling-fit document (analyses/), fitting the data-scaling sweep. */
    public static final String EXAMPLE_FIT = "data-scaling.fit";
    /** The example CKA document (analyses/), comparing the muP widths. */
    public static final String EXAMPLE_CKA = "widths.cka";

    private ExperimentProjects() {
    }

    /**
     * Creates an experiment project with the example spec in the workspace's default location, in
     * one workspace operation (a single resource delta, so the builder runs once).
     *
     * @param name    the project name; a project of that name must not exist yet
     * @param monitor progress and cancellation, may be null
     * @return the new, open project
     * @throws CoreException if the project exists already or cannot be created
     */
    public static IProject createExampleProject(String name, IProgressMonitor monitor) throws CoreException {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        IProject project = workspace.getRoot().getProject(name);
        IWorkspaceRunnable creation = m -> create(project, null, m);
        // The root rule, as WorkspaceModifyOperation takes: adding a nature changes the project
        // description, which needs more than the project's own create rule.
        workspace.run(creation, workspace.getRoot(), IWorkspace.AVOID_UPDATE, monitor);
        return project;
    }

    /**
     * Creates the full example project: the edge-of-stability spec, the data-scaling and muP
     * transfer sweeps, and the analysis documents that read their runs ({@value #EXAMPLE_FIT} and
     * {@value #EXAMPLE_CKA}). Launching the three specs on a CPU takes about a minute and fills the
     * Runs view and every editor.
     *
     * @param name    the project name; a project of that name must not exist yet
     * @param monitor progress and cancellation, may be null
     * @return the new, open project
     * @throws CoreException if the project exists already or cannot be created
     */
    public static IProject createFullExampleProject(String name, IProgressMonitor monitor) throws CoreException {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        IProject project = workspace.getRoot().getProject(name);
        IWorkspaceRunnable creation = m -> {
            SubMonitor progress = SubMonitor.convert(m, 2 + ExampleSpecs.ALL.size());
            create(project, null, progress.split(2)); // writes the edge-of-stability spec
            for (String spec : ExampleSpecs.ALL) {
                if (!spec.equals(EXAMPLE_SPEC)) {
                    write(project.getFile(spec), ExampleSpecs.text(spec), progress.split(1));
                }
            }
            IFolder analyses = project.getFolder(SpecFiles.ANALYSES_FOLDER);
            write(analyses.getFile(EXAMPLE_FIT), exampleDocument(EXAMPLE_FIT), null);
            write(analyses.getFile(EXAMPLE_CKA), exampleDocument(EXAMPLE_CKA), null);
        };
        workspace.run(creation, workspace.getRoot(), IWorkspace.AVOID_UPDATE, monitor);
        return project;
    }

    /** The text of an example analysis document shipped beside this class. */
    static String exampleDocument(String fileName) throws CoreException {
        try (InputStream in = ExperimentProjects.class.getResourceAsStream("examples/" + fileName)) {
            if (in == null) {
                throw new CoreException(WorkspacePlugin.error("example document " + fileName + " is missing from the workspace bundle", null));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CoreException(WorkspacePlugin.error("cannot read example document " + fileName, e));
        }
    }

    private static void write(IFile file, String text, IProgressMonitor monitor) throws CoreException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (file.exists()) {
            file.setContents(new ByteArrayInputStream(bytes), true, true, monitor);
        } else {
            file.create(new ByteArrayInputStream(bytes), true, monitor);
        }
    }

    /**
     * Creates the given project handle as an experiment project. Callers are expected to run this
     * inside a workspace operation (the wizard uses a WorkspaceModifyOperation).
     *
     * @param project  the handle of a project that does not exist yet
     * @param location where the project's contents go, or null for the workspace default
     * @param monitor  progress and cancellation, may be null
     * @return the example spec file that was written
     * @throws CoreException if the project exists already or cannot be created
     */
    public static IFile create(IProject project, URI location, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.ExperimentProjects_creating,
                project.getName()), 5);
        IProjectDescription description = project.getWorkspace().newProjectDescription(project.getName());
        description.setLocationURI(location);
        project.create(description, progress.split(1));
        project.open(progress.split(1));
        ExperimentNature.addTo(project, progress.split(1));
        createFolder(project.getFolder(SpecFiles.RUNS_FOLDER), progress.split(1));
        createFolder(project.getFolder(SpecFiles.ANALYSES_FOLDER), progress.split(1));
        return writeExampleSpec(project, progress.split(1));
    }

    /**
     * Writes core's example spec into an existing project as {@value #EXAMPLE_SPEC}, replacing an
     * older copy, so that "restore the example" is the same operation as creating it.
     */
    public static IFile writeExampleSpec(IProject project, IProgressMonitor monitor) throws CoreException {
        IFile spec = project.getFile(EXAMPLE_SPEC);
        write(spec, ExampleSpecs.exampleEos(), monitor);
        return spec;
    }

    private static void createFolder(IFolder folder, IProgressMonitor monitor) throws CoreException {
        if (!folder.exists()) {
            folder.create(true, true, monitor);
        }
    }
}
