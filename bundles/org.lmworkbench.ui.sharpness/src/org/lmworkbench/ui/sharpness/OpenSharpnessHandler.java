package org.lmworkbench.ui.sharpness;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.FileEditorInput;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.ui.navigator.RunElement;

/**
 * "Open Sharpness" on runs selected in the Project Explorer: opens the sharpness editor on each
 * run's {@code probes/sharpness.jsonl}. The file may not exist yet (a run that has just started);
 * the editor then waits for it and draws the samples as they come.
 */
public final class OpenSharpnessHandler extends AbstractHandler {

    /** Command id, as registered in plugin.xml. */
    public static final String COMMAND_ID = "org.lmworkbench.ui.editors.sharpness.open";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        ISelection selection = HandlerUtil.getCurrentSelectionChecked(event);
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        List<IEditorPart> opened = new ArrayList<>();
        for (RunElement run : runs(selection)) {
            IFile file = sharpnessFile(run);
            try {
                refreshQuietly(file);
                opened.add(IDE.openEditor(page, new FileEditorInput(file), SharpnessEditor.ID, true));
            } catch (PartInitException e) {
                throw new ExecutionException(Messages.OpenSharpnessHandler_failed + ": " + run.id(), e);
            }
        }
        return opened;
    }

    /** The runs in a selection, in selection order. */
    static List<RunElement> runs(ISelection selection) {
        List<RunElement> runs = new ArrayList<>();
        if (selection instanceof IStructuredSelection structured) {
            for (Object element : structured) {
                if (element instanceof RunElement run) {
                    runs.add(run);
                }
            }
        }
        return runs;
    }

    /** A run's {@code probes/sharpness.jsonl} in the workspace. */
    static IFile sharpnessFile(RunElement run) {
        return run.folder().getFolder(RunDirectory.PROBES).getFile(RunDirectory.SHARPNESS);
    }

    /** The backend writes outside the workspace API; make the file known if it is there. */
    private static void refreshQuietly(IFile file) {
        try {
            file.getParent().refreshLocal(IResource.DEPTH_ONE, null);
        } catch (CoreException e) {
            // the editor reads the file from disk; a stale workspace view only affects the explorer
        }
    }
}
