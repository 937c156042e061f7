package org.lmworkbench.ui.similarity;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.charts.ExportTarget;
import org.lmworkbench.ui.charts.Heatmap;
import org.lmworkbench.ui.charts.PlotChart;
import org.lmworkbench.workspace.cka.CkaDocument;
import org.lmworkbench.workspace.cka.CkaFormatException;
import org.lmworkbench.workspace.cka.CkaRuns;
import org.lmworkbench.core.run.SimilarityMetrics;
import org.lmworkbench.workspace.cka.RunLabelShortener;
import org.lmworkbench.workspace.cka.SimilarityMatrices;

/**
 * The Result page of the .cka editor: the document's last result as a heatmap with colour bar and
 * values on hover. Layer mode shows model A's layers as rows and model B's as columns; model mode
 * shows one run x run matrix per layer (chosen in a combo), with runs labelled by the spec keys that
 * differ between them. Export as PNG, SVG or CSV from the context menu or the form's toolbar.
 */
public final class CkaResultPage extends FormPage {

    /** Page id. */
    public static final String ID = "result";

    private final CkaEditor editor;
    private ScrolledForm form;
    private Label summary;
    private Label layerLabel;
    private Combo layer;
    private Heatmap heatmap;
    private List<SimilarityMatrices.Matrix> matrices = List.of();

    CkaResultPage(CkaEditor editor) {
        super(editor, ID, Messages.CkaResultPage_title);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        form = managedForm.getForm();
        FormToolkit toolkit = managedForm.getToolkit();
        form.setText(Messages.CkaResultPage_heading);
        toolkit.decorateFormHeading(form.getForm());
        Composite body = form.getBody();
        body.setLayout(new GridLayout(2, false));
        summary = toolkit.createLabel(body, "", SWT.WRAP);
        GridData summaryData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        summaryData.widthHint = 200;
        summary.setLayoutData(summaryData);
        layerLabel = toolkit.createLabel(body, Messages.CkaResultPage_layer);
        layer = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
        layer.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        layer.addListener(SWT.Selection, e -> showMatrix(layer.getSelectionIndex()));
        heatmap = new Heatmap(body, SWT.NONE);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        data.minimumHeight = 300;
        data.heightHint = 500;
        data.widthHint = PlotChart.MIN_WIDTH;
        data.minimumWidth = PlotChart.MIN_WIDTH;
        heatmap.setLayoutData(data);
        ExportTarget target = new ExportTarget(this::documentFolder, documentName());
        ExportMenu.attach(heatmap, heatmap, target);
        IToolBarManager toolbar = form.getToolBarManager();
        ExportMenu.contribute(toolbar, heatmap, getSite().getShell(), target);
        toolbar.update(true);
        showResult();
    }

    private Path documentFolder() {
        IPath location = editor.file().getParent().getLocation();
        return location == null ? null : location.toPath();
    }

    private String documentName() {
        String name = editor.file().getName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Draws the document's result (or says there is none). */
    public void showResult() {
        if (heatmap == null || heatmap.isDisposed()) {
            return; // not created yet: createFormContent will call this
        }
        CkaDocument doc = editor.document();
        form.setMessage(null, IMessageProvider.NONE);
        matrices = List.of();
        try {
            JsonObject result = doc.result();
            String base = "$.result";
            String source = editor.file().getFullPath().toString();
            if (result == null && doc.resultFile() != null) {
                Path file = editor.projectLocation().resolve(doc.resultFile());
                source = doc.resultFile();
                base = "$";
                JsonElement tree = JsonParser.parseString(Files.readString(file));
                result = tree.isJsonObject() ? tree.getAsJsonObject() : null;
                if (result == null) {
                    throw new IOException(doc.resultFile() + ": not a JSON object");
                }
            }
            if (result == null) {
                summary.setText(Messages.CkaResultPage_none);
                heatmap.setData(new double[0][0], new String[0], new String[0]);
                showLayerChooser(false);
                form.reflow(true);
                return;
            }
            String single = doc.mode() != CkaDocument.Mode.MODELS ? null
                    : doc.layers().size() == 1 ? doc.layers().get(0) : inputLayer(result);
            matrices = relabel(SimilarityMatrices.read(result, base, single, source), doc);
            summary.setText(describe(result, doc));
        } catch (CkaFormatException | IOException | RuntimeException e) {
            form.setMessage(e.getMessage(), IMessageProvider.ERROR);
            summary.setText(Messages.CkaResultPage_unreadable);
            showLayerChooser(false);
            return;
        }
        List<String> names = new ArrayList<>();
        matrices.forEach(m -> names.add(m.layer() == null ? "" : m.layer()));
        layer.setItems(names.toArray(new String[0]));
        showLayerChooser(doc.mode() == CkaDocument.Mode.MODELS && !matrices.isEmpty());
        if (!matrices.isEmpty()) {
            layer.select(0);
            showMatrix(0);
        }
        form.reflow(true);
    }

    private void showLayerChooser(boolean visible) {
        layerLabel.setVisible(visible);
        layer.setVisible(visible);
        // hidden, they give their row back to the heatmap
        layoutData(layerLabel).exclude = !visible;
        layoutData(layer).exclude = !visible;
    }

    private static GridData layoutData(org.eclipse.swt.widgets.Control control) {
        if (!(control.getLayoutData() instanceof GridData)) {
            control.setLayoutData(new GridData());
        }
        return (GridData) control.getLayoutData();
    }

    /** Shows the matrix of the {@code index}-th layer (model mode) or the only matrix. */
    public void showMatrix(int index) {
        if (index < 0 || index >= matrices.size()) {
            return;
        }
        SimilarityMatrices.Matrix m = matrices.get(index);
        CkaDocument doc = editor.document();
        SimilarityMetrics.Parsed metric = SimilarityMetrics.parse(doc.metric());
        heatmap.setData(m.values(), m.rows().toArray(new String[0]), m.cols().toArray(new String[0]));
        if (metric == null || metric.choice().unitRange()) {
            heatmap.setValueRange(0, 1); // CKA-like scores: fixed ends make pictures comparable
        } else {
            heatmap.setValueRange(Double.NaN, Double.NaN); // distances: fit the colours to the data
        }
        if (doc.mode() == CkaDocument.Mode.LAYERS && doc.runs().size() == 2) {
            heatmap.setTitle(NLS.bind(Messages.CkaResultPage_layerTitle, runId(doc.runs().get(0)),
                    runId(doc.runs().get(1))));
        } else {
            heatmap.setTitle(NLS.bind(Messages.CkaResultPage_modelTitle, m.layer()));
        }
        if (layer.getSelectionIndex() != index) {
            layer.select(index);
        }
    }

    /** Model mode: the backend labels runs by id; these become the spec keys that vary across runs. */
    private List<SimilarityMatrices.Matrix> relabel(List<SimilarityMatrices.Matrix> read, CkaDocument doc) {
        if (doc.mode() != CkaDocument.Mode.MODELS) {
            return read;
        }
        List<String> labels = RunLabelShortener.labels(
                doc.runs().stream().map(r -> editor.projectLocation().resolve(r)).toList());
        List<SimilarityMatrices.Matrix> out = new ArrayList<>();
        for (SimilarityMatrices.Matrix m : read) {
            boolean fits = m.rows().size() == labels.size() && m.cols().size() == labels.size();
            out.add(fits ? new SimilarityMatrices.Matrix(m.layer(), labels, labels, m.values()) : m);
        }
        return out;
    }

    private static String describe(JsonObject result, CkaDocument doc) {
        String metric = result.has("metric") ? result.get("metric").getAsString() : doc.metric();
        String n = result.has("n") ? result.get("n").getAsString() : "?";
        String step = CkaRuns.stepText(doc.step());
        try {
            JsonObject inputs = result.getAsJsonObject("inputs");
            JsonObject first = inputs.entrySet().iterator().next().getValue().getAsJsonObject();
            step = "step " + first.get("step").getAsString();
        } catch (RuntimeException e) {
            // a result without inputs: say what the document asked for
        }
        return NLS.bind(Messages.CkaResultPage_summary, new Object[] {metric, n, step});
    }

    private static String inputLayer(JsonObject result) {
        try {
            return result.getAsJsonObject("inputs").getAsJsonObject("model0").getAsJsonArray("layers").get(0)
                    .getAsJsonObject().get("name").getAsString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String runId(String run) {
        return run.substring(run.lastIndexOf('/') + 1);
    }

    /** The heatmap (for tests and export). */
    public Heatmap heatmap() {
        return heatmap;
    }

    /** The layer names of the matrices shown (model mode); one null entry in layer mode. */
    public List<String> layers() {
        return matrices.stream().map(SimilarityMatrices.Matrix::layer).toList();
    }

    /** The matrices as read from the result, labelled as shown. */
    public List<SimilarityMatrices.Matrix> matrices() {
        return matrices;
    }
}
