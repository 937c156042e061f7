package org.lmworkbench.analysis.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lanczos against the dense commons-math eigendecomposition of the same matrix.
 */
class LanczosEigensolverTest {

    private static final Map<String, double[][]> MATRICES = new ConcurrentHashMap<>();
    private static final Map<String, double[]> TRUTH = new ConcurrentHashMap<>();

    static Stream<Arguments> matrices() {
        return Stream.of(
                Arguments.of("wigner-50", (Supplier<double[][]>) () ->
                        TestMatrices.gaussianSymmetric(50, 11)),
                Arguments.of("wigner-400", (Supplier<double[][]>) () ->
                        TestMatrices.gaussianSymmetric(400, 12)),
                Arguments.of("clustered-200", (Supplier<double[][]>) () ->
                        TestMatrices.withSpectrum(clusteredSpectrum(200), 13)),
                Arguments.of("negative-300", (Supplier<double[][]>) () ->
                        TestMatrices.withSpectrum(negativeSpectrum(300), 14)));
    }

    /** Two tight clusters at the top (relative gaps 1e-4) above a bulk in [-1, 5]. */
    static double[] clusteredSpectrum(int n) {
        double[] s = new double[n];
        double[] top = {10.0, 9.999, 9.998, 7.0, 6.9993, 6.9986};
        for (int i = 0; i < n; i++) {
            s[i] = i < top.length ? top[i] : -1.0 + 6.0 * (i - top.length) / (n - top.length);
        }
        return s;
    }

    /** Dominant negative eigenvalue, a near-degenerate pair at the top and a signed bulk. */
    static double[] negativeSpectrum(int n) {
        double[] s = new double[n];
        double[] ends = {8.0, 7.9, 7.5, 7.4999, 6.0, -12.0, -11.0, -10.9999, -9.0, -8.5};
        for (int i = 0; i < n; i++) {
            s[i] = i < ends.length ? ends[i] : -5.0 + 10.0 * (i - ends.length) / (n - ends.length);
        }
        return s;
    }

    private static double[][] matrix(String name, Supplier<double[][]> make) {
        return MATRICES.computeIfAbsent(name, k -> make.get());
    }

    private static double[] truth(String name, double[][] a) {
        return TRUTH.computeIfAbsent(name, k -> TestMatrices.eigenvaluesDescending(a));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrices")
    void topKMatchesDenseEigendecomposition(String name, Supplier<double[][]> make) {
        double[][] a = matrix(name, make);
        double[] exact = truth(name, a);
        for (int k = 1; k <= 5; k++) {
            TestMatrices.Tally op = new TestMatrices.Tally(a);
            EigenResult r = LanczosEigensolver.defaults().withEigenpairs(k).withTolerance(1e-10)
                    .withMaxIterations(a.length).withEigenvectors(true).solve(op, ProgressSink.NONE);
            assertTrue(r.converged(), name + " k=" + k);
            assertEquals(k, r.count());
            assertEquals(op.calls, r.hvpCount() + r.residualHvpCount(), "true apply count");
            assertEquals(k, r.residualHvpCount());
            assertEquals(r.iterations(), r.hvpCount());
            for (int i = 0; i < k; i++) {
                double rel = Math.abs(r.eigenvalues()[i] - exact[i]) / Math.abs(exact[i]);
                assertTrue(rel < 1e-8, name + " k=" + k + " i=" + i + " rel err " + rel);
                checkResidual(a, r, i, 1e-10);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrices")
    void bottomKMatchesDenseEigendecomposition(String name, Supplier<double[][]> make) {
        double[][] a = matrix(name, make);
        double[] exact = truth(name, a);
        int n = a.length;
        for (int k = 1; k <= 5; k++) {
            EigenResult r = LanczosEigensolver.defaults().withEigenpairs(k).withTolerance(1e-10)
                    .withTarget(EigenTarget.SMALLEST_ALGEBRAIC).withMaxIterations(n)
                    .solve(DenseSymmetricOperator.wrap(a), ProgressSink.NONE);
            assertTrue(r.converged());
            for (int i = 0; i < k; i++) {
                double rel = Math.abs(r.eigenvalues()[i] - exact[n - 1 - i])
                        / Math.abs(exact[n - 1 - i]);
                assertTrue(rel < 1e-8, name + " bottom k=" + k + " i=" + i + " rel err " + rel);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrices")
    void defaultToleranceResidualsAreBelowToleranceAndMatchRecomputation(String name,
            Supplier<double[][]> make) {
        double[][] a = matrix(name, make);
        double[] exact = truth(name, a);
        TestMatrices.Tally op = new TestMatrices.Tally(a);
        EigenResult r = LanczosEigensolver.defaults().withEigenpairs(3).withEigenvectors(true)
                .withMaxIterations(a.length).solve(op, ProgressSink.NONE);
        assertTrue(r.converged());
        assertEquals(op.calls, r.totalHvpCount());
        for (int i = 0; i < 3; i++) {
            checkResidual(a, r, i, 1e-4);
            // Bauer-Fike for symmetric matrices: some eigenvalue lies within the residual
            double err = Math.abs(r.eigenvalues()[i] - exact[i]);
            assertTrue(err <= r.residualNorms()[i] * (1 + 1e-9), name + " i=" + i);
        }
    }

    /** Explicit residual is below tol |lambda|, matches a dense recomputation and the estimate. */
    private static void checkResidual(double[][] a, EigenResult r, int i, double tol) {
        double lambda = r.eigenvalues()[i];
        double[] v = r.eigenvectors()[i];
        assertEquals(1.0, TestMatrices.norm(v), 1e-12);
        double recomputed = TestMatrices.residual(a, v, lambda);
        double reported = r.residualNorms()[i];
        double scale = Math.abs(lambda);
        assertTrue(reported < tol * scale, "residual " + reported + " vs " + tol * scale);
        assertEquals(recomputed, reported, 1e-12 * scale + 1e-9 * recomputed);
        // the free estimate |beta_m s_mi| agrees with the explicit residual up to rounding
        assertEquals(reported, r.residualEstimates()[i], 1e-12 * scale + 1e-3 * reported);
    }

    @Test
    void largestMagnitudeFindsDominantNegativeEigenvalue() {
        double[][] a = TestMatrices.withSpectrum(negativeSpectrum(100), 3);
        EigenResult r = LanczosEigensolver.defaults().withEigenpairs(2)
                .withTarget(EigenTarget.LARGEST_MAGNITUDE).withTolerance(1e-10)
                .solve(DenseSymmetricOperator.wrap(a), ProgressSink.NONE);
        assertEquals(-12.0, r.eigenvalues()[0], 1e-8);
        assertEquals(-11.0, r.eigenvalues()[1], 1e-8);
    }

    @Test
    void repeatedEigenvaluesAreResolvedThroughInvariantSubspaceRestarts() {
        // three distinct eigenvalues: every Krylov space is invariant after 3 steps
        double[] s = new double[60];
        for (int i = 0; i < s.length; i++) {
            s[i] = i < 3 ? 5.0 : (i < 30 ? 1.0 : -2.0);
        }
        double[][] a = TestMatrices.withSpectrum(s, 5);
        TestMatrices.Tally op = new TestMatrices.Tally(a);
        EigenResult r = LanczosEigensolver.defaults().withEigenpairs(3).withEigenvectors(true)
                .solve(op, ProgressSink.NONE);
        assertTrue(r.converged());
        assertArrayEquals(new double[] {5.0, 5.0, 5.0}, r.eigenvalues(), 1e-10);
        assertTrue(r.iterations() <= 9, "iterations " + r.iterations());
        // the three Ritz vectors span the eigenspace: mutually orthogonal
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(0.0, Vectors.dot(r.eigenvectors()[i], r.eigenvectors()[j]), 1e-10);
            }
        }
    }

    @Test
    void identityNeedsOneStepPerEigenpair() {
        double[][] eye = new double[20][20];
        for (int i = 0; i < 20; i++) {
            eye[i][i] = 1.0;
        }
        EigenResult r = LanczosEigensolver.defaults().withEigenpairs(4)
                .solve(DenseSymmetricOperator.wrap(eye), ProgressSink.NONE);
        assertTrue(r.converged());
        assertEquals(4, r.iterations());
        assertArrayEquals(new double[] {1, 1, 1, 1}, r.eigenvalues(), 1e-14);
    }

    @Test
    void dimensionSmallerThanIterationBudgetGivesExactSpectrum() {
        double[][] a = TestMatrices.gaussianSymmetric(8, 21);
        double[] exact = TestMatrices.eigenvaluesDescending(a);
        EigenResult r = LanczosEigensolver.defaults().withEigenpairs(8).withMaxIterations(500)
                .withTolerance(1e-12).solve(DenseSymmetricOperator.wrap(a), ProgressSink.NONE);
        assertTrue(r.converged());
        assertTrue(r.iterations() <= 8);
        assertArrayEquals(exact, r.eigenvalues(), 1e-12);
    }

    @Test
    void oneByOneOperator() {
        EigenResult r = LanczosEigensolver.defaults().solve(
                DenseSymmetricOperator.wrap(new double[][] {{-3.5}}), ProgressSink.NONE);
        assertTrue(r.converged());
        assertEquals(-3.5, r.eigenvalues()[0], 0.0);
        assertEquals(0.0, r.residualNorms()[0], 1e-15);
    }

    @Test
    void exhaustedBudgetIsReportedAsNotConverged() {
        double[][] a = TestMatrices.gaussianSymmetric(400, 12);
        TestMatrices.Tally op = new TestMatrices.Tally(a);
        EigenResult r = LanczosEigensolver.defaults().withEigenpairs(2).withMaxIterations(6)
                .withTolerance(1e-10).solve(op, ProgressSink.NONE);
        assertFalse(r.converged());
        assertEquals(6, r.iterations());
        assertEquals(6, r.hvpCount());
        assertEquals(8, op.calls);
        assertTrue(r.residualNorms()[0] > 1e-10 * Math.abs(r.eigenvalues()[0]));
    }

    @Test
    void eigenvectorStartVectorsAreVerifiedNotTrusted() {
        double[] s = negativeSpectrum(50);
        double[][] a = TestMatrices.withSpectrum(s, 8);
        EigenResult cold = LanczosEigensolver.defaults().withEigenpairs(2).withTolerance(1e-12)
                .withEigenvectors(true).solve(DenseSymmetricOperator.wrap(a), ProgressSink.NONE);
        // starting on the top eigenvector: one step is an invariant subspace, but a caller's
        // vector need not see every eigenspace, so a random restart confirms nothing is larger
        EigenResult top = LanczosEigensolver.defaults().withStartVector(cold.eigenvectors()[0])
                .solve(DenseSymmetricOperator.wrap(a), ProgressSink.NONE);
        assertTrue(top.converged());
        assertEquals(8.0, top.eigenvalues()[0], 1e-9);
        // starting on the second eigenvector must not report 7.9 as the top eigenvalue
        EigenResult second = LanczosEigensolver.defaults().withStartVector(cold.eigenvectors()[1])
                .solve(DenseSymmetricOperator.wrap(a), ProgressSink.NONE);
        assertTrue(second.converged());
        assertEquals(8.0, second.eigenvalues()[0], 8e-4);
        assertTrue(second.relativeResidual(0) < 1e-4);
    }

    @Test
    void eigenvectorsAndResidualsAreOptional() {
        double[][] a = TestMatrices.gaussianSymmetric(60, 4);
        TestMatrices.Tally op = new TestMatrices.Tally(a);
        EigenResult r = LanczosEigensolver.defaults().withEigenpairs(2)
                .withExplicitResiduals(false).solve(op, ProgressSink.NONE);
        assertNull(r.eigenvectors());
        assertTrue(Double.isNaN(r.residualNorms()[0]));
        assertEquals(0, r.residualHvpCount());
        assertEquals(op.calls, r.hvpCount());
        EigenResult withVectors = LanczosEigensolver.defaults().withEigenpairs(2)
                .withEigenvectors(true).solve(op, ProgressSink.NONE);
        assertNotNull(withVectors.eigenvectors());
        assertArrayEquals(r.eigenvalues(), withVectors.eigenvalues(), 0.0);
    }

    @Test
    void rejectsImpossibleRequests() {
        LinearOperator op = DenseSymmetricOperator.wrap(TestMatrices.gaussianSymmetric(5, 1));
        assertThrows(IllegalArgumentException.class,
                () -> LanczosEigensolver.defaults().withEigenpairs(6).solve(op, ProgressSink.NONE));
        assertThrows(IllegalArgumentException.class, () -> LanczosEigensolver.defaults()
                .withEigenpairs(3).withMaxIterations(2).solve(op, ProgressSink.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> LanczosEigensolver.defaults().withTolerance(0.0));
        assertThrows(IllegalArgumentException.class, () -> LanczosEigensolver.defaults()
                .withStartVector(new double[5]).solve(op, ProgressSink.NONE));
    }
}
