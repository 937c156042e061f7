package org.lmworkbench.ui.transfer;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;
import org.lmworkbench.workspace.SpecFiles;

/**
 * "Hyperparameter Transfer" on a spec file (its sweep's runs) or on a project's runs folder or
 * project (every run there): opens the transfer editor.
 */
public final class OpenTransferEditorHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        if (!(HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection)) {
            return null;
        }
        IResource resource = Adapters.adapt(selection.getFirstElement(), IResource.class);
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        try {
            if (resource instanceof IFile file && SpecFiles.isSpec(file)) {
                IDE.openEditor(page, file, TransferEditor.ID, true);
            } else if (resource != null && SpecFiles.isRunsFolder(resource)) {
                page.openEditor(new RunsFolderEditorInput(resource.getParent()), TransferEditor.ID, true);
            } else if (resource instanceof IProject project) {
                page.openEditor(new RunsFolderEditorInput(project), TransferEditor.ID, true);
            }
        } catch (PartInitException e) {
            throw new ExecutionException(Messages.OpenTransferEditorHandler_failed + ": " + e.getMessage(), e);
        }
        return null;
    }
}
