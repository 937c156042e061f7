package org.lmworkbench.ui.spec;

import java.util.function.Consumer;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.swt.widgets.Display;
import org.lmworkbench.core.spec.SpecException;
import org.lmworkbench.core.spec.SpecJsonEditor;

/**
 * Keeps a spec's text document and a form in step. Form edits become JSON edits of the document
 * (through {@link SpecJsonEditor}, replacing only the changed span so that undo, the caret and
 * markers in the Source page stay where they were); document edits made by anyone else (typing in
 * the Source page, a launch tab writing the file buffer, a reload from disk) are reported once per
 * burst, after the current event, so that typing stays cheap.
 */
public final class SpecDocumentSync implements IDocumentListener {

    private final IDocument document;
    private final Consumer<String> externalChange;
    private final Display display;
    private boolean applying;
    private boolean scheduled;
    private boolean disposed;

    /**
     * Starts listening.
     *
     * @param externalChange receives the new text after changes this sync did not make (UI thread)
     */
    public SpecDocumentSync(IDocument document, Consumer<String> externalChange) {
        this.document = document;
        this.externalChange = externalChange;
        this.display = Display.getCurrent();
        document.addDocumentListener(this);
    }

    /** The document's current text. */
    public String text() {
        return document.get();
    }

    /** The document. */
    public IDocument document() {
        return document;
    }

    /**
     * Sets the value of a key in the document.
     *
     * @param value see {@link SpecJsonEditor#set}; null removes the key
     * @return null when done, or why the text cannot be edited by key (it is then left unchanged)
     */
    public String apply(String key, Object value) {
        String old = document.get();
        String updated;
        try {
            updated = SpecJsonEditor.set(old, key, value);
        } catch (SpecException e) {
            return e.problems().isEmpty() ? e.getMessage() : e.problems().get(0).toString();
        }
        applying = true;
        try {
            replaceChanged(document, updated);
        } catch (BadLocationException e) {
            throw new IllegalStateException("a span computed from the document itself lies outside it", e);
        } finally {
            applying = false;
        }
        return null;
    }

    /** Replaces only the span between the common prefix and suffix of the old and new text. */
    public static void replaceChanged(IDocument document, String text) throws BadLocationException {
        String old = document.get();
        if (old.equals(text)) {
            return;
        }
        int prefix = 0;
        int max = Math.min(old.length(), text.length());
        while (prefix < max && old.charAt(prefix) == text.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && old.charAt(old.length() - 1 - suffix) == text.charAt(text.length() - 1 - suffix)) {
            suffix++;
        }
        document.replace(prefix, old.length() - prefix - suffix, text.substring(prefix, text.length() - suffix));
    }

    @Override
    public void documentAboutToBeChanged(DocumentEvent event) {
        // only the result matters
    }

    @Override
    public void documentChanged(DocumentEvent event) {
        if (applying || scheduled || display == null) {
            return;
        }
        scheduled = true;
        display.asyncExec(() -> {
            scheduled = false;
            if (!disposed) {
                externalChange.accept(document.get());
            }
        });
    }

    /** Stops listening. */
    public void dispose() {
        disposed = true;
        document.removeDocumentListener(this);
    }
}
