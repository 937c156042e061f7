package org.lmworkbench.ui.sharpness;

import java.io.IOException;
import java.util.List;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.IMessageManager;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.lmworkbench.analysis.eos.EdgeOfStabilityResult;
import org.lmworkbench.analysis.eos.SharpnessSample;
import org.lmworkbench.ui.charts.ChartLayouts;
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.charts.ExportTarget;
import org.lmworkbench.ui.charts.PlotChart;

/**
 * Page 1 of the sharpness editor: the top-k eigenvalues against the step with the optimizer's
 * threshold and the loss, the detected end of progressive sharpening as a marker, and the
 * edge-of-stability numbers under the chart (and in its CSV export). It follows the run's files
 * while they grow ({@link SharpnessRefreshJob}); read errors appear in the form's message area,
 * naming file and line, and leave what was already shown in place. In a narrow editor the page
 * scrolls rather than shrinking the chart below its minimum.
 */
final class SharpnessPage extends FormPage {

    static final String ID = "org.lmworkbench.ui.editors.sharpness.page";
    private static final String READ_ERROR_KEY = "read";

    private final RunSharpnessData data;
    private SharpnessChart chart;
    private SharpnessNumbersSection numbers;
    private SharpnessRefreshJob refresh;
    private EdgeOfStabilityResult result;
    private int updates;

    SharpnessPage(SharpnessEditor editor, RunSharpnessData data) {
        super(editor, ID, Messages.SharpnessPage_title);
        this.data = data;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        FormToolkit toolkit = managedForm.getToolkit();
        form.setText(NLS.bind(Messages.SharpnessPage_formTitle, data.runDir().getFileName()));
        toolkit.decorateFormHeading(form.getForm());
        Composite body = form.getBody();
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(body);

        PlotChart plot = new PlotChart(body, SWT.NONE);
        toolkit.adapt(plot);
        plot.setLayoutData(ChartLayouts.chart(420));
        chart = new SharpnessChart(plot);
        ExportTarget target = new ExportTarget(data::runDir, "sharpness-" + data.runDir().getFileName());
        ExportMenu.attach(plot, plot, target);
        ExportMenu.contribute(form.getToolBarManager(), plot, form.getShell(), target);
        form.getToolBarManager().update(true);

        numbers = new SharpnessNumbersSection(body, toolkit, data.detector().fraction());
        // the description and the values wrap: a small preferred width keeps the page from
        // asking for more than the editor has
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(numbers.control());

        refresh = editor().schedule(new SharpnessRefreshJob(data, this::post, this::postError));
    }

    private SharpnessEditor editor() {
        return (SharpnessEditor) getEditor();
    }

    private void post(RunSharpnessData.Update update) {
        editor().inUi(() -> {
            if (chart != null && !chart.chart().isDisposed()) {
                show(update);
            }
        });
    }

    private void postError(IOException e) {
        editor().inUi(() -> {
            if (chart != null && !chart.chart().isDisposed()) {
                messages().addMessage(READ_ERROR_KEY,
                        NLS.bind(Messages.SharpnessPage_readError, e.getMessage()), null, IMessageProvider.ERROR);
            }
        });
    }

    private void show(RunSharpnessData.Update update) {
        messages().removeMessage(READ_ERROR_KEY);
        chart.apply(update);
        result = update.result();
        List<SharpnessSample> all = update.all();
        String kind = all.isEmpty() ? "" : all.get(all.size() - 1).thresholdKind();
        numbers.show(result, kind);
        chart.chart().setScalars(SharpnessNumbersSection.scalars(result));
        // the values' lengths changed: the scrolled page has to measure them again
        getManagedForm().reflow(true);
        if (all.isEmpty()) {
            messages().addMessage(READ_ERROR_KEY, NLS.bind(Messages.SharpnessPage_noSamples, data.sharpnessFile()),
                    null, IMessageProvider.INFORMATION);
        }
        updates++;
    }

    private IMessageManager messages() {
        return getManagedForm().getMessageManager();
    }

    @Override
    public void dispose() {
        if (refresh != null) {
            refresh.stop();
        }
        super.dispose();
    }

    /** The chart (for tests and export). */
    PlotChart plot() {
        return chart == null ? null : chart.chart();
    }

    /** Eigenvalue series shown. */
    int eigenvalueSeries() {
        return chart == null ? 0 : chart.k();
    }

    /** The numbers section. */
    SharpnessNumbersSection numbers() {
        return numbers;
    }

    /** The detection last shown, null before the first read. */
    EdgeOfStabilityResult result() {
        return result;
    }

    /** How many updates the page has shown (the first read counts). */
    int updates() {
        return updates;
    }
}
