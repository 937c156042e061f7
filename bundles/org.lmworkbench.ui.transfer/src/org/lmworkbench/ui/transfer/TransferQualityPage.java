package org.lmworkbench.ui.transfer;

import java.util.ArrayList;
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
import org.lmworkbench.analysis.transfer.PowerLawFit;
import org.lmworkbench.analysis.transfer.TransferQuality;
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.charts.Palette;
import org.lmworkbench.ui.charts.PlotChart;

/**
 * Page 3 of the transfer editor: how fast the learning rate transfers. Per width, the suboptimality
 * of the learning rate tuned at the smallest width (loss there minus the width's own optimum) beside
 * the finite-width gap (the width's optimum minus the widest model's), both against width on log-log
 * axes with their fitted power laws, and the two exponents: transfer is fast when the suboptimality
 * falls faster than the gap ({@link TransferQuality}). Losses are read off the grid or off local
 * parabolas, as chosen.
 */
final class TransferQualityPage extends FormPage {

    /** Page id. */
    static final String ID = "org.lmworkbench.ui.editors.transfer.quality";

    private final TransferEditor editor;
    private Combo mode;
    private PlotChart chart;
    private Table rows;
    private Label summary;
    private TransferResult pending;
    private TransferQuality quality;

    TransferQualityPage(TransferEditor editor) {
        super(editor, ID, Messages.TransferEditor_qualityPage);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managed) {
        ScrolledForm form = managed.getForm();
        FormToolkit toolkit = managed.getToolkit();
        form.setText(Messages.TransferQualityPage_title);
        toolkit.decorateFormHeading(form.getForm());
        Composite body = form.getBody();
        body.setLayout(new GridLayout(2, false));

        Section section = toolkit.createSection(body, Section.TITLE_BAR | Section.DESCRIPTION);
        section.setText(Messages.TransferQualityPage_controls);
        section.setDescription(Messages.TransferQualityPage_controlsDescription);
        section.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        Composite client = toolkit.createComposite(section);
        client.setLayout(new GridLayout(2, false));
        section.setClient(client);
        toolkit.createLabel(client, Messages.TransferQualityPage_mode);
        mode = new Combo(client, SWT.DROP_DOWN | SWT.READ_ONLY);
        mode.add(Messages.TransferQualityPage_modeQuadratic);
        mode.add(Messages.TransferQualityPage_modeGrid);
        mode.select(0);
        mode.addListener(SWT.Selection, e -> redraw());

        chart = new PlotChart(body, SWT.NONE);
        chart.setTitle(Messages.TransferQualityPage_chart);
        chart.setAxisTitles(Messages.CoordinateCheckPage_xAxis, Messages.TransferQualityPage_yAxis);
        chart.setLogX(true);
        chart.setLogY(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 340;
        data.widthHint = 460;
        chart.setLayoutData(data);
        ExportMenu.attach(chart, chart);

        Section tableSection = toolkit.createSection(body, Section.TITLE_BAR);
        tableSection.setText(Messages.TransferQualityPage_table);
        tableSection.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        rows = toolkit.createTable(tableSection, SWT.BORDER | SWT.FULL_SELECTION);
        rows.setHeaderVisible(true);
        rows.setLinesVisible(true);
        tableSection.setClient(rows);
        summary = toolkit.createLabel(body, "", SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));

        form.getToolBarManager().add(editor.refreshAction());
        ExportMenu.contribute(form.getToolBarManager(), chart, form.getShell());
        form.updateToolBar();
        if (pending != null) {
            show(pending);
        }
    }

    /** Shows a load's result (kept until the page's controls exist). */
    void show(TransferResult result) {
        pending = result;
        if (chart == null || chart.isDisposed()) {
            return;
        }
        redraw();
    }

    private void redraw() {
        IManagedForm managed = getManagedForm();
        managed.getMessageManager().removeMessages();
        chart.clear();
        TransferFormats.columns(rows, Messages.TransferQualityPage_colWidth, Messages.TransferQualityPage_colOwn,
                Messages.TransferQualityPage_colTransferred, Messages.TransferQualityPage_colSuboptimality,
                Messages.TransferQualityPage_colGap, Messages.TransferQualityPage_colNote);
        quality = null;
        String text = "";
        if (pending.error() != null) {
            managed.getMessageManager().addMessage("load", NLS.bind(Messages.TransferEditor_loadFailed,
                    pending.error()), null, IMessageProvider.ERROR);
        } else if (pending.table() == null || pending.table().isEmpty()) {
            managed.getMessageManager().addMessage("empty", Messages.TransferQualityPage_noRuns, null,
                    IMessageProvider.INFORMATION);
        } else {
            quality = TransferQuality.of(pending.table(), mode.getSelectionIndex() == 1
                    ? TransferQuality.Mode.GRID : TransferQuality.Mode.QUADRATIC);
            List<double[]> sub = new ArrayList<>();
            List<double[]> gap = new ArrayList<>();
            for (TransferQuality.Row r : quality.rows()) {
                TransferFormats.row(rows, TransferFormats.width(r.width()), TransferFormats.number(r.ownLoss()),
                        TransferFormats.number(r.transferredLoss()), TransferFormats.number(r.suboptimality()),
                        TransferFormats.number(r.gap()), r.note());
                if (r.suboptimality() > 0 && Double.isFinite(r.suboptimality())) {
                    sub.add(new double[] {r.width(), r.suboptimality()});
                }
                if (r.gap() > 0 && Double.isFinite(r.gap())) {
                    gap.add(new double[] {r.width(), r.gap()});
                }
            }
            draw("suboptimality", Messages.TransferQualityPage_suboptimality, sub, quality.suboptimality(), 0);
            draw("gap", Messages.TransferQualityPage_gap, gap, quality.gap(), 1);
            text = NLS.bind(Messages.TransferQualityPage_summary, new Object[] {
                TransferFormats.fixed(quality.transferLog2Lr()), exponent(quality.suboptimality()),
                exponent(quality.gap()), verdict()});
        }
        TransferFormats.pack(rows);
        chart.refresh();
        summary.setText(text);
        managed.getForm().reflow(true);
    }

    /** The measured points and, when there is a fit, its power law across the same widths. */
    private void draw(String id, String label, List<double[]> points, PowerLawFit fit, int colour) {
        if (points.isEmpty()) {
            return;
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        chart.addPoints(id, label, x, y, Palette.colour(colour));
        if (fit.points() >= 2 && Double.isFinite(fit.exponent())) {
            double[] fitted = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                fitted[i] = fit.prefactor() * Math.pow(x[i], fit.exponent());
            }
            chart.addLine(id + "-fit", NLS.bind(Messages.TransferQualityPage_fit, label,
                    TransferFormats.fixed(fit.exponent())), x, fitted, Palette.colour(colour));
        }
    }

    private static String exponent(PowerLawFit fit) {
        if (fit.points() < 2 || !Double.isFinite(fit.exponent())) {
            return Messages.TransferQualityPage_noFit;
        }
        return Double.isFinite(fit.exponentError())
                ? TransferFormats.fixed(fit.exponent()) + " \u00b1 " + TransferFormats.fixed(fit.exponentError())
                : TransferFormats.fixed(fit.exponent());
    }

    private String verdict() {
        PowerLawFit s = quality.suboptimality();
        PowerLawFit g = quality.gap();
        if (s.points() < 2 || g.points() < 2 || !Double.isFinite(s.exponent()) || !Double.isFinite(g.exponent())) {
            return Messages.TransferQualityPage_undecided;
        }
        return s.exponent() < g.exponent() ? Messages.TransferQualityPage_fast : Messages.TransferQualityPage_slow;
    }

    /** The row table (for tests). */
    Table table() {
        return rows;
    }

    /** The summary under the table (for tests). */
    String summaryLine() {
        return summary.getText();
    }

    /** The log-log chart (for tests). */
    PlotChart chart() {
        return chart;
    }

    /** The loss-reading chooser: 0 local parabolas, 1 grid (for tests). */
    Combo modeCombo() {
        return mode;
    }

    /** Re-reads with the chosen mode (for tests, which set the combo directly). */
    void modeChanged() {
        redraw();
    }
}
