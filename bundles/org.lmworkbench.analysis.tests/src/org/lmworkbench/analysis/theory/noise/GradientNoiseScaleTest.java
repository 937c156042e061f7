package org.lmworkbench.analysis.theory.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The noise-scale estimators on synthetic per-example gradients {@code g ~ N(mu, diag(sigma^2))} in 20
 * dimensions with {@code |mu|^2 = 1} and {@code tr(Sigma) = 21}, so {@code B_simple = 21}.
 */
class GradientNoiseScaleTest {

    private static final int P = 20;
    private static final double[] MU = new double[P];
    private static final double[] SIGMA = new double[P];
    private static final double TRACE;

    static {
        double trace = 0;
        for (int j = 0; j < P; j++) {
            MU[j] = (j % 2 == 0 ? 1 : -1) / Math.sqrt(P);
            SIGMA[j] = Math.sqrt(0.1 * (j + 1));
            trace += SIGMA[j] * SIGMA[j];
        }
        TRACE = trace;
    }

    @Test
    void handWorkedExample() {
        // gbar = (2, 0), |gbar|^2 = 4, S = ((1-2)^2 + (3-2)^2) / 1 = 2, |G|^2 = 4 - 2/2 = 3
        NoiseScaleEstimate e = GradientNoiseScale.fromPerExample(new double[][] {{1, 0}, {3, 0}});
        assertEquals(2, e.traceCovariance(), 1e-15);
        assertEquals(3, e.gradientNormSquared(), 1e-15);
        assertEquals(2.0 / 3, e.simpleNoiseScale(), 1e-15);
        assertEquals(2, e.samples());
    }

    @Test
    void perExampleEstimatesAreUnbiasedWhereTheNaiveNormIsNot() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 50;
        int trials = 4000;
        double[] norm = new double[trials];
        double[] naive = new double[trials];
        double[] trace = new double[trials];
        for (int t = 0; t < trials; t++) {
            double[][] g = draw(rng, n);
            NoiseScaleEstimate e = GradientNoiseScale.fromPerExample(g);
            norm[t] = e.gradientNormSquared();
            trace[t] = e.traceCovariance();
            naive[t] = e.gradientNormSquared() + e.traceCovariance() / n;
        }
        double[] normStats = meanAndError(norm);
        double[] traceStats = meanAndError(trace);
        double[] naiveStats = meanAndError(naive);
        assertEquals(1, normStats[0], 4 * normStats[1], "|G|^2");
        assertEquals(TRACE, traceStats[0], 4 * traceStats[1], "tr(Sigma)");
        // |gbar|^2 overestimates |G|^2 by tr(Sigma)/N = 0.42, far beyond its error
        assertEquals(1 + TRACE / n, naiveStats[0], 4 * naiveStats[1]);
        assertTrue(naiveStats[0] - 1 > 10 * naiveStats[1]);
        NoiseScaleEstimate large = GradientNoiseScale.fromPerExample(draw(rng, 40_000));
        assertEquals(TRACE, large.simpleNoiseScale(), 0.05 * TRACE);
    }

    @Test
    void twoBatchSizesRecoverBothQuantities() {
        SplittableRandom rng = new SplittableRandom(2);
        TwoBatchNoiseScale scale = new TwoBatchNoiseScale(8, 64);
        for (int step = 0; step < 3000; step++) {
            double[][] batch = draw(rng, 64);
            scale.add(meanNormSquared(batch, 8), meanNormSquared(batch, 64));
        }
        NoiseScaleEstimate e = scale.estimate();
        assertEquals(3000, e.samples());
        assertEquals(1, e.gradientNormSquared(), 4 * e.gradientNormSquaredError(), e.toString());
        assertEquals(TRACE, e.traceCovariance(), 4 * e.traceCovarianceError(), e.toString());
        assertTrue(e.traceCovarianceError() < 0.03 * TRACE, e.toString());
        assertEquals(TRACE, e.simpleNoiseScale(), 0.1 * TRACE, e.toString());
    }

    @Test
    void badInputsAreNamed() {
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> GradientNoiseScale.fromPerExample(new double[][] {{1, 2}, {1}}));
        assertTrue(ragged.getMessage().contains("example 1"), ragged.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradientNoiseScale.fromPerExample(new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> new TwoBatchNoiseScale(8, 8));
        assertThrows(IllegalStateException.class, () -> new TwoBatchNoiseScale(1, 2).estimate());
        assertThrows(IllegalArgumentException.class, () -> new TwoBatchNoiseScale(1, 2).add(-1, 1));
    }

    private static double[][] draw(SplittableRandom rng, int n) {
        double[][] g = new double[n][P];
        for (double[] row : g) {
            for (int j = 0; j < P; j++) {
                row[j] = MU[j] + SIGMA[j] * rng.nextGaussian();
            }
        }
        return g;
    }

    /** The squared norm of the mean of the first {@code b} rows. */
    private static double meanNormSquared(double[][] g, int b) {
        double s = 0;
        for (int j = 0; j < P; j++) {
            double m = 0;
            for (int i = 0; i < b; i++) {
                m += g[i][j] / b;
            }
            s += m * m;
        }
        return s;
    }

    private static double[] meanAndError(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double squares = 0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(squares / (x.length - 1) / x.length)};
    }
}
