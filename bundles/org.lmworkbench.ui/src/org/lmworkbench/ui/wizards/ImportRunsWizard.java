package org.lmworkbench.ui.wizards;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.navigator.resources.ProjectExplorer;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.tensorboard.CsvImport;
import org.lmworkbench.core.tensorboard.ImportedRun;
import org.lmworkbench.core.tensorboard.TensorBoardImport;
import org.lmworkbench.ui.internal.Messages;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.ui.navigator.RunElement;

/**
 * File > Import > Learning Mechanics > TensorBoard Log or CSV as Runs: imports existing runs into an
 * experiment project with core's {@link TensorBoardImport} or {@link CsvImport}, so they sit in the
 * Runs view and the runs table beside trained ones. A damaged file keeps the wizard open with the
 * file and place named; nothing is written then.
 */
public final class ImportRunsWizard extends Wizard implements IImportWizard {

    private IWorkbench workbench;
    private IStructuredSelection selection;
    private ImportRunsPage page;
    private List<ImportedRun> imported = List.of();

    /** Created by the workbench from the importWizards extension. */
    public ImportRunsWizard() {
        setWindowTitle(Messages.ImportRunsWizard_title);
        setNeedsProgressMonitor(true);
    }

    @Override
    public void init(IWorkbench newWorkbench, IStructuredSelection newSelection) {
        this.workbench = newWorkbench;
        this.selection = newSelection;
    }

    @Override
    public void addPages() {
        page = new ImportRunsPage(selection);
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        Path source = page.source();
        IProject project = page.project();
        Path location = project.getLocation().toPath();
        List<ImportedRun> runs = new ArrayList<>();
        try {
            getContainer().run(true, false, monitor -> {
                SubMonitor progress = SubMonitor.convert(monitor, Messages.ImportRunsWizard_task, 2);
                try {
                    if (isCsv(source)) {
                        runs.add(CsvImport.file(source, location));
                    } else {
                        runs.addAll(TensorBoardImport.logs(source, location).runs());
                    }
                    progress.worked(1);
                    project.getFolder(RunDirectory.RUNS).refreshLocal(IResource.DEPTH_INFINITE, progress.split(1));
                    if (!project.getFolder(RunDirectory.RUNS).exists()) {
                        project.refreshLocal(IResource.DEPTH_INFINITE, progress.split(1));
                    }
                } catch (IOException | CoreException e) {
                    throw new InvocationTargetException(e);
                }
            });
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            page.showProblem(cause.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        imported = List.copyOf(runs);
        reveal(project, runs);
        return true;
    }

    private static boolean isCsv(Path source) {
        return Files.isRegularFile(source) && source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** Selects the new runs in the Project Explorer, which the Runs view and the runs table then show. */
    private void reveal(IProject project, List<ImportedRun> runs) {
        if (workbench == null || workbench.getActiveWorkbenchWindow() == null) {
            return;
        }
        IWorkbenchPage active = workbench.getActiveWorkbenchWindow().getActivePage();
        List<RunElement> folders = runs.stream()
                .map(r -> new RunElement(project.getFolder(RunDirectory.RUNS).getFolder(r.runId()))).toList();
        try {
            if (active != null && active.showView(ProjectExplorer.VIEW_ID) instanceof ProjectExplorer explorer) {
                explorer.selectReveal(new StructuredSelection(folders));
            }
        } catch (org.eclipse.ui.PartInitException e) {
            UiPlugin.log(e.getMessage(), e);
        }
    }

    /** The runs the last finish made. */
    public List<ImportedRun> imported() {
        return imported;
    }
}
