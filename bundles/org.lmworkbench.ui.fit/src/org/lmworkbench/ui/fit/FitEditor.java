package org.lmworkbench.ui.fit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.editor.FormEditor;
import org.lmworkbench.workspace.fit.FitDocument;
import org.lmworkbench.workspace.fit.FitDocumentException;
import org.lmworkbench.workspace.fit.FitDocumentJson;
import org.lmworkbench.workspace.fit.FitDocumentWriter;
import org.lmworkbench.workspace.fit.FitResultModel;

/**
 * Editor of {@code *.fit} documents: a "Settings" page (source, form, objective; Fit) and a
 * "Fit" page (log-log plot with band, residuals, parameter table, extrapolation, and for the
 * Chinchilla form the compute-optimal frontier). Fitting runs in-process as a {@link FitJob};
 * the result is stored in the document, which is saved as JSON ({@link FitDocumentWriter}).
 */
public final class FitEditor extends FormEditor {

    /** Editor id, as registered in plugin.xml. */
    public static final String ID = "org.lmworkbench.ui.fit.FitEditor";

    private IFile file;
    private FitDocument document;
    private FitSettingsPage settingsPage;
    private FitResultsPage resultsPage;
    private FitJob job;
    private boolean dirty;
    private boolean closed;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof IFileEditorInput fileInput)) {
            throw new PartInitException(Messages.FitEditor_notAFile);
        }
        file = fileInput.getFile();
        try (InputStream in = file.getContents(true)) {
            document = FitDocumentJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (FitDocumentException e) {
            throw new PartInitException(file.getFullPath() + " " + e.getMessage());
        } catch (IOException | CoreException e) {
            throw new PartInitException(file.getFullPath() + ": " + e.getMessage(), e);
        }
        super.init(site, input);
        setPartName(file.getName());
    }

    @Override
    protected void addPages() {
        try {
            settingsPage = new FitSettingsPage(this);
            resultsPage = new FitResultsPage(this);
            addPage(settingsPage);
            addPage(resultsPage);
        } catch (PartInitException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the document being edited (UI thread only). */
    FitDocument document() {
        return document;
    }

    /** @return the folder relative source paths are resolved against: the file's project. */
    Path baseFolder() {
        return file.getProject().getLocation().toFile().toPath();
    }

    /** @return the settings page. */
    FitSettingsPage settingsPage() {
        return settingsPage;
    }

    /** @return the fit page. */
    FitResultsPage resultsPage() {
        return resultsPage;
    }

    /** @return the last fit job started, or {@code null}. */
    FitJob job() {
        return job;
    }

    /**
     * Starts a fit of the current settings unless one is running.
     *
     * @return the job, or {@code null} if one was running already
     */
    FitJob startFit() {
        if (job != null && job.getState() != org.eclipse.core.runtime.jobs.Job.NONE) {
            return null;
        }
        FitDocument snapshot;
        try {
            // A private copy: the user may keep editing while the job runs.
            snapshot = FitDocumentJson.read(FitDocumentWriter.write(document));
        } catch (FitDocumentException e) {
            fitFailed(e.getMessage());
            return null;
        }
        job = new FitJob(this, snapshot, baseFolder(), Display.getCurrent());
        settingsPage.fitStarted();
        job.schedule();
        return job;
    }

    /** Called on the UI thread with a finished fit. */
    void fitFinished(FitResultModel model) {
        document.setResult(model);
        markDirty();
        settingsPage.fitEnded(null);
        resultsPage.showResult();
        setActivePage(1);
    }

    /** Called on the UI thread when a fit failed or was cancelled. */
    void fitFailed(String message) {
        settingsPage.fitEnded(message);
    }

    /** Marks the document changed. */
    void markDirty() {
        if (!dirty) {
            dirty = true;
            editorDirtyStateChanged();
        }
    }

    @Override
    public boolean isDirty() {
        return dirty;
    }

    /** @return whether the editor was disposed (late job results are then dropped). */
    boolean isClosed() {
        return closed;
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        byte[] bytes = FitDocumentWriter.write(document).getBytes(StandardCharsets.UTF_8);
        try {
            file.setContents(new ByteArrayInputStream(bytes), true, true, monitor);
            dirty = false;
            editorDirtyStateChanged();
        } catch (CoreException e) {
            org.eclipse.jface.dialogs.ErrorDialog.openError(getSite().getShell(),
                    Messages.FitEditor_saveFailed, null, new Status(IStatus.ERROR,
                            "org.lmworkbench.ui", e.getMessage(), e));
        }
    }

    @Override
    public void doSaveAs() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void dispose() {
        closed = true;
        if (job != null) {
            job.cancel();
        }
        super.dispose();
    }
}
