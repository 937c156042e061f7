package org.lmworkbench.ui.sharpness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.lmworkbench.core.run.CheckpointSpectrumFile;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.charts.ExportTarget;

/**
 * Page 2 of the sharpness editor: pick one of the run's checkpoints ({@code checkpoints/step-*.npz}),
 * the number of top eigenvalues and whether to estimate the trace and the density; Compute runs
 * the backend's {@code hessian} command as a {@link HessianComputeJob}. A spectrum computed earlier
 * ({@code probes/hessian-step-<step>.json}) is shown as soon as its checkpoint is chosen, without
 * recomputing.
 */
final class HessianSpectrumPage extends FormPage {

    static final String ID = "org.lmworkbench.ui.editors.sharpness.spectrum";
    private static final String MESSAGE_KEY = "spectrum";
    private static final int DEFAULT_TOP_K = 5;

    private final RunDirectory run;
    private final IFolder runFolder;
    private Combo checkpoint;
    private Spinner topK;
    private Button trace;
    private Button density;
    private Button compute;
    private Label status;
    private SpectrumResultsView results;
    private List<Long> steps = List.of();
    private CheckpointSpectrumFile shown;
    private HessianComputeJob job;

    HessianSpectrumPage(SharpnessEditor editor, Path runDir, IFolder runFolder) {
        super(editor, ID, Messages.SpectrumPage_title);
        this.run = new RunDirectory(runDir);
        this.runFolder = runFolder;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        FormToolkit toolkit = managedForm.getToolkit();
        form.setText(NLS.bind(Messages.SpectrumPage_formTitle, run.runId()));
        toolkit.decorateFormHeading(form.getForm());
        Composite body = form.getBody();
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(body);

        // the settings wrap into rows a narrow editor can show: label and field side by side, the
        // options and Compute below them, the status under those
        Section settings = toolkit.createSection(body, Section.TITLE_BAR | Section.DESCRIPTION);
        settings.setText(Messages.SpectrumPage_settings);
        settings.setDescription(Messages.SpectrumPage_settingsDescription);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(settings);
        Composite row = toolkit.createComposite(settings);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(row);
        toolkit.createLabel(row, Messages.SpectrumPage_checkpoint);
        checkpoint = new Combo(row, SWT.READ_ONLY | SWT.DROP_DOWN);
        toolkit.adapt(checkpoint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(checkpoint);
        toolkit.createLabel(row, Messages.SpectrumPage_topK);
        topK = new Spinner(row, SWT.BORDER);
        topK.setValues(defaultTopK(), 1, 100, 0, 1, 5);
        toolkit.adapt(topK);
        trace = toolkit.createButton(row, Messages.SpectrumPage_trace, SWT.CHECK);
        trace.setSelection(true);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(trace);
        density = toolkit.createButton(row, Messages.SpectrumPage_density, SWT.CHECK);
        density.setSelection(true);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(density);
        compute = toolkit.createButton(row, Messages.SpectrumPage_compute, SWT.PUSH);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).span(2, 1).applyTo(compute);
        status = toolkit.createLabel(row, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(200, SWT.DEFAULT).applyTo(status);
        settings.setClient(row);

        results = new SpectrumResultsView(body, toolkit, new ExportTarget(run::path, "hessian-spectrum-" + run.runId()));
        ExportMenu.contribute(form.getToolBarManager(), results.chart(), form.getShell(), results.exportTarget());
        form.getToolBarManager().update(true);

        checkpoint.addListener(SWT.Selection, e -> showExisting());
        compute.addListener(SWT.Selection, e -> compute());
        loadCheckpoints();
    }

    /** The spec's sharpness top_k, at least {@link #DEFAULT_TOP_K}, as the suggested k. */
    private int defaultTopK() {
        try {
            ExperimentSpec spec = run.readSpec();
            return Math.max(DEFAULT_TOP_K, spec.probes().sharpness().topK());
        } catch (IOException | RuntimeException e) {
            return DEFAULT_TOP_K; // the sharpness page reports problems with the run's files
        }
    }

    private void loadCheckpoints() {
        try {
            steps = run.checkpointSteps();
        } catch (IOException e) {
            steps = List.of();
        }
        checkpoint.removeAll();
        steps.forEach(s -> checkpoint.add(Long.toString(s)));
        boolean any = !steps.isEmpty();
        compute.setEnabled(any);
        if (!any) {
            status.setText(Messages.SpectrumPage_noCheckpoints);
            return;
        }
        checkpoint.select(steps.size() - 1);
        showExisting();
    }

    /** Shows the stored spectrum of the chosen checkpoint, if there is one. */
    void showExisting() {
        long step = selectedStep();
        Path file = CheckpointSpectrumFile.fileFor(run.path(), step);
        getManagedForm().getMessageManager().removeMessage(MESSAGE_KEY);
        if (!Files.isRegularFile(file)) {
            status.setText(NLS.bind(Messages.SpectrumPage_notComputed, step));
            return;
        }
        try {
            show(CheckpointSpectrumFile.read(file));
            status.setText(NLS.bind(Messages.SpectrumPage_existing, file.getFileName()));
        } catch (IOException e) {
            getManagedForm().getMessageManager().addMessage(MESSAGE_KEY, e.getMessage(), null, IMessageProvider.ERROR);
        }
        getManagedForm().reflow(true);
    }

    /** Starts the backend on the chosen checkpoint. */
    void compute() {
        long step = selectedStep();
        compute.setEnabled(false);
        status.setText(NLS.bind(Messages.SpectrumPage_computing, step));
        getManagedForm().reflow(true);
        getManagedForm().getMessageManager().removeMessage(MESSAGE_KEY);
        SharpnessEditor editor = (SharpnessEditor) getEditor();
        // The job reports through the editor, which drops what arrives after it has closed.
        HessianComputeJob computation = new HessianComputeJob(run.path(), runFolder, step, topK.getSelection(),
                trace.getSelection(), density.getSelection(), result -> editor.inUi(() -> {
                    if (!results.isDisposed()) {
                        show(result);
                        status.setText(NLS.bind(Messages.SpectrumPage_computed, result.file().getFileName()));
                        getManagedForm().reflow(true);
                    }
                }));
        computation.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus result = event.getResult();
                editor.inUi(() -> finished(result));
            }
        });
        job = editor.schedule(computation);
    }

    private void finished(IStatus result) {
        if (results.isDisposed()) {
            return;
        }
        compute.setEnabled(true);
        if (result.getSeverity() == IStatus.ERROR) {
            String message = NLS.bind(Messages.SpectrumPage_failed, result.getMessage());
            status.setText(message);
            getManagedForm().getMessageManager().addMessage(MESSAGE_KEY, message, null, IMessageProvider.ERROR);
        } else if (result.getSeverity() == IStatus.CANCEL) {
            showExisting();
        }
        getManagedForm().reflow(true);
    }

    private void show(CheckpointSpectrumFile spectrum) {
        shown = spectrum;
        results.show(spectrum);
        getManagedForm().reflow(true);
    }

    private long selectedStep() {
        int index = checkpoint.getSelectionIndex();
        return index < 0 ? -1 : steps.get(index);
    }

    /** Selects a checkpoint step as a user would, showing its stored spectrum. */
    void selectCheckpoint(long step) {
        checkpoint.select(steps.indexOf(step));
        showExisting();
    }

    /** Sets the computation options as a user would. */
    void setOptions(int k, boolean withTrace, boolean withDensity) {
        topK.setSelection(k);
        trace.setSelection(withTrace);
        density.setSelection(withDensity);
    }

    CheckpointSpectrumFile shown() {
        return shown;
    }

    SpectrumResultsView results() {
        return results;
    }

    HessianComputeJob job() {
        return job;
    }

    List<Long> checkpointSteps() {
        return steps;
    }

    String statusText() {
        return status.getText();
    }

    Button computeButton() {
        return compute;
    }
}
