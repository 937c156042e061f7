package org.lmworkbench.workspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Marks a project as an experiment project. Configuring the nature adds the spec builder to the
 * build spec, so spec problems appear in the Problems view without any further setup; removing the
 * nature takes the builder away again and leaves no markers behind.
 */
public final class ExperimentNature implements IProjectNature {

    /** The nature id; it is written into .project files, so it never changes. */
    public static final String ID = "org.lmworkbench.experimentNature";

    /** The id of the builder this nature manages (see {@code org.lmworkbench.workspace.builder.SpecBuilder}). */
    public static final String BUILDER_ID = "org.lmworkbench.specBuilder";

    private IProject project;

    /** Created by the resources plug-in from the natures extension. */
    public ExperimentNature() {
        // the project is supplied through setProject
    }

    @Override
    public void configure() throws CoreException {
        IProjectDescription description = project.getDescription();
        ICommand[] commands = description.getBuildSpec();
        if (indexOfBuilder(commands) >= 0) {
            return;
        }
        ICommand command = description.newCommand();
        command.setBuilderName(BUILDER_ID);
        ICommand[] extended = Arrays.copyOf(commands, commands.length + 1);
        extended[commands.length] = command;
        description.setBuildSpec(extended);
        project.setDescription(description, null);
    }

    @Override
    public void deconfigure() throws CoreException {
        IProjectDescription description = project.getDescription();
        List<ICommand> commands = new ArrayList<>(Arrays.asList(description.getBuildSpec()));
        int index = indexOfBuilder(commands.toArray(ICommand[]::new));
        if (index >= 0) {
            commands.remove(index);
            description.setBuildSpec(commands.toArray(ICommand[]::new));
            project.setDescription(description, null);
        }
        // Markers of a builder that no longer runs would never be cleared, so drop them now.
        project.deleteMarkers(org.lmworkbench.workspace.builder.SpecMarkers.MARKER_TYPE, true,
                org.eclipse.core.resources.IResource.DEPTH_INFINITE);
    }

    @Override
    public IProject getProject() {
        return project;
    }

    @Override
    public void setProject(IProject project) {
        this.project = project;
    }

    /** True when the project is open and has this nature. */
    public static boolean isExperimentProject(IProject project) {
        try {
            return project != null && project.isOpen() && project.hasNature(ID);
        } catch (CoreException e) {
            return false; // a project whose description cannot be read is not one we can work with
        }
    }

    /**
     * Adds the nature to a project (which configures the builder). Does nothing when the nature is
     * already there.
     */
    public static void addTo(IProject project, IProgressMonitor monitor) throws CoreException {
        IProjectDescription description = project.getDescription();
        if (description.hasNature(ID)) {
            return;
        }
        String[] natures = description.getNatureIds();
        String[] extended = Arrays.copyOf(natures, natures.length + 1);
        extended[natures.length] = ID;
        description.setNatureIds(extended);
        project.setDescription(description, monitor);
    }

    private static int indexOfBuilder(ICommand[] commands) {
        for (int i = 0; i < commands.length; i++) {
            if (BUILDER_ID.equals(commands[i].getBuilderName())) {
                return i;
            }
        }
        return -1;
    }
}
