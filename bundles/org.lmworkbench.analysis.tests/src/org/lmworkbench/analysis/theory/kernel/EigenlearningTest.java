package org.lmworkbench.analysis.theory.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.junit.jupiter.api.Test;

/**
 * Eigenlearning against the REFERENCES numbers (2000 modes, {@code lambda_i = i^-2}, {@code v_i}
 * proportional to {@code 1/i}, no noise, no ridge: test MSE 0.1355 at n = 10, 0.02881 at n = 50) and
 * against kernel ridge regression simulated in this test: features {@code z ~ N(0, I_2000)} so that
 * the kernel {@code K(x, x') = sum_k lambda_k z_k z'_k} has exactly the eigenvalues {@code lambda_k},
 * the target {@code f = sum_k v_k z_k}; the fitted coefficients are
 * {@code v^_k = lambda_k (Z^T alpha)_k} with {@code alpha = (K + delta I)^-1 y}, so the test MSE is
 * {@code |v^ - v|^2 + eps^2} exactly in expectation over test points, averaged over seeds.
 */
class EigenlearningTest {

    private static final int MODES = 2000;
    private static final double[] LAMBDA = new double[MODES];
    private static final double[] V = new double[MODES];

    static {
        double norm = 0;
        for (int i = 0; i < MODES; i++) {
            LAMBDA[i] = Math.pow(i + 1, -2);
            V[i] = 1.0 / (i + 1);
            norm += V[i] * V[i];
        }
        for (int i = 0; i < MODES; i++) {
            V[i] /= Math.sqrt(norm);
        }
    }

    @Test
    void reproducesTheReferenceLearningCurve() {
        Eigenlearning e = Eigenlearning.of(LAMBDA, V, 0, 0);
        LearningCurvePoint[] curve = e.learningCurve(10, 50);
        assertEquals(0.1355, curve[0].testMse(), 5e-5);
        assertEquals(0.02881, curve[1].testMse(), 5e-6);
        assertEquals(0, curve[0].trainMse(), "interpolation: no training error without a ridge");
        for (LearningCurvePoint p : curve) {
            double sum = 0;
            for (double l : LAMBDA) {
                sum += l / (l + p.kappa());
            }
            assertEquals(p.n(), sum, 1e-10, "kappa solves the constraint at n = " + p.n());
            assertEquals(p.n(), p.learnabilitySum(), 1e-10);
        }
        assertEquals(e.predict(50).testMse(), Eigenlearning.of(LAMBDA, V, 1e-14, 0).predict(50).testMse(), 1e-9,
                "delta -> 0 is continuous");
    }

    @Test
    void ridgelessKernelRegressionMatchesWithinAFewPercent() {
        Eigenlearning e = Eigenlearning.of(LAMBDA, V, 0, 0);
        for (int[] setting : new int[][] {{10, 400}, {50, 200}}) {
            int n = setting[0];
            double[] sim = simulate(n, setting[1], 0, 0, 31L * n);
            double predicted = e.predict(n).testMse();
            String what = "n = " + n + ": predicted " + predicted + ", simulated " + sim[0] + " +- " + sim[1];
            assertEquals(predicted, sim[0], 0.05 * predicted, what);
            assertTrue(sim[1] < 0.03 * sim[0], "the simulation resolves a few per cent: " + what);
        }
    }

    @Test
    void ridgeAndNoiseMatchInTestAndTrainError() {
        double ridge = 1e-2;
        double noise = 0.01;
        LearningCurvePoint p = Eigenlearning.of(LAMBDA, V, ridge, noise).predict(30);
        double[] sim = simulate(30, 300, ridge, noise, 77);
        String what = p + " vs simulated test " + sim[0] + " +- " + sim[1] + ", train " + sim[2] + " +- " + sim[3];
        assertEquals(p.testMse(), sim[0], 0.05 * p.testMse(), what);
        assertEquals(p.trainMse(), sim[2], 0.05 * p.trainMse(), what);
        assertEquals(30 - ridge / p.kappa(), p.learnabilitySum(), 1e-10);
    }

    @Test
    void badInputsAreNamed() {
        Eigenlearning e = Eigenlearning.of(new double[] {1, 0.5, 0}, new double[] {1, 1, 1}, 0, 0);
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> e.predict(2));
        assertTrue(tooMany.getMessage().contains("positive eigenvalues (2)"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.predict(0));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Eigenlearning.of(new double[] {1, -0.1}, new double[] {1, 1}, 0, 0));
        assertTrue(negative.getMessage().contains("eigenvalue 1"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Eigenlearning.of(new double[] {1}, new double[] {1, 2}, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Eigenlearning.of(new double[] {1}, new double[] {1}, -1, 0));
        // with a ridge, any n has a solution
        assertTrue(Eigenlearning.of(new double[] {1, 0.5, 0}, new double[] {1, 1, 1}, 0.1, 0).predict(100).kappa() > 0);
    }

    /** {mean test MSE, its standard error, mean train MSE, its standard error} over seeds. */
    private static double[] simulate(int n, int seeds, double ridge, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] test = new double[seeds];
        double[] train = new double[seeds];
        double[][] z = new double[n][MODES];
        for (int s = 0; s < seeds; s++) {
            double[] y = new double[n];
            for (int a = 0; a < n; a++) {
                for (int k = 0; k < MODES; k++) {
                    z[a][k] = rng.nextGaussian();
                    y[a] += V[k] * z[a][k];
                }
                y[a] += Math.sqrt(noise) * rng.nextGaussian();
            }
            double[][] kernel = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b <= a; b++) {
                    double sum = 0;
                    for (int k = 0; k < MODES; k++) {
                        sum += LAMBDA[k] * z[a][k] * z[b][k];
                    }
                    kernel[a][b] = kernel[b][a] = sum;
                }
                kernel[a][a] += ridge;
            }
            double[] alpha = new CholeskyDecomposition(new Array2DRowRealMatrix(kernel, false), 1e-14, 1e-300)
                    .getSolver().solve(new ArrayRealVector(y)).toArray();
            double error = 0;
            for (int k = 0; k < MODES; k++) {
                double fitted = 0;
                for (int a = 0; a < n; a++) {
                    fitted += z[a][k] * alpha[a];
                }
                fitted *= LAMBDA[k];
                error += (fitted - V[k]) * (fitted - V[k]);
            }
            test[s] = error + noise;
            double residual = 0;
            for (double a : alpha) {
                residual += ridge * ridge * a * a;
            }
            train[s] = residual / n;
        }
        double[] t = meanAndError(test);
        double[] r = meanAndError(train);
        return new double[] {t[0], t[1], r[0], r[1]};
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
