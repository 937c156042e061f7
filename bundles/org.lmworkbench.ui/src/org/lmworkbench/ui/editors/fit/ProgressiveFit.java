package org.lmworkbench.ui.editors.fit;

import java.util.stream.IntStream;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.lmworkbench.analysis.fit.BootstrapEstimator;
import org.lmworkbench.analysis.fit.BootstrapResult;
import org.lmworkbench.analysis.fit.FittedLaw;
import org.lmworkbench.analysis.fit.HuberLogObjective;
import org.lmworkbench.analysis.fit.LbfgsMinimizer;
import org.lmworkbench.analysis.fit.MultiStartFitter;
import org.lmworkbench.analysis.fit.MultiStartResult;
import org.lmworkbench.analysis.fit.ScalingDataset;
import org.lmworkbench.analysis.fit.StartGrid;

/**
 * Runs a {@link MultiStartFitter}'s multistart and a {@link BootstrapEstimator}'s resamples in
 * slices, reporting progress and checking for cancellation between slices.
 *
 * <p>The multistart cannot be sliced through {@link MultiStartFitter#fit(ScalingDataset,
 * StartGrid)}: its polish phase depends on the best of <em>all</em> grid starts. So this class
 * performs the same two phases with the fitter's own settings: every start minimised with the
 * grid settings (each start independent), then every start within the polish window of the
 * grid best continued with the polish settings, then the best chosen by (objective, start
 * index). Each start's computation is the same call on the same inputs as in the fitter, so the
 * result is identical to {@code fitter.fit(data, grid)} (tests compare them). Resamples are
 * independent too: resample {@code r} is fitted exactly as {@link BootstrapEstimator#run} does.
 */
final class ProgressiveFit {

    /** Slices per phase: enough for a smooth progress bar and prompt cancellation. */
    private static final int SLICES = 50;

    private final MultiStartFitter fitter;

    ProgressiveFit(MultiStartFitter fitter) {
        this.fitter = fitter;
    }

    /**
     * The multistart fit, the same as {@code fitter.fit(data, grid)}.
     *
     * @param data the points
     * @param grid the starts
     * @param monitor progress and cancellation (the caller's share of work)
     * @return the result
     * @throws OperationCanceledException when cancelled
     */
    MultiStartResult fit(ScalingDataset data, StartGrid grid, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, 100);
        MultiStartFitter.Options o = fitter.options();
        int n = grid.size();
        LbfgsMinimizer.Result[] results = new LbfgsMinimizer.Result[n];
        LbfgsMinimizer minimizer = new LbfgsMinimizer(o.optimizer());
        int[] all = IntStream.range(0, n).toArray();
        sliced(all, progress.split(85), i -> results[i] = minimizer.minimize(
                new HuberLogObjective(fitter.form(), data, null, o.huberDelta()), grid.start(i)));
        double gridBest = Double.POSITIVE_INFINITY;
        for (LbfgsMinimizer.Result r : results) {
            if (Double.isFinite(r.value())) {
                gridBest = Math.min(gridBest, r.value());
            }
        }
        double window = gridBest + o.polishWindow() * Math.abs(gridBest);
        int[] toPolish = IntStream.range(0, n).filter(i -> results[i].value() <= window).toArray();
        LbfgsMinimizer polisher = new LbfgsMinimizer(o.polish());
        sliced(toPolish, progress.split(15), i -> {
            LbfgsMinimizer.Result first = results[i];
            LbfgsMinimizer.Result second = polisher.minimize(
                    new HuberLogObjective(fitter.form(), data, null, o.huberDelta()), first.point());
            results[i] = new LbfgsMinimizer.Result(second.point(), second.value(),
                    second.gradientNorm(), first.iterations() + second.iterations(),
                    first.evaluations() + second.evaluations(), second.status());
        });
        return best(data, results);
    }

    private MultiStartResult best(ScalingDataset data, LbfgsMinimizer.Result[] results) {
        int n = results.length;
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
            if (Double.isFinite(v) && v < bestValue) {
                bestValue = v;
                bestIndex = i;
            }
        }
        if (bestIndex < 0) {
            throw new IllegalStateException(data.source() + ": no start of " + n
                    + " gave a finite objective for form '" + fitter.form().name() + "'");
        }
        double tolerance = fitter.options().reachTolerance();
        int reaching = 0;
        for (double f : finals) {
            if (f - bestValue <= tolerance * Math.abs(bestValue)) {
                reaching++;
            }
        }
        LbfgsMinimizer.Result best = results[bestIndex];
        return new MultiStartResult(new FittedLaw(fitter.form(), best.point()), bestValue,
                bestIndex, n, reaching, tolerance, finals, points, best.status(),
                best.gradientNorm(), evaluations);
    }

    /**
     * The bootstrap, the same as {@code new BootstrapEstimator(fitter).run(data, fit, resamples,
     * seed)}.
     *
     * @param data the points
     * @param fit the multistart fit of {@code data}
     * @param resamples number of resamples (at least 2)
     * @param seed master seed
     * @param monitor progress and cancellation
     * @return the summary
     * @throws OperationCanceledException when cancelled
     */
    BootstrapResult bootstrap(ScalingDataset data, MultiStartResult fit, int resamples, long seed,
            IProgressMonitor monitor) {
        StartGrid starts = BootstrapEstimator.refitStarts(fit,
                BootstrapEstimator.DEFAULT_EXTRA_OPTIMA);
        double[][] estimates = new double[resamples][];
        double[] objectives = new double[resamples];
        sliced(IntStream.range(0, resamples).toArray(), SubMonitor.convert(monitor, 1), r -> {
            int[] counts = BootstrapEstimator.resampleCounts(data.size(), seed, r);
            MultiStartResult f = fitter.fit(data, counts, starts, false);
            estimates[r] = f.best().natural();
            objectives[r] = f.objective();
        });
        return BootstrapResult.summarise(fitter.form().parameterNames(), estimates, objectives,
                seed, starts.size());
    }

    /** Runs {@code task} for every index, slice by slice, parallel inside a slice if asked. */
    private void sliced(int[] indices, IProgressMonitor monitor, java.util.function.IntConsumer task) {
        int slices = Math.max(1, Math.min(SLICES, indices.length));
        SubMonitor progress = SubMonitor.convert(monitor, slices);
        for (int s = 0; s < slices; s++) {
            if (progress.isCanceled()) {
                throw new OperationCanceledException();
            }
            int from = (int) ((long) indices.length * s / slices);
            int to = (int) ((long) indices.length * (s + 1) / slices);
            IntStream slice = IntStream.range(from, to).map(j -> indices[j]);
            if (fitter.options().parallel()) {
                slice = slice.parallel();
            }
            slice.forEach(task);
            progress.worked(1);
        }
        if (progress.isCanceled()) {
            throw new OperationCanceledException();
        }
    }
}
