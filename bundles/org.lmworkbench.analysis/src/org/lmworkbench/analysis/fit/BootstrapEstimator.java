package org.lmworkbench.analysis.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.lmworkbench.analysis.spectral.ProgressSink;

/**
 * Nonparametric bootstrap of a multistart scaling-law fit: resample the points with replacement,
 * refit, and summarise the spread of each natural parameter.
 *
 * <p><b>Resampling.</b> Resample {@code r} draws {@code n} indices from a
 * {@link SplittableRandom} seeded with a SplitMix64 mix of ({@code seed}, {@code r}); it is
 * represented as per-point multiplicities, which the Huber objective weights exactly like
 * duplicated rows. Because every resample's generator depends only on (seed, r) and results are
 * stored by index, output is identical whether resamples run sequentially or in parallel.
 *
 * <p><b>Refit starts.</b> Running Epoch's full 4500-start grid per resample would cost hours
 * for 4000 resamples. Instead each resample is refitted from a small start set (see
 * {@link #refitStarts}): the full-data optimum, plus the endpoints of the next-best
 * <em>distinct</em> local optima the full-data grid found (default 4; distinct = objective more
 * than 1e-4 relative apart). A resample perturbs the landscape only mildly, so its global
 * optimum lies in the basin of one of these points; the test suite checks that, on a sample of
 * resamples, this reaches the same objective as the full grid.
 */
public final class BootstrapEstimator {

    /** Default number of extra local optima used as refit starts. */
    public static final int DEFAULT_EXTRA_OPTIMA = 4;
    /** Relative objective gap that makes two local optima "distinct". */
    public static final double DISTINCT_OPTIMUM_GAP = 1e-4;

    private final MultiStartFitter fitter;

    /** @param fitter the fitter (form and options) used for every refit */
    public BootstrapEstimator(MultiStartFitter fitter) {
        this.fitter = fitter;
    }

    /**
     * The default refit start set: full-data optimum first, then up to {@code extraOptima}
     * endpoints of distinct next-best local optima from the full-data grid.
     *
     * @param fullFit the multistart fit of the full data
     * @param extraOptima number of additional local optima to include
     * @return the starts (internal coordinates)
     */
    public static StartGrid refitStarts(MultiStartResult fullFit, int extraOptima) {
        double[] f = fullFit.finalObjectives();
        Integer[] order = IntStream.range(0, f.length).filter(i -> !Double.isNaN(f[i])).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> f[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        List<double[]> starts = new ArrayList<>();
        List<Double> chosen = new ArrayList<>();
        starts.add(fullFit.best().internal());
        chosen.add(fullFit.objective());
        for (int i : order) {
            if (starts.size() > extraOptima) {
                break;
            }
            boolean distinct = true;
            for (double c : chosen) {
                if (Math.abs(f[i] - c) <= DISTINCT_OPTIMUM_GAP * Math.abs(c)) {
                    distinct = false;
                    break;
                }
            }
            if (distinct) {
                starts.add(fullFit.finalPoints()[i]);
                chosen.add(f[i]);
            }
        }
        return StartGrid.of(starts);
    }

    /**
     * Bootstraps with the default refit starts.
     *
     * @param data the full data
     * @param fullFit the multistart fit of {@code data}
     * @param resamples number of resamples (e.g. 4000)
     * @param seed master seed
     * @return the bootstrap summary
     */
    public BootstrapResult run(ScalingDataset data, MultiStartResult fullFit, int resamples,
            long seed) {
        return run(data, resamples, seed, refitStarts(fullFit, DEFAULT_EXTRA_OPTIMA));
    }

    /**
     * Bootstraps, refitting every resample from the given starts.
     *
     * @param data the full data
     * @param resamples number of resamples (at least 2)
     * @param seed master seed
     * @param starts refit starts (internal coordinates)
     * @return the bootstrap summary
     */
    public BootstrapResult run(ScalingDataset data, int resamples, long seed, StartGrid starts) {
        return run(data, resamples, seed, starts, ProgressSink.NONE);
    }

    /**
     * Bootstraps as {@link #run(ScalingDataset, int, long, StartGrid)} does, reporting progress:
     * {@code begin("bootstrap", resamples)}, then one unit of work per fitted resample. The result
     * does not depend on the sink.
     *
     * @param data the full data
     * @param resamples number of resamples (at least 2)
     * @param seed master seed
     * @param starts refit starts (internal coordinates)
     * @param sink progress and cancellation, e.g. {@link ProgressSink#NONE}
     * @return the bootstrap summary
     * @throws java.util.concurrent.CancellationException if the sink asked to cancel
     */
    public BootstrapResult run(ScalingDataset data, int resamples, long seed, StartGrid starts,
            ProgressSink sink) {
        if (resamples < 2) {
            throw new IllegalArgumentException("need at least 2 resamples, got " + resamples);
        }
        fitter.requireEnoughPoints(data);
        double[][] estimates = new double[resamples][];
        double[] objectives = new double[resamples];
        sink.begin("bootstrap", resamples);
        SlicedWork.run(IntStream.range(0, resamples).toArray(), fitter.options().parallel(), sink, r -> {
            int[] counts = resampleCounts(data.size(), seed, r);
            // Starts run sequentially inside a resample; parallelism is across resamples.
            MultiStartResult fit = fitter.fit(data, counts, starts, false);
            estimates[r] = fit.best().natural();
            objectives[r] = fit.objective();
        });
        return BootstrapResult.summarise(fitter.form().parameterNames(), estimates, objectives,
                seed, starts.size());
    }

    /**
     * Multiplicities of one bootstrap resample.
     *
     * @param n number of points
     * @param seed master seed
     * @param resample resample index
     * @return how often each point was drawn (sums to {@code n})
     */
    public static int[] resampleCounts(int n, long seed, int resample) {
        SplittableRandom rng = new SplittableRandom(mix(seed, resample));
        int[] counts = new int[n];
        for (int k = 0; k < n; k++) {
            counts[rng.nextInt(n)]++;
        }
        return counts;
    }

    /** SplitMix64 finaliser of (seed, index): well-separated streams for nearby indices. */
    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
