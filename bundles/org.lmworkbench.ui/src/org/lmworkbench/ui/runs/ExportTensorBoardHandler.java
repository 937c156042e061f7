package org.lmworkbench.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.tensorboard.TensorBoardExport;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.ui.views.runs.SelectionToRuns;
import org.lmworkbench.workspace.runs.RunQuery;

/**
 * Export to TensorBoard...: the selected runs, or every run of a selected spec or project, written
 * as event files into {@code <folder>/<run-id>/} (core's {@link TensorBoardExport}) by a job. The
 * folder offered is the last one used, else the project's {@code tensorboard/}.
 */
public final class ExportTensorBoardHandler extends AbstractHandler {

    /** Family of the export jobs, for tests that wait for them. */
    public static final Object FAMILY = ExportTensorBoardHandler.class;

    /** The project folder where exports go unless the user chose another folder before. */
    public static final String DEFAULT_FOLDER = "tensorboard";

    static final String LAST_FOLDER = "tensorboard.lastFolder";

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        List<Path> runs;
        try {
            runs = runs(SelectionToRuns.query(HandlerUtil.getCurrentSelection(event)));
        } catch (IOException e) {
            MessageDialog.openError(shell, Messages.ExportTensorBoard_title, e.getMessage());
            return null;
        }
        if (runs.isEmpty()) {
            MessageDialog.openInformation(shell, Messages.ExportTensorBoard_title, Messages.ExportTensorBoard_noRuns);
            return null;
        }
        IDialogSettings settings = UiPlugin.getDefault().getDialogSettings();
        String last = settings.get(LAST_FOLDER);
        Path project = runs.get(0).getParent().getParent();
        Path initial = last != null ? Path.of(last) : project.resolve(DEFAULT_FOLDER);
        ExportTensorBoardDialog dialog = new ExportTensorBoardDialog(shell, runs.size(), initial);
        if (dialog.open() != IDialogConstants.OK_ID) {
            return null;
        }
        Path folder = dialog.folder();
        // A folder of the user's own choice is offered again; a project's tensorboard/ is not
        // offered for other projects, which get their own.
        settings.put(LAST_FOLDER, folder.equals(project.resolve(DEFAULT_FOLDER)) ? null : folder.toString());
        export(runs, folder).schedule();
        return null;
    }

    /** The run folders a selection stands for (for a spec, those of its runs that exist now). */
    static List<Path> runs(RunQuery query) throws IOException {
        List<Path> out = new ArrayList<>();
        if (query == null) {
            return out;
        }
        for (Path run : query.resolve()) {
            if (query.specName() == null || query.specName().equals(new RunDirectory(run).specName())) {
                out.add(run);
            }
        }
        return out;
    }

    /** The job that writes {@code runs} into {@code folder} and shows the result in the workspace. */
    public static Job export(List<Path> runs, Path folder) {
        Job job = new Job(NLS.bind(Messages.ExportTensorBoard_job, runs.size(), folder)) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SubMonitor progress = SubMonitor.convert(monitor, 2);
                try {
                    TensorBoardExport.runs(runs, folder);
                } catch (IOException | IllegalArgumentException e) {
                    return UiPlugin.error(NLS.bind(Messages.ExportTensorBoard_failed, folder, e.getMessage()), e);
                }
                progress.worked(1);
                IContainer container = ResourcesPlugin.getWorkspace().getRoot()
                        .getContainerForLocation(IPath.fromOSString(folder.toString()));
                if (container != null) {
                    try {
                        // The nearest folder the workspace knows: a new tensorboard/ appears under its project.
                        IContainer known = container;
                        while (!known.exists() && known.getParent() != null) {
                            known = known.getParent();
                        }
                        known.refreshLocal(IResource.DEPTH_INFINITE, progress.split(1));
                    } catch (CoreException e) {
                        return e.getStatus();
                    }
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setUser(true);
        return job;
    }
}
