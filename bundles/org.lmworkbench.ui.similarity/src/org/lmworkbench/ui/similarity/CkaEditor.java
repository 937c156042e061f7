package org.lmworkbench.ui.similarity;

import com.google.gson.JsonObject;
import org.eclipse.ui.PartInitException;
import org.lmworkbench.ui.editors.AnalysisDocumentEditor;
import org.lmworkbench.workspace.cka.CkaDocument;
import org.lmworkbench.workspace.cka.CkaDocumentReader;
import org.lmworkbench.workspace.cka.CkaFormatException;

/**
 * The editor of a representation-similarity analysis ({@code *.cka}): a Settings page to choose
 * runs, layers, step and metric and to start the computation, and a Result page with the heatmap.
 * The document is the editor's model; a computed result is stored in it and written to the file
 * (see {@link AnalysisDocumentEditor} for dirty state, problems, reloading and closing).
 */
public final class CkaEditor extends AnalysisDocumentEditor<CkaDocument> {

    /** The editor id in plugin.xml. */
    public static final String ID = "org.lmworkbench.ui.editors.cka";

    private CkaSettingsPage settingsPage;
    private CkaResultPage resultPage;
    private CkaComputeJob running;

    @Override
    protected CkaDocument read(String text, String source) throws DocumentProblems {
        try {
            return CkaDocumentReader.read(text, source);
        } catch (CkaFormatException e) {
            throw new DocumentProblems(e.getMessage());
        }
    }

    @Override
    protected String write(CkaDocument document) {
        return document.toJson();
    }

    @Override
    protected void addDocumentPages() throws PartInitException {
        settingsPage = new CkaSettingsPage(this);
        resultPage = new CkaResultPage(this);
        addPage(settingsPage);
        addPage(resultPage);
        if (document().result() != null || document().resultFile() != null) {
            setActivePage(CkaResultPage.ID);
        }
    }

    /** The Result page (null for an unreadable file). */
    public CkaResultPage resultPage() {
        return document() == null ? null : resultPage;
    }

    /** The Settings page (null for an unreadable file). */
    public CkaSettingsPage settingsPage() {
        return document() == null ? null : settingsPage;
    }

    /**
     * Starts computing the similarity in a Job (the one running is cancelled first) and returns it.
     * The result goes into the document and the Result page comes to the front.
     */
    public CkaComputeJob compute() {
        if (running != null) {
            running.cancel();
        }
        CkaDocument snapshot;
        try {
            snapshot = CkaDocumentReader.read(document().toJson(), null);
        } catch (CkaFormatException e) {
            settingsPage.showComputeError(e.getMessage());
            return null;
        }
        settingsPage.computeStarted();
        running = schedule(new CkaComputeJob(file().getName(), snapshot, projectLocation(), this));
        return running;
    }

    /** A result of {@link #compute()}, on the UI thread. */
    void acceptResult(JsonObject result) {
        document().setResult(result);
        resultStored();
        settingsPage.computeFinished(null);
        resultPage.showResult();
        setActivePage(CkaResultPage.ID);
    }

    /** A failed {@link #compute()}, on the UI thread. */
    void computeFailed(String message) {
        settingsPage.computeFinished(message);
    }
}
