package org.lmworkbench.ui.theory;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.lmworkbench.core.run.FeaturesLine;
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.charts.Palette;
import org.lmworkbench.ui.charts.PlotChart;

/**
 * Page 1 of the theory editor: per layer, the correlation of {@code W^T W} with the FACT right-hand
 * side {@code -(1/(n lambda)) sum_i g_i h_i^T} (solid) and with the square root of the AGOP (the
 * neural feature ansatz) against step, and the last line's values in a table. FACT holds exactly at
 * a critical point of the weight-decayed loss, so its correlation reaching 1 marks convergence.
 */
final class FeaturesPage extends FormPage {

    /** Page id. */
    static final String ID = "org.lmworkbench.ui.editors.theory.features";

    private PlotChart chart;
    private Table table;
    private TheoryData pending;
    private String pendingError;
    private boolean received;

    FeaturesPage(TheoryEditor editor) {
        super(editor, ID, Messages.FeaturesPage_tab);
    }

    @Override
    protected void createFormContent(IManagedForm managed) {
        ScrolledForm form = managed.getForm();
        FormToolkit toolkit = managed.getToolkit();
        form.setText(Messages.FeaturesPage_title);
        toolkit.decorateFormHeading(form.getForm());
        Composite body = form.getBody();
        body.setLayout(new GridLayout(1, false));
        chart = new PlotChart(body, SWT.NONE);
        chart.setTitle(Messages.FeaturesPage_chart);
        chart.setAxisTitles(Messages.TheoryEditor_step, Messages.FeaturesPage_yAxis);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 380;
        chart.setLayoutData(data);
        ExportMenu.attach(chart, chart);
        Section section = toolkit.createSection(body, Section.TITLE_BAR | Section.DESCRIPTION);
        section.setText(Messages.FeaturesPage_table);
        section.setDescription(Messages.FeaturesPage_tableDescription);
        section.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = toolkit.createTable(section, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String header : new String[] {Messages.FeaturesPage_colLayer, Messages.FeaturesPage_colFact,
            Messages.FeaturesPage_colResidual, Messages.FeaturesPage_colNfa}) {
            new TableColumn(table, SWT.LEFT).setText(header);
        }
        section.setClient(table);
        ExportMenu.contribute(form.getToolBarManager(), chart, form.getShell());
        form.updateToolBar();
        if (received) {
            show(pending, pendingError);
        }
    }

    /** Shows a read of the run (kept until the page's controls exist). */
    void show(TheoryData data, String error) {
        pending = data;
        pendingError = error;
        received = true;
        if (chart == null || chart.isDisposed()) {
            return;
        }
        IManagedForm managed = getManagedForm();
        managed.getMessageManager().removeMessages();
        chart.clear();
        table.removeAll();
        if (error != null) {
            managed.getMessageManager().addMessage("load", NLS.bind(Messages.TheoryEditor_loadFailed, error), null,
                    IMessageProvider.ERROR);
        } else if (data.features().isEmpty()) {
            managed.getMessageManager().addMessage("empty", Messages.FeaturesPage_empty, null,
                    IMessageProvider.INFORMATION);
        } else {
            List<String> layers = data.featureLayers();
            for (int l = 0; l < layers.size(); l++) {
                String layer = layers.get(l);
                line(data, "fact-" + layer, NLS.bind(Messages.FeaturesPage_factSeries, layer), layer,
                        FeaturesLine::fact, l);
                line(data, "nfa-" + layer, NLS.bind(Messages.FeaturesPage_nfaSeries, layer), layer,
                        FeaturesLine::nfa, l);
            }
            FeaturesLine last = data.features().get(data.features().size() - 1);
            for (String layer : layers) {
                new TableItem(table, SWT.NONE).setText(new String[] {layer, value(last.fact(), layer),
                    value(last.factResidual(), layer), value(last.nfa(), layer)});
            }
        }
        for (TableColumn c : table.getColumns()) {
            c.pack();
        }
        chart.refresh();
        managed.getForm().reflow(true);
    }

    private static String value(Map<String, Double> byLayer, String layer) {
        Double v = byLayer.get(layer);
        return v == null ? TheoryFormats.NONE : TheoryFormats.number(v);
    }

    private void line(TheoryData data, String id, String label, String layer,
            Function<FeaturesLine, Map<String, Double>> which, int colour) {
        double[] x = data.features().stream().filter(f -> which.apply(f).containsKey(layer))
                .mapToDouble(FeaturesLine::step).toArray();
        double[] y = data.features().stream().filter(f -> which.apply(f).containsKey(layer))
                .mapToDouble(f -> which.apply(f).get(layer)).toArray();
        if (x.length > 0) {
            chart.addLine(id, label, x, y, Palette.colour(colour));
        }
    }

    /** The chart (for tests). */
    PlotChart chart() {
        return chart;
    }

    /** The table of the last line (for tests). */
    Table table() {
        return table;
    }
}
