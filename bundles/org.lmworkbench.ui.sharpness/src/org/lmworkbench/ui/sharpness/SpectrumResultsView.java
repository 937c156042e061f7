package org.lmworkbench.ui.sharpness;

import static org.lmworkbench.ui.sharpness.SharpnessNumbersSection.format;

import java.util.Arrays;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.Section;
import org.lmworkbench.core.run.CheckpointSpectrumFile;
import org.lmworkbench.ui.charts.ChartLayouts;
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.charts.ExportTarget;
import org.lmworkbench.ui.charts.Palette;
import org.lmworkbench.ui.charts.PlotChart;

/**
 * Shows one {@link CheckpointSpectrumFile}: the spectral density on a logarithmic axis with the
 * top eigenvalues (and the stability threshold) as vertical markers, the trace with its standard
 * error, and a table of the eigenvalues with their residuals {@code ||Hv - lambda v||}.
 *
 * <p>The density is drawn where it is above 1e-6 of its maximum: the Gaussian broadening's tails
 * between and beyond the quadrature nodes fall to zero and underflow, which a log axis would
 * stretch over many empty decades.
 */
final class SpectrumResultsView {

    static final String DENSITY = "density";
    static final String THRESHOLD = "threshold";
    private static final RGB DENSITY_COLOUR = new RGB(30, 90, 180);
    private static final RGB THRESHOLD_COLOUR = new RGB(200, 30, 30);

    private final PlotChart chart;
    private final Label trace;
    private final Label loss;
    private final Label parameters;
    private final Label hvps;
    private final Table table;
    private final ExportTarget exportTarget;
    private int markers;

    SpectrumResultsView(Composite parent, FormToolkit toolkit, ExportTarget exportTarget) {
        this.exportTarget = exportTarget;
        chart = new PlotChart(parent, SWT.NONE);
        toolkit.adapt(chart);
        chart.setLayoutData(ChartLayouts.chart(360));
        chart.setTitle(Messages.SpectrumPage_chartTitle);
        chart.setAxisTitles(Messages.SpectrumPage_axisEigenvalue, Messages.SpectrumPage_axisDensity);
        chart.setLogY(true);
        chart.setLegendVisible(true);
        ExportMenu.attach(chart, chart, exportTarget);

        Section section = toolkit.createSection(parent, Section.TITLE_BAR);
        section.setText(Messages.SpectrumPage_results);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(section);
        Composite body = toolkit.createComposite(section);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(12, 4).applyTo(body);
        trace = pair(toolkit, body, Messages.SpectrumPage_traceLabel);
        loss = pair(toolkit, body, Messages.SpectrumPage_lossLabel);
        parameters = pair(toolkit, body, Messages.SpectrumPage_parametersLabel);
        hvps = pair(toolkit, body, Messages.SpectrumPage_hvpsLabel);
        table = toolkit.createTable(body, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] titles = {Messages.SpectrumPage_columnIndex, Messages.SpectrumPage_columnEigenvalue,
            Messages.SpectrumPage_columnResidual, Messages.SpectrumPage_columnRelative};
        String[] tooltips = {null, null, Messages.SpectrumPage_columnResidualTooltip,
            Messages.SpectrumPage_columnRelativeTooltip};
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, SWT.RIGHT);
            column.setText(titles[i]);
            column.setToolTipText(tooltips[i]);
            column.pack();
        }
        // its own scroll bar when the columns are wider than the editor
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(table);
        section.setClient(body);
    }

    private static Label pair(FormToolkit toolkit, Composite body, String name) {
        Label label = toolkit.createLabel(body, name);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(label);
        Label value = toolkit.createLabel(body, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(value);
        return value;
    }

    /** Shows a spectrum. */
    void show(CheckpointSpectrumFile s) {
        chart.removeSeries(DENSITY);
        chart.removeSeries(THRESHOLD);
        for (int i = 1; i <= markers; i++) {
            chart.removeSeries(eigenvalueId(i));
        }
        if (s.density() != null) {
            double[][] xy = positive(s.density().grid(), s.density().values());
            if (xy[0].length > 0) {
                chart.addLine(DENSITY, Messages.SpectrumPage_density_series, xy[0], xy[1], DENSITY_COLOUR);
            }
        }
        double[] eigenvalues = s.top().eigenvalues();
        markers = eigenvalues.length;
        for (int i = 0; i < markers; i++) {
            chart.addVerticalLine(eigenvalueId(i + 1), NLS.bind(Messages.SpectrumPage_eigenvalue, i + 1),
                    eigenvalues[i], Palette.colour(i));
        }
        if (Double.isFinite(s.threshold())) {
            chart.addVerticalLine(THRESHOLD, NLS.bind(Messages.SpectrumPage_threshold, s.thresholdKind()),
                    s.threshold(), THRESHOLD_COLOUR);
        }
        chart.refresh();

        trace.setText(s.trace() == null ? Messages.SharpnessNumbers_none
                : NLS.bind(Messages.SpectrumPage_traceValue, new Object[] {format("%.6g", s.trace().estimate()),
                    format("%.4g", s.trace().standardError()), s.trace().method(), s.trace().probes()}));
        loss.setText(format("%.6g", s.loss()));
        parameters.setText(s.parameters() + " / " + s.examples());
        hvps.setText(Long.toString(s.hvps()));
        table.removeAll();
        double[] residuals = s.top().residuals();
        double[] relative = s.top().relativeResiduals();
        for (int i = 0; i < eigenvalues.length; i++) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {Integer.toString(i + 1), format("%.10g", eigenvalues[i]),
                format("%.3e", residuals[i]), i < relative.length ? format("%.3e", relative[i]) : ""});
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
        for (Label value : new Label[] {trace, loss, parameters, hvps}) {
            value.setToolTipText(value.getText());
        }
    }

    static String eigenvalueId(int i) {
        return "eigenvalue" + i;
    }

    private static double[][] positive(double[] x, double[] y) {
        double max = Arrays.stream(y).filter(Double::isFinite).max().orElse(0);
        double floor = max * 1e-6;
        double[] px = new double[x.length];
        double[] py = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i]) && y[i] > floor && y[i] > 0) {
                px[n] = x[i];
                py[n++] = y[i];
            }
        }
        return new double[][] {Arrays.copyOf(px, n), Arrays.copyOf(py, n)};
    }

    PlotChart chart() {
        return chart;
    }

    ExportTarget exportTarget() {
        return exportTarget;
    }

    Table table() {
        return table;
    }

    String traceText() {
        return trace.getText();
    }

    boolean isDisposed() {
        return chart.isDisposed();
    }
}
