package org.lmworkbench.analysis.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hutchinson and Hutch++ against traces known by construction.
 */
class TraceEstimatorTest {

    private static double[][] mixed;
    private static double mixedTrace;
    private static double[][] lowRankPlusNoise;
    private static double lowRankTrace;

    @BeforeAll
    static void buildMatrices() {
        int n = 200;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.sin(0.37 * i) * 3.0 + 0.5; // signed, no structure the probes could exploit
        }
        mixed = TestMatrices.withSpectrum(s, 41);
        mixedTrace = sum(s);
        // rank-10 signal (eigenvalues 100..1000) plus a flat noise floor of 1e-2: a caricature
        // of a Hessian with a few outliers above a bulk
        int m = 300;
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = i < 10 ? 100.0 * (10 - i) : 1e-2 * (1.0 + (i % 7) / 7.0);
        }
        lowRankPlusNoise = TestMatrices.withSpectrum(t, 42);
        lowRankTrace = sum(t);
    }

    private static double sum(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    @Test
    void hutchinsonIsUnbiasedWithinFourStandardErrors() {
        double perProbeStd = TestMatrices.rademacherStd(mixed);
        int probes = 400;
        double mean = 0.0;
        int seeds = 30;
        for (int seed = 1; seed <= seeds; seed++) {
            TestMatrices.Tally op = new TestMatrices.Tally(mixed);
            TraceEstimate e = HutchinsonTraceEstimator.defaults().withProbes(probes).withSeed(seed)
                    .estimate(op, ProgressSink.NONE);
            assertEquals(probes, op.calls);
            assertEquals(probes, e.hvpCount());
            assertTrue(e.zScore(mixedTrace) < 4.0, "seed " + seed + " z=" + e.zScore(mixedTrace));
            // the reported standard error must estimate the true one, not merely be large
            double theory = perProbeStd / Math.sqrt(probes);
            assertEquals(1.0, e.standardError() / theory, 0.2, "seed " + seed);
            mean += e.trace() / seeds;
        }
        // pooled over seeds the bias test is sharper by sqrt(30)
        double pooledSe = perProbeStd / Math.sqrt((double) probes * seeds);
        assertTrue(Math.abs(mean - mixedTrace) < 4.0 * pooledSe,
                "pooled mean " + mean + " vs " + mixedTrace);
    }

    @Test
    void hutchinsonIsExactOnDiagonalMatrices() {
        double[][] d = new double[30][30];
        for (int i = 0; i < 30; i++) {
            d[i][i] = i - 7.5;
        }
        TraceEstimate e = HutchinsonTraceEstimator.defaults().withProbes(5)
                .estimate(DenseSymmetricOperator.wrap(d), ProgressSink.NONE);
        assertEquals(TestMatrices.trace(d), e.trace(), 1e-12);
        assertEquals(0.0, e.standardError(), 1e-12);
    }

    @Test
    void hutchPlusPlusBeatsHutchinsonAtEqualBudgetOnLowRankPlusNoise() {
        int budget = 60;
        int seeds = 10;
        double errHutch = 0.0;
        double errPlus = 0.0;
        for (int seed = 1; seed <= seeds; seed++) {
            TestMatrices.Tally h = new TestMatrices.Tally(lowRankPlusNoise);
            TraceEstimate hutch = HutchinsonTraceEstimator.defaults().withProbes(budget)
                    .withSeed(seed).estimate(h, ProgressSink.NONE);
            TestMatrices.Tally p = new TestMatrices.Tally(lowRankPlusNoise);
            TraceEstimate plus = HutchPlusPlusTraceEstimator.defaults().withBudget(budget)
                    .withSeed(seed).estimate(p, ProgressSink.NONE);
            assertEquals(budget, h.calls);
            assertEquals(budget, p.calls);
            assertEquals(budget, plus.hvpCount());
            errHutch += Math.abs(hutch.trace() - lowRankTrace) / seeds;
            errPlus += Math.abs(plus.trace() - lowRankTrace) / seeds;
            assertTrue(plus.zScore(lowRankTrace) < 4.0, "seed " + seed);
        }
        assertTrue(errPlus * 20.0 < errHutch, "Hutch++ " + errPlus + " vs Hutchinson " + errHutch);
    }

    @Test
    void hutchPlusPlusIsExactWhenSketchCapturesTheRange() {
        double[] s = new double[80];
        for (int i = 0; i < 5; i++) {
            s[i] = 10.0 - 3.0 * i; // rank 5, with a negative eigenvalue
        }
        double[][] a = TestMatrices.withSpectrum(s, 43);
        TestMatrices.Tally op = new TestMatrices.Tally(a);
        TraceEstimate e = HutchPlusPlusTraceEstimator.defaults().withBudget(30)
                .estimate(op, ProgressSink.NONE);
        assertEquals(sum(s), e.trace(), 1e-9);
        // 10 sketch columns but rank 5: the 5 dependent columns' range products become probes
        assertEquals(30, op.calls);
        assertEquals(15, e.probes());
    }

    @Test
    void hutchPlusPlusIsUnbiasedOnAFullRankMatrix() {
        double mean = 0.0;
        double pooledVar = 0.0;
        int seeds = 30;
        for (int seed = 1; seed <= seeds; seed++) {
            TraceEstimate e = HutchPlusPlusTraceEstimator.defaults().withBudget(90).withSeed(seed)
                    .estimate(DenseSymmetricOperator.wrap(mixed), ProgressSink.NONE);
            assertTrue(e.zScore(mixedTrace) < 4.0, "seed " + seed);
            mean += e.trace() / seeds;
            pooledVar += e.standardError() * e.standardError() / ((double) seeds * seeds);
        }
        assertTrue(Math.abs(mean - mixedTrace) < 4.0 * Math.sqrt(pooledVar));
    }

    @Test
    void budgetValidation() {
        assertThrows(IllegalArgumentException.class,
                () -> HutchPlusPlusTraceEstimator.defaults().withBudget(2));
        assertThrows(IllegalArgumentException.class,
                () -> HutchinsonTraceEstimator.defaults().withProbes(0));
    }
}
