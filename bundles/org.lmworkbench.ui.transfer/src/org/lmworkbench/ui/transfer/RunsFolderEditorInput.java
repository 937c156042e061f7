package org.lmworkbench.ui.transfer;

import java.util.Objects;
import org.eclipse.core.resources.IContainer;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * Editor input for the transfer editor opened on a project's {@code runs/} folder instead of a spec:
 * every run in the folder is analysed, whichever spec it came from. Not persisted: the editor is
 * cheap to open again and a restored one would silently analyse whatever the folder holds then.
 */
public final class RunsFolderEditorInput implements IEditorInput {

    private final IContainer project;

    /**
     * An input for the runs of {@code project} (the container whose {@code runs/} folder holds them).
     */
    public RunsFolderEditorInput(IContainer project) {
        this.project = Objects.requireNonNull(project, "project");
    }

    /** The container whose {@code runs/} folder holds the runs. */
    public IContainer project() {
        return project;
    }

    @Override
    public boolean exists() {
        return project.exists();
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        return NLS.bind(Messages.TransferEditor_runsFolderName, project.getName());
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return project.getFullPath().append("runs").toString();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return adapter.isInstance(project) ? adapter.cast(project) : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunsFolderEditorInput other && project.equals(other.project);
    }

    @Override
    public int hashCode() {
        return project.hashCode();
    }
}
