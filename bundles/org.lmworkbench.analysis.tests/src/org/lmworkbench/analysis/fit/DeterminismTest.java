package org.lmworkbench.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Same inputs and seed give bit-identical results, whether starts and resamples run on one
 * thread or on a parallel stream; a different seed gives different resamples.
 */
class DeterminismTest {

    private static final StartGrid GRID = StartGrid.cartesian(new double[] {-1, 0.5},
            new double[] {0, 5, 10}, new double[] {0, 10}, new double[] {0.5, 1},
            new double[] {0, 0.5});

    /** Chinchilla-shaped data with multiplicative noise, so the fit is not exact. */
    static ScalingDataset noisyData() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 50;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] y = new double[n];
        double[] truth = {1.8, 480, 2100, 0.35, 0.37};
        for (int i = 0; i < n; i++) {
            nn[i] = Math.pow(10, rng.nextDouble(7, 10.5));
            dd[i] = Math.pow(10, rng.nextDouble(9, 12));
            y[i] = ChinchillaLaw.loss(truth, nn[i], dd[i]) * Math.exp(0.02 * rng.nextGaussian());
        }
        return new ScalingDataset("noisy", List.of("N", "D"), "loss", new double[][] {nn, dd}, y);
    }

    @Test
    void multistartIsIdenticalSerialAndParallel() {
        ScalingDataset data = noisyData();
        MultiStartFitter.Options o = MultiStartFitter.Options.defaults();
        MultiStartResult a = new MultiStartFitter(new ChinchillaLaw(), o.withParallel(false))
                .fit(data, GRID);
        MultiStartResult b = new MultiStartFitter(new ChinchillaLaw(), o.withParallel(true))
                .fit(data, GRID);
        assertEquals(a.best(), b.best());
        assertEquals(a.bestStartIndex(), b.bestStartIndex());
        assertArrayEquals(a.finalObjectives(), b.finalObjectives());
        assertEquals(a.startsReachingBest(), b.startsReachingBest());
    }

    @Test
    void bootstrapSameSeedSameResultAcrossThreading() {
        ScalingDataset data = noisyData();
        MultiStartFitter.Options o = MultiStartFitter.Options.defaults();
        MultiStartFitter serial = new MultiStartFitter(new ChinchillaLaw(), o.withParallel(false));
        MultiStartFitter parallel = new MultiStartFitter(new ChinchillaLaw(), o);
        MultiStartResult fit = parallel.fit(data, GRID);
        BootstrapResult a = new BootstrapEstimator(parallel).run(data, fit, 60, 42);
        BootstrapResult b = new BootstrapEstimator(parallel).run(data, fit, 60, 42);
        BootstrapResult c = new BootstrapEstimator(serial).run(data, fit, 60, 42);
        for (BootstrapResult other : new BootstrapResult[] {b, c}) {
            assertArrayEquals(a.standardErrors(), other.standardErrors());
            assertArrayEquals(a.lower95(), other.lower95());
            assertArrayEquals(a.upper95(), other.upper95());
            assertArrayEquals(a.objectives(), other.objectives());
            for (int r = 0; r < a.resamples(); r++) {
                assertArrayEquals(a.estimates()[r], other.estimates()[r]);
            }
        }
        BootstrapResult d = new BootstrapEstimator(parallel).run(data, fit, 60, 43);
        assertFalse(Arrays.equals(a.standardErrors(), d.standardErrors()));
    }

    @Test
    void resampleCountsDependOnlyOnSeedAndIndex() {
        int[] a = BootstrapEstimator.resampleCounts(240, 7, 11);
        assertArrayEquals(a, BootstrapEstimator.resampleCounts(240, 7, 11));
        assertEquals(240, Arrays.stream(a).sum());
        assertFalse(Arrays.equals(a, BootstrapEstimator.resampleCounts(240, 7, 12)));
    }

    @Test
    void percentilesUseLinearInterpolation() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertEquals(1.1, BootstrapResult.percentile(sorted, 0.025), 1e-12);
        assertEquals(4.9, BootstrapResult.percentile(sorted, 0.975), 1e-12);
    }
}
