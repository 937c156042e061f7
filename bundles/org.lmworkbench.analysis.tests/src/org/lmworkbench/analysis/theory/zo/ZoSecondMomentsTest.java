package org.lmworkbench.analysis.theory.zo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The per-mode second-moment recursion against the covariance map written from its definition
 * ({@code Sigma' = A Sigma A^T + h^2 N(Sigma_xx)} on the state {@code (x, x_prev)} of a quadratic with
 * a rotated, non-diagonal Hessian), and its growth factor against the critical step.
 */
class ZoSecondMomentsTest {

    private static final double[] LAMBDA = ZoCriticalStepTest.LAMBDA;

    @Test
    void growthFactorIsOneAtTheCriticalStep() {
        for (ZoSettings s : ZoCriticalStepTest.settings()) {
            double e = ZoCriticalStep.of(LAMBDA, s);
            assertEquals(1, ZoSecondMoments.of(LAMBDA, e, s).growthFactor(), 1e-10, s.label());
            assertTrue(ZoSecondMoments.of(LAMBDA, 0.97 * e, s).growthFactor() < 1, s.label());
            assertTrue(ZoSecondMoments.of(LAMBDA, 1.03 * e, s).growthFactor() > 1, s.label());
        }
    }

    @Test
    void oneCoordinateHasTheTextbookFactor() {
        // x' = x - eta u^2 l x with E u^4 = 3: E x'^2 = (1 - 2 eta l + 3 eta^2 l^2) x^2
        for (double eta : new double[] {0.1, 0.5, 0.9}) {
            double expected = 1 - 2 * eta * 2 + 3 * eta * eta * 4;
            assertEquals(expected, ZoSecondMoments.of(new double[] {2}, eta, ZoSettings.gd()).growthFactor(), 1e-12);
        }
    }

    @Test
    void growthFactorIsTheSpectralRadiusOfTheFullCovarianceMap() {
        RealMatrix q = randomOrthogonal(LAMBDA.length, 11);
        RealMatrix h = q.multiply(new Array2DRowRealMatrix(diagonal(LAMBDA))).multiply(q.transpose());
        for (ZoSettings s : ZoCriticalStepTest.settings()) {
            double e = ZoCriticalStep.of(LAMBDA, s);
            for (double f : new double[] {0.8, 1.25}) {
                double expected = spectralRadius(covarianceMap(h.getData(), s.effectiveStep(f * e), s));
                assertEquals(expected, ZoSecondMoments.of(LAMBDA, f * e, s).growthFactor(), 1e-9 * expected,
                        s.label() + " at " + f + " eta*");
            }
        }
    }

    @Test
    void startedFromTheDominantShapeTheNormGrowsGeometrically() {
        for (ZoSettings s : ZoCriticalStepTest.settings()) {
            double e = ZoCriticalStep.of(LAMBDA, s);
            for (double f : new double[] {0.9, 1.1}) {
                ZoSecondMoments m = ZoSecondMoments.of(LAMBDA, f * e, s);
                ZoSecondMoments.ModeMoments shape = m.dominantShape();
                assertEquals(1, shape.squaredNorm(), 1e-12);
                double[] norms = m.expectedSquaredNorm(shape, 50);
                double rho = m.growthFactor();
                for (int t = 0; t <= 50; t++) {
                    assertEquals(Math.pow(rho, t), norms[t], 1e-9 * Math.pow(rho, t), s.label() + " t = " + t);
                }
            }
        }
    }

    @Test
    void propagationMatchesTheFullCovarianceMapStepByStep() {
        RealMatrix q = randomOrthogonal(LAMBDA.length, 12);
        RealMatrix h = q.multiply(new Array2DRowRealMatrix(diagonal(LAMBDA))).multiply(q.transpose());
        ZoSettings s = ZoSettings.gdm(0.5).withDirections(2);
        double eta = 1.2 * ZoCriticalStep.of(LAMBDA, s);
        // x0 with covariance I in the original coordinates is also I along the eigenvectors
        double[] predicted = ZoSecondMoments.of(LAMBDA, eta, s).expectedSquaredNorm(ones(LAMBDA.length), 30);
        int d = LAMBDA.length;
        double[][] sigma = new double[2 * d][2 * d];
        for (int i = 0; i < d; i++) {
            sigma[i][i] = sigma[i + d][i + d] = sigma[i][i + d] = sigma[i + d][i] = 1;
        }
        for (int t = 1; t <= 30; t++) {
            sigma = applyMap(sigma, h.getData(), s.effectiveStep(eta), s);
            double trace = 0;
            for (int i = 0; i < d; i++) {
                trace += sigma[i][i];
            }
            assertEquals(trace, predicted[t], 1e-10 * trace, "t = " + t);
        }
    }

    @Test
    void flatAndNegativeDirectionsPinTheFactor() {
        double[] withZeros = {1, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0, 0};
        double e = ZoCriticalStep.of(withZeros, ZoSettings.gd());
        ZoSecondMoments below = ZoSecondMoments.of(withZeros, 0.9 * e, ZoSettings.gd());
        assertEquals(1, below.growthFactor(), 1e-15, "flat directions keep what they receive");
        assertThrows(IllegalStateException.class, below::dominantShape);
        double above = ZoSecondMoments.of(withZeros, 1.1 * e, ZoSettings.gd()).growthFactor();
        assertEquals(ZoSecondMoments.of(LAMBDA, 1.1 * e, ZoSettings.gd()).growthFactor(), above, 1e-12);
        double[] negative = {1, 0.5, -0.01};
        for (double eta : new double[] {1e-3, 0.1, 0.5}) {
            assertTrue(ZoSecondMoments.of(negative, eta, ZoSettings.gd()).growthFactor() > 1, "eta " + eta);
        }
        assertEquals(1, ZoSecondMoments.of(new double[] {0, 0}, 0.3, ZoSettings.gdm(0.9)).growthFactor(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ZoSecondMoments.of(new double[0], 0.1, ZoSettings.gd()));
        assertThrows(IllegalArgumentException.class, () -> ZoSecondMoments.of(LAMBDA, -0.1, ZoSettings.gd()));
    }

    /** The covariance map on symmetric 2d x 2d matrices of the state (x, x_prev), as a matrix over vech. */
    static double[][] covarianceMap(double[][] h, double step, ZoSettings s) {
        int n = 2 * h.length;
        int size = n * (n + 1) / 2;
        double[][] map = new double[size][size];
        int col = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double[][] basis = new double[n][n];
                basis[a][b] = basis[b][a] = 1;
                double[][] image = applyMap(basis, h, step, s);
                int row = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = i; j < n; j++) {
                        map[row++][col] = image[i][j];
                    }
                }
                col++;
            }
        }
        return map;
    }

    /**
     * One step of {@code Sigma' = A Sigma A^T + [[h^2 (q H S H + c tr(H S H) I), 0], [0, 0]]} with
     * {@code A = [[(1 + beta) I - h H, -beta I], [I, 0]]} and {@code S} the x block of Sigma.
     */
    static double[][] applyMap(double[][] sigma, double[][] h, double step, ZoSettings s) {
        int d = h.length;
        double beta = s.beta();
        RealMatrix hm = new Array2DRowRealMatrix(h);
        RealMatrix a = new Array2DRowRealMatrix(2 * d, 2 * d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a.setEntry(i, j, (i == j ? 1 + beta : 0) - step * h[i][j]);
            }
            a.setEntry(i, i + d, -beta);
            a.setEntry(i + d, i, 1);
        }
        RealMatrix out = a.multiply(new Array2DRowRealMatrix(sigma)).multiply(a.transpose());
        RealMatrix hsh = hm.multiply(new Array2DRowRealMatrix(sigma).getSubMatrix(0, d - 1, 0, d - 1)).multiply(hm);
        double trace = hsh.getTrace();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double noise = s.selfNoise() * hsh.getEntry(i, j) + (i == j ? s.crossNoise() * trace : 0);
                out.addToEntry(i, j, step * step * noise);
            }
        }
        return out.getData();
    }

    /**
     * The spectral radius of a cone-preserving map by power iteration from the identity (inside the
     * cone, so it has a component along the Perron vector). Commons Math's Schur form does not
     * converge on these matrices, whose many eigenvalues coincide.
     */
    static double spectralRadius(double[][] m) {
        int n = m.length;
        double[] v = new double[n];
        double[] next = new double[n];
        for (int i = 0, k = 0; i < 2 * LAMBDA.length; i++) {
            for (int j = i; j < 2 * LAMBDA.length; j++, k++) {
                v[k] = i == j ? 1 : 0;
            }
        }
        double norm = 0;
        for (int it = 0; it < 2500; it++) {
            norm = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += m[i][j] * v[j];
                }
                next[i] = s;
                norm += s * s;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                v[i] = next[i] / norm;
            }
        }
        return norm;
    }

    static RealMatrix randomOrthogonal(int n, long seed) {
        Well19937c rng = new Well19937c(seed);
        double[][] g = new double[n][n];
        for (double[] row : g) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return new QRDecomposition(new Array2DRowRealMatrix(g)).getQ();
    }

    private static double[][] diagonal(double[] values) {
        double[][] m = new double[values.length][values.length];
        for (int i = 0; i < values.length; i++) {
            m[i][i] = values[i];
        }
        return m;
    }

    private static double[] ones(int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1);
        return x;
    }
}
