package org.lmworkbench.analysis.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Operator adapters, application counting and the progress/cancellation hook.
 */
class OperatorsAndProgressTest {

    private static final double[][] A = TestMatrices.gaussianSymmetric(120, 71);

    /** Records worked units and cancels once a limit is reached. */
    private static final class RecordingSink implements ProgressSink {
        final long cancelAfter;
        long worked;
        long announced = -1;
        int polls;

        RecordingSink(long cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void begin(String taskName, long maxHvps) {
            announced = maxHvps;
        }

        @Override
        public void worked(int hvps) {
            assertTrue(hvps > 0);
            worked += hvps;
        }

        @Override
        public boolean isCanceled() {
            polls++;
            return worked >= cancelAfter;
        }
    }

    static Stream<Arguments> algorithms() {
        return Stream.of(
                Arguments.of("lanczos", (Function<ProgressSink, Long>) s -> LanczosEigensolver
                        .defaults().withEigenpairs(3).withTolerance(1e-12).withMaxIterations(120)
                        .solve(new CountingOperator(DenseSymmetricOperator.wrap(A)), s)
                        .totalHvpCount()),
                Arguments.of("power", (Function<ProgressSink, Long>) s -> PowerIteration
                        .defaults().withEigenpairs(2)
                        .solve(DenseSymmetricOperator.wrap(A), s).totalHvpCount()),
                Arguments.of("hutchinson", (Function<ProgressSink, Long>) s ->
                        HutchinsonTraceEstimator.defaults().withProbes(50)
                                .estimate(DenseSymmetricOperator.wrap(A), s).hvpCount()),
                Arguments.of("hutch++", (Function<ProgressSink, Long>) s ->
                        HutchPlusPlusTraceEstimator.defaults().withBudget(60)
                                .estimate(DenseSymmetricOperator.wrap(A), s).hvpCount()),
                Arguments.of("slq", (Function<ProgressSink, Long>) s ->
                        StochasticLanczosQuadrature.defaults().withRuns(3).withSteps(30)
                                .estimate(DenseSymmetricOperator.wrap(A), s).hvpCount()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void everyApplicationIsReportedAndBoundedByTheAnnouncement(String name,
            Function<ProgressSink, Long> run) {
        RecordingSink sink = new RecordingSink(Long.MAX_VALUE);
        long hvps = run.apply(sink);
        assertEquals(hvps, sink.worked, name);
        assertTrue(sink.announced >= hvps, name + " announced " + sink.announced);
        assertTrue(sink.polls >= hvps / 2, name + " polls " + sink.polls);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void cancellationStopsPromptly(String name, Function<ProgressSink, Long> run) {
        RecordingSink sink = new RecordingSink(7);
        assertThrows(CancellationException.class, () -> run.apply(sink));
        assertEquals(7, sink.worked, name + " must stop before the next application");
    }

    @Test
    void countingOperatorCountsAndResets() {
        CountingOperator c = new CountingOperator(DenseSymmetricOperator.wrap(A));
        EigenResult r = LanczosEigensolver.defaults().withEigenpairs(2).solve(c, ProgressSink.NONE);
        assertEquals(r.totalHvpCount(), c.count());
        c.reset();
        assertEquals(0, c.count());
        c.apply(new double[120], new double[120]);
        assertEquals(1, c.count());
        assertEquals(120, c.dimension());
    }

    @Test
    void denseOperatorMatchesCommonsMath() {
        double[] v = new double[120];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.cos(i);
        }
        double[] out = new double[120];
        java.util.Arrays.fill(out, Double.NaN); // stale content must be overwritten
        DenseSymmetricOperator.of(new Array2DRowRealMatrix(A)).apply(v, out);
        assertArrayEquals(new Array2DRowRealMatrix(A).operate(v), out, 1e-13);
    }

    @Test
    void denseOperatorValidatesShapeAndSymmetry() {
        assertThrows(IllegalArgumentException.class,
                () -> DenseSymmetricOperator.wrap(new double[][] {{1, 2}, {2.1, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> DenseSymmetricOperator.wrap(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class,
                () -> DenseSymmetricOperator.wrap(new double[0][0]));
        // the check can be skipped for large matrices known to be symmetric
        DenseSymmetricOperator.wrap(new double[][] {{1, 2}, {2.1, 1}}, -1);
        double[] v = {1, 2};
        assertThrows(IllegalArgumentException.class,
                () -> DenseSymmetricOperator.wrap(new double[][] {{1, 0}, {0, 1}}).apply(v, v));
    }
}
