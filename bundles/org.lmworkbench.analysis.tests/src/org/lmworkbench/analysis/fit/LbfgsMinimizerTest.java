package org.lmworkbench.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The hand-written L-BFGS on textbook problems with known minima. */
class LbfgsMinimizerTest {

    private static final LbfgsMinimizer.Settings TIGHT =
            new LbfgsMinimizer.Settings(10, 10000, 1e-12, 0, 30);

    @Test
    void rosenbrockFromTheClassicStart() {
        LbfgsMinimizer.DifferentiableFunction rosen = new LbfgsMinimizer.DifferentiableFunction() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double a = 1 - x[0];
                double b = x[1] - x[0] * x[0];
                if (g != null) {
                    g[0] = -2 * a - 400 * x[0] * b;
                    g[1] = 200 * b;
                }
                return a * a + 100 * b * b;
            }
        };
        LbfgsMinimizer.Result r = new LbfgsMinimizer(TIGHT).minimize(rosen, new double[] {-1.2, 1});
        assertEquals(1, r.point()[0], 1e-9);
        assertEquals(1, r.point()[1], 1e-9);
        assertTrue(r.iterations() < 100, "iterations " + r.iterations());
    }

    @Test
    void illConditionedQuadratic() {
        int n = 20;
        LbfgsMinimizer.DifferentiableFunction q = new LbfgsMinimizer.DifferentiableFunction() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double f = 0;
                for (int i = 0; i < n; i++) {
                    double c = Math.pow(10, 4.0 * i / (n - 1));
                    double d = x[i] - i;
                    f += 0.5 * c * d * d;
                    if (g != null) {
                        g[i] = c * d;
                    }
                }
                return f;
            }
        };
        LbfgsMinimizer.Result r = new LbfgsMinimizer(TIGHT).minimize(q, new double[n]);
        for (int i = 0; i < n; i++) {
            assertEquals(i, r.point()[i], 1e-9);
        }
        assertEquals(LbfgsMinimizer.Status.GRADIENT_CONVERGED, r.status());
    }

    @Test
    void overflowingTrialStepsAreShrunkNotFatal() {
        // exp(x) - x has its minimum at 0; a first step far to the right overflows.
        LbfgsMinimizer.DifferentiableFunction f = new LbfgsMinimizer.DifferentiableFunction() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                if (g != null) {
                    g[0] = Math.exp(x[0]) - 1;
                }
                return Math.exp(x[0]) - x[0];
            }
        };
        LbfgsMinimizer.Result r = new LbfgsMinimizer(TIGHT).minimize(f, new double[] {-800});
        assertEquals(0, r.point()[0], 1e-8);
    }
}
