package org.lmworkbench.ui.similarity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.IMessageManager;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.lmworkbench.workspace.SpecFiles;
import org.lmworkbench.workspace.cka.CkaDocument;
import org.lmworkbench.workspace.cka.CkaRuns;
import org.lmworkbench.core.run.SimilarityMetrics;

/**
 * The Settings page of the .cka editor: runs (chosen from the project's runs/ folder), mode,
 * activation step, layers per model or shared, metric with its setting, precision and threads, and
 * the Compute button. Every edit goes straight into the document; what would make the computation
 * fail shows as a form message naming the JSON path, and Compute is disabled until it is fixed.
 */
public final class CkaSettingsPage extends FormPage {

    /** Page id. */
    public static final String ID = "settings";

    private final CkaEditor editor;
    private IMessageManager messages;
    private org.eclipse.swt.widgets.List runList;
    private Combo mode;
    private Combo step;
    private Combo metric;
    private Label settingLabel;
    private Text setting;
    private Combo precision;
    private Spinner threads;
    private LayerChooser layersA;
    private LayerChooser layersB;
    private LayerChooser layersShared;
    private Button compute;
    private Label status;
    private boolean updating;
    private List<Long> steps = List.of();

    CkaSettingsPage(CkaEditor editor) {
        super(editor, ID, Messages.CkaSettingsPage_title);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        FormToolkit toolkit = managedForm.getToolkit();
        form.setText(Messages.CkaSettingsPage_heading);
        toolkit.decorateFormHeading(form.getForm());
        messages = managedForm.getMessageManager();
        // one column: two sections side by side cut their fields off in an editor of default width
        form.getBody().setLayout(new GridLayout(1, false));

        Composite runs = section(toolkit, form, Messages.CkaSettingsPage_runs, 2);
        runList = new org.eclipse.swt.widgets.List(runs, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        GridData listData = new GridData(SWT.FILL, SWT.FILL, true, true, 1, 2);
        listData.heightHint = 100;
        runList.setLayoutData(listData);
        Button add = toolkit.createButton(runs, Messages.CkaSettingsPage_add, SWT.PUSH);
        add.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        add.addListener(SWT.Selection, e -> addRuns());
        Button remove = toolkit.createButton(runs, Messages.CkaSettingsPage_remove, SWT.PUSH);
        remove.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        remove.addListener(SWT.Selection, e -> removeRuns());

        Composite comparison = section(toolkit, form, Messages.CkaSettingsPage_comparison, 2);
        mode = combo(toolkit, comparison, Messages.CkaSettingsPage_mode);
        mode.setItems(Messages.CkaSettingsPage_modeLayers, Messages.CkaSettingsPage_modeModels);
        step = combo(toolkit, comparison, Messages.CkaSettingsPage_step);
        metric = combo(toolkit, comparison, Messages.CkaSettingsPage_metric);
        metric.setItems(SimilarityMetrics.ALL.stream().map(SimilarityMetrics.Choice::label).toArray(String[]::new));
        settingLabel = toolkit.createLabel(comparison, "");
        setting = toolkit.createText(comparison, "", SWT.BORDER);
        setting.setLayoutData(field());
        precision = combo(toolkit, comparison, Messages.CkaSettingsPage_precision);
        precision.setItems(CkaDocument.PRECISIONS.toArray(new String[0]));
        toolkit.createLabel(comparison, Messages.CkaSettingsPage_threads);
        threads = new Spinner(comparison, SWT.BORDER);
        threads.setValues(1, 1, 1024, 0, 1, 4);

        Composite layers = section(toolkit, form, Messages.CkaSettingsPage_layers, 3);
        layersA = new LayerChooser(layers, toolkit, this::layersEdited);
        layersB = new LayerChooser(layers, toolkit, this::layersEdited);
        layersShared = new LayerChooser(layers, toolkit, this::layersEdited);

        Composite actions = toolkit.createComposite(form.getBody());
        actions.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        actions.setLayout(new GridLayout(2, false));
        compute = toolkit.createButton(actions, Messages.CkaSettingsPage_compute, SWT.PUSH);
        compute.addListener(SWT.Selection, e -> editor.compute());
        status = toolkit.createLabel(actions, "", SWT.WRAP);
        GridData statusData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        statusData.widthHint = 150;
        status.setLayoutData(statusData);

        mode.addListener(SWT.Selection, e -> edited());
        step.addListener(SWT.Selection, e -> edited());
        metric.addListener(SWT.Selection, e -> metricChosen());
        setting.addListener(SWT.Modify, e -> edited());
        precision.addListener(SWT.Selection, e -> edited());
        threads.addListener(SWT.Modify, e -> edited());
        refresh();
    }

    private Composite section(FormToolkit toolkit, ScrolledForm form, String title, int columns) {
        Section section = toolkit.createSection(form.getBody(), Section.TITLE_BAR);
        section.setText(title);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, false);
        data.widthHint = 300;
        section.setLayoutData(data);
        Composite client = toolkit.createComposite(section);
        client.setLayout(new GridLayout(columns, false));
        section.setClient(client);
        return client;
    }

    private static Combo combo(FormToolkit toolkit, Composite parent, String label) {
        toolkit.createLabel(parent, label);
        Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setLayoutData(field());
        return combo;
    }

    /** A field that fills its row but does not ask for the width of its longest item. */
    private static GridData field() {
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 120;
        return data;
    }

    /** Shows the document's values in the widgets; edits are not echoed back while this runs. */
    public void refresh() {
        CkaDocument doc = editor.document();
        updating = true;
        try {
            runList.setItems(doc.runs().toArray(new String[0]));
            mode.select(doc.mode() == CkaDocument.Mode.LAYERS ? 0 : 1);
            steps = CkaRuns.commonSteps(runPaths());
            List<String> stepItems = new ArrayList<>(List.of(Messages.CkaSettingsPage_lastStep));
            steps.forEach(s -> stepItems.add(String.valueOf(s)));
            if (doc.step() != null && !steps.contains(doc.step())) {
                stepItems.add(String.valueOf(doc.step()));
            }
            step.setItems(stepItems.toArray(new String[0]));
            step.select(doc.step() == null ? 0 : stepItems.indexOf(String.valueOf(doc.step())));
            SimilarityMetrics.Parsed parsed = SimilarityMetrics.parse(doc.metric());
            SimilarityMetrics.Choice choice = parsed == null ? SimilarityMetrics.DEFAULT : parsed.choice();
            metric.select(SimilarityMetrics.ALL.indexOf(choice));
            showSetting(choice, parsed == null ? null : parsed.settingValue());
            precision.select(Math.max(0, CkaDocument.PRECISIONS.indexOf(doc.precision())));
            precision.setEnabled(choice.linearCka());
            threads.setSelection(doc.threads());
            refreshLayers();
        } finally {
            updating = false;
        }
        validate();
    }

    private void refreshLayers() {
        CkaDocument doc = editor.document();
        List<Path> paths = runPaths();
        boolean pair = doc.mode() == CkaDocument.Mode.LAYERS;
        layersA.setVisible(pair);
        layersB.setVisible(pair);
        layersShared.setVisible(!pair);
        if (pair) {
            String a = paths.size() > 0 ? doc.runs().get(0) : "-";
            String b = paths.size() > 1 ? doc.runs().get(1) : "-";
            layersA.show(NLS.bind(Messages.CkaSettingsPage_layersA, a),
                    paths.size() > 0 ? CkaRuns.layers(paths.get(0), doc.step()) : List.of(), doc.layersA());
            layersB.show(NLS.bind(Messages.CkaSettingsPage_layersB, b),
                    paths.size() > 1 ? CkaRuns.layers(paths.get(1), doc.step()) : List.of(), doc.layersB());
        } else {
            layersShared.show(Messages.CkaSettingsPage_layersShared, CkaRuns.commonLayers(paths, doc.step()),
                    doc.layers());
        }
        getManagedForm().getForm().reflow(true);
    }

    private void showSetting(SimilarityMetrics.Choice choice, String value) {
        boolean has = choice.setting() != null;
        settingLabel.setText(has ? choice.setting() + ":" : Messages.CkaSettingsPage_noSetting);
        setting.setEnabled(has);
        setting.setText(has ? (value == null ? choice.defaultValue() : value) : "");
        getManagedForm().reflow(true);
    }

    private void metricChosen() {
        SimilarityMetrics.Choice choice = SimilarityMetrics.ALL.get(metric.getSelectionIndex());
        updating = true;
        showSetting(choice, null);
        precision.setEnabled(choice.linearCka());
        updating = false;
        edited();
    }

    /** Copies the widgets into the document. */
    private void edited() {
        if (updating) {
            return;
        }
        CkaDocument doc = editor.document();
        CkaDocument.Mode newMode = mode.getSelectionIndex() == 1 ? CkaDocument.Mode.MODELS : CkaDocument.Mode.LAYERS;
        Long newStep = step.getSelectionIndex() <= 0 ? null : Long.valueOf(step.getItem(step.getSelectionIndex()));
        boolean structural = newMode != doc.mode() || !java.util.Objects.equals(newStep, doc.step());
        doc.setMode(newMode);
        doc.setStep(newStep);
        SimilarityMetrics.Choice choice = SimilarityMetrics.ALL.get(Math.max(0, metric.getSelectionIndex()));
        doc.setMetric(choice.name(setting.getText().trim()));
        doc.setPrecision(CkaDocument.PRECISIONS.get(Math.max(0, precision.getSelectionIndex())));
        doc.setThreads(threads.getSelection());
        editor.documentChanged();
        if (structural) {
            refresh();
        } else {
            validate();
        }
    }

    private void layersEdited() {
        CkaDocument doc = editor.document();
        if (doc.mode() == CkaDocument.Mode.LAYERS) {
            doc.setLayerPair(layersA.checked(), layersB.checked());
        } else {
            doc.setLayers(layersShared.checked());
        }
        editor.documentChanged();
        validate();
    }

    private void addRuns() {
        IFolder runsFolder = editor.file().getProject().getFolder(SpecFiles.RUNS_FOLDER);
        List<String> candidates = new ArrayList<>();
        try {
            if (runsFolder.exists()) {
                for (IResource member : runsFolder.members()) {
                    String relative = member.getProjectRelativePath().toString();
                    if (SpecFiles.isRunDirectory(member) && !editor.document().runs().contains(relative)) {
                        candidates.add(relative);
                    }
                }
            }
        } catch (CoreException e) {
            showComputeError(e.getMessage());
            return;
        }
        ElementListSelectionDialog dialog = new ElementListSelectionDialog(getSite().getShell(),
                new org.eclipse.jface.viewers.LabelProvider());
        dialog.setTitle(Messages.CkaSettingsPage_addTitle);
        dialog.setMessage(Messages.CkaSettingsPage_addMessage);
        dialog.setMultipleSelection(true);
        dialog.setElements(candidates.toArray());
        if (dialog.open() == Window.OK) {
            List<String> runs = new ArrayList<>(editor.document().runs());
            for (Object chosen : dialog.getResult()) {
                runs.add((String) chosen);
            }
            setRuns(runs);
        }
    }

    private void removeRuns() {
        List<String> runs = new ArrayList<>(editor.document().runs());
        runs.removeAll(List.of(runList.getSelection()));
        setRuns(runs);
    }

    /** Replaces the runs (as Add/Remove do) and refreshes steps and layers. */
    public void setRuns(List<String> runs) {
        editor.document().setRuns(runs);
        editor.documentChanged();
        refresh();
    }

    private List<Path> runPaths() {
        Path project = editor.projectLocation();
        return editor.document().runs().stream().map(project::resolve).toList();
    }

    /** Puts the problems that would make Compute fail into the form header; disables Compute on any. */
    private void validate() {
        messages.removeAllMessages();
        CkaDocument doc = editor.document();
        int i = 0;
        SimilarityMetrics.Choice choice = SimilarityMetrics.ALL.get(Math.max(0, metric.getSelectionIndex()));
        if (choice.setting() != null) {
            String bad = choice.checkSetting(setting.getText());
            if (bad != null) {
                messages.addMessage("setting", "$.metric: " + bad, null, IMessageProvider.ERROR, setting);
                i++;
            }
        }
        boolean none = doc.mode() == CkaDocument.Mode.LAYERS
                ? layersA.checked().isEmpty() && !layersA.available().isEmpty()
                        || layersB.checked().isEmpty() && !layersB.available().isEmpty()
                : layersShared.checked().isEmpty() && !layersShared.available().isEmpty();
        if (none) {
            messages.addMessage("layers", Messages.CkaSettingsPage_noLayers, null, IMessageProvider.ERROR);
            i++;
        }
        for (String problem : CkaRuns.problems(doc, editor.projectLocation())) {
            messages.addMessage("runs" + i++, problem, null, IMessageProvider.ERROR);
        }
        compute.setEnabled(i == 0);
    }

    /** True when the form shows no error and Compute can be pressed. */
    public boolean canCompute() {
        return compute.isEnabled();
    }

    /** Presses Compute (as a user would). */
    public void pressCompute() {
        compute.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    void computeStarted() {
        status.setText(Messages.CkaSettingsPage_computing);
        getManagedForm().reflow(true);
    }

    void computeFinished(String error) {
        status.setText(error == null ? Messages.CkaSettingsPage_computed : NLS.bind(Messages.CkaSettingsPage_failed,
                error.lines().findFirst().orElse("")));
        if (error != null) {
            showComputeError(error);
        }
        getManagedForm().reflow(true);
    }

    void showComputeError(String message) {
        messages.addMessage("compute", message, null, IMessageProvider.ERROR);
    }
}
