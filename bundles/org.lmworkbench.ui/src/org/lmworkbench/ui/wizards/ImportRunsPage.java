package org.lmworkbench.ui.wizards;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.lmworkbench.ui.internal.Messages;
import org.lmworkbench.workspace.ExperimentNature;

/**
 * The page of the import of existing runs: a TensorBoard log folder (or one event file) or a CSV
 * table, and the experiment project whose runs/ they join.
 */
final class ImportRunsPage extends WizardPage {

    private final IStructuredSelection selection;
    private final List<IProject> projects = new ArrayList<>();
    private Text source;
    private Combo project;

    ImportRunsPage(IStructuredSelection selection) {
        super("importRuns");
        this.selection = selection;
        setTitle(Messages.ImportRunsWizard_pageTitle);
        setDescription(Messages.ImportRunsWizard_pageDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(4, false));
        new Label(page, SWT.NONE).setText(Messages.ImportRunsWizard_source);
        source = new Text(page, SWT.BORDER | SWT.SINGLE);
        GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false);
        wide.widthHint = 360;
        source.setLayoutData(wide);
        source.addListener(SWT.Modify, e -> validate());
        Button folder = new Button(page, SWT.PUSH);
        folder.setText(Messages.ImportRunsWizard_folder);
        folder.addListener(SWT.Selection, e -> {
            DirectoryDialog dialog = new DirectoryDialog(getShell());
            dialog.setMessage(Messages.ImportRunsWizard_folderMessage);
            String path = dialog.open();
            if (path != null) {
                source.setText(path);
            }
        });
        Button file = new Button(page, SWT.PUSH);
        file.setText(Messages.ImportRunsWizard_file);
        file.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] {"*.csv;*tfevents*", "*.*"});
            String path = dialog.open();
            if (path != null) {
                source.setText(path);
            }
        });

        new Label(page, SWT.NONE).setText(Messages.ImportRunsWizard_project);
        project = new Combo(page, SWT.READ_ONLY);
        GridData span = new GridData(SWT.FILL, SWT.CENTER, true, false);
        span.horizontalSpan = 3;
        project.setLayoutData(span);
        for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
            if (ExperimentNature.isExperimentProject(p)) {
                projects.add(p);
                project.add(p.getName());
            }
        }
        IProject selected = selectedProject();
        project.select(selected != null && projects.contains(selected) ? projects.indexOf(selected) : 0);
        project.addListener(SWT.Selection, e -> validate());

        Label note = new Label(page, SWT.WRAP);
        GridData noteData = new GridData(SWT.FILL, SWT.TOP, true, false);
        noteData.horizontalSpan = 4;
        noteData.widthHint = 480;
        note.setLayoutData(noteData);
        note.setText(Messages.ImportRunsWizard_note);
        setControl(page);
        validate();
    }

    private IProject selectedProject() {
        if (selection != null) {
            for (Object element : selection) {
                IResource resource = Adapters.adapt(element, IResource.class);
                if (resource != null && resource.getProject() != null) {
                    return resource.getProject();
                }
            }
        }
        return null;
    }

    private void validate() {
        String problem = null;
        String text = source.getText().strip();
        if (projects.isEmpty()) {
            problem = Messages.ImportRunsWizard_noProject;
        } else if (text.isEmpty()) {
            problem = Messages.ImportRunsWizard_noSource;
        } else if (!Files.exists(Path.of(text))) {
            problem = Messages.ImportRunsWizard_sourceMissing;
        }
        setErrorMessage(text.isEmpty() ? null : problem);
        setPageComplete(problem == null);
    }

    /** The log folder, event file or CSV file. */
    Path source() {
        return Path.of(source.getText().strip());
    }

    /** The project the runs join. */
    IProject project() {
        return projects.get(project.getSelectionIndex());
    }

    /** Shows why the import failed, keeping the wizard open. */
    void showProblem(String message) {
        setErrorMessage(message);
    }
}
