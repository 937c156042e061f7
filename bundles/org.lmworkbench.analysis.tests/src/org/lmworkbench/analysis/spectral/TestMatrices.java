package org.lmworkbench.analysis.spectral;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Seeded dense test matrices and independent reference computations (commons-math dense
 * eigendecomposition, explicit sums) used as ground truth by the spectral tests.
 */
final class TestMatrices {

    private TestMatrices() {
    }

    /** Haar-like random orthogonal matrix: Q factor of a Gaussian matrix. */
    static RealMatrix randomOrthogonal(int n, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        double[][] g = new double[n][n];
        for (double[] row : g) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return new QRDecomposition(new Array2DRowRealMatrix(g, false)).getQ();
    }

    /** {@code Q diag(spectrum) Q^T} with random orthogonal {@code Q}, exactly symmetrised. */
    static double[][] withSpectrum(double[] spectrum, long seed) {
        int n = spectrum.length;
        RealMatrix q = randomOrthogonal(n, seed);
        double[][] qd = q.getData();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0.0;
                for (int l = 0; l < n; l++) {
                    s += qd[i][l] * spectrum[l] * qd[j][l];
                }
                a[i][j] = s;
                a[j][i] = s;
            }
        }
        return a;
    }

    /** Wigner matrix {@code (G + G^T) / sqrt(2n)}: semicircle spectrum on about [-2, 2]. */
    static double[][] gaussianSymmetric(int n, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        double[][] a = new double[n][n];
        double scale = 1.0 / Math.sqrt(2.0 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double x = (rng.nextGaussian() + (i == j ? rng.nextGaussian() : 0.0)) * scale;
                a[i][j] = x;
                a[j][i] = x;
            }
        }
        return a;
    }

    /** All eigenvalues by commons-math dense decomposition, in decreasing order. */
    static double[] eigenvaluesDescending(double[][] a) {
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(a)).getRealEigenvalues();
        double[] sorted = ev.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length / 2; i++) {
            double t = sorted[i];
            sorted[i] = sorted[sorted.length - 1 - i];
            sorted[sorted.length - 1 - i] = t;
        }
        return sorted;
    }

    static double[] multiply(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0.0;
            for (int j = 0; j < v.length; j++) {
                s += a[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    static double[][] square(double[][] a) {
        int n = a.length;
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0.0;
                for (int l = 0; l < n; l++) {
                    s += a[i][l] * a[l][j];
                }
                b[i][j] = s;
            }
        }
        return b;
    }

    static double trace(double[][] a) {
        double t = 0.0;
        for (int i = 0; i < a.length; i++) {
            t += a[i][i];
        }
        return t;
    }

    /** {@code sqrt(2 sum_{i != j} a_ij^2)}: standard deviation of one Rademacher form z^T A z. */
    static double rademacherStd(double[][] a) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j) {
                    s += a[i][j] * a[i][j];
                }
            }
        }
        return Math.sqrt(2.0 * s);
    }

    /** {@code ||A v - lambda v||} computed densely, independent of the library. */
    static double residual(double[][] a, double[] v, double lambda) {
        double[] av = multiply(a, v);
        double s = 0.0;
        for (int i = 0; i < v.length; i++) {
            double d = av[i] - lambda * v[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    static double norm(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Operator whose call count is tracked here, independently of {@link CountingOperator}. */
    static final class Tally implements LinearOperator {
        final double[][] a;
        int calls;

        Tally(double[][] a) {
            this.a = a;
        }

        @Override
        public int dimension() {
            return a.length;
        }

        @Override
        public void apply(double[] v, double[] out) {
            calls++;
            double[] r = multiply(a, v);
            System.arraycopy(r, 0, out, 0, r.length);
        }
    }
}
