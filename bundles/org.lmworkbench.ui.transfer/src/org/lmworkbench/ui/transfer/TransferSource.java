package org.lmworkbench.ui.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IPath;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PartInitException;
import org.lmworkbench.analysis.transfer.SweepRunCollector;
import org.lmworkbench.analysis.transfer.TransferSettings;
import org.lmworkbench.core.spec.SpecLoadResult;
import org.lmworkbench.core.spec.SpecNode;
import org.lmworkbench.core.spec.SpecSchema;
import org.lmworkbench.core.spec.Specs;
import org.lmworkbench.workspace.SpecFiles;

/**
 * Where the transfer editor's runs come from: a spec file (its sweep's runs under the project's
 * {@code runs/}) or a project's whole {@code runs/} folder.
 */
final class TransferSource {

    private final IFile spec;
    private final IContainer project;

    private TransferSource(IFile spec, IContainer project) {
        this.spec = spec;
        this.project = project;
    }

    /**
     * The source of an editor input.
     *
     * @throws PartInitException if the input is neither a spec file nor a runs folder
     */
    static TransferSource of(IEditorInput input) throws PartInitException {
        if (input instanceof IFileEditorInput fileInput && SpecFiles.isSpec(fileInput.getFile())) {
            return new TransferSource(fileInput.getFile(), fileInput.getFile().getProject());
        }
        if (input instanceof RunsFolderEditorInput folderInput) {
            return new TransferSource(null, folderInput.project());
        }
        throw new PartInitException(NLS.bind(Messages.TransferEditor_badInput, input.getName()));
    }

    /** The editor title: the spec file's name or the project's. */
    String name() {
        return spec != null ? spec.getName() : NLS.bind(Messages.TransferEditor_runsFolderName, project.getName());
    }

    /** The spec, or the project whose runs are read. */
    IResource resource() {
        return spec != null ? spec : project;
    }

    /** The folder charts are exported to first: the spec's folder, or the project's. */
    Path folder() {
        return location(spec != null ? spec.getParent() : project);
    }

    /** A base for export file names: the spec's name without extension, or the project's name. */
    String baseName() {
        if (spec == null) {
            return project.getName();
        }
        String name = spec.getName();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The swept keys of the spec, in file order; empty for a runs folder or a spec with errors. */
    List<String> sweepKeys() {
        List<String> keys = new ArrayList<>();
        if (spec != null && location(spec) != null) {
            SpecLoadResult load = Specs.load(location(spec));
            if (load.tree() != null && load.tree().get(SpecSchema.SWEEP) instanceof SpecNode.ObjectNode sweep) {
                keys.addAll(sweep.members().keySet());
            }
        }
        return keys;
    }

    /**
     * Reads the runs (on the calling thread: a Job).
     *
     * @throws IOException if a run file cannot be read, or the project is not on the local disk
     */
    SweepRunCollector.Result collect(TransferSettings settings) throws IOException {
        Path projectDir = location(project);
        if (projectDir == null) {
            throw new IOException(project.getFullPath() + " is not on the local file system");
        }
        SweepRunCollector collector = new SweepRunCollector(settings);
        return spec != null ? collector.fromSpec(location(spec), projectDir) : collector.fromFolder(projectDir);
    }

    private static Path location(IResource resource) {
        IPath location = resource.getLocation();
        return location == null ? null : location.toPath();
    }
}
