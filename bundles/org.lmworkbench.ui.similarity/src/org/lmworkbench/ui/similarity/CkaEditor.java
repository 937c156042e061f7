package org.lmworkbench.ui.similarity;

import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.editor.FormEditor;
import org.lmworkbench.workspace.cka.CkaDocument;
import org.lmworkbench.workspace.cka.CkaDocumentReader;
import org.lmworkbench.workspace.cka.CkaFormatException;

/**
 * The editor of a representation-similarity analysis ({@code *.cka}): a Settings page to choose
 * runs, layers, step and metric and to start the computation, and a Result page with the heatmap.
 * The document is the editor's model; computing stores the backend's result in it (the editor
 * becomes dirty) and saving writes its JSON. A file that cannot be read opens on a page that lists
 * its problems with JSON paths and lines.
 */
public final class CkaEditor extends FormEditor {

    /** The editor id in plugin.xml. */
    public static final String ID = "org.lmworkbench.ui.editors.cka";

    private IFile file;
    private CkaDocument document;
    private CkaFormatException loadError;
    private CkaSettingsPage settingsPage;
    private CkaResultPage resultPage;
    private CkaComputeJob running;
    private boolean dirty;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof IFileEditorInput fileInput)) {
            throw new PartInitException(Messages.CkaEditor_notAFile);
        }
        super.init(site, input);
        file = fileInput.getFile();
        setPartName(file.getName());
        try (InputStream in = file.getContents(true)) {
            document = CkaDocumentReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    file.getFullPath().toString());
        } catch (CkaFormatException e) {
            loadError = e;
        } catch (CoreException | IOException e) {
            throw new PartInitException(Status.error(e.getMessage(), e));
        }
    }

    @Override
    protected void addPages() {
        try {
            if (loadError != null) {
                addPage(new CkaProblemsPage(this, loadError));
                return;
            }
            settingsPage = new CkaSettingsPage(this);
            resultPage = new CkaResultPage(this);
            addPage(settingsPage);
            addPage(resultPage);
            if (document.result() != null || document.resultFile() != null) {
                setActivePage(CkaResultPage.ID);
            }
        } catch (PartInitException e) {
            ILog.of(getClass()).error("cannot create the pages of " + file, e);
        }
    }

    /** The workspace file being edited. */
    public IFile file() {
        return file;
    }

    /** The project folder on disk, against which run folders resolve. */
    public Path projectLocation() {
        IPath location = file.getProject().getLocation();
        return location == null ? null : location.toPath();
    }

    /** The document; null when the file could not be read. */
    public CkaDocument document() {
        return document;
    }

    /** The Result page (null for an unreadable file). */
    public CkaResultPage resultPage() {
        return resultPage;
    }

    /** The Settings page (null for an unreadable file). */
    public CkaSettingsPage settingsPage() {
        return settingsPage;
    }

    /** The problems that kept the file from opening, or null. */
    public CkaFormatException loadError() {
        return loadError;
    }

    /** Marks the document changed by a page. */
    public void documentChanged() {
        setDirty(true);
    }

    /**
     * Starts computing the similarity in a Job (the one running is cancelled first) and returns it.
     * The result goes into the document and the Result page comes to the front.
     */
    public CkaComputeJob compute() {
        if (running != null) {
            running.cancel();
        }
        Path project = projectLocation();
        CkaDocument snapshot;
        try {
            snapshot = CkaDocumentReader.read(document.toJson(), null);
        } catch (CkaFormatException e) {
            settingsPage.showComputeError(e.getMessage());
            return null;
        }
        settingsPage.computeStarted();
        CkaComputeJob job = new CkaComputeJob(file.getName(), snapshot, project, getSite().getShell().getDisplay(),
                this::acceptResult, this::computeFailed);
        running = job;
        job.schedule();
        return job;
    }

    private void acceptResult(JsonObject result) {
        if (settingsPage == null || settingsPage.getPartControl() == null || settingsPage.getPartControl().isDisposed()) {
            return;
        }
        document.setResult(result);
        setDirty(true);
        settingsPage.computeFinished(null);
        resultPage.showResult();
        setActivePage(CkaResultPage.ID);
    }

    private void computeFailed(String message) {
        if (settingsPage != null && settingsPage.getPartControl() != null && !settingsPage.getPartControl().isDisposed()) {
            settingsPage.computeFinished(message);
        }
    }

    private void setDirty(boolean value) {
        if (dirty != value) {
            dirty = value;
            editorDirtyStateChanged();
        }
    }

    @Override
    public boolean isDirty() {
        return dirty;
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (document == null) {
            return;
        }
        try {
            file.setContents(new ByteArrayInputStream(document.toJson().getBytes(StandardCharsets.UTF_8)), true, true,
                    monitor);
            setDirty(false);
        } catch (CoreException e) {
            ErrorDialog.openError(getSite().getShell(), Messages.CkaEditor_saveFailed, null, e.getStatus());
        }
    }

    @Override
    public void doSaveAs() {
        // one document, one file: Save As would leave the result's runs relative to another place
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void dispose() {
        if (running != null) {
            running.cancel();
        }
        super.dispose();
    }
}
