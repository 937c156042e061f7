package org.lmworkbench.ui.runs;

import java.io.IOException;
import java.util.List;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFolder;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.lmworkbench.core.run.RunDirectory;

/**
 * Rename Run...: sets the display name of one run (meta.json). The folder and its run id stay, so
 * every document and command that names the run keeps working.
 */
public final class RenameRunHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<IFolder> runs = RunFolders.selected(HandlerUtil.getCurrentSelection(event));
        if (runs.size() != 1) {
            return null;
        }
        IFolder run = runs.get(0);
        Shell shell = HandlerUtil.getActiveShell(event);
        String current;
        try {
            current = new RunDirectory(RunFolders.location(run)).readMeta().displayName(run.getName());
        } catch (IOException e) {
            MessageDialog.openError(shell, Messages.RenameRunHandler_title, e.getMessage());
            return null;
        }
        InputDialog dialog = new InputDialog(shell, Messages.RenameRunHandler_title,
                NLS.bind(Messages.RenameRunHandler_message, run.getName()), current, RunMetaEdits::nameProblem);
        if (dialog.open() != IDialogConstants.OK_ID) {
            return null;
        }
        try {
            RunMetaEdits.rename(RunFolders.location(run), dialog.getValue());
        } catch (IOException | IllegalArgumentException e) {
            MessageDialog.openError(shell, Messages.RenameRunHandler_title, e.getMessage());
        }
        return null;
    }
}
