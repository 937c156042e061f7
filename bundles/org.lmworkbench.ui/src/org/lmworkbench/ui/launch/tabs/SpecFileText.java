package org.lmworkbench.ui.launch.tabs;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.BadLocationException;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.ui.spec.SpecDocumentSync;

/**
 * Reads and writes a spec through the workspace's shared text file buffers, the same documents that
 * open editors edit. So a launch tab sees what an open editor shows (unsaved changes included), and
 * a tab's change to a spec that is open with unsaved changes goes into that editor's document,
 * which stays dirty for the user to save, instead of overwriting the file under it.
 */
final class SpecFileText {

    private SpecFileText() {
    }

    /** The spec's current text: the open editor's if there is one, else the file's. */
    static String read(IFile file) throws CoreException {
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        IPath path = file.getFullPath();
        manager.connect(path, LocationKind.IFILE, null);
        try {
            return manager.getTextFileBuffer(path, LocationKind.IFILE).getDocument().get();
        } finally {
            manager.disconnect(path, LocationKind.IFILE, null);
        }
    }

    /**
     * Writes new spec text. A clean buffer is saved to the file at once; a buffer with unsaved editor
     * changes gets the edit in its document and is left unsaved.
     *
     * @return true when the text went into an editor with unsaved changes (and not to the file)
     */
    static boolean write(IFile file, String text) throws CoreException {
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        IPath path = file.getFullPath();
        manager.connect(path, LocationKind.IFILE, null);
        try {
            ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
            boolean unsaved = buffer.isDirty();
            SpecDocumentSync.replaceChanged(buffer.getDocument(), text);
            if (!unsaved) {
                buffer.commit(null, false);
            }
            return unsaved;
        } catch (BadLocationException e) {
            throw new CoreException(UiPlugin.error("cannot edit " + path, e));
        } finally {
            manager.disconnect(path, LocationKind.IFILE, null);
        }
    }
}
