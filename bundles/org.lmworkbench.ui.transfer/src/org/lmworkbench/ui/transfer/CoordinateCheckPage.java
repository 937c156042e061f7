package org.lmworkbench.ui.transfer;

import java.util.List;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.lmworkbench.analysis.transfer.CoordinateCheck;
import org.lmworkbench.ui.charts.ChartArea;
import org.lmworkbench.ui.charts.ChartLayouts;
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.charts.ExportTarget;
import org.lmworkbench.ui.charts.Palette;
import org.lmworkbench.ui.charts.PlotChart;

/**
 * Page 2 of the transfer editor: the muP coordinate check. Two log-log charts against width, one
 * curve per layer: the RMS of the activation coordinates and the RMS of their change since step 0,
 * at a chosen step for the runs at a chosen learning rate, with the fitted log-log slope of every
 * curve in a table (0 = flat, as muP promises; about 1 = growing like width, as SP does).
 */
final class CoordinateCheckPage extends FormPage {

    /** Page id. */
    static final String ID = "org.lmworkbench.ui.editors.transfer.check";

    private final TransferEditor editor;
    private Combo lr;
    private Combo step;
    private ChartArea charts;
    private PlotChart rmsChart;
    private PlotChart deltaChart;
    private Table slopes;
    private Label notes;
    private TransferResult pending;
    private double[] lrValues = new double[0];

    CoordinateCheckPage(TransferEditor editor) {
        super(editor, ID, Messages.TransferEditor_checkPage);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managed) {
        ScrolledForm form = managed.getForm();
        FormToolkit toolkit = managed.getToolkit();
        form.setText(Messages.CoordinateCheckPage_title);
        toolkit.decorateFormHeading(form.getForm());
        Composite body = form.getBody();
        body.setLayout(new GridLayout(1, false));

        Section section = toolkit.createSection(body, Section.TITLE_BAR | Section.DESCRIPTION);
        section.setText(Messages.CoordinateCheckPage_controls);
        section.setDescription(Messages.CoordinateCheckPage_controlsDescription);
        section.setLayoutData(TransferFormats.wrapping());
        Composite client = toolkit.createComposite(section);
        client.setLayout(new GridLayout(2, false));
        section.setClient(client);
        toolkit.createLabel(client, Messages.CoordinateCheckPage_lr);
        lr = new Combo(client, SWT.DROP_DOWN | SWT.READ_ONLY);
        lr.addListener(SWT.Selection, e -> {
            if (lr.getSelectionIndex() >= 0) {
                editor.chooseCheckLr(lrValues[lr.getSelectionIndex()]);
            }
        });
        toolkit.createLabel(client, Messages.CoordinateCheckPage_step);
        step = new Combo(client, SWT.DROP_DOWN | SWT.READ_ONLY);
        step.addListener(SWT.Selection, e -> redraw());

        // the two charts side by side when the editor is wide, one above the other when not; the
        // page's export holds both
        charts = new ChartArea(body, SWT.NONE, PlotChart.MIN_WIDTH, 340);
        toolkit.adapt(charts);
        charts.setLayoutData(ChartLayouts.area());
        ExportTarget target = editor.exportTarget("coordinate-check");
        rmsChart = chart(charts, Messages.CoordinateCheckPage_rmsChart, Messages.CoordinateCheckPage_rmsAxis, target);
        deltaChart = chart(charts, Messages.CoordinateCheckPage_deltaChart, Messages.CoordinateCheckPage_deltaAxis,
                target);

        Section slopeSection = toolkit.createSection(body, Section.TITLE_BAR);
        slopeSection.setText(Messages.CoordinateCheckPage_slopes);
        slopeSection.setLayoutData(TransferFormats.wrapping());
        slopes = toolkit.createTable(slopeSection, SWT.BORDER | SWT.FULL_SELECTION);
        slopes.setHeaderVisible(true);
        slopes.setLinesVisible(true);
        slopeSection.setClient(slopes);
        notes = toolkit.createLabel(body, "", SWT.WRAP);
        notes.setLayoutData(TransferFormats.wrapping());

        form.getToolBarManager().add(editor.refreshAction());
        ExportMenu.contribute(form.getToolBarManager(), charts, form.getShell(), target);
        form.updateToolBar();
        if (pending != null) {
            show(pending);
        }
    }

    private static PlotChart chart(ChartArea area, String title, String yAxis, ExportTarget target) {
        PlotChart chart = new PlotChart(area, SWT.NONE);
        chart.setTitle(title);
        chart.setAxisTitles(Messages.CoordinateCheckPage_xAxis, yAxis);
        chart.setLogX(true);
        chart.setLogY(true);
        ExportMenu.attach(chart, chart, target);
        return chart;
    }

    /** Shows a load's result (kept until the page's controls exist). */
    void show(TransferResult result) {
        pending = result;
        if (rmsChart == null || rmsChart.isDisposed()) {
            return;
        }
        lr.removeAll();
        lrValues = result.table() == null ? new double[0] : result.table().lrs();
        for (int i = 0; i < lrValues.length; i++) {
            lr.add(TransferFormats.number(lrValues[i]) + "  (log2 " + TransferFormats.fixed(Math.log(lrValues[i])
                    / Math.log(2)) + ")");
            if (lrValues[i] == result.checkLr()) {
                lr.select(i);
            }
        }
        String previousStep = step.getText();
        step.removeAll();
        CoordinateCheck check = result.check();
        if (check != null) {
            for (Long s : check.steps()) {
                step.add(Long.toString(s));
            }
            int keep = step.indexOf(previousStep);
            step.select(keep >= 0 ? keep : defaultStep(check.steps()));
        }
        redraw();
    }

    /**
     * The step first shown: the first capture at step 3 or later, because the coordinate check of
     * microsoft/mup looks at the first few steps (later, the loss landscape and not the
     * parameterization dominates the sizes); the last capture if none is that late.
     */
    static int defaultStep(List<Long> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) >= 3) {
                return i;
            }
        }
        return steps.size() - 1;
    }

    /** Redraws the charts and the slope table for the selected step. */
    private void redraw() {
        IManagedForm managed = getManagedForm();
        managed.getMessageManager().removeMessages();
        rmsChart.clear();
        deltaChart.clear();
        TransferFormats.columns(slopes, Messages.CoordinateCheckPage_colLayer,
                Messages.CoordinateCheckPage_colRmsSlope, Messages.CoordinateCheckPage_colDeltaSlope);
        CoordinateCheck check = pending.check();
        if (pending.error() != null) {
            managed.getMessageManager().addMessage("load", NLS.bind(Messages.TransferEditor_loadFailed,
                    pending.error()), null, IMessageProvider.ERROR);
        } else if (check == null || check.isEmpty()) {
            managed.getMessageManager().addMessage("empty", Messages.CoordinateCheckPage_noCaptures, null,
                    IMessageProvider.INFORMATION);
        } else {
            int s = Math.max(0, step.getSelectionIndex());
            double[] widths = check.widths();
            // the widths of the sweep, not round numbers between them, are what the x axis names
            rmsChart.setXTicks(widths);
            deltaChart.setXTicks(widths);
            List<String> layers = check.layers();
            for (int l = 0; l < layers.size(); l++) {
                String layer = layers.get(l);
                addFinite(rmsChart, layer, widths, check.rms(l, s), l);
                addFinite(deltaChart, layer, widths, check.delta(l, s), l);
                TransferFormats.row(slopes, layer, TransferFormats.fixed(check.slope(l, s, false)),
                        TransferFormats.fixed(check.slope(l, s, true)));
            }
        }
        TransferFormats.pack(slopes);
        rmsChart.refresh();
        deltaChart.refresh();
        notes.setText(check == null || check.notes().isEmpty() ? ""
                : NLS.bind(Messages.CoordinateCheckPage_notes, String.join("; ", check.notes())));
        managed.getForm().reflow(true);
    }

    /** A line through the points of a curve that exist (a width may lack a capture of this step). */
    private static void addFinite(PlotChart chart, String layer, double[] x, double[] y, int colour) {
        int[] keep = java.util.stream.IntStream.range(0, x.length).filter(i -> Double.isFinite(y[i])).toArray();
        if (keep.length > 0) {
            chart.addLine(layer, layer, java.util.Arrays.stream(keep).mapToDouble(i -> x[i]).toArray(),
                    java.util.Arrays.stream(keep).mapToDouble(i -> y[i]).toArray(), Palette.colour(colour));
        }
    }

    /** Selects a captured step by index and redraws (for tests and keyboard users alike). */
    void selectStep(int index) {
        step.select(index);
        redraw();
    }

    /** The log-log slope table (for tests). */
    Table slopeTable() {
        return slopes;
    }

    /** The change-from-initialisation chart (for tests). */
    PlotChart deltaChart() {
        return deltaChart;
    }

    /** The area holding both charts (for tests). */
    ChartArea chartArea() {
        return charts;
    }

    /** The RMS chart (for tests). */
    PlotChart rmsChart() {
        return rmsChart;
    }

    /** The learning-rate chooser (for tests). */
    Combo lrCombo() {
        return lr;
    }
}
