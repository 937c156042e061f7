package org.lmworkbench.analysis.fit;

import java.util.stream.IntStream;
import org.lmworkbench.analysis.spectral.ProgressSink;

/**
 * Fits a {@link ScalingLawForm} by minimising the {@link HuberLogObjective} with
 * {@link LbfgsMinimizer} from every start of a {@link StartGrid}, keeping the best.
 *
 * <p>Determinism: each start is an independent computation whose result is written to its own
 * slot; the best is then chosen sequentially by (objective, start index). Running the starts on
 * a parallel stream therefore gives bit-identical results to the sequential run.
 */
public final class MultiStartFitter {

    /**
     * Fit settings.
     *
     * @param huberDelta Huber threshold on log residuals (Epoch/Hoffmann: 1e-3)
     * @param optimizer L-BFGS settings for the grid phase (every start)
     * @param polish L-BFGS settings for the polish phase
     * @param polishWindow relative objective window: after the grid phase, every start whose
     *        objective is within {@code polishWindow * |best|} of the best is continued with the
     *        {@code polish} settings
     * @param reachTolerance relative objective tolerance for counting starts that reached the
     *        best (see {@link MultiStartResult})
     * @param parallel run starts on a parallel stream (results do not depend on this)
     */
    public record Options(double huberDelta, LbfgsMinimizer.Settings optimizer,
            LbfgsMinimizer.Settings polish, double polishWindow, double reachTolerance,
            boolean parallel) {

        /**
         * Defaults: delta 1e-3; grid phase with relative value tolerance 1e-6 and gradient
         * tolerance 1e-6 (about what scipy's L-BFGS-B defaults, used by Epoch, amount to for
         * objectives of order 1e-3); polish phase with 1e-13 / 1e-11 for starts within 1e-3 of
         * the best; reach tolerance 1e-6; parallel.
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(HuberLogObjective.DEFAULT_DELTA,
                    new LbfgsMinimizer.Settings(10, 2000, 1e-6, 1e-6, 30),
                    new LbfgsMinimizer.Settings(10, 5000, 1e-11, 1e-13, 30),
                    1e-3, 1e-6, true);
        }

        /**
         * @param parallelStarts whether to run starts in parallel
         * @return a copy with the parallel flag replaced
         */
        public Options withParallel(boolean parallelStarts) {
            return new Options(huberDelta, optimizer, polish, polishWindow, reachTolerance,
                    parallelStarts);
        }
    }

    private final ScalingLawForm form;
    private final Options options;
    private final LbfgsMinimizer minimizer;
    private final LbfgsMinimizer polisher;

    /**
     * @param form the law to fit
     * @param options fit settings
     */
    public MultiStartFitter(ScalingLawForm form, Options options) {
        this.form = form;
        this.options = options;
        this.minimizer = new LbfgsMinimizer(options.optimizer());
        this.polisher = new LbfgsMinimizer(options.polish());
    }

    /** @return the fitted form. */
    public ScalingLawForm form() {
        return form;
    }

    /** @return the settings. */
    public Options options() {
        return options;
    }

    /**
     * Fits from the form's default grid.
     *
     * @param data the points
     * @return the multistart result
     */
    public MultiStartResult fit(ScalingDataset data) {
        return fit(data, form.defaultGrid(data));
    }

    /**
     * Fits from the given grid.
     *
     * @param data the points
     * @param grid starts in internal coordinates
     * @return the multistart result
     * @throws ScalingDataException if there are fewer points than parameters
     */
    public MultiStartResult fit(ScalingDataset data, StartGrid grid) {
        requireEnoughPoints(data);
        return fit(data, null, grid, options.parallel());
    }

    /** Fails when the data cannot determine the form's parameters. */
    void requireEnoughPoints(ScalingDataset data) {
        int p = form.parameterCount();
        if (data.size() < p) {
            throw ScalingDataException.tooFewPoints(data.source(), data.size(), form.name(),
                    form.parameterNames());
        }
    }

    /**
     * Core multistart, public so that callers can fit bootstrap resamples one at a time (for
     * progress and cancellation) exactly as {@link BootstrapEstimator} does.
     *
     * @param data the points
     * @param counts bootstrap multiplicities per point, or {@code null} for weight 1 each
     * @param grid starts in internal coordinates
     * @param parallel run the starts on a parallel stream (results do not depend on this)
     * @return the multistart result
     */
    public MultiStartResult fit(ScalingDataset data, int[] counts, StartGrid grid, boolean parallel) {
        return fit(data, counts, grid, parallel, ProgressSink.NONE);
    }

    /**
     * Fits from the given grid with optional resampling weights, reporting progress: the sink is
     * told {@code begin("multistart", starts)}, then {@code begin("polish", startsInWindow)}, and
     * one unit of work per finished start in each phase. The result does not depend on the sink.
     *
     * @param data the points
     * @param counts bootstrap multiplicities per point, or {@code null} for weight 1 each
     * @param grid starts in internal coordinates
     * @param parallel run the starts on a parallel stream (results do not depend on this)
     * @param sink progress and cancellation, e.g. {@link ProgressSink#NONE}
     * @return the multistart result
     * @throws java.util.concurrent.CancellationException if the sink asked to cancel
     */
    public MultiStartResult fit(ScalingDataset data, int[] counts, StartGrid grid, boolean parallel,
            ProgressSink sink) {
        if (grid.dimension() != form.parameterCount()) {
            throw new IllegalArgumentException("grid has " + grid.dimension()
                    + " coordinates but form '" + form.name() + "' has " + form.parameterCount());
        }
        int n = grid.size();
        LbfgsMinimizer.Result[] results = new LbfgsMinimizer.Result[n];
        sink.begin("multistart", n);
        SlicedWork.run(IntStream.range(0, n).toArray(), parallel, sink, i -> results[i] = minimizer.minimize(
                new HuberLogObjective(form, data, counts, options.huberDelta()), grid.start(i)));
        // Polish phase: a loose grid tolerance keeps the 4500-start grid cheap, and only the
        // starts that ended near the best are worth refining to full precision.
        double gridBest = Double.POSITIVE_INFINITY;
        for (LbfgsMinimizer.Result r : results) {
            if (Double.isFinite(r.value())) {
                gridBest = Math.min(gridBest, r.value());
            }
        }
        double window = gridBest + options.polishWindow() * Math.abs(gridBest);
        int[] toPolish = IntStream.range(0, n).filter(i -> results[i].value() <= window).toArray();
        sink.begin("polish", toPolish.length);
        SlicedWork.run(toPolish, parallel, sink, i -> {
            LbfgsMinimizer.Result first = results[i];
            LbfgsMinimizer.Result second = polisher.minimize(
                    new HuberLogObjective(form, data, counts, options.huberDelta()), first.point());
            results[i] = new LbfgsMinimizer.Result(second.point(), second.value(),
                    second.gradientNorm(), first.iterations() + second.iterations(),
                    first.evaluations() + second.evaluations(), second.status());
        });
        int bestIndex = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        double[] finals = new double[n];
        double[][] points = new double[n][];
        long evaluations = 0;
        for (int i = 0; i < n; i++) {
            double v = results[i].value();
            finals[i] = Double.isFinite(v) ? v : Double.NaN;
            points[i] = results[i].point();
            evaluations += results[i].evaluations();
            // Strict '<' in index order: ties go to the lowest start index.
            if (Double.isFinite(v) && v < bestValue) {
                bestValue = v;
                bestIndex = i;
            }
        }
        if (bestIndex < 0) {
            throw new IllegalStateException(data.source() + ": no start of " + n
                    + " gave a finite objective for form '" + form.name() + "'");
        }
        LbfgsMinimizer.Result best = results[bestIndex];
        int reaching = MultiStartResult.countReaching(finals, bestValue, options.reachTolerance());
        return new MultiStartResult(new FittedLaw(form, best.point()), bestValue, bestIndex, n,
                reaching, options.reachTolerance(), finals, points, best.status(), best.gradientNorm(),
                evaluations);
    }
}
