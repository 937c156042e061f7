package org.lmworkbench.ui.runs;

import java.io.IOException;
import java.util.ArrayList;
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
import org.lmworkbench.core.run.RunMeta;

/**
 * Edit Tags...: one run's tags as a comma list; for several runs, tags to add to each of them.
 */
public final class EditTagsHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        List<IFolder> runs = RunFolders.selected(HandlerUtil.getCurrentSelection(event));
        if (runs.isEmpty()) {
            return null;
        }
        Shell shell = HandlerUtil.getActiveShell(event);
        try {
            if (runs.size() == 1) {
                IFolder run = runs.get(0);
                String current = new RunDirectory(RunFolders.location(run)).readMeta().tagList();
                InputDialog dialog = new InputDialog(shell, Messages.EditTagsHandler_title,
                        NLS.bind(Messages.EditTagsHandler_message, run.getName()), current, RunMetaEdits::tagsProblem);
                if (dialog.open() == IDialogConstants.OK_ID) {
                    RunMetaEdits.setTags(RunFolders.location(run), dialog.getValue());
                }
                return null;
            }
            InputDialog dialog = new InputDialog(shell, Messages.EditTagsHandler_title,
                    NLS.bind(Messages.EditTagsHandler_addMessage, runs.size()), "", RunMetaEdits::tagsProblem);
            if (dialog.open() == IDialogConstants.OK_ID) {
                List<String> added = RunMeta.parseTags(dialog.getValue());
                for (IFolder run : runs) {
                    RunMetaEdits.edit(RunFolders.location(run), meta -> {
                        List<String> tags = new ArrayList<>(meta.tags());
                        tags.addAll(added);
                        return meta.withTags(tags);
                    });
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            MessageDialog.openError(shell, Messages.EditTagsHandler_title, e.getMessage());
        }
        return null;
    }
}
