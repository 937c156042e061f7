package org.lmworkbench.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Decimation keeps what a pixel column shows: each bucket's exact extremes and both ends. */
class DecimatorTest {

    private static final int N = 200_000;
    private static final int BUCKETS = 640;

    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    private static double[] noisy(int n, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(i / 5000.0) + random.nextGaussian() * 0.2 + (random.nextInt(10_000) == 0 ? 50 : 0);
        }
        return y;
    }

    @Test
    void keepsExactMinimumAndMaximumOfEveryBucketAndBothEnds() {
        double[] x = steps(N);
        double[] y = noisy(N, 1);
        IntList kept = new IntList();
        double x0 = x[0];
        double x1 = x[N - 1];
        Decimator.decimate(x, y, N, true, x0, x1, BUCKETS, false, false, kept);

        assertTrue(kept.size() <= 4 * (BUCKETS + 1), "kept " + kept.size());
        assertEquals(0, kept.get(0));
        assertEquals(N - 1, kept.last());
        for (int i = 1; i < kept.size(); i++) {
            assertTrue(kept.get(i) > kept.get(i - 1), "indices ascend");
        }
        // brute force: bucket of each point computed independently, exact extremes per bucket
        double[] min = new double[BUCKETS + 1];
        double[] max = new double[BUCKETS + 1];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < N; i++) {
            int b = bucket(x[i], x0, x1);
            min[b] = Math.min(min[b], y[i]);
            max[b] = Math.max(max[b], y[i]);
        }
        double[] keptMin = new double[BUCKETS + 1];
        double[] keptMax = new double[BUCKETS + 1];
        java.util.Arrays.fill(keptMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(keptMax, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < kept.size(); k++) {
            int i = kept.get(k);
            int b = bucket(x[i], x0, x1);
            keptMin[b] = Math.min(keptMin[b], y[i]);
            keptMax[b] = Math.max(keptMax[b], y[i]);
        }
        for (int b = 0; b <= BUCKETS; b++) {
            assertEquals(min[b], keptMin[b], 0, "minimum of bucket " + b);
            assertEquals(max[b], keptMax[b], 0, "maximum of bucket " + b);
        }
    }

    private static int bucket(double x, double x0, double x1) {
        return (int) Math.min(BUCKETS, Math.floor((x - x0) / (x1 - x0) * BUCKETS));
    }

    @Test
    void visibleRangeKeepsOneNeighbourOnEachSide() {
        double[] x = steps(N);
        double[] y = noisy(N, 2);
        IntList kept = new IntList();
        Decimator.decimate(x, y, N, true, 50_000, 60_000, 100, false, false, kept);
        assertEquals(50_000 - 2, kept.get(0), "the point just left of the view (x = 49999)");
        assertEquals(60_000, kept.last(), "the point just right of the view (x = 60001)");
        assertTrue(kept.size() <= 4 * 102);
    }

    @Test
    void shortSeriesAreKeptWholeExceptUndrawablePoints() {
        double[] x = { 1, 2, 3, 4, 5, 6 };
        double[] y = { 1, Double.NaN, -2, 0, 5, Double.POSITIVE_INFINITY };
        IntList kept = new IntList();
        Decimator.decimate(x, y, x.length, true, 1, 6, 800, false, false, kept);
        assertEquals("[0, 2, 3, 4]", java.util.Arrays.toString(kept.toArray()));
        Decimator.decimate(x, y, x.length, true, 1, 6, 800, false, true, kept);
        assertEquals("[0, 4]", java.util.Arrays.toString(kept.toArray()), "log y drops zero and negatives");
    }

    @Test
    void logXBucketsByDecade() {
        double[] x = steps(N);
        double[] y = noisy(N, 3);
        IntList kept = new IntList();
        Decimator.decimate(x, y, N, true, 1, N, 200, true, false, kept);
        // the first decade (x = 1..10) spans many pixel columns on a log axis, so all of it is kept
        for (int i = 0; i < 10; i++) {
            assertEquals(i, kept.get(i));
        }
        assertTrue(kept.size() <= 4 * 202);
        assertEquals(N - 1, kept.last());
    }

    @Test
    void unsortedDataIsBucketedByIndexKeepingExtremes() {
        int n = 50_000;
        double[] x = new double[n];
        double[] y = noisy(n, 4);
        Random random = new Random(5);
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble();
        }
        int argMax = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] > y[argMax]) {
                argMax = i;
            }
        }
        IntList kept = new IntList();
        Decimator.decimate(x, y, n, false, 0, 1, 100, false, false, kept);
        assertTrue(kept.size() <= 4 * 200);
        boolean found = false;
        for (int k = 0; k < kept.size(); k++) {
            found |= kept.get(k) == argMax;
        }
        assertTrue(found, "global maximum kept");
        assertFalse(kept.size() == 0);
    }

    /** The block-summary path must choose exactly the indices of the point-by-point scan. */
    @Test
    void blockSummariesGiveTheSameIndicesAsTheFullScan() {
        Random random = new Random(6);
        int n = 123_457;
        double[] x = new double[n];
        double[] y = new double[n];
        DoubleList ys = new DoubleList(16);
        BlockExtremes extremes = new BlockExtremes();
        double step = 0;
        for (int start = 0; start < n; start += 777) {
            int count = Math.min(777, n - start);
            double[] chunk = new double[count];
            for (int i = 0; i < count; i++) {
                step += random.nextInt(3) == 0 ? 0 : random.nextDouble();
                x[start + i] = step - 10;
                int kind = random.nextInt(50);
                chunk[i] = kind == 0 ? Double.NaN : kind == 1 ? -random.nextDouble() : kind == 2 ? 0 : kind == 3 ? 7.0
                        : Math.exp(random.nextGaussian());
                y[start + i] = chunk[i];
            }
            ys.append(chunk, 0, count);
            extremes.update(ys.raw(), ys.size());
        }
        IntList full = new IntList();
        IntList fast = new IntList();
        double[][] ranges = { { x[0], x[n - 1] }, { 1, x[n - 1] }, { x[n / 3], x[n / 2] }, { x[100], x[160] } };
        for (double[] r : ranges) {
            for (int buckets : new int[] { 1, 7, 300, 1600 }) {
                for (boolean logX : new boolean[] { false, true }) {
                    for (boolean logY : new boolean[] { false, true }) {
                        if (logX && r[0] <= 0) {
                            continue;
                        }
                        Decimator.decimate(x, y, n, true, r[0], r[1], buckets, logX, logY, null, full);
                        Decimator.decimate(x, ys.raw(), n, true, r[0], r[1], buckets, logX, logY, extremes, fast);
                        assertEquals(java.util.Arrays.toString(full.toArray()), java.util.Arrays.toString(fast.toArray()),
                                "range " + r[0] + ".." + r[1] + " buckets " + buckets + " logX " + logX + " logY " + logY);
                    }
                }
            }
        }
    }
}
