package org.lmworkbench.backend.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lmworkbench.backend.similarity.SimilarityFixtures.manager;
import static org.lmworkbench.backend.similarity.SimilarityFixtures.rep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mixed-precision layer matrix equals float64 CKA to 1e-9 where float32 is hardest: layers
 * much wider than n (the Gram diagonal dominates and debiased CKA cancels it), many more examples
 * than features (long sums), nearly identical layers (CKA near 1) and nearly orthogonal ones (CKA
 * near 0, an absolute error). The reference is the per-pair float64 metric ({@link CkaMetric}),
 * which shares no code with the streamed blocks. The layers are ReLU-like (non-negative, with a
 * large mean) with a shared low-rank signal, as activations are.
 */
class LinearCkaMatrixMixedTest {

    private static final double CLAIM = 1e-9;

    private static NDManager m;

    @BeforeAll
    static void start() {
        m = manager();
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    /** {@code relu(z w + noise + offset)} with a latent {@code z [n, rank]} shared between calls. */
    private static double[][] layer(double[][] z, int p, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = z.length;
        int rank = z[0].length;
        double[][] w = new double[rank][p];
        for (double[] row : w) {
            for (int j = 0; j < p; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double v = 1.0 + noise * r.nextGaussian();
                for (int k = 0; k < rank; k++) {
                    v += z[i][k] * w[k][j];
                }
                x[i][j] = Math.max(0, v);
            }
        }
        return x;
    }

    private static double[][] latent(int n, int rank, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] z = new double[n][rank];
        for (double[] row : z) {
            for (int k = 0; k < rank; k++) {
                row[k] = r.nextGaussian();
            }
        }
        return z;
    }

    /** Mixed against the per-pair float64 metric for every pair and both estimators. */
    private static void assertMixedMatchesFloat64(String what, List<Representation> a, List<Representation> b) {
        for (CkaMetric.Estimator e : CkaMetric.Estimator.values()) {
            double[][] mixed = LinearCkaMatrix.compute(a, b, e, LinearCkaMatrix.Precision.MIXED);
            CkaMetric reference = CkaMetric.linear(e);
            for (int i = 0; i < a.size(); i++) {
                for (int j = 0; j < b.size(); j++) {
                    double expected = reference.compute(a.get(i), b.get(j));
                    assertEquals(expected, mixed[i][j], CLAIM, what + " " + e + " " + i + "," + j);
                }
            }
        }
    }

    @Test
    void layersMuchWiderThanTheExampleCount() {
        double[][] z = latent(200, 6, 1);
        List<Representation> a = List.of(rep(m, "a0", layer(z, 9000, 0.5, 2)), rep(m, "a1", layer(z, 6000, 2.0, 3)));
        List<Representation> b = List.of(rep(m, "b0", layer(z, 7000, 1.0, 4)));
        a.forEach(r -> assertTrue(LinearCkaMatrix.inFloat32(LinearCkaMatrix.Precision.MIXED, r), "fixture: float32"));
        assertMixedMatchesFloat64("wide", a, b);
    }

    @Test
    void manyMoreExamplesThanFeatures() {
        // The largest layers allowed in float32 that are still much narrower than n.
        double[][] z = latent(8192, 4, 5);
        List<Representation> a = List.of(rep(m, "a0", layer(z, 128, 0.3, 6)), rep(m, "a1", layer(z, 160, 1.5, 7)));
        List<Representation> b = List.of(rep(m, "b0", layer(z, 136, 0.8, 8)));
        a.forEach(r -> assertTrue(LinearCkaMatrix.inFloat32(LinearCkaMatrix.Precision.MIXED, r), "fixture: float32"));
        assertMixedMatchesFloat64("tall", a, b);
    }

    @Test
    void nearlyIdenticalLayers() {
        double[][] z = latent(1024, 8, 9);
        double[][] x = layer(z, 1024, 1.0, 10);
        double[][] y = new double[x.length][];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
            for (int j = 0; j < y[i].length; j++) {
                y[i][j] += 1e-4 * r.nextGaussian();
            }
        }
        List<Representation> a = List.of(rep(m, "x", x));
        List<Representation> b = List.of(rep(m, "y", y));
        double cka = CkaMetric.linear(CkaMetric.Estimator.GRETTON).compute(a.get(0), b.get(0));
        assertTrue(cka > 1 - 1e-6, "fixture: nearly identical, CKA " + cka);
        assertMixedMatchesFloat64("identical", a, b);
    }

    @Test
    void nearlyOrthogonalLayers() {
        // y is projected off the column space of the centred x (twice, for rounding), so Y^T X = 0.
        int n = 4096;
        double[][] x = SimilarityFixtures.centre(layer(latent(n, 5, 12), 300, 1.0, 13));
        double[][] y = SimilarityFixtures.centre(layer(latent(n, 5, 14), 256, 1.0, 15));
        NDArray xa = m.create(x);
        NDArray projected = m.create(y);
        for (int pass = 0; pass < 2; pass++) {
            NDArray coefficients = xa.transpose().matMul(xa).inverse().matMul(xa.transpose().matMul(projected));
            projected = projected.sub(xa.matMul(coefficients));
        }
        List<Representation> a = List.of(rep(m, "x", x));
        List<Representation> b = List.of(Representation.of("y", projected));
        double cka = CkaMetric.linear(CkaMetric.Estimator.GRETTON).compute(a.get(0), b.get(0));
        assertTrue(cka < 1e-20, "fixture: orthogonal, CKA " + cka);
        assertMixedMatchesFloat64("orthogonal", a, b);
    }

    @Test
    void mixedMatricesFromTheComparisonMatchFloat64WhicheverFormIsChosen() {
        double[][] z = latent(1500, 4, 16);
        List<Representation> tall = List.of(rep(m, "t0", layer(z, 24, 0.5, 17)), rep(m, "t1", layer(z, 32, 1.0, 18)));
        double[][] z2 = latent(150, 4, 19);
        List<Representation> wide = List.of(rep(m, "w0", layer(z2, 8000, 0.5, 20)), rep(m, "w1", layer(z2, 7500, 1.0, 21)));
        assertTrue(SimilarityComparison.matrix(CkaMetric.linear(CkaMetric.Estimator.SONG), wide, wide,
                LinearCkaMatrix.Precision.MIXED).method().contains("mixed"), "fixture: wide layers take the float32 Gram");
        for (List<Representation> layers : List.of(tall, wide)) {
            CkaMetric metric = CkaMetric.linear(CkaMetric.Estimator.SONG);
            double[][] f64 = SimilarityComparison.matrix(metric, layers, layers, LinearCkaMatrix.Precision.FLOAT64).matrix();
            double[][] mixed = SimilarityComparison.matrix(metric, layers, layers, LinearCkaMatrix.Precision.MIXED).matrix();
            for (int i = 0; i < layers.size(); i++) {
                for (int j = 0; j < layers.size(); j++) {
                    assertEquals(f64[i][j], mixed[i][j], CLAIM, layers.get(i).label() + "," + layers.get(j).label());
                }
            }
        }
    }
}
