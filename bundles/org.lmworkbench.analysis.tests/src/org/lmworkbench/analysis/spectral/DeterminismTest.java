package org.lmworkbench.analysis.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same seed must give bit-identical results; a different seed must actually change them
 * (otherwise the first check would pass vacuously).
 */
class DeterminismTest {

    private static LinearOperator op;

    @BeforeAll
    static void build() {
        op = DenseSymmetricOperator.wrap(TestMatrices.gaussianSymmetric(150, 61));
    }

    private static void assertBitIdentical(double[] x, double[] y) {
        assertEquals(x.length, y.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(y[i]),
                    "index " + i);
        }
    }

    @Test
    void lanczos() {
        LanczosEigensolver solver = LanczosEigensolver.defaults().withEigenpairs(3).withSeed(7)
                .withEigenvectors(true);
        EigenResult a = solver.solve(op, ProgressSink.NONE);
        EigenResult b = solver.solve(op, ProgressSink.NONE);
        assertBitIdentical(a.eigenvalues(), b.eigenvalues());
        assertBitIdentical(a.residualNorms(), b.residualNorms());
        for (int i = 0; i < 3; i++) {
            assertBitIdentical(a.eigenvectors()[i], b.eigenvectors()[i]);
        }
        assertEquals(a.hvpCount(), b.hvpCount());
        // converged eigenvalues may agree to the last bit; the residuals of the third pair differ
        EigenResult c = solver.withSeed(8).solve(op, ProgressSink.NONE);
        assertNotEquals(a.residualNorms()[2], c.residualNorms()[2]);
    }

    @Test
    void powerIteration() {
        PowerIteration solver = PowerIteration.defaults().withEigenpairs(2).withSeed(7)
                .withEigenvectors(true);
        EigenResult a = solver.solve(op, ProgressSink.NONE);
        EigenResult b = solver.solve(op, ProgressSink.NONE);
        assertBitIdentical(a.eigenvalues(), b.eigenvalues());
        assertBitIdentical(a.eigenvectors()[1], b.eigenvectors()[1]);
        assertEquals(a.hvpCount(), b.hvpCount());
        assertNotEquals(a.eigenvalues()[0],
                solver.withSeed(8).solve(op, ProgressSink.NONE).eigenvalues()[0]);
    }

    @Test
    void traceEstimators() {
        HutchinsonTraceEstimator h = HutchinsonTraceEstimator.defaults().withSeed(7);
        assertEquals(h.estimate(op, ProgressSink.NONE), h.estimate(op, ProgressSink.NONE));
        assertNotEquals(h.estimate(op, ProgressSink.NONE).trace(),
                h.withSeed(8).estimate(op, ProgressSink.NONE).trace());
        HutchPlusPlusTraceEstimator p = HutchPlusPlusTraceEstimator.defaults().withSeed(7);
        assertEquals(p.estimate(op, ProgressSink.NONE), p.estimate(op, ProgressSink.NONE));
        assertNotEquals(p.estimate(op, ProgressSink.NONE).trace(),
                p.withSeed(8).estimate(op, ProgressSink.NONE).trace());
    }

    @Test
    void stochasticLanczosQuadrature() {
        StochasticLanczosQuadrature slq = StochasticLanczosQuadrature.defaults().withRuns(3)
                .withSteps(40).withSeed(7);
        SpectralQuadrature a = slq.estimate(op, ProgressSink.NONE);
        SpectralQuadrature b = slq.estimate(op, ProgressSink.NONE);
        for (int r = 0; r < 3; r++) {
            assertBitIdentical(a.nodes()[r], b.nodes()[r]);
            assertBitIdentical(a.weights()[r], b.weights()[r]);
        }
        assertArrayEquals(a.density(0.05, 500).values(), b.density(0.05, 500).values(), 0.0);
        assertNotEquals(a.moment(1), slq.withSeed(8).estimate(op, ProgressSink.NONE).moment(1));
    }
}
