package org.lmworkbench.workspace.fit;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.lmworkbench.analysis.fit.BootstrapEstimator;
import org.lmworkbench.analysis.fit.BootstrapResult;
import org.lmworkbench.analysis.fit.MultiStartFitter;
import org.lmworkbench.analysis.fit.MultiStartResult;
import org.lmworkbench.analysis.fit.ScalingDataset;
import org.lmworkbench.analysis.fit.StartGrid;
import org.lmworkbench.analysis.spectral.ProgressSink;

/**
 * Runs a {@link MultiStartFitter}'s multistart and a {@link BootstrapEstimator}'s resamples with an
 * Eclipse progress monitor: the analysis classes report through a {@link ProgressSink} (sliced
 * work, cancellation between slices), and this class adapts the monitor to it. The numbers are
 * those of {@code fitter.fit(data, grid)} and {@code new BootstrapEstimator(fitter).run(...)}:
 * the sink only decides how the work is sliced, never what is computed.
 */
final class ProgressiveFit {

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
        // The grid phase is most of the work; the polish phase refines the few starts near the best.
        MonitorSink sink = new MonitorSink(monitor, 85, 15);
        return cancellable(() -> fitter.fit(data, null, grid, fitter.options().parallel(), sink));
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
        StartGrid starts = BootstrapEstimator.refitStarts(fit, BootstrapEstimator.DEFAULT_EXTRA_OPTIMA);
        MonitorSink sink = new MonitorSink(monitor, 100);
        return cancellable(() -> new BootstrapEstimator(fitter).run(data, resamples, seed, starts, sink));
    }

    private static <T> T cancellable(Supplier<T> work) {
        try {
            return work.get();
        } catch (CancellationException e) {
            throw new OperationCanceledException();
        }
    }

    /** A monitor seen as a sink: each announced phase gets the next share of the monitor's work. */
    private static final class MonitorSink implements ProgressSink {
        private final SubMonitor progress;
        private final int[] shares;
        private int phase;
        private SubMonitor current;

        MonitorSink(IProgressMonitor monitor, int... shares) {
            this.progress = SubMonitor.convert(monitor, Arrays.stream(shares).sum());
            this.shares = shares;
            this.current = progress;
        }

        @Override
        public void begin(String taskName, long units) {
            int share = phase < shares.length ? shares[phase++] : 0;
            current = progress.split(share).setWorkRemaining((int) Math.min(Integer.MAX_VALUE, units));
        }

        @Override
        public void worked(int units) {
            current.worked(units);
        }

        @Override
        public boolean isCanceled() {
            return progress.isCanceled();
        }
    }
}
