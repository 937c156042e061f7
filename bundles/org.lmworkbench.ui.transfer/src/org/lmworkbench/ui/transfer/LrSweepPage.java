package org.lmworkbench.ui.transfer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.lmworkbench.analysis.transfer.LossAggregation;
import org.lmworkbench.analysis.transfer.LrOptimum;
import org.lmworkbench.analysis.transfer.LrSweepTable;
import org.lmworkbench.analysis.transfer.TransferSettings;
import org.lmworkbench.analysis.transfer.TransferSummary;
import org.lmworkbench.ui.charts.ChartLayouts;
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.charts.ExportTarget;
import org.lmworkbench.ui.charts.Palette;
import org.lmworkbench.ui.charts.PlotChart;

/**
 * Page 1 of the transfer editor: the settings, loss against log2(lr) with one curve per width
 * (mean over seeds with a +-1 sd band, the optimum marked), the optimum per width and the loss
 * table with diverged cells spelled out.
 */
final class LrSweepPage extends FormPage {

    /** Page id. */
    static final String ID = "org.lmworkbench.ui.editors.transfer.lr";

    private final TransferEditor editor;
    private Combo widthKey;
    private Combo lrKey;
    private Combo metric;
    private Combo aggregation;
    private Spinner lastK;
    private PlotChart chart;
    private Label summary;
    private Table optima;
    private Table grid;
    private Label notes;
    private TransferResult pending;

    LrSweepPage(TransferEditor editor) {
        super(editor, ID, Messages.TransferEditor_lrPage);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managed) {
        ScrolledForm form = managed.getForm();
        FormToolkit toolkit = managed.getToolkit();
        form.setText(Messages.LrSweepPage_title);
        toolkit.decorateFormHeading(form.getForm());
        Composite body = form.getBody();
        body.setLayout(new GridLayout(1, false));
        createSettings(toolkit, body);

        chart = new PlotChart(body, SWT.NONE);
        chart.setTitle(Messages.LrSweepPage_chart);
        chart.setLayoutData(ChartLayouts.chart(380));
        ExportTarget target = editor.exportTarget("lr-sweep");
        ExportMenu.attach(chart, chart, target);

        summary = toolkit.createLabel(body, "", SWT.WRAP);
        summary.setLayoutData(TransferFormats.wrapping());
        optima = table(toolkit, body, Messages.LrSweepPage_optima, Messages.LrSweepPage_optimaDescription);
        grid = table(toolkit, body, Messages.LrSweepPage_grid, null);
        notes = toolkit.createLabel(body, "", SWT.WRAP);
        notes.setLayoutData(TransferFormats.wrapping());

        form.getToolBarManager().add(editor.refreshAction());
        ExportMenu.contribute(form.getToolBarManager(), chart, form.getShell(), target);
        form.updateToolBar();
        if (pending != null) {
            show(pending);
        }
    }

    private void createSettings(FormToolkit toolkit, Composite body) {
        Section section = toolkit.createSection(body, Section.TITLE_BAR | Section.DESCRIPTION);
        section.setText(Messages.LrSweepPage_settings);
        section.setDescription(Messages.LrSweepPage_settingsDescription);
        section.setLayoutData(TransferFormats.wrapping());
        Composite client = toolkit.createComposite(section);
        // label and field per row: ten columns in a row ran off the edge of a narrow editor
        client.setLayout(new GridLayout(2, false));
        section.setClient(client);
        TransferSettings s = editor.settings();
        Set<String> keys = new LinkedHashSet<>(List.of(TransferSettings.WIDTH, TransferSettings.LR));
        keys.addAll(editor.sweepKeys());
        widthKey = combo(toolkit, client, Messages.LrSweepPage_widthKey, keys, s.widthKey(), false);
        lrKey = combo(toolkit, client, Messages.LrSweepPage_lrKey, keys, s.lrKey(), false);
        metric = combo(toolkit, client, Messages.LrSweepPage_metric,
                List.of(TransferSettings.TRAIN_LOSS, TransferSettings.TEST_LOSS), s.metric(), false);
        List<String> aggregations = new ArrayList<>();
        for (LossAggregation a : LossAggregation.values()) {
            aggregations.add(a.label());
        }
        aggregation = combo(toolkit, client, Messages.LrSweepPage_aggregation, aggregations,
                s.aggregation().label(), true);
        toolkit.createLabel(client, Messages.LrSweepPage_lastK);
        lastK = new Spinner(client, SWT.BORDER);
        lastK.setValues(s.lastK(), 1, 100000, 0, 1, 10);
        lastK.addListener(SWT.Selection, e -> apply());
    }

    private Combo combo(FormToolkit toolkit, Composite parent, String label, Iterable<String> items, String value,
            boolean readOnly) {
        toolkit.createLabel(parent, label);
        Combo combo = new Combo(parent, SWT.DROP_DOWN | (readOnly ? SWT.READ_ONLY : 0));
        items.forEach(combo::add);
        combo.setText(value);
        combo.addListener(SWT.Selection, e -> apply());
        combo.addListener(SWT.DefaultSelection, e -> apply());
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 120;
        combo.setLayoutData(data);
        return combo;
    }

    private Table table(FormToolkit toolkit, Composite body, String title, String description) {
        Section section = toolkit.createSection(body, Section.TITLE_BAR | (description == null ? 0 : Section.DESCRIPTION));
        section.setText(title);
        if (description != null) {
            section.setDescription(description);
        }
        // the table scrolls sideways inside the section rather than widening the page
        section.setLayoutData(TransferFormats.wrapping());
        Table table = toolkit.createTable(section, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        section.setClient(table);
        return table;
    }

    /** Reads the settings from the widgets and reloads. */
    private void apply() {
        TransferSettings s = new TransferSettings(widthKey.getText().trim(), lrKey.getText().trim(),
                metric.getText().trim(), LossAggregation.fromLabel(aggregation.getText()), lastK.getSelection());
        if (!s.equals(editor.settings())) {
            editor.applySettings(s);
        }
    }

    /** Shows a load's result (kept until the page's controls exist). */
    void show(TransferResult result) {
        pending = result;
        if (chart == null || chart.isDisposed()) {
            return;
        }
        IManagedForm managed = getManagedForm();
        managed.getMessageManager().removeMessages();
        chart.clear();
        if (result.error() != null) {
            managed.getMessageManager().addMessage("load", NLS.bind(Messages.TransferEditor_loadFailed,
                    result.error()), null, IMessageProvider.ERROR);
            TransferFormats.columns(optima);
            TransferFormats.columns(grid);
            summary.setText("");
            notes.setText("");
        } else {
            if (result.table().isEmpty()) {
                managed.getMessageManager().addMessage("empty", Messages.LrSweepPage_noRuns, null,
                        IMessageProvider.INFORMATION);
            }
            plot(result.table(), result.summary());
            fillOptima(result.summary());
            fillGrid(result.table());
            summary.setText(summaryText(result));
            notes.setText(result.runs().notes().isEmpty() ? ""
                    : NLS.bind(Messages.LrSweepPage_notes, String.join("; ", result.runs().notes())));
        }
        managed.getForm().reflow(true);
    }

    private void plot(LrSweepTable table, TransferSummary s) {
        chart.setAxisTitles(Messages.LrSweepPage_xAxis, editor.settings().metric());
        double[] x = table.log2Lrs();
        double[] widths = table.widths();
        for (int w = 0; w < widths.length; w++) {
            RGB colour = Palette.colour(w);
            double[] mean = table.means(w);
            double[] sd = table.sds(w);
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(mean[i])) {
                    points.add(new double[] {x[i], mean[i], sd[i]});
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            double[] px = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] py = points.stream().mapToDouble(p -> p[1]).toArray();
            String label = NLS.bind(Messages.LrSweepPage_widthLabel, TransferFormats.width(widths[w]));
            if (points.stream().anyMatch(p -> p[2] > 0)) {
                chart.addBand("band-" + w, px, points.stream().mapToDouble(p -> p[1] - p[2]).toArray(),
                        points.stream().mapToDouble(p -> p[1] + p[2]).toArray(), colour);
            }
            chart.addLine("width-" + w, label, px, py, colour);
            LrOptimum o = s.optima().get(w);
            if (o.gridIndex() >= 0) {
                double y = o.isRefined() ? o.refinedLoss() : o.gridLoss();
                chart.addPoints("optimum-" + w, NLS.bind(Messages.LrSweepPage_optimumLabel,
                        TransferFormats.width(widths[w])), new double[] {o.bestLog2Lr()}, new double[] {y}, colour);
            }
        }
        chart.refresh();
    }

    private void fillOptima(TransferSummary s) {
        TransferFormats.columns(optima, Messages.LrSweepPage_colWidth, Messages.LrSweepPage_colGridLr,
                Messages.LrSweepPage_colGridLog2, Messages.LrSweepPage_colGridLoss,
                Messages.LrSweepPage_colRefinedLog2, Messages.LrSweepPage_colRefinedLr, Messages.LrSweepPage_colNote);
        for (LrOptimum o : s.optima()) {
            boolean found = o.gridIndex() >= 0;
            TransferFormats.row(optima, TransferFormats.width(o.width()), TransferFormats.number(o.gridLr()),
                    found ? TransferFormats.fixed(o.gridLog2Lr()) : TransferFormats.NONE,
                    TransferFormats.number(o.gridLoss()), TransferFormats.fixed(o.refinedLog2Lr()),
                    o.isRefined() ? TransferFormats.number(Math.pow(2, o.refinedLog2Lr())) : TransferFormats.NONE,
                    o.note());
        }
        TransferFormats.pack(optima);
    }

    private void fillGrid(LrSweepTable table) {
        double[] lrs = table.lrs();
        String[] headers = new String[lrs.length + 1];
        headers[0] = Messages.LrSweepPage_gridWidth;
        for (int l = 0; l < lrs.length; l++) {
            headers[l + 1] = TransferFormats.number(lrs[l]);
        }
        TransferFormats.columns(grid, headers);
        double[] widths = table.widths();
        for (int w = 0; w < widths.length; w++) {
            String[] cells = new String[lrs.length + 1];
            cells[0] = TransferFormats.width(widths[w]);
            for (int l = 0; l < lrs.length; l++) {
                LrSweepTable.Cell c = table.cell(w, l);
                cells[l + 1] = c == null ? TransferFormats.NONE
                        : c.isDiverged() ? NLS.bind(Messages.LrSweepPage_diverged, c.diverged(), c.runs())
                        : c.runs() > 1 ? TransferFormats.number(c.mean()) + " \u00b1 " + TransferFormats.number(c.sd())
                        : TransferFormats.number(c.mean());
            }
            TransferFormats.row(grid, cells);
        }
        TransferFormats.pack(grid);
    }

    private static String summaryText(TransferResult r) {
        TransferSummary s = r.summary();
        return NLS.bind(Messages.LrSweepPage_summary, new Object[] {TransferFormats.fixed(s.spread()),
            TransferFormats.fixed(s.sd()), TransferFormats.fixed(s.gridStep()), TransferFormats.fixed(s.drift()),
            r.runs().runs().size(), r.runs().expected(), r.runs().missing()});
    }

    /** The chart (for tests). */
    PlotChart chart() {
        return chart;
    }

    /** The optimum-per-width table (for tests). */
    Table optimaTable() {
        return optima;
    }

    /** The loss table (for tests). */
    Table gridTable() {
        return grid;
    }

    /** The width-key field (for tests). */
    Combo widthKeyCombo() {
        return widthKey;
    }

    /** The metric field (for tests). */
    Combo metricCombo() {
        return metric;
    }

    /** The summary line (for tests). */
    String summaryLine() {
        return summary.getText();
    }
}
