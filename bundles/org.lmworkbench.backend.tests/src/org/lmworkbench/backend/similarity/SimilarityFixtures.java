package org.lmworkbench.backend.similarity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.lmworkbench.backend.engine.Engines;

/**
 * Small fixed matrices and plain-Java reference formulas for the similarity tests. Everything here
 * is written with loops over double[][] (and Commons Math for decompositions), never with the
 * NDArray code under test, so that agreement is evidence.
 */
final class SimilarityFixtures {

    private SimilarityFixtures() {
    }

    /** A manager on the PyTorch engine, one thread for bit-reproducibility. */
    static NDManager manager() {
        Engines.pytorch(1);
        return NDManager.newBaseManager();
    }

    static double[][] gaussian(long seed, int n, int p) {
        Random random = new Random(seed);
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }

    static Representation rep(NDManager m, String label, double[][] x) {
        return Representation.of(label, m.create(x));
    }

    static double[][] multiply(double[][] a, double[][] b) {
        return MatrixUtils.createRealMatrix(a).multiply(MatrixUtils.createRealMatrix(b)).getData();
    }

    /** A random orthogonal p x p matrix (Q of a Gaussian matrix's QR). */
    static double[][] orthogonal(long seed, int p) {
        RealMatrix q = new QRDecomposition(MatrixUtils.createRealMatrix(gaussian(seed, p, p))).getQ();
        return q.getData();
    }

    /** {@code c X Q + b} with a random offset row b. */
    static double[][] rotateScaleShift(double[][] x, double[][] q, double c, long seed) {
        double[][] y = multiply(x, q);
        double[] b = gaussian(seed, 1, y[0].length)[0];
        for (double[] row : y) {
            for (int j = 0; j < row.length; j++) {
                row[j] = c * row[j] + 5 * b[j];
            }
        }
        return y;
    }

    static double[][] centre(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        double[][] c = new double[n][p];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                c[i][j] = x[i][j] - mean;
            }
        }
        return c;
    }

    /** Linear Gram of the raw (uncentred) rows. */
    static double[][] gram(double[][] x) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int f = 0; f < x[i].length; f++) {
                    s += x[i][f] * x[j][f];
                }
                k[i][j] = s;
            }
        }
        return k;
    }

    /** RBF kernel by loops, bandwidth from numpy-style median over all n^2 squared distances. */
    static double[][] rbf(double[][] x, double sigma) {
        int n = x.length;
        double[][] d = new double[n][n];
        double[] all = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int f = 0; f < x[i].length; f++) {
                    double diff = x[i][f] - x[j][f];
                    s += diff * diff;
                }
                d[i][j] = s;
                all[i * n + j] = s;
            }
        }
        Arrays.sort(all);
        double median = all.length % 2 == 0 ? 0.5 * (all[all.length / 2 - 1] + all[all.length / 2]) : all[all.length / 2];
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k[i][j] = Math.exp(-d[i][j] / (2 * sigma * sigma * median));
            }
        }
        return k;
    }

    /** Gretton's biased HSIC tr(K H L H)/(n-1)^2 with explicit H matrices. */
    static double hsicBiased(double[][] k, double[][] l) {
        int n = k.length;
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = (i == j ? 1.0 : 0.0) - 1.0 / n;
            }
        }
        RealMatrix hm = MatrixUtils.createRealMatrix(h);
        RealMatrix prod = MatrixUtils.createRealMatrix(k).multiply(hm).multiply(MatrixUtils.createRealMatrix(l)).multiply(hm);
        return prod.getTrace() / ((n - 1.0) * (n - 1.0));
    }

    /**
     * Song et al. 2012, eq. (5): with K~, L~ the kernels with zeroed diagonals,
     * [tr(K~L~) + 1'K~1 1'L~1/((n-1)(n-2)) - 2/(n-2) 1'K~L~1] / (n(n-3)).
     */
    static double hsicUnbiased(double[][] k, double[][] l) {
        int n = k.length;
        double trace = 0;
        double sumK = 0;
        double sumL = 0;
        double[] rowK = new double[n];
        double[] rowL = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    trace += k[i][j] * l[j][i];
                    sumK += k[i][j];
                    sumL += l[i][j];
                    rowK[i] += k[i][j];
                    rowL[j] += l[i][j];
                }
            }
        }
        double cross = 0;
        for (int i = 0; i < n; i++) {
            cross += rowK[i] * rowL[i];
        }
        return (trace + sumK * sumL / ((n - 1.0) * (n - 2.0)) - 2.0 / (n - 2.0) * cross) / (n * (n - 3.0));
    }

    static double ckaBiased(double[][] k, double[][] l) {
        return hsicBiased(k, l) / Math.sqrt(hsicBiased(k, k) * hsicBiased(l, l));
    }

    static double ckaUnbiased(double[][] k, double[][] l) {
        return hsicUnbiased(k, l) / Math.sqrt(hsicUnbiased(k, k) * hsicUnbiased(l, l));
    }
}
