package org.lmworkbench.ui.spec;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPartConstants;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.ide.IGotoMarker;
import org.eclipse.ui.texteditor.ITextEditor;
import org.lmworkbench.ui.internal.UiPlugin;

/**
 * The editor of experiment specs: a "Settings" form and a "Source" text page on one document. The
 * text page owns the document, its dirty state, undo and saving; the form writes into that document
 * and follows it, so both pages always show the same spec. Markers open on the Source page at their
 * line ({@link IGotoMarker}), which keeps double-clicking a problem in the Problems view working.
 */
public final class SpecFormEditor extends FormEditor implements IGotoMarker {

    /** The editor id (see plugin.xml). */
    public static final String ID = "org.lmworkbench.ui.spec.editor";

    private SpecFormPage settings;
    private TextEditor source;
    private int sourceIndex = -1;
    private SpecDocumentSync sync;

    /** Created by the workbench. */
    public SpecFormEditor() {
        // pages are added in addPages
    }

    @Override
    protected void addPages() {
        try {
            settings = new SpecFormPage(this);
            addPage(settings);
            source = new TextEditor();
            sourceIndex = addPage(source, getEditorInput());
            setPageText(sourceIndex, Messages.SpecFormEditor_source);
            source.addPropertyListener((part, property) -> {
                if (property == IWorkbenchPartConstants.PROP_INPUT) {
                    inputMoved();
                }
            });
            connect();
        } catch (PartInitException e) {
            UiPlugin.log("cannot open the Source page of " + getEditorInput().getName(), e);
        }
        setPartName(getEditorInput().getName());
    }

    private void connect() {
        IDocument document = source.getDocumentProvider().getDocument(source.getEditorInput());
        sync = new SpecDocumentSync(document, text -> settings.sourceChanged(text));
    }

    /** A rename or move of the file gives the text page a new input (and document). */
    private void inputMoved() {
        setInputWithNotify(source.getEditorInput());
        setPartName(source.getEditorInput().getName());
        if (sync != null) {
            sync.dispose();
        }
        connect();
        settings.sourceChanged(sync.text());
    }

    /** Connects the form and the document; available once the pages exist. */
    public SpecDocumentSync sync() {
        return sync;
    }

    /** The Settings page. */
    public SpecFormPage settingsPage() {
        return settings;
    }

    /** The Source page. */
    public ITextEditor sourceEditor() {
        return source;
    }

    /** Shows the Source page. */
    public void showSource() {
        setActivePage(sourceIndex);
    }

    /** The spec file, or null when the input is not a workspace file. */
    public IFile file() {
        IEditorInput input = getEditorInput();
        return input instanceof IFileEditorInput fileInput ? fileInput.getFile() : null;
    }

    @Override
    protected void pageChange(int newPageIndex) {
        super.pageChange(newPageIndex);
        if (newPageIndex != sourceIndex && sync != null) {
            settings.sourceChanged(sync.text());
        }
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        source.doSave(monitor);
    }

    @Override
    public void doSaveAs() {
        source.doSaveAs();
    }

    @Override
    public boolean isSaveAsAllowed() {
        return true;
    }

    @Override
    public void gotoMarker(IMarker marker) {
        showSource();
        IDE.gotoMarker(source, marker);
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IGotoMarker.class) {
            return adapter.cast(this);
        }
        if (adapter == ITextEditor.class && source != null) {
            return adapter.cast(source);
        }
        return super.getAdapter(adapter);
    }

    @Override
    public void dispose() {
        if (sync != null) {
            sync.dispose();
        }
        super.dispose();
    }
}
