package org.lmworkbench.analysis.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Power iteration accuracy against known spectra, and its cost relative to Lanczos.
 */
class PowerIterationTest {

    /** Geometric spectrum, ratio 0.6 between consecutive eigenvalues, all positive. */
    private static double[] geometric(int n, double top, double ratio) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = top * Math.pow(ratio, i);
        }
        return s;
    }

    @Test
    void pyHessianDefaultsAgreeWithinTolerance() {
        double[] s = geometric(150, 40.0, 0.6);
        double[][] a = TestMatrices.withSpectrum(s, 31);
        TestMatrices.Tally op = new TestMatrices.Tally(a);
        EigenResult r = PowerIteration.defaults().withEigenpairs(3).withEigenvectors(true)
                .solve(op, ProgressSink.NONE);
        assertTrue(r.converged());
        assertEquals(EigenTarget.LARGEST_MAGNITUDE, r.target());
        assertEquals(op.calls, r.hvpCount());
        assertEquals(0, r.residualHvpCount());
        assertTrue(r.hvpCount() <= 300);
        for (int i = 0; i < 3; i++) {
            double rel = Math.abs(r.eigenvalues()[i] - s[i]) / s[i];
            assertTrue(rel < 1e-3, "eigenvalue " + i + " rel err " + rel);
            // reported residual is the exact residual of the returned pair
            assertEquals(TestMatrices.residual(a, r.eigenvectors()[i], r.eigenvalues()[i]),
                    r.residualNorms()[i], 1e-10);
        }
    }

    @Test
    void residualRuleGuaranteesAccuracyAndDeflationFindsLaterEigenvalues() {
        double[] s = geometric(120, 5.0, 0.8);
        double[][] a = TestMatrices.withSpectrum(s, 32);
        EigenResult r = PowerIteration.defaults().withEigenpairs(4).withTolerance(1e-6)
                .withStoppingRule(PowerIteration.StoppingRule.RELATIVE_RESIDUAL)
                .withMaxIterationsPerEigenvalue(2000).withEigenvectors(true)
                .solve(DenseSymmetricOperator.wrap(a), ProgressSink.NONE);
        assertTrue(r.converged());
        assertTrue(r.relativeResidual(0) < 1e-6);
        for (int i = 0; i < 4; i++) {
            // the rule holds for the deflated operator; w.r.t. A, earlier eigenvector errors
            // (angle ~ tol * lambda / gap) leave a residual floor of the same order
            assertTrue(r.residualEstimates()[i] < 1e-6 * r.eigenvalues()[i]);
            assertTrue(r.relativeResidual(i) < 1e-5, "eigenvalue " + i);
            assertTrue(Math.abs(r.eigenvalues()[i] - s[i]) <= r.residualNorms()[i] * 1.0001,
                    "eigenvalue " + i);
            for (int j = 0; j < i; j++) {
                assertEquals(0.0, Vectors.dot(r.eigenvectors()[i], r.eigenvectors()[j]), 1e-5);
            }
        }
    }

    @Test
    void convergesToLargestMagnitudeEvenIfNegative() {
        double[][] a = TestMatrices.withSpectrum(LanczosEigensolverTest.negativeSpectrum(80), 33);
        EigenResult r = PowerIteration.defaults().withTolerance(1e-8)
                .withStoppingRule(PowerIteration.StoppingRule.RELATIVE_RESIDUAL)
                .withMaxIterationsPerEigenvalue(5000)
                .solve(DenseSymmetricOperator.wrap(a), ProgressSink.NONE);
        assertTrue(r.converged());
        assertEquals(-12.0, r.eigenvalues()[0], 1e-6);
    }

    @Test
    void budgetPerEigenvalueIsHonoured() {
        // ratio 0.999: 100 steps cannot meet a 1e-3 eigenvalue-change test reliably, nor 1e-8
        double[] s = geometric(100, 1.0, 0.999);
        TestMatrices.Tally op = new TestMatrices.Tally(TestMatrices.withSpectrum(s, 34));
        EigenResult r = PowerIteration.defaults().withEigenpairs(2).withTolerance(1e-8)
                .withStoppingRule(PowerIteration.StoppingRule.RELATIVE_RESIDUAL)
                .solve(op, ProgressSink.NONE);
        assertFalse(r.converged());
        assertEquals(200, r.hvpCount());
        assertEquals(200, op.calls);
    }

    @Test
    void lanczosNeedsFarFewerApplicationsOnSmallSpectralGap() {
        // relative gap 1 %: power iteration converges like 0.99^t, Lanczos like exp(-2 t sqrt(gap))
        int n = 300;
        double[] s = new double[n];
        s[0] = 1.0;
        s[1] = 0.99;
        for (int i = 2; i < n; i++) {
            s[i] = -0.3 + 1.2 * (n - i) / n;
        }
        double[][] a = TestMatrices.withSpectrum(s, 35);
        double tol = 1e-4;
        TestMatrices.Tally lanczosOp = new TestMatrices.Tally(a);
        EigenResult lanczos = LanczosEigensolver.defaults().withTolerance(tol)
                .withMaxIterations(n).solve(lanczosOp, ProgressSink.NONE);
        TestMatrices.Tally powerOp = new TestMatrices.Tally(a);
        EigenResult power = PowerIteration.defaults().withTolerance(tol)
                .withStoppingRule(PowerIteration.StoppingRule.RELATIVE_RESIDUAL)
                .withMaxIterationsPerEigenvalue(100_000).solve(powerOp, ProgressSink.NONE);
        assertTrue(lanczos.converged());
        assertTrue(power.converged());
        // same accuracy target met by both, verified by explicit residuals
        assertTrue(lanczos.relativeResidual(0) < tol);
        assertTrue(power.relativeResidual(0) < tol);
        assertEquals(1.0, lanczos.eigenvalues()[0], tol);
        assertEquals(1.0, power.eigenvalues()[0], tol);
        // compare true application counts, Lanczos charged for its residual check too
        double ratio = (double) powerOp.calls / lanczosOp.calls;
        assertTrue(ratio >= 3.0, "power " + powerOp.calls + " vs lanczos " + lanczosOp.calls);
    }
}
