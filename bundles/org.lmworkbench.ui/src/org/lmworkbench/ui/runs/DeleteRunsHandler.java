package org.lmworkbench.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.workspace.FreedesktopTrash;

/**
 * Delete Run...: after a confirmation naming the runs, moves their folders to the desktop's trash
 * ({@link FreedesktopTrash}), from where the file manager can restore them. Where there is no trash
 * (not a freedesktop system) or a folder cannot go there, a second confirmation says that the
 * folders will be deleted for good, and only then are they.
 */
public final class DeleteRunsHandler extends AbstractHandler {

    /** Family of the deleting jobs, for tests that wait for them. */
    public static final Object FAMILY = DeleteRunsHandler.class;

    private static final int LISTED = 10;

    @Override
    public Object execute(ExecutionEvent event) {
        List<IFolder> runs = RunFolders.selected(HandlerUtil.getCurrentSelection(event));
        if (runs.isEmpty()) {
            return null;
        }
        Shell shell = HandlerUtil.getActiveShell(event);
        FreedesktopTrash trash = FreedesktopTrash.forCurrentUser();
        String names = list(runs);
        String question = trash != null ? NLS.bind(Messages.DeleteRunsHandler_toTrash, runs.size(), names)
                : NLS.bind(Messages.DeleteRunsHandler_noTrash, runs.size(), names);
        if (!MessageDialog.openConfirm(shell, Messages.DeleteRunsHandler_title, question)) {
            return null;
        }
        schedule(runs, trash, shell.getDisplay());
        return null;
    }

    private static String list(List<IFolder> runs) {
        String shown = runs.stream().limit(LISTED).map(IFolder::getName).collect(Collectors.joining("\n  ", "  ", ""));
        return runs.size() > LISTED ? shown + "\n  " + NLS.bind(Messages.DeleteRunsHandler_more, runs.size() - LISTED)
                : shown;
    }

    /** Trashes (or, without a trash, deletes) the runs in a job; runs that cannot go to the trash are asked about again. */
    private static void schedule(List<IFolder> runs, FreedesktopTrash trash, Display display) {
        WorkspaceJob job = new WorkspaceJob(NLS.bind(Messages.DeleteRunsHandler_job, runs.size())) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                SubMonitor progress = SubMonitor.convert(monitor, runs.size() + 1);
                Map<IFolder, String> notTrashed = new LinkedHashMap<>();
                MultiStatus problems = new MultiStatus(UiPlugin.PLUGIN_ID, 0, Messages.DeleteRunsHandler_failed, null);
                for (IFolder run : runs) {
                    Path folder = RunFolders.location(run);
                    try {
                        if (trash != null) {
                            trash.trash(folder);
                        } else {
                            deleteForGood(folder);
                        }
                    } catch (IOException e) {
                        if (trash != null) {
                            notTrashed.put(run, e.getMessage());
                        } else {
                            problems.add(UiPlugin.error(run.getFullPath() + ": " + e.getMessage(), e));
                        }
                    }
                    progress.worked(1);
                }
                refresh(runs, progress.split(1));
                if (!notTrashed.isEmpty()) {
                    display.asyncExec(() -> askToDelete(notTrashed, display));
                }
                return problems.isOK() ? Status.OK_STATUS : problems;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setRule(runs.get(0).getWorkspace().getRoot());
        job.setUser(true);
        job.schedule();
    }

    /** The second confirmation: these could not go to the trash; delete them for good? */
    private static void askToDelete(Map<IFolder, String> notTrashed, Display display) {
        if (display.isDisposed()) {
            return;
        }
        String reasons = notTrashed.entrySet().stream().limit(LISTED).map(e -> "  " + e.getKey().getName() + ": "
                + e.getValue()).collect(Collectors.joining("\n"));
        if (MessageDialog.openQuestion(display.getActiveShell(), Messages.DeleteRunsHandler_title,
                NLS.bind(Messages.DeleteRunsHandler_trashFailed, notTrashed.size(), reasons))) {
            schedule(new ArrayList<>(notTrashed.keySet()), null, display);
        }
    }

    private static void deleteForGood(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static void refresh(List<IFolder> runs, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, runs.size());
        for (IContainer parent : runs.stream().map(IFolder::getParent).distinct().toList()) {
            parent.refreshLocal(IResource.DEPTH_ONE, progress.split(1));
        }
    }
}
