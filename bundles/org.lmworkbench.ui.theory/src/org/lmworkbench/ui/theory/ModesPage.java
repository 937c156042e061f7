package org.lmworkbench.ui.theory;

import java.util.List;
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
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.charts.Palette;
import org.lmworkbench.ui.charts.PlotChart;

/**
 * Page 2 of the theory editor: the measured projections {@code u_k} of the network's end-to-end map
 * onto the top singular modes of the data's input-output correlation (points), with the sigmoid
 * Saxe et al. predict for each from its measured start and the run's learning rate (line), and a
 * table of strengths, starts and predicted against measured half-times with their difference. A
 * mode whose start is not small has no prediction: the table says so.
 */
final class ModesPage extends FormPage {

    /** Page id. */
    static final String ID = "org.lmworkbench.ui.editors.theory.modes";

    private PlotChart chart;
    private Table table;
    private TheoryData pending;
    private String pendingError;
    private boolean received;

    ModesPage(TheoryEditor editor) {
        super(editor, ID, Messages.ModesPage_tab);
    }

    @Override
    protected void createFormContent(IManagedForm managed) {
        ScrolledForm form = managed.getForm();
        FormToolkit toolkit = managed.getToolkit();
        form.setText(Messages.ModesPage_title);
        toolkit.decorateFormHeading(form.getForm());
        Composite body = form.getBody();
        body.setLayout(new GridLayout(1, false));
        chart = new PlotChart(body, SWT.NONE);
        chart.setTitle(Messages.ModesPage_chart);
        chart.setAxisTitles(Messages.TheoryEditor_step, Messages.ModesPage_yAxis);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 380;
        chart.setLayoutData(data);
        ExportMenu.attach(chart, chart);
        Section section = toolkit.createSection(body, Section.TITLE_BAR | Section.DESCRIPTION);
        section.setText(Messages.ModesPage_table);
        section.setDescription(Messages.ModesPage_tableDescription);
        section.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = toolkit.createTable(section, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String header : new String[] {Messages.ModesPage_colMode, Messages.ModesPage_colStrength,
            Messages.ModesPage_colStart, Messages.ModesPage_colPredicted, Messages.ModesPage_colMeasured,
            Messages.ModesPage_colDifference, Messages.ModesPage_colNote}) {
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
        } else if (data.modes().isEmpty()) {
            managed.getMessageManager().addMessage("empty", Messages.ModesPage_empty, null,
                    IMessageProvider.INFORMATION);
        } else {
            double[] steps = data.steps();
            List<TheoryData.Mode> modes = data.modePredictions();
            for (int k = 0; k < modes.size(); k++) {
                TheoryData.Mode m = modes.get(k);
                String name = Integer.toString(k + 1);
                chart.addPoints("measured-" + k, NLS.bind(Messages.ModesPage_measuredSeries, name,
                        TheoryFormats.number(m.strength())), steps, data.measured(k), Palette.colour(k));
                if (m.curve() != null) {
                    chart.addLine("predicted-" + k, NLS.bind(Messages.ModesPage_predictedSeries, name), steps,
                            m.curve(), Palette.colour(k));
                }
                new TableItem(table, SWT.NONE).setText(new String[] {name, TheoryFormats.number(m.strength()),
                    TheoryFormats.number(m.start()), TheoryFormats.steps(m.predicted()),
                    TheoryFormats.steps(m.measured()), TheoryFormats.percent(m.measured(), m.predicted()), m.note()});
            }
        }
        for (TableColumn c : table.getColumns()) {
            c.pack();
        }
        chart.refresh();
        managed.getForm().reflow(true);
    }

    /** The chart (for tests). */
    PlotChart chart() {
        return chart;
    }

    /** The half-time table (for tests). */
    Table table() {
        return table;
    }
}
