package org.lmworkbench.analysis.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Stochastic Lanczos quadrature against exact spectra and exact moments.
 */
class StochasticLanczosQuadratureTest {

    @Test
    void defaultsUseTenRunsOfEightySteps() {
        double[][] a = TestMatrices.gaussianSymmetric(200, 51);
        TestMatrices.Tally op = new TestMatrices.Tally(a);
        SpectralQuadrature q = StochasticLanczosQuadrature.defaults().estimate(op,
                ProgressSink.NONE);
        assertEquals(10, q.runs());
        assertEquals(800, q.hvpCount());
        assertEquals(800, op.calls);
        for (int r = 0; r < q.runs(); r++) {
            assertEquals(80, q.nodes()[r].length);
            assertEquals(1.0, Arrays.stream(q.weights()[r]).sum(), 1e-12);
        }
    }

    @Test
    void densityIntegratesToOneAndCarriesTheQuadratureMoments() {
        double[][] a = TestMatrices.gaussianSymmetric(300, 52);
        SpectralQuadrature q = StochasticLanczosQuadrature.defaults()
                .estimate(DenseSymmetricOperator.wrap(a), ProgressSink.NONE);
        for (double sigma : new double[] {0.01, 0.05, 0.2}) {
            SpectralDensity d = q.density(sigma, 10_000);
            assertEquals(1.0, d.integral(), 1e-6, "sigma " + sigma);
            for (double v : d.values()) {
                assertTrue(v >= 0.0);
            }
            // broadening by N(0, sigma^2) keeps the mean and adds sigma^2 to the second moment
            assertEquals(q.moment(1), d.integralOf(1), 1e-6);
            assertEquals(q.moment(2) + sigma * sigma, d.integralOf(2), 1e-6);
        }
    }

    @Test
    void momentsMatchTheExactSpectrum() {
        double[] s = new double[250];
        for (int i = 0; i < s.length; i++) {
            s[i] = i < 5 ? 20.0 - i : 0.02 * (i % 50) - 0.3; // outliers plus signed bulk
        }
        double[][] a = TestMatrices.withSpectrum(s, 53);
        double[][] a2 = TestMatrices.square(a);
        int n = a.length;
        int runs = 40;
        SpectralQuadrature q = StochasticLanczosQuadrature.defaults().withRuns(runs).withSteps(30)
                .estimate(DenseSymmetricOperator.wrap(a), ProgressSink.NONE);
        // with v = z / sqrt(n), each run's p-th moment is exactly z^T A^p z / n (p <= 2m-1),
        // whose standard deviation is rademacherStd(A^p) / n
        double mean = TestMatrices.trace(a) / n;
        double se1 = TestMatrices.rademacherStd(a) / n / Math.sqrt(runs);
        assertTrue(Math.abs(q.moment(1) - mean) < 4 * se1, q.moment(1) + " vs " + mean);
        assertEquals(TestMatrices.trace(a), q.traceEstimate(), 4 * se1 * n);
        double second = TestMatrices.trace(a2) / n;
        double se2 = TestMatrices.rademacherStd(a2) / n / Math.sqrt(runs);
        assertTrue(Math.abs(q.moment(2) - second) < 4 * se2, q.moment(2) + " vs " + second);
        assertEquals(1.0, q.moment(0), 1e-12);
        // the quadrature's extreme nodes bracket and approach the spectrum's ends
        assertEquals(20.0, q.maxNode(), 1e-6);
        assertTrue(q.minNode() >= -0.3 - 1e-9 && q.minNode() < -0.29);
    }

    @Test
    void enoughStepsReproduceTheExactEigenvalues() {
        int n = 40;
        double[][] a = TestMatrices.gaussianSymmetric(n, 54);
        double[] exact = TestMatrices.eigenvaluesDescending(a);
        TestMatrices.Tally op = new TestMatrices.Tally(a);
        SpectralQuadrature q = StochasticLanczosQuadrature.defaults().withRuns(3).withSteps(60)
                .estimate(op, ProgressSink.NONE);
        assertEquals(3 * n, op.calls, "steps are capped at the dimension");
        for (int r = 0; r < 3; r++) {
            double[] nodes = q.nodes()[r];
            assertEquals(n, nodes.length);
            for (int i = 0; i < n; i++) {
                assertEquals(exact[i], nodes[i], 1e-10, "run " + r + " node " + i);
                assertTrue(q.weights()[r][i] > 0.0);
            }
        }
    }

    @Test
    void fewDistinctEigenvaluesEndRunsEarlyWithExactNodes() {
        double[] s = new double[50];
        for (int i = 0; i < s.length; i++) {
            s[i] = i % 3 == 0 ? 2.0 : (i % 3 == 1 ? -1.0 : 0.5);
        }
        double[][] a = TestMatrices.withSpectrum(s, 55);
        TestMatrices.Tally op = new TestMatrices.Tally(a);
        SpectralQuadrature q = StochasticLanczosQuadrature.defaults().withRuns(4)
                .estimate(op, ProgressSink.NONE);
        assertEquals(12, op.calls);
        assertEquals(12, q.hvpCount());
        for (double[] nodes : q.nodes()) {
            assertEquals(3, nodes.length);
            assertEquals(2.0, nodes[0], 1e-10);
            assertEquals(0.5, nodes[1], 1e-10);
            assertEquals(-1.0, nodes[2], 1e-10);
        }
    }

    @Test
    void reorthogonalisationPreventsGhostEigenvalues() {
        // a well separated outlier converges within a few steps; without reorthogonalisation
        // later steps would produce a second copy of it
        double[] s = new double[300];
        for (int i = 0; i < s.length; i++) {
            s[i] = i == 0 ? 50.0 : -1.0 + 2.0 * i / s.length;
        }
        double[][] a = TestMatrices.withSpectrum(s, 56);
        SpectralQuadrature q = StochasticLanczosQuadrature.defaults().withRuns(2).withSteps(80)
                .estimate(DenseSymmetricOperator.wrap(a), ProgressSink.NONE);
        for (double[] nodes : q.nodes()) {
            assertEquals(50.0, nodes[0], 1e-9);
            assertTrue(nodes[1] <= 1.0 + 1e-9, "ghost " + nodes[1]);
        }
    }
}
