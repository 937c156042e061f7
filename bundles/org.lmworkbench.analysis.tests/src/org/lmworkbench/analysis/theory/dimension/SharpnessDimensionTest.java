package org.lmworkbench.analysis.theory.dimension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmworkbench.analysis.spectral.SpectralQuadrature;

/**
 * The Kaplan-Yorke sharpness dimension on the REFERENCES spectra (Tuci et al. 2026) and on spectra
 * whose exponents are worked out by hand.
 */
class SharpnessDimensionTest {

    private static final double[] ALPHA = {30, 22, 12, 5, 1};

    @Test
    void referenceSpectrum() {
        // exponents ln|1 - 0.1 alpha|: ln 2, ln 1.2, ln 0.9, ln 0.5, ln 0.2 (already decreasing)
        double[] l = SharpnessDimension.exponents(List.of(ALPHA), 0.1);
        assertArrayEquals(new double[] {Math.log(2), Math.log(1.2), Math.log(0.9), Math.log(0.5), Math.log(0.2)}, l,
                1e-15);
        double partial = Math.log(2) + Math.log(1.2) + Math.log(0.9) + Math.log(0.5);
        assertEquals(4 + partial / -Math.log(0.2), SharpnessDimension.kaplanYorke(l), 1e-14);
        assertEquals(4.0478, SharpnessDimension.kaplanYorke(l), 1e-4);
        SharpnessDimensionEstimate e = SharpnessDimension.ofMinibatchSpectra(List.of(ALPHA), 0.1);
        assertEquals(4.0478, e.value(), 1e-4);
        assertEquals(4, e.jStar());
        assertEquals(5, e.dimension());
        assertTrue(Double.isNaN(e.standardError()), "one sample has no spread");
    }

    @Test
    void zeroEigenvaluesCountTowardTheDimension() {
        double[] padded = {30, 22, 0, 12, 0, 5, 0, 1, 0, 0};
        assertEquals(9.0478, SharpnessDimension.ofMinibatchSpectra(List.of(padded), 0.1).value(), 1e-4);
        assertEquals(SharpnessDimension.ofMinibatchSpectra(List.of(ALPHA), 0.1).value() + 5,
                SharpnessDimension.ofMinibatchSpectra(List.of(padded), 0.1).value(), 1e-13);
    }

    @Test
    void minibatchExponentsAreRankWiseAverages() {
        // eta = 0.5: ln|1 - alpha/2| = ln 3 (alpha 8), ln 1 (0), ln 0.5 (1), ln 2 (6), ln 0.05 (1.9), ln 1.5 (5)
        List<double[]> spectra = List.of(new double[] {8, 0, 1}, new double[] {6, 1.9, 5});
        double[] l = SharpnessDimension.exponents(spectra, 0.5);
        double[] expected = {(Math.log(3) + Math.log(2)) / 2, (0 + Math.log(1.5)) / 2, (Math.log(0.5) + Math.log(0.05)) / 2};
        assertArrayEquals(expected, l, 1e-15);
        SharpnessDimensionEstimate e = SharpnessDimension.ofMinibatchSpectra(spectra, 0.5);
        double partial = expected[0] + expected[1];
        assertEquals(2 + partial / -expected[2], SharpnessDimension.kaplanYorke(l), 1e-14);
        assertEquals(SharpnessDimension.kaplanYorke(l), e.value(), 1e-14);
        // jackknife of two samples: sqrt(1/2 * ((SD_2 - m)^2 + (SD_1 - m)^2)) with m their mean = |SD_1 - SD_2| / 2
        double sd1 = SharpnessDimension.ofMinibatchSpectra(List.of(spectra.get(0)), 0.5).value();
        double sd2 = SharpnessDimension.ofMinibatchSpectra(List.of(spectra.get(1)), 0.5).value();
        assertEquals(Math.abs(sd1 - sd2) / 2, e.standardError(), 1e-14);
    }

    @Test
    void contractingAndExpandingExtremes() {
        assertEquals(0, SharpnessDimension.ofMinibatchSpectra(List.of(new double[] {1, 2, 3}), 0.1).value());
        assertEquals(3, SharpnessDimension.ofMinibatchSpectra(List.of(new double[] {25, 30, 0}), 0.1).value());
        // eta alpha = 1 exactly: exponent -inf, the fraction after j* is 0
        assertEquals(2, SharpnessDimension.ofMinibatchSpectra(List.of(new double[] {30, 0, 10}), 0.1).value());
        assertEquals(0, SharpnessDimension.kaplanYorke(new double[] {-0.1, -1}));
    }

    @Test
    void quadratureWithExactNodesAndEqualWeightsIsTheExactValue() {
        double[] alpha = {40, 25, 21, 18, 9, 3, 0.5, 0.1, 0, -0.2};
        double[] weights = new double[alpha.length];
        java.util.Arrays.fill(weights, 1.0 / alpha.length);
        ExponentProfile p = ExponentProfile.ofQuadratureRun(alpha, weights, alpha.length, 0.1);
        ExponentProfile q = ExponentProfile.ofSpectrum(alpha, 0.1);
        for (double t = 0; t <= alpha.length; t += 0.25) {
            assertEquals(q.cumulative(t), p.cumulative(t), 1e-13, "t = " + t);
        }
        SpectralQuadrature exact = new SpectralQuadrature(new double[][] {alpha}, new double[][] {weights},
                alpha.length, 0);
        assertArrayEquals(SharpnessDimension.exponents(List.of(alpha), 0.1),
                SharpnessDimension.exponents(List.of(exact), 0.1, alpha.length), 1e-13);
        assertEquals(SharpnessDimension.ofMinibatchSpectra(List.of(alpha), 0.1).value(),
                SharpnessDimension.ofQuadrature(List.of(exact), 0.1).value(), 1e-12);
        // one node carrying the mass of ten eigenvalues: C is linear in t
        ExponentProfile lumped = ExponentProfile.ofQuadratureRun(new double[] {5}, new double[] {1}, 10, 0.1);
        assertEquals(7 * Math.log(0.5), lumped.cumulative(7), 1e-14);
    }

    @Test
    void badInputsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SharpnessDimension.ofMinibatchSpectra(List.of(new double[] {1, 2}, new double[] {1}), 0.1));
        assertTrue(e.getMessage().contains("minibatch spectrum 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SharpnessDimension.ofMinibatchSpectra(List.of(new double[] {1, Double.NaN}), 0.1));
        assertThrows(IllegalArgumentException.class, () -> SharpnessDimension.ofMinibatchSpectra(List.of(ALPHA), 0));
        assertThrows(IllegalArgumentException.class, () -> SharpnessDimension.kaplanYorke(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> ExponentProfile.ofQuadratureRun(new double[] {1}, new double[] {-0.5}, 3, 0.1));
    }
}
