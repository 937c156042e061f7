package org.lmworkbench.ui.fit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.IMessageManager;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.lmworkbench.workspace.fit.FitDocument;
import org.lmworkbench.workspace.fit.FitDocumentException;
import org.lmworkbench.workspace.fit.FitDocumentJson;

/**
 * The "Settings" page: where the points come from, the form and the objective settings, and
 * the Fit button. Every edit is validated by reading the fields back as a document
 * ({@link FitDocumentJson}), so the page and the file reject the same values with the same
 * JSON-path messages; the offending field is decorated and Fit is disabled until it is fixed.
 */
final class FitSettingsPage extends FormPage {

    static final String ID = "org.lmworkbench.ui.editors.fit.settings";
    private static final String ERROR_KEY = "settings";

    private final FitEditor editor;
    private final Map<String, Control> controlsByPath = new LinkedHashMap<>();
    private Combo kind;
    private Text path;
    private Text x;
    private Text y;
    private Button flop;
    private Combo form;
    private Text delta;
    private Text grid;
    private Text bootstrap;
    private Text seed;
    private Text drop;
    private Button fit;
    private Button cancel;
    private Label status;
    private boolean valid = true;
    private String error;
    private boolean filling;

    FitSettingsPage(FitEditor editor) {
        super(editor, ID, Messages.FitSettingsPage_title);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        ScrolledForm form0 = managedForm.getForm();
        FormToolkit tk = managedForm.getToolkit();
        form0.setText(Messages.FitSettingsPage_heading);
        tk.decorateFormHeading(form0.getForm());
        Composite body = form0.getBody();
        // one column: two sections side by side cut their fields off in an editor of default width
        body.setLayout(new GridLayout(1, false));

        Composite points = section(tk, body, Messages.FitSettingsPage_pointsSection,
                Messages.FitSettingsPage_pointsDescription);
        kind = combo(tk, points, Messages.FitSettingsPage_kind, new String[] {"runs", "csv"});
        path = text(tk, points, Messages.FitSettingsPage_path);
        x = text(tk, points, Messages.FitSettingsPage_x);
        y = text(tk, points, Messages.FitSettingsPage_y);
        flop = tk.createButton(points, Messages.FitSettingsPage_flop, SWT.CHECK);
        flop.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 2, 1));

        Composite law = section(tk, body, Messages.FitSettingsPage_lawSection,
                Messages.FitSettingsPage_lawDescription);
        form = combo(tk, law, Messages.FitSettingsPage_form,
                FitDocument.FORMS.toArray(String[]::new));
        delta = text(tk, law, Messages.FitSettingsPage_delta);
        grid = text(tk, law, Messages.FitSettingsPage_grid);
        bootstrap = text(tk, law, Messages.FitSettingsPage_bootstrap);
        seed = text(tk, law, Messages.FitSettingsPage_seed);
        drop = text(tk, law, Messages.FitSettingsPage_drop);

        Composite actions = tk.createComposite(body);
        actions.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        actions.setLayout(new GridLayout(2, false));
        fit = tk.createButton(actions, Messages.FitSettingsPage_fit, SWT.PUSH);
        fit.addListener(SWT.Selection, e -> editor.startFit());
        cancel = tk.createButton(actions, Messages.FitSettingsPage_cancel, SWT.PUSH);
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> {
            if (editor.job() != null) {
                editor.job().cancel();
            }
        });
        status = tk.createLabel(actions, "", SWT.WRAP);
        GridData statusData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        statusData.widthHint = 200;
        status.setLayoutData(statusData);

        controlsByPath.put("$.source.runs", path);
        controlsByPath.put("$.source.csv", path);
        controlsByPath.put("$.source.x", x);
        controlsByPath.put("$.source.y", y);
        controlsByPath.put("$.source.d_from_flop", flop);
        controlsByPath.put("$.form", form);
        controlsByPath.put("$.settings.huber_delta", delta);
        controlsByPath.put("$.settings.grid", grid);
        controlsByPath.put("$.settings.bootstrap", bootstrap);
        controlsByPath.put("$.settings.seed", seed);
        controlsByPath.put("$.settings.drop_highest", drop);
        fill();
        for (Control c : controlsByPath.values()) {
            c.addListener(c instanceof Text ? SWT.Modify : SWT.Selection, e -> edited());
        }
    }

    private Composite section(FormToolkit tk, Composite parent, String title, String text) {
        Section s = tk.createSection(parent, Section.TITLE_BAR | Section.DESCRIPTION);
        s.setText(title);
        s.setDescription(text);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        // a small preferred width: the description wraps to what the editor has
        data.widthHint = 300;
        s.setLayoutData(data);
        Composite c = tk.createComposite(s);
        c.setLayout(new GridLayout(2, false));
        s.setClient(c);
        return c;
    }

    private Text text(FormToolkit tk, Composite parent, String label) {
        fieldLabel(tk, parent, label);
        Text t = tk.createText(parent, "", SWT.SINGLE | SWT.BORDER);
        t.setLayoutData(field());
        return t;
    }

    private Combo combo(FormToolkit tk, Composite parent, String label, String[] items) {
        fieldLabel(tk, parent, label);
        Combo c = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        c.setItems(items);
        tk.adapt(c, true, false);
        c.setLayoutData(field());
        return c;
    }

    /** A field label that wraps (some are long) rather than pushing its field out of sight. */
    private static void fieldLabel(FormToolkit tk, Composite parent, String label) {
        Label l = tk.createLabel(parent, label, SWT.WRAP);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, false, false);
        data.widthHint = Math.min(170, l.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
        l.setLayoutData(data);
    }

    private static GridData field() {
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 120;
        data.minimumWidth = 120;
        return data;
    }

    /** Copies the document into the fields. */
    private void fill() {
        filling = true;
        FitDocument d = editor.document();
        kind.select(d.source().fromRuns() ? 0 : 1);
        path.setText(d.source().path());
        x.setText(String.join(", ", d.source().x()));
        y.setText(d.source().y());
        flop.setSelection(d.source().dFromFlop());
        form.select(FitDocument.FORMS.indexOf(d.form()));
        FitDocument.Settings s = d.settings();
        delta.setText(BigDecimal.valueOf(s.huberDelta()).stripTrailingZeros().toPlainString());
        grid.setText(s.grid());
        bootstrap.setText(Integer.toString(s.bootstrap()));
        seed.setText(Long.toString(s.seed()));
        drop.setText(Integer.toString(s.dropHighest()));
        filling = false;
    }

    /** Reads the fields back through the document reader; valid settings go into the document. */
    private void edited() {
        if (filling) {
            return;
        }
        IMessageManager messages = getManagedForm().getMessageManager();
        messages.removeAllMessages();
        try {
            FitDocument parsed = FitDocumentJson.read(fieldsAsJson().toString());
            FitDocument d = editor.document();
            if (!parsed.form().equals(d.form())) {
                // The result and the targets belong to the old form's parameters and inputs.
                d.setResult(null);
                d.extrapolate().removeIf(x -> x.length != parsed.inputCount());
                editor.resultsPage().showResult();
            }
            d.setSource(parsed.source());
            d.setForm(parsed.form());
            d.setSettings(parsed.settings());
            valid = true;
            error = null;
            editor.markDirty();
        } catch (FitDocumentException e) {
            valid = false;
            error = e.getMessage();
            Control c = controlsByPath.get(e.path().replaceAll("\\[\\d+\\]$", ""));
            messages.addMessage(ERROR_KEY, e.getMessage(), null, IMessageProvider.ERROR, c);
        }
        fit.setEnabled(valid && !running());
    }

    private JsonObject fieldsAsJson() {
        JsonObject o = new JsonObject();
        o.addProperty("version", FitDocument.VERSION);
        JsonObject s = new JsonObject();
        s.addProperty(kind.getSelectionIndex() == 1 ? "csv" : "runs", path.getText().trim());
        JsonArray xs = new JsonArray();
        for (String key : x.getText().split(",", -1)) {
            xs.add(key.trim());
        }
        s.add("x", xs);
        s.addProperty("y", y.getText().trim());
        String formWord = FitDocument.FORMS.get(Math.max(0, form.getSelectionIndex()));
        if (flop.getSelection() && formWord.equals("chinchilla")) {
            s.addProperty("d_from_flop", true);
        }
        o.add("source", s);
        o.addProperty("form", formWord);
        JsonObject t = new JsonObject();
        t.add("huber_delta", numberOrText(delta.getText()));
        t.addProperty("grid", grid.getText().trim().toLowerCase(Locale.ROOT));
        t.add("bootstrap", numberOrText(bootstrap.getText()));
        t.add("seed", numberOrText(seed.getText()));
        t.add("drop_highest", numberOrText(drop.getText()));
        o.add("settings", t);
        return o;
    }

    /** A JSON number when the text is one, else the text, which the reader then rejects by path. */
    private static JsonPrimitive numberOrText(String text) {
        try {
            return new JsonPrimitive(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return new JsonPrimitive(text.trim());
        }
    }

    private boolean running() {
        return editor.job() != null && editor.job().getState() != org.eclipse.core.runtime.jobs.Job.NONE;
    }

    /** @return whether the fields hold valid settings. */
    boolean isValid() {
        return valid;
    }

    /** Shows that a fit is running. */
    void fitStarted() {
        if (fit != null && !fit.isDisposed()) {
            fit.setEnabled(false);
            cancel.setEnabled(true);
            status.setText(Messages.FitSettingsPage_running);
            getManagedForm().reflow(true);
        }
    }

    /** Shows the end of a fit: {@code error} is the problem, or {@code null} for success. */
    void fitEnded(String error) {
        if (fit == null || fit.isDisposed()) {
            return;
        }
        fit.setEnabled(valid);
        cancel.setEnabled(false);
        status.setText(error == null ? Messages.FitSettingsPage_done : error);
        getManagedForm().getForm().setMessage(error, error == null ? IMessageProvider.NONE
                : IMessageProvider.ERROR);
        getManagedForm().reflow(true);
    }

    /** @return the current settings error (JSON path first), or {@code null} if valid. */
    String errorText() {
        return error;
    }

    /** @return the status line (tests read it). */
    String statusText() {
        return status.getText();
    }

    /** @return the Fit button (tests press it). */
    Button fitButton() {
        return fit;
    }

    /** @return the Huber delta field (tests type into it). */
    Text deltaField() {
        return delta;
    }
}
