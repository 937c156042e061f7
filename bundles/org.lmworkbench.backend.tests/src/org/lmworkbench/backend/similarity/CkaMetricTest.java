package org.lmworkbench.backend.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lmworkbench.backend.similarity.SimilarityFixtures.*;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CKA against independently computed HSIC formulas, invariances, estimator bias and input errors. */
class CkaMetricTest {

    private static NDManager m;

    @BeforeAll
    static void start() {
        m = manager();
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    private static final CkaMetric LINEAR_BIASED = CkaMetric.linear(CkaMetric.Estimator.GRETTON);
    private static final CkaMetric LINEAR_DEBIASED = CkaMetric.linear(CkaMetric.Estimator.SONG);

    @Test
    void linearBiasedFeatureFormEqualsGramFormWithExplicitCentringMatrix() {
        double[][] x = gaussian(1, 20, 5);
        double[][] y = multiply(x, gaussian(2, 5, 7));
        addNoise(y, 3);
        double expected = ckaBiased(gram(x), gram(y));
        assertEquals(expected, LINEAR_BIASED.compute(rep(m, "x", x), rep(m, "y", y)), 1e-12);
        assertTrue(expected > 0.3 && expected < 0.99, "fixture should be informative: " + expected);
    }

    @Test
    void linearWideLayersUseTheGramFormAndAgreeWithTheFeatureForm() {
        double[][] x = gaussian(4, 10, 40);
        double[][] y = multiply(x, gaussian(5, 40, 30));
        addNoise(y, 6);
        assertEquals(ckaBiased(gram(x), gram(y)), LINEAR_BIASED.compute(rep(m, "x", x), rep(m, "y", y)), 1e-12);
        assertEquals(ckaUnbiased(gram(x), gram(y)), LINEAR_DEBIASED.compute(rep(m, "x", x), rep(m, "y", y)), 1e-12);
    }

    @Test
    void linearDebiasedMatchesSongsFormula() {
        double[][] x = gaussian(7, 16, 6);
        double[][] y = multiply(x, gaussian(8, 6, 4));
        addNoise(y, 9);
        double expected = ckaUnbiased(gram(x), gram(y));
        assertEquals(expected, LINEAR_DEBIASED.compute(rep(m, "x", x), rep(m, "y", y)), 1e-12);
    }

    @Test
    void rbfMatchesHandLoopForBothEstimators() {
        double[][] x = gaussian(10, 15, 4);
        double[][] y = multiply(x, gaussian(11, 4, 3));
        addNoise(y, 12);
        for (double sigma : new double[] {0.5, 1.0}) {
            double[][] k = rbf(x, sigma);
            double[][] l = rbf(y, sigma);
            assertEquals(ckaBiased(k, l),
                    CkaMetric.rbf(sigma, CkaMetric.Estimator.GRETTON).compute(rep(m, "x", x), rep(m, "y", y)), 1e-12);
            assertEquals(ckaUnbiased(k, l),
                    CkaMetric.rbf(sigma, CkaMetric.Estimator.SONG).compute(rep(m, "x", x), rep(m, "y", y)), 1e-12);
        }
    }

    @Test
    void oddExampleCountMedianStillMatches() {
        double[][] x = gaussian(13, 9, 3);
        double[][] y = gaussian(14, 9, 2);
        assertEquals(ckaBiased(rbf(x, 0.8), rbf(y, 0.8)),
                CkaMetric.rbf(0.8, CkaMetric.Estimator.GRETTON).compute(rep(m, "x", x), rep(m, "y", y)), 1e-12);
    }

    @Test
    void invariantToRotationIsotropicScalingAndTranslation() {
        double[][] x = gaussian(20, 30, 6);
        double[][] y = rotateScaleShift(x, orthogonal(21, 6), 3.7, 22);
        for (SimilarityMetric<?> metric : new SimilarityMetric<?>[] {LINEAR_BIASED, LINEAR_DEBIASED,
                CkaMetric.rbf(0.5, CkaMetric.Estimator.GRETTON), CkaMetric.rbf(0.5, CkaMetric.Estimator.SONG)}) {
            assertEquals(1.0, metric.compute(rep(m, "x", x), rep(m, "y", y)), 1e-10, metric.name());
        }
    }

    @Test
    void notInvariantToAnArbitraryInvertibleLinearMap() {
        double[][] x = gaussian(30, 40, 5);
        double[][] a = gaussian(31, 5, 5);
        a[0][0] += 6; // strongly anisotropic, certainly invertible
        double cka = LINEAR_BIASED.compute(rep(m, "x", x), rep(m, "y", multiply(x, a)));
        assertTrue(cka < 0.95, "CKA should drop under a non-orthogonal map, got " + cka);
    }

    @Test
    void biasedCkaOfIndependentFeaturesIsInflatedAtSmallNButDebiasedIsNot() {
        int p = 256;
        double small = LINEAR_BIASED.compute(rep(m, "a", gaussian(40, 32, p)), rep(m, "b", gaussian(41, 32, p)));
        double large = LINEAR_BIASED.compute(rep(m, "a", gaussian(42, 512, p)), rep(m, "b", gaussian(43, 512, p)));
        double debiasedSmall = LINEAR_DEBIASED.compute(rep(m, "a", gaussian(40, 32, p)), rep(m, "b", gaussian(41, 32, p)));
        double debiasedLarge = LINEAR_DEBIASED.compute(rep(m, "a", gaussian(42, 512, p)), rep(m, "b", gaussian(43, 512, p)));
        assertEquals(0.89, small, 0.03);
        assertEquals(0.33, large, 0.03);
        assertEquals(0.0, debiasedSmall, 0.06);
        assertEquals(0.0, debiasedLarge, 0.02);
    }

    @Test
    void identicalInputsGiveIdenticalBits() {
        double[][] x = gaussian(50, 64, 12);
        double[][] y = gaussian(51, 64, 9);
        for (CkaMetric metric : new CkaMetric[] {LINEAR_BIASED, LINEAR_DEBIASED,
                CkaMetric.rbf(1.0, CkaMetric.Estimator.SONG)}) {
            double first = metric.compute(rep(m, "x", x), rep(m, "y", y));
            double second = metric.compute(rep(m, "x", x), rep(m, "y", y));
            assertEquals(Double.doubleToRawLongBits(first), Double.doubleToRawLongBits(second), metric.name());
        }
    }

    @Test
    void debiasedRefusesFewerThanFourExamples() {
        SimilarityException e = assertThrows(SimilarityException.class,
                () -> LINEAR_DEBIASED.compute(rep(m, "a.npy", gaussian(1, 3, 2)), rep(m, "b.npy", gaussian(2, 3, 2))));
        assertEquals("cka-kernel=linear-hsic=song-score needs at least 4 examples (the unbiased HSIC divides by "
                + "n(n-3)); a.npy has 3", e.getMessage());
    }

    @Test
    void mismatchedExampleCountsAreAnError() {
        SimilarityException e = assertThrows(SimilarityException.class,
                () -> LINEAR_BIASED.compute(rep(m, "a.npy", gaussian(1, 10, 2)), rep(m, "b.npy", gaussian(2, 9, 2))));
        assertEquals("a.npy has 10 examples but b.npy has 9; similarity compares the same examples in the same order",
                e.getMessage());
    }

    @Test
    void nonFiniteValuesAreReportedWithTheirPosition() {
        double[][] x = gaussian(1, 5, 3);
        x[2][1] = Double.NaN;
        SimilarityException e = assertThrows(SimilarityException.class, () -> rep(m, "run-a:hidden1", x));
        assertEquals("run-a:hidden1: NaN at example 2, feature 1 (flat index 7); similarity needs finite activations",
                e.getMessage());
        x[2][1] = 0;
        x[4][0] = Double.NEGATIVE_INFINITY;
        e = assertThrows(SimilarityException.class, () -> rep(m, "b", x));
        assertEquals("b: -Inf at example 4, feature 0 (flat index 12); similarity needs finite activations", e.getMessage());
    }

    @Test
    void unsupportedDtypesEmptyArraysAndScalarsAreRejected() {
        SimilarityException e = assertThrows(SimilarityException.class,
                () -> Representation.of("ids.npy", m.create(new long[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2))));
        assertEquals("ids.npy: unsupported dtype int64 (numpy '<i8'); similarity needs floating-point activations "
                + "(float16, float32 or float64)", e.getMessage());
        e = assertThrows(SimilarityException.class,
                () -> Representation.of("empty.npy", m.zeros(new ai.djl.ndarray.types.Shape(0, 16))));
        assertEquals("empty.npy: empty array (shape [0, 16])", e.getMessage());
        e = assertThrows(SimilarityException.class, () -> Representation.of("s.npy", m.create(1.0)));
        assertEquals("s.npy: a scalar is not a representation; expected [examples, features...]", e.getMessage());
    }

    @Test
    void leadingShapeIsFlattenedPerExample() {
        double[][] x = gaussian(60, 6, 12);
        double[] flat = new double[72];
        for (int i = 0; i < 6; i++) {
            System.arraycopy(x[i], 0, flat, i * 12, 12);
        }
        Representation image = Representation.of("img", m.create(flat, new ai.djl.ndarray.types.Shape(6, 3, 2, 2)));
        assertEquals(12, image.features());
        assertEquals(1.0, LINEAR_BIASED.compute(image, rep(m, "flat", x)), 1e-12);
    }

    @Test
    void constantRepresentationIsAnError() {
        double[][] x = new double[6][2];
        SimilarityException e = assertThrows(SimilarityException.class,
                () -> LINEAR_BIASED.compute(rep(m, "zeros", x), rep(m, "b", gaussian(3, 6, 2))));
        assertEquals("zeros: zero variance (all examples identical), so CKA is undefined", e.getMessage());
    }

    static void addNoise(double[][] y, long seed) {
        double[][] noise = gaussian(seed, y.length, y[0].length);
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y[0].length; j++) {
                y[i][j] += 0.7 * noise[i][j];
            }
        }
    }
}
