package org.lmworkbench.analysis.theory.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * FACT at critical points of weight-decayed losses, in float64: a ridge-regularized linear map in
 * closed form, and a one-hidden-layer tanh network ({@code 5 -> 10 -> 2}, no biases, 24 examples,
 * {@code lambda = 0.05}) trained by full-batch gradient descent until the gradient vanishes, with
 * its backpropagation checked against central differences. Before training the correlation is far
 * from 1.
 */
class FeaturesAtConvergenceTest {

    private static final int N = 24;
    private static final int IN = 5;
    private static final int HIDDEN = 10;
    private static final int OUT = 2;
    private static final double LAMBDA = 0.05;

    private final double[][] x = new double[N][IN];
    private final double[][] y = new double[N][OUT];

    FeaturesAtConvergenceTest() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < IN; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i][0] = Math.sin(x[i][0]) + x[i][1] * x[i][2];
            y[i][1] = Math.cos(x[i][3]);
        }
    }

    @Test
    void ridgeSolutionSatisfiesTheRelationExactly() {
        // W = (Y^T X / n) (X^T X / n + lambda I)^-1 minimizes (1/2n) sum |W x - y|^2 + (lambda/2)|W|^2
        RealMatrix xm = new Array2DRowRealMatrix(x);
        RealMatrix ym = new Array2DRowRealMatrix(y);
        RealMatrix gram = xm.transpose().multiply(xm).scalarMultiply(1.0 / N)
                .add(MatrixUtils.createRealIdentityMatrix(IN).scalarMultiply(LAMBDA));
        RealMatrix w = ym.transpose().multiply(xm).scalarMultiply(1.0 / N)
                .multiply(new LUDecomposition(gram).getSolver().getInverse());
        double[][] g = new double[N][];
        for (int i = 0; i < N; i++) {
            // loss_i = |W x_i - y_i|^2 / 2, so d loss_i / d x_i = W^T (W x_i - y_i)
            double[] residual = w.operate(x[i]);
            for (int o = 0; o < OUT; o++) {
                residual[o] -= y[i][o];
            }
            g[i] = w.transpose().operate(residual);
        }
        FactCorrelation c = FeaturesAtConvergence.correlate(w.getData(), x, g, LAMBDA);
        assertTrue(c.relativeResidual() < 1e-12, c.toString());
        assertEquals(1, c.raw(), 1e-12);
        assertEquals(1, c.psd(), 1e-12);
    }

    @Test
    void trainedNetworkSatisfiesTheRelationAndInitDoesNot() {
        Net net = new Net(new SplittableRandom(9));
        net.checkGradientByFiniteDifferences();
        FactCorrelation[] init = net.fact();
        int steps = 0;
        while (net.step(0.2) > 1e-9 && steps < 60_000) {
            steps++;
        }
        assertTrue(net.gradientNorm() < 1e-9, "converged to a critical point after " + steps + " steps: "
                + net.gradientNorm());
        FactCorrelation[] end = net.fact();
        for (int layer = 0; layer < 2; layer++) {
            String what = "layer " + (layer + 1) + ": init " + init[layer] + ", converged " + end[layer];
            assertTrue(1 - end[layer].raw() < 1e-6, what);
            assertTrue(1 - end[layer].symmetric() < 1e-6, what);
            assertTrue(1 - end[layer].psd() < 1e-6, what);
            assertTrue(end[layer].relativeResidual() < 1e-6, what);
            assertTrue(init[layer].raw() < 0.9, what);
            assertTrue(net.weightNorm() > 0.1, "not the trivial critical point W = 0");
        }
    }

    @Test
    void shapesAndBatchesAreChecked() {
        FactSum sum = new FactSum(2);
        sum.add(new double[][] {{1, 2}}, new double[][] {{3, 4}});
        sum.add(new double[][] {{0, 1}}, new double[][] {{1, 0}});
        // sum g h^T = [[3, 6], [4, 8]] + [[0, 1], [0, 0]], times -1/(n lambda) = -1/(2 * 0.5)
        double[][] m = sum.rightHandSide(2, 0.5);
        assertEquals(-3, m[0][0]);
        assertEquals(-7, m[0][1]);
        assertEquals(-4, m[1][0]);
        assertEquals(-8, m[1][1]);
        assertEquals(2, sum.rows());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sum.add(new double[][] {{1, 2}, {1}}, new double[][] {{1, 2}, {1, 2}}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sum.rightHandSide(2, 0));
        assertThrows(IllegalArgumentException.class,
                () -> FeaturesAtConvergence.correlate(new double[][] {{1, 2, 3}}, new double[][] {{1, 0}, {0, 1}}));
        double[][] psd = FeaturesAtConvergence.psdPart(new double[][] {{1, 0}, {0, -2}});
        assertEquals(1, psd[0][0], 1e-15);
        assertEquals(0, psd[1][1], 1e-15);
    }

    /** z = W1 x, a = tanh z, f = W2 a; loss (1/n) sum |f - y|^2 / 2 + (lambda/2)(|W1|^2 + |W2|^2). */
    private final class Net {
        final double[][] w1 = new double[HIDDEN][IN];
        final double[][] w2 = new double[OUT][HIDDEN];
        double[][] gw1 = new double[HIDDEN][IN];
        double[][] gw2 = new double[OUT][HIDDEN];
        final double[][] a = new double[N][HIDDEN];
        final double[][] gradInput = new double[N][IN];
        final double[][] gradHidden = new double[N][HIDDEN];

        Net(SplittableRandom rng) {
            for (double[] row : w1) {
                for (int j = 0; j < IN; j++) {
                    row[j] = rng.nextGaussian() / Math.sqrt(IN);
                }
            }
            for (double[] row : w2) {
                for (int j = 0; j < HIDDEN; j++) {
                    row[j] = rng.nextGaussian() / Math.sqrt(HIDDEN);
                }
            }
        }

        /** Loss and, into gw1/gw2/gradInput/gradHidden, its gradients. */
        double lossAndGradients() {
            double loss = 0;
            for (double[] row : gw1) {
                java.util.Arrays.fill(row, 0);
            }
            for (double[] row : gw2) {
                java.util.Arrays.fill(row, 0);
            }
            for (int i = 0; i < N; i++) {
                for (int h = 0; h < HIDDEN; h++) {
                    double z = 0;
                    for (int j = 0; j < IN; j++) {
                        z += w1[h][j] * x[i][j];
                    }
                    a[i][h] = Math.tanh(z);
                }
                java.util.Arrays.fill(gradHidden[i], 0);
                for (int o = 0; o < OUT; o++) {
                    double f = 0;
                    for (int h = 0; h < HIDDEN; h++) {
                        f += w2[o][h] * a[i][h];
                    }
                    double r = f - y[i][o];
                    loss += 0.5 * r * r / N;
                    for (int h = 0; h < HIDDEN; h++) {
                        gw2[o][h] += r * a[i][h] / N;
                        gradHidden[i][h] += w2[o][h] * r;
                    }
                }
                java.util.Arrays.fill(gradInput[i], 0);
                for (int h = 0; h < HIDDEN; h++) {
                    double delta = gradHidden[i][h] * (1 - a[i][h] * a[i][h]);
                    for (int j = 0; j < IN; j++) {
                        gw1[h][j] += delta * x[i][j] / N;
                        gradInput[i][j] += w1[h][j] * delta;
                    }
                }
            }
            loss += 0.5 * LAMBDA * (squares(w1) + squares(w2));
            add(gw1, w1, LAMBDA);
            add(gw2, w2, LAMBDA);
            return loss;
        }

        /** One gradient step; returns the gradient norm before it. */
        double step(double eta) {
            lossAndGradients();
            double norm = Math.sqrt(squares(gw1) + squares(gw2));
            add(w1, gw1, -eta);
            add(w2, gw2, -eta);
            return norm;
        }

        double gradientNorm() {
            lossAndGradients();
            return Math.sqrt(squares(gw1) + squares(gw2));
        }

        double weightNorm() {
            return Math.sqrt(squares(w1) + squares(w2));
        }

        FactCorrelation[] fact() {
            lossAndGradients();
            return new FactCorrelation[] {FeaturesAtConvergence.correlate(w1, x, gradInput, LAMBDA),
                FeaturesAtConvergence.correlate(w2, a, gradHidden, LAMBDA)};
        }

        void checkGradientByFiniteDifferences() {
            lossAndGradients();
            double[][] analytic1 = copy(gw1);
            double[][] analytic2 = copy(gw2);
            double eps = 1e-6;
            for (double[][][] pair : new double[][][][] {{w1, analytic1}, {w2, analytic2}}) {
                double[][] w = pair[0];
                for (int r = 0; r < w.length; r++) {
                    for (int c = 0; c < w[0].length; c++) {
                        double keep = w[r][c];
                        w[r][c] = keep + eps;
                        double plus = lossAndGradients();
                        w[r][c] = keep - eps;
                        double minus = lossAndGradients();
                        w[r][c] = keep;
                        assertEquals((plus - minus) / (2 * eps), pair[1][r][c], 1e-8, "dL/dW at " + r + "," + c);
                    }
                }
            }
            lossAndGradients();
        }
    }

    private static double squares(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }

    private static void add(double[][] target, double[][] m, double scale) {
        for (int i = 0; i < target.length; i++) {
            for (int j = 0; j < target[i].length; j++) {
                target[i][j] += scale * m[i][j];
            }
        }
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
