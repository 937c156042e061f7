package org.lmworkbench.ui.sharpness;

import java.util.List;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.RGB;
import org.lmworkbench.analysis.eos.EdgeOfStabilityResult;
import org.lmworkbench.analysis.eos.SharpnessSample;
import org.lmworkbench.ui.charts.Palette;
import org.lmworkbench.ui.charts.PlotChart;

/**
 * Draws a run's sharpness on a {@link PlotChart}: one line per top-k eigenvalue
 * ({@code lambda1..lambdaK}), the threshold recorded with every sample ({@code threshold}; a
 * line rather than a constant, so a learning-rate schedule shows), the training loss on the
 * secondary axis as {@code log10(loss)} ({@code loss}; PlotChart's log switch acts on both y axes
 * together, and the eigenvalues belong on a linear one) and a vertical marker at the end of
 * progressive sharpening ({@code end-of-sharpening}). New samples are appended, not redrawn from
 * scratch.
 */
final class SharpnessChart {

    /** Series id of the i-th eigenvalue, 1-based. */
    static String lambdaId(int i) {
        return "lambda" + i;
    }

    static final String THRESHOLD = "threshold";
    static final String LOSS = "loss";
    static final String END_MARKER = "end-of-sharpening";

    private static final RGB THRESHOLD_COLOUR = new RGB(200, 30, 30);
    private static final RGB LOSS_COLOUR = new RGB(120, 120, 120);
    private static final RGB MARKER_COLOUR = new RGB(40, 40, 40);

    private final PlotChart chart;
    private int k;
    private long lastStep = Long.MIN_VALUE;
    private boolean hasLoss;
    private long markerStep = -1;

    SharpnessChart(PlotChart chart) {
        this.chart = chart;
        chart.setTitle(Messages.SharpnessPage_chartTitle);
        chart.setAxisTitles(Messages.SharpnessPage_axisStep, Messages.SharpnessPage_axisSharpness);
        chart.setSecondaryAxisTitle(Messages.SharpnessPage_axisLoss);
        chart.setLegendVisible(true);
    }

    /** The chart drawn on. */
    PlotChart chart() {
        return chart;
    }

    /** Number of eigenvalue series. */
    int k() {
        return k;
    }

    /**
     * Adds what a poll found and redraws.
     *
     * @param update the new samples and loss points, with all samples so far
     */
    void apply(RunSharpnessData.Update update) {
        List<SharpnessSample> added = update.samples();
        boolean rebuild = false;
        for (SharpnessSample s : added) {
            rebuild |= s.step() <= lastStep || s.k() > k;
        }
        if (rebuild) {
            // A step written again (a resumed run) or more eigenvalues than before: redraw from all samples.
            for (int i = 1; i <= k; i++) {
                chart.removeSeries(lambdaId(i));
            }
            chart.removeSeries(THRESHOLD);
            k = update.all().stream().mapToInt(SharpnessSample::k).max().orElse(0);
            lastStep = Long.MIN_VALUE;
            addSamples(update.all(), true);
        } else if (!added.isEmpty()) {
            addSamples(added, false);
        }
        addLoss(update.lossSteps(), update.loss());
        placeMarker(update.result());
        chart.refresh();
    }

    private void addSamples(List<SharpnessSample> samples, boolean create) {
        if (samples.isEmpty()) {
            return;
        }
        for (int i = 1; i <= k; i++) {
            int index = i - 1;
            double[][] xy = points(samples, s -> s.eigenvalue(index));
            if (create) {
                chart.addLine(lambdaId(i), NLS.bind(Messages.SharpnessPage_lambda, i), xy[0], xy[1],
                        Palette.colour(index));
            } else {
                chart.appendData(lambdaId(i), xy[0], xy[1]);
            }
        }
        double[][] threshold = points(samples, SharpnessSample::threshold);
        if (create) {
            String kind = samples.get(samples.size() - 1).thresholdKind();
            chart.addLine(THRESHOLD, NLS.bind(Messages.SharpnessPage_threshold, kind), threshold[0], threshold[1],
                    THRESHOLD_COLOUR);
        } else {
            chart.appendData(THRESHOLD, threshold[0], threshold[1]);
        }
        lastStep = samples.get(samples.size() - 1).step();
    }

    private void addLoss(double[] steps, double[] loss) {
        if (steps.length == 0) {
            return;
        }
        double[] log = new double[loss.length];
        for (int i = 0; i < loss.length; i++) {
            log[i] = Math.log10(loss[i]);
        }
        if (hasLoss) {
            chart.appendData(LOSS, steps, log);
            return;
        }
        chart.addLine(LOSS, Messages.SharpnessPage_loss, steps, log, LOSS_COLOUR, true);
        hasLoss = true;
    }

    private void placeMarker(EdgeOfStabilityResult result) {
        long step = result.reached() ? result.endOfSharpeningStep() : -1;
        if (step == markerStep) {
            return;
        }
        if (markerStep >= 0) {
            chart.removeSeries(END_MARKER);
        }
        if (step >= 0) {
            chart.addVerticalLine(END_MARKER, Messages.SharpnessPage_endMarker, step, MARKER_COLOUR);
        }
        markerStep = step;
    }

    /** The finite points of one quantity of the samples, as {x[], y[]}. */
    private static double[][] points(List<SharpnessSample> samples, java.util.function.ToDoubleFunction<SharpnessSample> f) {
        double[] x = new double[samples.size()];
        double[] y = new double[samples.size()];
        int n = 0;
        for (SharpnessSample s : samples) {
            double v = f.applyAsDouble(s);
            if (Double.isFinite(v)) {
                x[n] = s.step();
                y[n++] = v;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n)};
    }
}
