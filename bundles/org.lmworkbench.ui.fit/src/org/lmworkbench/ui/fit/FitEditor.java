package org.lmworkbench.ui.fit;

import java.nio.file.Path;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.PartInitException;
import org.lmworkbench.ui.editors.AnalysisDocumentEditor;
import org.lmworkbench.workspace.fit.FitDocument;
import org.lmworkbench.workspace.fit.FitDocumentException;
import org.lmworkbench.workspace.fit.FitDocumentJson;
import org.lmworkbench.workspace.fit.FitDocumentWriter;
import org.lmworkbench.workspace.fit.FitResultModel;

/**
 * Editor of {@code *.fit} documents: a "Settings" page (source, form, objective; Fit) and a
 * "Fit" page (log-log plot with band, residuals, parameter table, extrapolation, and for the
 * Chinchilla form the compute-optimal frontier). Fitting runs in-process as a {@link FitJob};
 * the result is stored in the document (see {@link AnalysisDocumentEditor} for dirty state,
 * problems, reloading and closing).
 */
public final class FitEditor extends AnalysisDocumentEditor<FitDocument> {

    /** Editor id, as registered in plugin.xml. */
    public static final String ID = "org.lmworkbench.ui.editors.fit.FitEditor";

    private FitSettingsPage settingsPage;
    private FitResultsPage resultsPage;
    private FitJob job;

    @Override
    protected FitDocument read(String text, String source) throws DocumentProblems {
        try {
            return FitDocumentJson.read(text);
        } catch (FitDocumentException e) {
            throw new DocumentProblems(source + " " + e.getMessage());
        }
    }

    @Override
    protected String write(FitDocument document) {
        return FitDocumentWriter.write(document);
    }

    @Override
    protected void addDocumentPages() throws PartInitException {
        settingsPage = new FitSettingsPage(this);
        resultsPage = new FitResultsPage(this);
        addPage(settingsPage);
        addPage(resultsPage);
    }

    /** @return the folder relative source paths are resolved against: the file's project. */
    Path baseFolder() {
        return projectLocation();
    }

    /** The folder of the document on disk: exports of its charts start there. */
    Path documentFolder() {
        IPath location = file().getParent().getLocation();
        return location == null ? null : location.toPath();
    }

    /** The document's file name without its extension, for export file names. */
    String documentName() {
        String name = file().getName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
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
        if (job != null && job.getState() != Job.NONE) {
            return null;
        }
        FitDocument snapshot;
        try {
            // A private copy: the user may keep editing while the job runs.
            snapshot = FitDocumentJson.read(FitDocumentWriter.write(document()));
        } catch (FitDocumentException e) {
            fitFailed(e.getMessage());
            return null;
        }
        settingsPage.fitStarted();
        job = schedule(new FitJob(this, snapshot, baseFolder()));
        return job;
    }

    /** Called on the UI thread with a finished fit. */
    void fitFinished(FitResultModel model) {
        document().setResult(model);
        resultStored();
        settingsPage.fitEnded(null);
        resultsPage.showResult();
        setActivePage(FitResultsPage.ID);
    }

    /** Called on the UI thread when a fit failed or was cancelled. */
    void fitFailed(String message) {
        settingsPage.fitEnded(message);
    }

    /** Marks a user edit of the settings. */
    void markDirty() {
        documentChanged();
    }
}
