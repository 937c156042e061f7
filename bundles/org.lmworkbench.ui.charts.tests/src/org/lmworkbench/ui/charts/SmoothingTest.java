package org.lmworkbench.ui.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** TensorBoard's debiased EMA, checked by hand and against the closed form as a weighted mean. */
class SmoothingTest {

    @Test
    void matchesHandComputedSequence() {
        // w = 0.5: last = 0.5, 1.25, 2.125; debias = 0.5, 0.75, 0.875
        double[] s = Smoothing.debiasedEma(new double[] { 1, 2, 3 }, 0.5);
        assertArrayEquals(new double[] { 1.0, 5.0 / 3.0, 17.0 / 7.0 }, s, 1e-12);
    }

    @Test
    void nanPassesThroughAndDoesNotPoisonLaterValues() {
        // the NaN is skipped: the third value is the second finite one, last = 0.25 + 1.5, debias 0.75
        double[] s = Smoothing.debiasedEma(new double[] { 1, Double.NaN, 3, Double.POSITIVE_INFINITY }, 0.5);
        assertEquals(1.0, s[0], 1e-12);
        assertTrue(Double.isNaN(s[1]));
        assertEquals(7.0 / 3.0, s[2], 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, s[3]);
    }

    /**
     * Unrolled, the debiased EMA is the mean of the finite values so far weighted by w^(age):
     * sum w^(t-k) (1-w) y_k / (1 - w^n) = sum w^(t-k) y_k / sum w^(t-k).
     */
    @Test
    void equalsExponentiallyWeightedMean() {
        Random random = new Random(42);
        double[] y = new double[300];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 37 == 5 ? Double.NaN : Math.exp(-i / 100.0) + random.nextGaussian() * 0.1;
        }
        for (double w : new double[] { 0.0, 0.3, 0.6, 0.9, 0.99 }) {
            double[] s = Smoothing.debiasedEma(y, w);
            for (int t = 0; t < y.length; t++) {
                if (Double.isNaN(y[t])) {
                    assertTrue(Double.isNaN(s[t]));
                    continue;
                }
                double num = 0;
                double den = 0;
                int age = 0;
                for (int k = t; k >= 0; k--) {
                    if (Double.isFinite(y[k])) {
                        double weight = Math.pow(w, age++);
                        num += weight * y[k];
                        den += weight;
                    }
                }
                assertEquals(num / den, s[t], 1e-10, "w=" + w + " t=" + t);
            }
        }
    }

    @Test
    void constantInputAndZeroWeightAreUnchanged() {
        double[] c = { 0.1, 0.1, 0.1, 0.1 };
        assertArrayEquals(c, Smoothing.debiasedEma(c, 0.9));
        double[] y = { 3, 1, 4, 1, 5 };
        assertArrayEquals(y, Smoothing.debiasedEma(y, 0), 0);
        assertEquals(0, Smoothing.debiasedEma(new double[0], 0.6).length);
    }

    @Test
    void rejectsWeightsOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> Smoothing.debiasedEma(new double[] { 1 }, 1));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.debiasedEma(new double[] { 1 }, -0.1));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.debiasedEma(new double[] { 1 }, Double.NaN));
    }
}
