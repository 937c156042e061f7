package org.lmworkbench.ui.fit;

import java.util.List;
import java.util.Locale;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.lmworkbench.ui.charts.ChartArea;
import org.lmworkbench.ui.charts.ChartLayouts;
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.charts.ExportTarget;
import org.lmworkbench.ui.charts.Palette;
import org.lmworkbench.ui.charts.PlotChart;
import org.lmworkbench.workspace.fit.FitDocument;
import org.lmworkbench.workspace.fit.FitResultModel;

/**
 * The "Fit" page: the points with the fitted curve and its bootstrap band on log-log axes and the
 * residual panel (one {@link ChartArea}: side by side in a wide editor, stacked in a narrow one,
 * exported together), the parameter table (estimate, bootstrap spread, percentile 95% interval,
 * with a note saying how each is computed) and the extrapolation section; for the Chinchilla form
 * iso-D curves and the compute-optimal frontier ({@link FrontierPanel}). Everything is drawn from
 * the document's stored result, so a reopened document shows it without fitting again.
 */
final class FitResultsPage extends FormPage {

    static final String ID = "org.lmworkbench.ui.editors.fit.results";

    private final FitEditor editor;
    private FormToolkit toolkit;
    private Label summary;
    private Label method;
    private ChartArea charts;
    private PlotChart main;
    private PlotChart residuals;
    private Table parameters;
    private ExtrapolationPanel extrapolation;
    private FrontierPanel frontier;

    FitResultsPage(FitEditor editor) {
        super(editor, ID, Messages.FitResultsPage_title);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        toolkit = managedForm.getToolkit();
        form.setText(Messages.FitResultsPage_heading);
        toolkit.decorateFormHeading(form.getForm());
        Composite body = form.getBody();
        body.setLayout(new GridLayout(1, false));
        summary = toolkit.createLabel(body, "", SWT.WRAP);
        summary.setLayoutData(wrapping());

        charts = new ChartArea(body, SWT.NONE, PlotChart.MIN_WIDTH, 340);
        toolkit.adapt(charts);
        charts.setLayoutData(ChartLayouts.area());
        ExportTarget target = new ExportTarget(editor::documentFolder, editor.documentName());
        main = chart(charts, target);
        residuals = chart(charts, target);
        ExportMenu.contribute(form.getToolBarManager(), charts, form.getShell(), target);
        form.getToolBarManager().update(true);

        toolkit.createLabel(body, Messages.FitResultsPage_parameters);
        parameters = toolkit.createTable(body, SWT.BORDER | SWT.FULL_SELECTION);
        parameters.setHeaderVisible(true);
        parameters.setLinesVisible(true);
        for (String title : new String[] {Messages.FitResultsPage_colParameter,
            Messages.FitResultsPage_colEstimate, Messages.FitResultsPage_colSpread,
            Messages.FitResultsPage_colLower, Messages.FitResultsPage_colUpper}) {
            TableColumn c = new TableColumn(parameters, SWT.RIGHT);
            c.setText(title);
            c.pack();
        }
        GridData table = new GridData(SWT.FILL, SWT.TOP, true, false);
        // its own scroll bar if the columns are wider than the editor
        table.widthHint = 200;
        parameters.setLayoutData(table);
        method = toolkit.createLabel(body, "", SWT.WRAP);
        method.setLayoutData(wrapping());
        extrapolation = new ExtrapolationPanel(body, toolkit, editor, () -> getManagedForm().reflow(true));
        frontier = new FrontierPanel(body, toolkit, target);
        showResult();
    }

    /** Layout data of a label that wraps to the page's width instead of widening the page. */
    static GridData wrapping() {
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 200;
        return data;
    }

    private static PlotChart chart(Composite parent, ExportTarget target) {
        PlotChart chart = new PlotChart(parent, SWT.NONE);
        ExportMenu.attach(chart, chart, target);
        return chart;
    }

    /** Redraws everything from the document's result (no-op until the page is created). */
    void showResult() {
        if (main == null || main.isDisposed()) {
            return;
        }
        FitDocument doc = editor.document();
        FitResultModel m = doc.result();
        main.clear();
        residuals.clear();
        parameters.removeAll();
        if (m == null) {
            summary.setText(Messages.FitResultsPage_noResult);
            method.setText("");
            extrapolation.show(null);
            frontier.show(null);
            getManagedForm().getForm().reflow(true);
            return;
        }
        summary.setText(NLS.bind(Messages.FitResultsPage_summary, new Object[] {
            Integer.valueOf(m.points().size()), format(m.objective()),
            Integer.valueOf(m.startsAtBest()), Integer.valueOf(m.starts()),
            m.hasBootstrap() ? Integer.toString(m.resamples().length) : "0"})
                + (m.skipped().isEmpty() ? "" : "\n" + NLS.bind(Messages.FitResultsPage_skipped,
                        String.join("; ", m.skipped()))));
        fillTable(m);
        method.setText(FitSpread.methodNote(m));
        drawMain(m, doc);
        drawResiduals(m, doc);
        extrapolation.show(m);
        frontier.show(m);
        getManagedForm().getForm().reflow(true);
    }

    private void fillTable(FitResultModel m) {
        for (int k = 0; k < m.names().size(); k++) {
            TableItem item = new TableItem(parameters, SWT.NONE);
            item.setText(0, m.names().get(k));
            item.setText(1, format(m.params()[k]));
            if (m.hasBootstrap()) {
                item.setText(2, FitSpread.spread(m, k));
                item.setText(3, format(m.lower95()[k]));
                item.setText(4, format(m.upper95()[k]));
            } else {
                item.setText(2, "-");
                item.setText(3, "-");
                item.setText(4, "-");
            }
        }
        for (TableColumn c : parameters.getColumns()) {
            c.pack();
        }
    }

    private void drawMain(FitResultModel m, FitDocument doc) {
        List<String> x = doc.source().x();
        main.setTitle(formula(doc.form()));
        main.setAxisTitles(doc.inputCount() == 2 ? x.get(0) + " (N)" : x.get(0), doc.source().y());
        main.setLogX(true);
        main.setLogY(true);
        main.addPoints("points", Messages.FitResultsPage_points, m.inputs(0), m.losses(),
                Palette.colour(0));
        double[] span = FitCurves.span(m, doc.extrapolate());
        double[] xs = FitCurves.logSpace(span[0], span[1], FitCurves.CURVE_POINTS);
        if (doc.inputCount() == 1) {
            addCurve("fit", Messages.FitResultsPage_fitted, FitCurves.curve(m, xs), Palette.colour(1));
        } else {
            double[] ds = FitCurves.isoD(m);
            for (int i = 0; i < ds.length; i++) {
                addCurve("fit D=" + format(ds[i]), "D = " + format(ds[i]),
                        FitCurves.curve(m, xs, ds[i]), Palette.colour(i + 1));
            }
        }
        main.setLegendVisible(true);
        main.refresh();
    }

    private void addCurve(String id, String label, FitCurves.Curve c, RGB colour) {
        if (c.lower() != null) {
            main.addBand(id + " band", c.x(), c.lower(), c.upper(), colour);
        }
        main.addLine(id, label, c.x(), c.y(), colour);
    }

    private void drawResiduals(FitResultModel m, FitDocument doc) {
        residuals.setTitle(Messages.FitResultsPage_residualTitle);
        residuals.setAxisTitles(doc.source().x().get(0), Messages.FitResultsPage_residualAxis);
        residuals.setLogX(true);
        residuals.setLogY(false);
        residuals.addPoints("residuals", Messages.FitResultsPage_residuals, m.inputs(0),
                m.logResiduals(), Palette.colour(0));
        residuals.addHorizontalLine("zero", "0", 0, Palette.colour(1));
        residuals.refresh();
    }

    static String formula(String form) {
        return switch (form) {
            case "chinchilla" -> "L = E + A/N^alpha + B/D^beta";
            case "power_law" -> "L = E + A/x^alpha";
            default -> "L = E + A x^-alpha1 (1 + (x/x_break)^(1/s))^(-(alpha2-alpha1) s)";
        };
    }

    /** Numbers as the page shows them: six significant digits, locale-independent. */
    static String format(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "-";
    }

    /** @return the main chart (points, curve, band). */
    PlotChart mainChart() {
        return main;
    }

    /** @return the area holding the main and the residual chart. */
    ChartArea chartArea() {
        return charts;
    }

    /** @return the note saying how the spread and the interval are computed. */
    String methodText() {
        return method.getText();
    }

    /** @return the residual chart. */
    PlotChart residualChart() {
        return residuals;
    }

    /** @return the parameter table. */
    Table parameterTable() {
        return parameters;
    }

    /** @return the extrapolation panel. */
    ExtrapolationPanel extrapolationPanel() {
        return extrapolation;
    }

    /** @return the frontier panel. */
    FrontierPanel frontierPanel() {
        return frontier;
    }
}
