package org.lmworkbench.backend.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lmworkbench.backend.similarity.SimilarityFixtures.*;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.run.SimilarityMetrics;

/** Streamed-Gram matrices against per-pair values, minibatch CKA, the registry and its names. */
class ComparisonAndRegistryTest {

    private static NDManager m;

    @BeforeAll
    static void start() {
        m = manager();
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    private static List<Representation> layers(long seed, int n, int... widths) {
        Representation[] out = new Representation[widths.length];
        double[][] base = gaussian(seed, n, 8);
        for (int i = 0; i < widths.length; i++) {
            double[][] x = multiply(base, gaussian(seed + 100 + i, 8, widths[i]));
            CkaMetricTest.addNoise(x, seed + 200 + i);
            out[i] = rep(m, "layer" + i, x);
        }
        return List.of(out);
    }

    @Test
    void streamedGramMatrixEqualsHandFormulaForEveryPair() {
        List<Representation> a = layers(1, 40, 5, 9, 3);
        List<Representation> b = layers(2, 40, 6, 4);
        for (CkaMetric.Estimator e : CkaMetric.Estimator.values()) {
            double[][] fast = LinearCkaMatrix.compute(a, b, e, LinearCkaMatrix.Precision.FLOAT64);
            double[][] mixed = LinearCkaMatrix.compute(a, b, e, LinearCkaMatrix.Precision.MIXED);
            for (int i = 0; i < a.size(); i++) {
                for (int j = 0; j < b.size(); j++) {
                    double[][] k = gram(asMatrix(a.get(i)));
                    double[][] l = gram(asMatrix(b.get(j)));
                    double expected = e == CkaMetric.Estimator.GRETTON ? ckaBiased(k, l) : ckaUnbiased(k, l);
                    assertEquals(expected, fast[i][j], 1e-12, e + " " + i + "," + j);
                    assertEquals(expected, mixed[i][j], 1e-5, "mixed " + e + " " + i + "," + j);
                }
            }
        }
    }

    @Test
    void manyBlocksGiveTheSameAnswerAsOneBlock() {
        List<Representation> a = layers(3, 300, 2, 3);
        double[][] products = LinearCkaMatrix.streamedGramProducts(
                a.stream().map(r -> Kernels.centreColumns(r.data())).toList(), 300, 70);
        double[][] k = gram(centre(asMatrix(a.get(0))));
        double[][] l = gram(centre(asMatrix(a.get(1))));
        double expected = 0;
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 300; j++) {
                expected += k[i][j] * l[i][j];
            }
        }
        assertEquals(expected, products[0][1], 1e-9 * Math.abs(expected));
        assertEquals(products[0][1], products[1][0], 0);
    }

    @Test
    void comparisonOfAListWithItselfIsSymmetricWithUnitDiagonal() {
        List<Representation> a = layers(4, 30, 4, 5, 6);
        for (String name : List.of("cka-kernel=(rbf-sigma=0.5)-hsic=song-score", "cca-score", "mutual_knn-topk=3")) {
            SimilarityComparison.Result r = SimilarityComparison.matrix(MetricRegistry.resolve(name, 30, 6, 6), a, a,
                    LinearCkaMatrix.Precision.FLOAT64);
            for (int i = 0; i < 3; i++) {
                assertEquals(1.0, r.matrix()[i][i], 1e-9, name);
                for (int j = 0; j < 3; j++) {
                    assertEquals(r.matrix()[i][j], r.matrix()[j][i], 0, name);
                }
            }
        }
    }

    @Test
    void minibatchCkaSumsUnbiasedHsicTermsOverBatches() {
        double[][] x = gaussian(5, 24, 3);
        double[][] y = multiply(x, gaussian(6, 3, 4));
        CkaMetricTest.addNoise(y, 7);
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int start = 0; start + 8 <= 24; start += 8) {
            double[][] k = gram(java.util.Arrays.copyOfRange(x, start, start + 8));
            double[][] l = gram(java.util.Arrays.copyOfRange(y, start, start + 8));
            xy += hsicUnbiased(k, l);
            xx += hsicUnbiased(k, k);
            yy += hsicUnbiased(l, l);
        }
        assertEquals(xy / Math.sqrt(xx * yy), new MinibatchCkaMetric(8).compute(rep(m, "x", x), rep(m, "y", y)), 1e-12);
        assertEquals(CkaMetric.linear(CkaMetric.Estimator.SONG).compute(rep(m, "x", x), rep(m, "y", y)),
                new MinibatchCkaMetric(24).compute(rep(m, "x", x), rep(m, "y", y)), 1e-12);
    }

    @Test
    void registryParsesConventionNamesAndAliases() {
        assertEquals("cka-kernel=linear-hsic=gretton-score",
                MetricRegistry.resolve("cka-kernel=linear-hsic=gretton-score", 100, 5, 5).name());
        assertEquals("cka-kernel=(rbf-sigma=0.5)-hsic=song-score",
                MetricRegistry.resolve("cka-kernel=rbf-sigma=0.5-hsic=song-score", 100, 5, 5).name());
        assertEquals("cka-kernel=(rbf-sigma=0.2)-hsic=gretton-score",
                MetricRegistry.resolve("cka-kernel=(rbf-sigma=0.2)-hsic=gretton-score", 100, 5, 5).name());
        assertEquals("procrustes-distance=angular", MetricRegistry.resolve("procrustes-distance=angular", 9, 1, 1).name());
        assertEquals("cca-score", MetricRegistry.resolve("cca-mean", 9, 1, 1).name());
        assertEquals("svcca-var=0.99-score", MetricRegistry.resolve("svcca-var=0.99", 9, 1, 1).name());
        assertEquals("mutual_knn-topk=10", MetricRegistry.resolve("mutual_knn-k=10", 9, 1, 1).name());
        assertEquals("minibatch_cka-kernel=linear-hsic=song-batch=64-score",
                MetricRegistry.resolve("cka-minibatch=64", 9, 1, 1).name());
        assertInstanceOf(CkaMetric.class, MetricRegistry.resolve("cka", 9, 1, 1));
    }

    @Test
    void autoChoosesDebiasedWhenNIsSmallRelativeToWidth() {
        assertEquals("cka-kernel=linear-hsic=song-score", MetricRegistry.resolve("cka", 512, 256, 256).name());
        assertEquals("cka-kernel=linear-hsic=song-score", MetricRegistry.resolve("cka-kernel=linear", 5000, 64, 64).name());
        assertEquals("cka-kernel=linear-hsic=gretton-score", MetricRegistry.resolve("cka", 100_000, 64, 64).name());
        assertTrue(MetricRegistry.isAuto("cka-kernel=linear-hsic=auto-score"));
    }

    @Test
    void everyFamilyTheWorkbenchOffersResolvesToTheMetricItNames() {
        for (SimilarityMetrics.Choice choice : SimilarityMetrics.ALL) {
            String name = choice.defaultName();
            SimilarityMetric<?> metric = MetricRegistry.resolve(name, 100_000, 8, 8);
            if (MetricRegistry.isAuto(name)) {
                // many examples, narrow layers: the biased estimator is chosen
                assertEquals(name.replace("hsic=auto", "hsic=gretton"), metric.name(), name);
            } else {
                assertEquals(name, metric.name(), name);
                assertEquals(choice, SimilarityMetrics.parse(metric.name()).choice(), name);
            }
        }
    }

    @Test
    void unknownMetricListsTheKnownOnes() {
        SimilarityException e = assertThrows(SimilarityException.class, () -> MetricRegistry.validate("cka-kernel=poly"));
        assertEquals("unknown metric 'cka-kernel=poly'; known metrics: cka-kernel=linear-hsic=gretton-score, "
                + "cka-kernel=linear-hsic=song-score, cka-kernel=linear-hsic=auto-score, "
                + "cka-kernel=(rbf-sigma=0.5)-hsic=gretton-score, cka-kernel=(rbf-sigma=0.5)-hsic=song-score, "
                + "minibatch_cka-kernel=linear-hsic=song-batch=256-score, procrustes-distance=angular, "
                + "procrustes-distance=euclidean, cca-score, svcca-var=0.99-score, mutual_knn-topk=10 "
                + "(sigma, batch, var and topk take any value)", e.getMessage());
    }

    static double[][] asMatrix(Representation r) {
        int n = r.examples();
        int p = (int) r.features();
        double[] flat = r.data().toDoubleArray();
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * p, out[i], 0, p);
        }
        return out;
    }
}
