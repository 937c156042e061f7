package org.lmworkbench.analysis.theory.deeplinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The mode trajectories of a two-layer linear network (Saxe et al. 2014) against the REFERENCES
 * setting {@code s = (3, 2, 1), u0 = 1e-3, eta = 0.01} (half-times 133, 190, 345 predicted; gradient
 * descent 135, 192, 347), a numerical integration of the flow, and a gradient-descent simulation.
 */
class SaxeModesTest {

    private static final double[] S = {3, 2, 1};
    private static final double U0 = 1e-3;
    private static final double ETA = 0.01;

    @Test
    void halfTimesOfTheReferenceSetting() {
        SaxeModes modes = SaxeModes.of(S, U0, ETA);
        long[] expected = {133, 190, 345};
        for (int a = 0; a < 3; a++) {
            assertEquals(expected[a], Math.round(modes.halfTime(a)), "exact, mode " + a);
            assertEquals(expected[a], Math.round(modes.approximateHalfTime(a)), "approximate, mode " + a);
            assertEquals(100 / (2 * S[a]) * Math.log(S[a] / U0 - 1), modes.halfTime(a), 1e-12);
            assertEquals(S[a] / 2, modes.value(a, modes.halfTime(a)), 1e-12);
            assertEquals(U0, modes.value(a, 0), 1e-15);
        }
    }

    @Test
    void closedFormSolvesTheFlow() {
        // tau du/dt = 2 u (s - u), integrated by classical Runge-Kutta with step 0.01
        SaxeModes modes = SaxeModes.of(S, U0, ETA);
        for (int a = 0; a < 3; a++) {
            double s = S[a];
            double u = U0;
            double h = 0.01;
            for (int k = 1; k <= 60_000; k++) {
                double k1 = flow(u, s);
                double k2 = flow(u + h / 2 * k1, s);
                double k3 = flow(u + h / 2 * k2, s);
                double k4 = flow(u + h * k3, s);
                u += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
                if (k % 1000 == 0) {
                    assertEquals(modes.value(a, k * h), u, 1e-9 * s, "mode " + a + " at t = " + k * h);
                }
            }
        }
    }

    private static double flow(double u, double s) {
        return 2 * ETA * u * (s - u);
    }

    @Test
    void gradientDescentOnATwoLayerNetworkMatchesTheHalfTimes() {
        Well19937c rng = new Well19937c(3);
        int out = 4;
        int in = 5;
        int hidden = 6;
        RealMatrix u = DeepLinearNet.randomOrthogonal(out, rng).getSubMatrix(0, out - 1, 0, 2);
        RealMatrix v = DeepLinearNet.randomOrthogonal(in, rng).getSubMatrix(0, in - 1, 0, 2);
        RealMatrix o = DeepLinearNet.randomOrthogonal(hidden, rng).getSubMatrix(0, hidden - 1, 0, 2);
        RealMatrix syx = u.multiply(MatrixUtils.createRealDiagonalMatrix(S)).multiply(v.transpose());
        // balanced (W1 W1^T = W2^T W2) and aligned with the modes: W2 W1 = u0 U V^T
        RealMatrix w1 = o.multiply(v.transpose()).scalarMultiply(Math.sqrt(U0));
        RealMatrix w2 = u.multiply(o.transpose()).scalarMultiply(Math.sqrt(U0));
        DeepLinearNet net = new DeepLinearNet(DeepLinearNet.identity(in), syx, List.of(w1, w2));
        int steps = 1000;
        double[] t = new double[steps + 1];
        double[][] projection = new double[3][steps + 1];
        for (int k = 0; k <= steps; k++) {
            t[k] = k;
            RealMatrix p = net.product();
            for (int a = 0; a < 3; a++) {
                projection[a][k] = u.getColumnVector(a).dotProduct(p.operate(v.getColumnVector(a)));
            }
            net.step(ETA);
        }
        SaxeModes modes = SaxeModes.of(S, U0, ETA);
        for (int a = 0; a < 3; a++) {
            double measured = SaxeModes.crossingTime(t, projection[a], S[a] / 2);
            double predicted = modes.halfTime(a);
            assertEquals(predicted, measured, 0.02 * predicted, "mode " + a + ": measured " + measured);
            assertTrue(measured > predicted, "gradient descent lags the flow: " + measured + " vs " + predicted);
            assertEquals(S[a], projection[a][steps], 1e-3 * S[a], "learned by the end");
        }
    }

    @Test
    void crossingTimeAndBadInputs() {
        double[] t = {0, 10, 20, 30};
        assertEquals(15, SaxeModes.crossingTime(t, new double[] {0, 1, 3, 4}, 2), 1e-15);
        assertEquals(0, SaxeModes.crossingTime(t, new double[] {5, 1, 3, 4}, 2));
        assertTrue(Double.isNaN(SaxeModes.crossingTime(t, new double[] {0, 1, 1, 1}, 2)));
        assertThrows(IllegalArgumentException.class, () -> SaxeModes.of(S, 3.5, ETA));
        assertThrows(IllegalArgumentException.class, () -> SaxeModes.of(new double[] {-1}, 1e-3, ETA));
        assertThrows(IllegalArgumentException.class, () -> SaxeModes.of(S, U0, 0));
    }
}
