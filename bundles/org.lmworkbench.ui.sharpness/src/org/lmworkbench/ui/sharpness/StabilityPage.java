package org.lmworkbench.ui.sharpness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.lmworkbench.analysis.theory.zo.BandOccupancy;
import org.lmworkbench.core.run.SharpnessDimensionLine;
import org.lmworkbench.core.run.SharpnessLine;
import org.lmworkbench.ui.charts.ExportMenu;
import org.lmworkbench.ui.charts.PlotChart;

/**
 * Page 3 of the sharpness editor: the stability measures beyond {@code lambda_max}. For a
 * zeroth-order run, the measured trace and {@code lambda_max} against the mean-square band
 * {@code threshold - margin lambda_max <= Tr H <= threshold} (shaded) and the fraction of
 * post-sharpening samples inside it; for any run with the sharpness-dimension probe, the dimension
 * (secondary axis) with the latest value and its standard error. Both files are re-read every
 * two seconds while they grow.
 */
final class StabilityPage extends FormPage {

    static final String ID = "org.lmworkbench.ui.editors.sharpness.stability";
    static final String TRACE = "trace";
    static final String BAND = "band";
    static final String THRESHOLD = "zo-threshold";
    static final String LAMBDA = "lambda-max";
    static final String DIMENSION = "sharpness-dimension";
    private static final String READ_ERROR_KEY = "read";
    private static final long INTERVAL_MS = 2000;

    private final Path runDir;
    private PlotChart plot;
    private Label bandText;
    private Label dimensionText;
    private StabilityData shown;
    private Job refresh;

    StabilityPage(SharpnessEditor editor, Path runDir) {
        super(editor, ID, Messages.StabilityPage_title);
        this.runDir = runDir;
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        FormToolkit toolkit = managedForm.getToolkit();
        form.setText(NLS.bind(Messages.StabilityPage_formTitle, runDir.getFileName()));
        toolkit.decorateFormHeading(form.getForm());
        Composite body = form.getBody();
        // Chart above the numbers: side by side, the chart would get a sliver of a default-size editor.
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(body);

        plot = new PlotChart(body, SWT.NONE);
        toolkit.adapt(plot);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 260).minSize(200, 200).applyTo(plot);
        plot.setTitle(Messages.StabilityPage_chartTitle);
        plot.setAxisTitles(Messages.SharpnessPage_axisStep, Messages.StabilityPage_axisCurvature);
        plot.setSecondaryAxisTitle(Messages.StabilityPage_axisDimension);
        plot.setLegendVisible(true);
        ExportMenu.attach(plot, plot);

        Section section = toolkit.createSection(body, Section.TITLE_BAR | Section.DESCRIPTION);
        section.setText(Messages.StabilityPage_numbers);
        section.setDescription(NLS.bind(Messages.StabilityPage_numbersDescription,
                String.format(Locale.ROOT, "%.1f", BandOccupancy.SHARPENED)));
        Composite numbers = toolkit.createComposite(section);
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(numbers);
        bandText = toolkit.createLabel(numbers, Messages.SharpnessNumbers_none, SWT.WRAP);
        dimensionText = toolkit.createLabel(numbers, Messages.SharpnessNumbers_none, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(bandText);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(dimensionText);
        section.setClient(numbers);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(section);

        Job job = new Job(Messages.StabilityPage_title + ": " + runDir.getFileName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                try {
                    StabilityData data = StabilityData.read(runDir);
                    editor().inUi(() -> {
                        if (plot != null && !plot.isDisposed()) {
                            show(data);
                        }
                    });
                } catch (IOException e) {
                    editor().inUi(() -> {
                        if (plot != null && !plot.isDisposed()) {
                            getManagedForm().getMessageManager().addMessage(READ_ERROR_KEY,
                                    NLS.bind(Messages.SharpnessPage_readError, e.getMessage()), null,
                                    IMessageProvider.ERROR);
                        }
                    });
                }
                if (!monitor.isCanceled()) {
                    schedule(INTERVAL_MS);
                }
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        refresh = editor().schedule(job);
    }

    private SharpnessEditor editor() {
        return (SharpnessEditor) getEditor();
    }

    /** Redraws when the files changed since the last read. */
    void show(StabilityData data) {
        getManagedForm().getMessageManager().removeMessage(READ_ERROR_KEY);
        // The files are append-only: the same counts mean nothing new (lines hold arrays, so no equals).
        if (shown != null && shown.sharpness().size() == data.sharpness().size()
                && shown.dimension().equals(data.dimension())) {
            return;
        }
        shown = data;
        plot.clear();
        List<SharpnessLine> band = data.sharpness().stream().filter(l -> l.zo() != null).toList();
        if (!band.isEmpty()) {
            double[][] low = points(band, l -> l.zo().traceLow(l.eigenvalues()[0]));
            double[][] high = points(band, l -> l.zo().zoThreshold());
            if (low[0].length == high[0].length) {
                plot.addBand(BAND, low[0], low[1], high[1], new RGB(250, 200, 200));
            }
            plot.addLine(THRESHOLD, Messages.StabilityPage_threshold, high[0], high[1], new RGB(200, 30, 30));
            double[][] trace = points(band, l -> l.zo().trace());
            plot.addLine(TRACE, Messages.StabilityPage_trace, trace[0], trace[1], new RGB(30, 90, 200));
            double[][] lambda = points(band, l -> l.eigenvalues()[0]);
            plot.addLine(LAMBDA, Messages.StabilityPage_lambda, lambda[0], lambda[1], new RGB(40, 150, 60));
        }
        if (!data.dimension().isEmpty()) {
            double[] x = data.dimension().stream().mapToDouble(SharpnessDimensionLine::step).toArray();
            double[] y = data.dimension().stream().mapToDouble(SharpnessDimensionLine::value).toArray();
            plot.addLine(DIMENSION, Messages.StabilityPage_dimension, x, y, new RGB(130, 60, 160), true);
        }
        plot.refresh();
        bandText.setText(bandText(data.occupancy(), band));
        dimensionText.setText(dimensionText(data.dimension()));
        if (data.isEmpty()) {
            getManagedForm().getMessageManager().addMessage(READ_ERROR_KEY, Messages.StabilityPage_empty, null,
                    IMessageProvider.INFORMATION);
        }
        bandText.getParent().requestLayout();
    }

    static String bandText(BandOccupancy o, List<SharpnessLine> band) {
        if (o.samples() == 0) {
            return Messages.StabilityPage_noBand;
        }
        if (o.startStep() < 0) {
            return NLS.bind(Messages.StabilityPage_notSharpened, o.samples());
        }
        SharpnessLine last = band.get(band.size() - 1);
        String text = NLS.bind(Messages.StabilityPage_bandValue, new Object[] {o.inside(), o.postSharpening(),
            String.format(Locale.ROOT, "%.0f", 100 * o.fraction()), o.startStep(), o.below(),
            String.format(Locale.ROOT, "%.4g", o.meanTrace()), String.format(Locale.ROOT, "%.4g", o.threshold()),
            last.zo().settings()});
        if (Double.isFinite(last.zo().etaStar())) {
            text += "\n" + NLS.bind(Messages.StabilityPage_etaStar, new Object[] {last.step(),
                String.format(Locale.ROOT, "%.5g", last.zo().etaStar()), String.format(Locale.ROOT, "%.5g", last.lr())});
        }
        return text;
    }

    static String dimensionText(List<SharpnessDimensionLine> lines) {
        if (lines.isEmpty()) {
            return Messages.StabilityPage_noDimension;
        }
        SharpnessDimensionLine l = lines.get(lines.size() - 1);
        return NLS.bind(Messages.StabilityPage_dimensionValue, new Object[] {l.step(),
            String.format(Locale.ROOT, "%.2f", l.value()), String.format(Locale.ROOT, "%.2g", l.standardError()),
            l.method(), l.samples(), l.jStar(), l.dimension(), String.format(Locale.ROOT, "%.4g", l.eta())});
    }

    private static double[][] points(List<SharpnessLine> lines, ToDoubleFunction<SharpnessLine> f) {
        double[] x = new double[lines.size()];
        double[] y = new double[lines.size()];
        int n = 0;
        for (SharpnessLine l : lines) {
            double v = f.applyAsDouble(l);
            if (Double.isFinite(v)) {
                x[n] = l.step();
                y[n++] = v;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n)};
    }

    @Override
    public void dispose() {
        if (refresh != null) {
            refresh.cancel();
        }
        super.dispose();
    }

    /** The chart (for tests). */
    PlotChart plot() {
        return plot;
    }

    /** The band text shown (for tests). */
    String bandText() {
        return bandText == null ? null : bandText.getText();
    }

    /** The dimension text shown (for tests). */
    String dimensionText() {
        return dimensionText == null ? null : dimensionText.getText();
    }
}
