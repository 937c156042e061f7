package org.lmworkbench.ui.editors;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.IFormPage;
import org.lmworkbench.ui.internal.UiPlugin;

/**
 * The base of the editors of analysis documents ({@code *.cka}, {@code *.fit}): the document is
 * read when the editor opens, and a file that cannot be read opens on a page that lists its
 * problems (file, line, JSON path) instead of failing. Only the user's edits of settings make the
 * editor dirty ({@link #documentChanged()}); a computed result ({@link #resultStored()}) is written
 * to the file at once when nothing else is unsaved, and otherwise saved with the edits. A change of
 * the file on disk reloads the editor, or, when it holds unsaved edits, keeps them and says so in
 * the form heading; a deleted file closes it.
 *
 * @param <D> the document model
 */
public abstract class AnalysisDocumentEditor<D> extends AnalysisEditor {

    /** A document that cannot be read, with every problem found, each naming where it is. */
    public static final class DocumentProblems extends Exception {
        private static final long serialVersionUID = 1L;

        /** The problems as they are shown, one per line. */
        public DocumentProblems(String message) {
            super(message);
        }
    }

    private static final String DISK_NOTICE = "org.lmworkbench.ui.editors.changedOnDisk";

    private IFile file;
    private D document;
    private String problems;
    private boolean dirty;
    private long ownStamp = IResource.NULL_STAMP;
    private boolean changedOnDisk;

    /** Reads the file's text; {@code source} names the file in messages. */
    protected abstract D read(String text, String source) throws DocumentProblems;

    /** The document's text as it is saved. */
    protected abstract String write(D model);

    /** Adds the pages of a readable document (called again after a reload). */
    protected abstract void addDocumentPages() throws PartInitException;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof IFileEditorInput fileInput)) {
            throw new PartInitException(NLS.bind(Messages.AnalysisDocumentEditor_notAFile, input.getName()));
        }
        file = fileInput.getFile();
        load();
        super.init(site, input);
        setPartName(file.getName());
    }

    private void load() throws PartInitException {
        try (InputStream in = file.getContents(true)) {
            String text = new String(in.readAllBytes(), Charset.forName(file.getCharset()));
            document = read(text, file.getFullPath().toString());
            problems = null;
        } catch (DocumentProblems e) {
            document = null;
            problems = e.getMessage();
        } catch (CoreException | IOException e) {
            throw new PartInitException(UiPlugin.error(file.getFullPath() + ": " + e.getMessage(), e));
        }
    }

    @Override
    protected final void addPages() {
        try {
            if (document == null) {
                addPage(new DocumentProblemsPage(this, problems));
            } else {
                addDocumentPages();
            }
        } catch (PartInitException e) {
            UiPlugin.log("cannot create the pages of " + file, e);
        }
    }

    /** The workspace file being edited. */
    public IFile file() {
        return file;
    }

    /** The project folder on disk, against which the document's paths resolve. */
    public Path projectLocation() {
        IPath location = file.getProject().getLocation();
        return location == null ? null : location.toPath();
    }

    /** The document; null when the file could not be read. */
    public D document() {
        return document;
    }

    /** Why the file could not be read, or null. */
    public String problems() {
        return problems;
    }

    /** Marks a user edit of the document's settings. */
    public void documentChanged() {
        setDirty(true);
    }

    /**
     * A computation has stored its result in {@link #document()}: written to the file now when the
     * editor holds no other unsaved change, so the file and the editor agree; otherwise it is saved
     * with the user's edits. The dirty state does not change either way.
     */
    protected void resultStored() {
        if (!dirty && !changedOnDisk) {
            try {
                writeFile(null);
            } catch (CoreException e) {
                ErrorDialog.openError(getSite().getShell(), Messages.AnalysisDocumentEditor_saveFailed, null,
                        e.getStatus());
            }
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
            writeFile(monitor);
            setDirty(false);
            if (changedOnDisk) {
                changedOnDisk = false;
                notice(null);
            }
        } catch (CoreException e) {
            ErrorDialog.openError(getSite().getShell(), Messages.AnalysisDocumentEditor_saveFailed, null,
                    e.getStatus());
        }
    }

    private void writeFile(IProgressMonitor monitor) throws CoreException {
        byte[] bytes = write(document).getBytes(Charset.forName(file.getCharset()));
        file.setContents(new ByteArrayInputStream(bytes), true, true, monitor);
        ownStamp = file.getModificationStamp();
    }

    @Override
    protected boolean isOwnChange(IFile changed) {
        return changed.equals(file) && changed.getModificationStamp() == ownStamp;
    }

    @Override
    public void doSaveAs() {
        // one document, one file: Save As would leave its relative paths pointing elsewhere
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    /**
     * The file changed on disk: without unsaved edits the editor shows the new content; with them,
     * the edits are kept (saving overwrites the file) and the heading says so.
     */
    @Override
    protected void inputChangedOnDisk() {
        if (dirty) {
            changedOnDisk = true;
            notice(Messages.AnalysisDocumentEditor_changedOnDisk);
            return;
        }
        reload();
    }

    /** Reads the file again and rebuilds the pages, on the page that was showing. */
    public void reload() {
        String active = getActivePageInstance() == null ? null : getActivePageInstance().getId();
        try {
            load();
        } catch (PartInitException e) {
            UiPlugin.log(e.getMessage(), e);
            return;
        }
        while (getPageCount() > 0) {
            removePage(0);
        }
        addPages();
        if (active != null && findPage(active) != null) {
            setActivePage(active);
        } else if (getPageCount() > 0) {
            setActivePage(0);
        }
        changedOnDisk = false;
    }

    /** Shows {@code message} as a warning in the heading of the showing page; null removes it. */
    private void notice(String message) {
        IFormPage page = getActivePageInstance();
        IManagedForm form = page == null ? null : page.getManagedForm();
        if (form == null) {
            return;
        }
        if (message == null) {
            form.getMessageManager().removeMessage(DISK_NOTICE);
        } else {
            form.getMessageManager().addMessage(DISK_NOTICE, message, null, IMessageProvider.WARNING);
        }
    }
}
