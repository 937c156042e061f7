package org.lmworkbench.ui.sharpness;

import java.net.URI;
import java.nio.file.Path;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.ui.editors.ReadOnlyFormEditor;

/**
 * The sharpness editor of a run, opened on its {@code probes/sharpness.jsonl} (registered for
 * that file name, and opened from a run's context menu by {@link OpenSharpnessHandler}) or on
 * another file of that folder (a Hessian spectrum the analysis computed). Page 1
 * follows the sharpness and loss curves and reports the edge of stability as numbers; page 2
 * shows, and computes through the backend, the Hessian spectrum of a checkpoint. The editor only
 * reads the run; there is nothing to save.
 */
public final class SharpnessEditor extends ReadOnlyFormEditor {

    /** Editor id, as registered in plugin.xml. */
    public static final String ID = "org.lmworkbench.ui.editors.sharpness";

    private RunSharpnessData data;
    private IFolder runFolder;
    private SharpnessPage sharpnessPage;
    private HessianSpectrumPage spectrumPage;
    private StabilityPage stabilityPage;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        Path file = localFile(input);
        if (file == null) {
            throw new PartInitException(NLS.bind(Messages.SharpnessEditor_notLocal, input.getName()));
        }
        IFile workspaceFile = Adapters.adapt(input, IFile.class);
        if (workspaceFile != null) {
            IContainer probes = workspaceFile.getParent();
            runFolder = probes.getParent() instanceof IFolder folder ? folder : null;
        }
        // Any file of the run's probes folder opens the run (a spectrum result opens on its page).
        Path sharpness = RunDirectory.SHARPNESS.equals(file.getFileName().toString()) ? file
                : file.resolveSibling(RunDirectory.SHARPNESS);
        data = new RunSharpnessData(sharpness);
        super.init(site, input);
        setPartName(NLS.bind(Messages.SharpnessEditor_title, data.runDir().getFileName()));
        setTitleToolTip(file.toString());
    }

    /** The local file behind the input: a workspace file's location or a file-system URI. */
    private static Path localFile(IEditorInput input) {
        IFile file = Adapters.adapt(input, IFile.class);
        if (file != null && file.getLocation() != null) {
            return file.getLocation().toPath();
        }
        if (input instanceof IURIEditorInput uriInput) {
            URI uri = uriInput.getURI();
            if (uri != null && "file".equals(uri.getScheme())) {
                return Path.of(uri);
            }
        }
        return null;
    }

    @Override
    protected void addPages() {
        try {
            sharpnessPage = new SharpnessPage(this, data);
            addPage(sharpnessPage);
            spectrumPage = new HessianSpectrumPage(this, data.runDir(), runFolder);
            addPage(spectrumPage);
            stabilityPage = new StabilityPage(this, data.runDir());
            addPage(stabilityPage);
        } catch (PartInitException e) {
            ILog.of(getClass()).error(e.getMessage(), e);
        }
    }

    /** The run folder: deleting the run closes its sharpness editor. */
    @Override
    protected IResource watchedResource() {
        return runFolder;
    }

    /** Page 1. */
    SharpnessPage sharpnessPage() {
        return sharpnessPage;
    }

    /** Page 2. */
    HessianSpectrumPage spectrumPage() {
        return spectrumPage;
    }

    /** Page 3. */
    StabilityPage stabilityPage() {
        return stabilityPage;
    }

    /** The run folder on disk. */
    public Path runDirectory() {
        return data.runDir();
    }
}
