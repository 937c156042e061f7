package org.lmworkbench.ui.theory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.lmworkbench.ui.editors.ReadOnlyFormEditor;

/**
 * The theory editor of a run, opened on its {@code probes/features.jsonl} or
 * {@code probes/modes.jsonl}: measurements with what the theory predicts drawn over them. Page 1:
 * the features-at-convergence and neural-feature-ansatz correlations per layer against step. Page 2:
 * the projections of the end-to-end map onto the data's singular modes beside Saxe et al.'s
 * sigmoids, with predicted and measured half-times. The editor only reads the run; the files are
 * read again when they change on disk.
 */
public final class TheoryEditor extends ReadOnlyFormEditor {

    /** Editor id, as registered in plugin.xml. */
    public static final String ID = "org.lmworkbench.ui.editors.theory";

    private Path runDir;
    private IFolder runFolder;
    private FeaturesPage featuresPage;
    private ModesPage modesPage;
    private int loads;
    private int shown;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        Path file = localFile(input);
        if (file == null || file.getParent() == null || file.getParent().getParent() == null) {
            throw new PartInitException(NLS.bind(Messages.TheoryEditor_notLocal, input.getName()));
        }
        runDir = file.getParent().getParent();
        IFile workspaceFile = Adapters.adapt(input, IFile.class);
        if (workspaceFile != null) {
            IContainer probes = workspaceFile.getParent();
            runFolder = probes.getParent() instanceof IFolder folder ? folder : null;
        }
        super.init(site, input);
        setPartName(NLS.bind(Messages.TheoryEditor_title, runDir.getFileName()));
        setTitleToolTip(file.toString());
    }

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
            featuresPage = new FeaturesPage(this);
            addPage(featuresPage);
            modesPage = new ModesPage(this);
            addPage(modesPage);
        } catch (PartInitException e) {
            ILog.of(getClass()).error(e.getMessage(), e);
        }
        if (getEditorInput().getName().equals(org.lmworkbench.core.run.ModesLine.FILE)) {
            setActivePage(ModesPage.ID);
        }
        load();
    }

    /** Reads the run's files in a job and shows them on both pages. */
    void load() {
        int load = ++loads;
        schedule(Job.create(NLS.bind(Messages.TheoryEditor_loadJob, runDir.getFileName()), monitor -> {
            TheoryData data;
            String error = null;
            try {
                data = TheoryData.read(runDir);
            } catch (IOException | RuntimeException e) {
                data = null;
                error = e.getMessage();
            }
            TheoryData loaded = data;
            String problem = error;
            inUi(() -> {
                if (load != loads) {
                    return;
                }
                shown = load;
                featuresPage.show(loaded, problem);
                modesPage.show(loaded, problem);
            });
            return Status.OK_STATUS;
        }));
    }

    @Override
    protected void inputChangedOnDisk() {
        load();
    }

    /** True until the newest read is on the pages (for tests). */
    boolean isLoading() {
        return shown != loads;
    }

    /** Page 1. */
    FeaturesPage featuresPage() {
        return featuresPage;
    }

    /** Page 2. */
    ModesPage modesPage() {
        return modesPage;
    }

    /** The run folder: deleting the run closes the editor. */
    @Override
    protected IResource watchedResource() {
        return runFolder;
    }
}
