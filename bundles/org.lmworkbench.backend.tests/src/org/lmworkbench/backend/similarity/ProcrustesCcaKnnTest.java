package org.lmworkbench.backend.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lmworkbench.backend.similarity.SimilarityFixtures.*;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Procrustes, CCA, SVCCA and mutual k-NN against second, independent computations. */
class ProcrustesCcaKnnTest {

    private static NDManager m;

    @BeforeAll
    static void start() {
        m = manager();
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    /** min over orthogonal Q of ||X - Y Q||_F via the explicit SVD solution Q = U V^T of Y^T X. */
    private static double procrustesBySvd(double[][] x, double[][] y) {
        RealMatrix a = normalised(x);
        RealMatrix b = normalised(y);
        int p = a.getColumnDimension();
        int q = b.getColumnDimension();
        // Zero-pad the narrower side so that Q is square.
        int w = Math.max(p, q);
        RealMatrix ap = MatrixUtils.createRealMatrix(a.getRowDimension(), w);
        ap.setSubMatrix(a.getData(), 0, 0);
        RealMatrix bp = MatrixUtils.createRealMatrix(b.getRowDimension(), w);
        bp.setSubMatrix(b.getData(), 0, 0);
        SingularValueDecomposition svd = new SingularValueDecomposition(bp.transpose().multiply(ap));
        RealMatrix rotation = svd.getU().multiply(svd.getVT());
        return ap.subtract(bp.multiply(rotation)).getFrobeniusNorm();
    }

    private static RealMatrix normalised(double[][] x) {
        RealMatrix c = MatrixUtils.createRealMatrix(centre(x));
        return c.scalarMultiply(1.0 / c.getFrobeniusNorm());
    }

    @Test
    void procrustesEuclideanEqualsExplicitRotationResidualAndAngularIsItsAngle() {
        double[][] x = gaussian(1, 25, 4);
        double[][] y = multiply(x, gaussian(2, 4, 6));
        CkaMetricTest.addNoise(y, 3);
        double euclidean = procrustesBySvd(x, y);
        assertEquals(euclidean, new ProcrustesMetric(ProcrustesMetric.Form.EUCLIDEAN).compute(rep(m, "x", x), rep(m, "y", y)), 1e-10);
        // ||a - bQ||^2 = 2 - 2 cos(theta) for unit-norm a, b.
        double angular = Math.acos(1 - euclidean * euclidean / 2);
        assertEquals(angular, new ProcrustesMetric(ProcrustesMetric.Form.ANGULAR).compute(rep(m, "x", x), rep(m, "y", y)), 1e-8);
    }

    @Test
    void procrustesWideLayersAreReducedWithoutChangingTheValue() {
        double[][] x = gaussian(4, 8, 20);
        double[][] y = gaussian(5, 8, 13);
        assertEquals(procrustesBySvd(x, y),
                new ProcrustesMetric(ProcrustesMetric.Form.EUCLIDEAN).compute(rep(m, "x", x), rep(m, "y", y)), 1e-10);
    }

    @Test
    void procrustesIsZeroForRotationScalingAndShift() {
        double[][] x = gaussian(6, 30, 5);
        double[][] y = rotateScaleShift(x, orthogonal(7, 5), 0.3, 8);
        assertEquals(0.0, new ProcrustesMetric(ProcrustesMetric.Form.EUCLIDEAN).compute(rep(m, "x", x), rep(m, "y", y)), 1e-7);
        assertEquals(0.0, new ProcrustesMetric(ProcrustesMetric.Form.ANGULAR).compute(rep(m, "x", x), rep(m, "y", y)), 1e-6);
    }

    /** Canonical correlations as sqrt of eigenvalues of Sxx^-1/2 Sxy Syy^-1 Syx Sxx^-1/2 (Commons Math eigen). */
    private static double[] ccaByWhitenedCrossCovariance(double[][] x, double[][] y) {
        RealMatrix a = MatrixUtils.createRealMatrix(centre(x));
        RealMatrix b = MatrixUtils.createRealMatrix(centre(y));
        RealMatrix sxx = a.transpose().multiply(a);
        RealMatrix syy = b.transpose().multiply(b);
        RealMatrix sxy = a.transpose().multiply(b);
        RealMatrix sxxInvRoot = inverseRoot(sxx);
        RealMatrix syyInv = MatrixUtils.inverse(syy);
        RealMatrix t = sxxInvRoot.multiply(sxy).multiply(syyInv).multiply(sxy.transpose()).multiply(sxxInvRoot);
        double[] ev = new EigenDecomposition(t.add(t.transpose()).scalarMultiply(0.5)).getRealEigenvalues();
        double[] rho = Arrays.stream(ev).map(v -> Math.sqrt(Math.max(0, v))).sorted().toArray();
        int k = Math.min(a.getColumnDimension(), b.getColumnDimension());
        return Arrays.copyOfRange(rho, rho.length - k, rho.length);
    }

    private static RealMatrix inverseRoot(RealMatrix s) {
        EigenDecomposition e = new EigenDecomposition(s);
        RealMatrix d = MatrixUtils.createRealDiagonalMatrix(
                Arrays.stream(e.getRealEigenvalues()).map(v -> 1 / Math.sqrt(v)).toArray());
        return e.getV().multiply(d).multiply(e.getVT());
    }

    @Test
    void meanCcaMatchesWhitenedCrossCovarianceEigenvalues() {
        double[][] x = gaussian(10, 40, 5);
        double[][] y = multiply(x, gaussian(11, 5, 3));
        CkaMetricTest.addNoise(y, 12);
        double expected = Arrays.stream(ccaByWhitenedCrossCovariance(x, y)).average().orElseThrow();
        assertEquals(expected, CcaMetric.mean().compute(rep(m, "x", x), rep(m, "y", y)), 1e-10);
    }

    @Test
    void ccaIsInvariantToInvertibleLinearMapsWhereCkaIsNot() {
        double[][] x = gaussian(13, 50, 4);
        double[][] a = gaussian(14, 4, 4);
        a[0][0] += 6;
        double[][] y = multiply(x, a);
        assertEquals(1.0, CcaMetric.mean().compute(rep(m, "x", x), rep(m, "y", y)), 1e-9);
        assertTrue(CkaMetric.linear(CkaMetric.Estimator.GRETTON).compute(rep(m, "x", x), rep(m, "y", y)) < 0.95);
    }

    @Test
    void svccaKeepsTheLeadingComponentsAndMatchesCcaOfTheirScores() {
        double[][] x = gaussian(20, 60, 6);
        for (double[] row : x) { // strongly decaying spectrum: two dominant directions
            for (int j = 2; j < 6; j++) {
                row[j] *= 0.01;
            }
        }
        double[][] y = multiply(x, orthogonal(21, 6));
        CkaMetricTest.addNoise(y, 22);
        // Independent route: PCA by Commons Math SVD, keep components to 99% variance, mean CCA of the scores.
        double expected = Arrays.stream(ccaByWhitenedCrossCovariance(pcaScores(x, 0.99), pcaScores(y, 0.99)))
                .average().orElseThrow();
        assertEquals(expected, CcaMetric.svcca(0.99).compute(rep(m, "x", x), rep(m, "y", y)), 1e-9);
    }

    private static double[][] pcaScores(double[][] x, double keep) {
        SingularValueDecomposition svd = new SingularValueDecomposition(MatrixUtils.createRealMatrix(centre(x)));
        double[] s = svd.getSingularValues();
        double total = Arrays.stream(s).map(v -> v * v).sum();
        int k = 0;
        double run = 0;
        while (run < keep * total) {
            run += s[k] * s[k];
            k++;
        }
        return svd.getU().getSubMatrix(0, x.length - 1, 0, k - 1).multiply(
                MatrixUtils.createRealDiagonalMatrix(Arrays.copyOf(s, k))).getData();
    }

    @Test
    void mutualKnnMatchesBruteForceNeighbourSets() {
        double[][] x = gaussian(30, 40, 3);
        double[][] y = multiply(x, gaussian(31, 3, 3));
        CkaMetricTest.addNoise(y, 32);
        int k = 5;
        int[][] nx = bruteForceKnn(x, k);
        int[][] ny = bruteForceKnn(y, k);
        double shared = 0;
        for (int i = 0; i < x.length; i++) {
            for (int a : nx[i]) {
                for (int b : ny[i]) {
                    shared += a == b ? 1 : 0;
                }
            }
        }
        double expected = shared / (k * x.length);
        assertEquals(expected, new MutualKnnMetric(k).compute(rep(m, "x", x), rep(m, "y", y)), 1e-15);
        assertTrue(expected > 0.1 && expected < 0.95, "informative fixture: " + expected);
    }

    private static int[][] bruteForceKnn(double[][] x, int k) {
        int n = x.length;
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            final int self = i;
            double[] sim = new double[n];
            for (int j = 0; j < n; j++) {
                sim[j] = cosine(x[i], x[j]);
            }
            out[i] = java.util.stream.IntStream.range(0, n).filter(j -> j != self).boxed()
                    .sorted((a, b) -> sim[a] != sim[b] ? Double.compare(sim[b], sim[a]) : Integer.compare(a, b))
                    .limit(k).mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / (Math.sqrt(aa) * Math.sqrt(bb));
    }

    @Test
    void mutualKnnOfARotationIsOne() {
        double[][] x = gaussian(34, 30, 4);
        assertEquals(1.0, new MutualKnnMetric(4).compute(rep(m, "x", x), rep(m, "y", multiply(x, orthogonal(35, 4)))), 0);
    }
}
