package org.lmworkbench.backend.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmworkbench.backend.engine.Engines;

/** Neural collapse, the neural feature ansatz and lazy/rich measures on constructed cases. */
class DiagnosticsMathTest {

    private static NDManager m;

    @BeforeAll
    static void start() {
        Engines.pytorch(1);
        m = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    private static double[][] gaussian(long seed, int n, int p) {
        Random r = new Random(seed);
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return x;
    }

    /** Class means forming a simplex ETF (rotated into d = 6 dims, offset by a global mean). */
    private static double[][] simplexMeans(int classes, int d) {
        RealMatrix rotation = new org.apache.commons.math3.linear.QRDecomposition(
                MatrixUtils.createRealMatrix(gaussian(5, d, d))).getQ();
        double[][] means = new double[classes][d];
        for (int c = 0; c < classes; c++) {
            double[] e = new double[d];
            for (int j = 0; j < classes; j++) {
                e[j] = (j == c ? 1.0 : 0.0) - 1.0 / classes;
            }
            double[] rotated = rotation.operate(e);
            for (int j = 0; j < d; j++) {
                means[c][j] = 3 * rotated[j] + 0.7 * j;
            }
        }
        return means;
    }

    @Test
    void simplexEtfWithZeroSpreadGivesZeroForAllNeuralCollapseMetrics() {
        int classes = 4;
        double[][] means = simplexMeans(classes, 6);
        int perClass = 5;
        double[][] features = new double[classes * perClass][];
        int[] labels = new int[features.length];
        for (int i = 0; i < features.length; i++) {
            labels[i] = i % classes;
            features[i] = means[labels[i]].clone();
        }
        double[] global = new double[6];
        for (double[] mu : means) {
            for (int j = 0; j < 6; j++) {
                global[j] += mu[j] / classes;
            }
        }
        double[][] classifier = new double[classes][6];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < 6; j++) {
                classifier[c][j] = 2.5 * (means[c][j] - global[j]);
            }
        }
        NeuralCollapse nc = NeuralCollapse.of(features, labels, classes, classifier, labels);
        assertEquals(0, nc.nc1(), 1e-12);
        assertEquals(0, nc.nc2Equinorm(), 1e-12);
        assertEquals(0, nc.nc2Equiangular(), 1e-12);
        assertEquals(0, nc.nc3(), 1e-12);
        assertEquals(0, nc.nc4(), 0);
    }

    @Test
    void spreadAndBrokenSymmetryAreDetected() {
        int classes = 3;
        double[][] means = simplexMeans(classes, 6);
        means[0][0] += 2; // no longer equinorm/equiangular
        double[][] noise = gaussian(9, 30, 6);
        double[][] features = new double[30][6];
        int[] labels = new int[30];
        int[] predictions = new int[30];
        for (int i = 0; i < 30; i++) {
            labels[i] = i % classes;
            predictions[i] = i < 3 ? (labels[i] + 1) % classes : labels[i];
            for (int j = 0; j < 6; j++) {
                features[i][j] = means[labels[i]][j] + 0.1 * noise[i][j];
            }
        }
        NeuralCollapse nc = NeuralCollapse.of(features, labels, classes, null, predictions);
        assertTrue(nc.nc1() > 1e-4, "nc1 " + nc.nc1());
        assertTrue(nc.nc2Equinorm() > 0.05, "equinorm " + nc.nc2Equinorm());
        assertTrue(nc.nc2Equiangular() > 0.01, "equiangular " + nc.nc2Equiangular());
        assertTrue(Double.isNaN(nc.nc3()));
        assertEquals(3 / 30.0, nc.nc4(), 1e-15); // small noise: the centre rule follows the labels
    }

    @Test
    void nfaCorrelationIsOneWhenTheFeatureMatrixIsTheAgopSquareRoot() {
        double[][] w = gaussian(1, 7, 4); // stored [fan_in = 7, fan_out = 4]
        double[][] nfm = NeuralFeatureAnsatz.featureMatrix(m.create(w));
        RealMatrix f = MatrixUtils.createRealMatrix(nfm);
        double[][] agop = f.multiply(f).getData();
        assertEquals(1.0, NeuralFeatureAnsatz.correlation(nfm, agop), 1e-9);
        double[][] unrelated = MatrixUtils.createRealMatrix(gaussian(2, 7, 7)).multiply(
                MatrixUtils.createRealMatrix(gaussian(2, 7, 7)).transpose()).getData();
        assertTrue(NeuralFeatureAnsatz.correlation(nfm, unrelated) < 0.9);
    }

    @Test
    void agopByAutogradMatchesTheClosedFormJacobianOfATanhNetwork() {
        int n = 6;
        int d = 3;
        double[][] w1 = gaussian(3, d, 5);
        double[][] w2 = gaussian(4, 5, 2);
        double[][] x = gaussian(5, n, d);
        NDArray a = m.create(w1);
        NDArray b = m.create(w2);
        double[][] agop = NeuralFeatureAnsatz.agop(h -> h.matMul(a).tanh().matMul(b), m.create(x));
        // J(x) = W2^T diag(1 - tanh^2(x W1)) W1^T, AGOP = mean_x J^T J.
        RealMatrix expected = MatrixUtils.createRealMatrix(d, d);
        RealMatrix mw1 = MatrixUtils.createRealMatrix(w1);
        RealMatrix mw2 = MatrixUtils.createRealMatrix(w2);
        for (double[] row : x) {
            double[] z = mw1.preMultiply(row);
            double[] slope = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                double t = Math.tanh(z[i]);
                slope[i] = 1 - t * t;
            }
            RealMatrix j = mw2.transpose().multiply(MatrixUtils.createRealDiagonalMatrix(slope)).multiply(mw1.transpose());
            expected = expected.add(j.transpose().multiply(j));
        }
        expected = expected.scalarMultiply(1.0 / n);
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                assertEquals(expected.getEntry(i, k), agop[i][k], 1e-12);
            }
        }
    }

    @Test
    void relativeWeightChangeAndKernelAlignment() {
        NDArray init = m.create(new double[][] {{3, 0}, {0, 4}});
        NDArray now = m.create(new double[][] {{3, 1}, {0, 4}});
        assertEquals(1 / 5.0, LazyRichDiagnostics.relativeChange(now, init), 1e-15);
        double[][] h = gaussian(6, 10, 4);
        NDArray h0 = m.create(h);
        NDArray rotated = h0.matMul(m.create(new org.apache.commons.math3.linear.QRDecomposition(
                MatrixUtils.createRealMatrix(gaussian(7, 4, 4))).getQ().getData())).mul(3.0);
        assertEquals(1.0, LazyRichDiagnostics.kernelAlignment(h0, rotated), 1e-12);
        assertEquals(1.0, LazyRichDiagnostics.centredAlignment(h0, rotated), 1e-12);
        assertTrue(LazyRichDiagnostics.kernelAlignment(h0, m.create(gaussian(8, 10, 4))) < 0.9);
    }
}
