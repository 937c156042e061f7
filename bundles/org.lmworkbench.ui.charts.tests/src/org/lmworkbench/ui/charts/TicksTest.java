package org.lmworkbench.ui.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Tick positions and labels: powers of ten on log axes (with 2 and 5 between them over few
 * decades), no "..." or 11-decimal labels, and exactly the given values where a caller fixes them.
 */
class TicksTest {

    /** A power of ten as the labels write it: 10⁻¹¹, 10³, or a plain 0.001 .. 10000. */
    private static final Pattern POWER = Pattern.compile("10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|1|10+|0\\.0*1");

    @Test
    void aLossFallingElevenDecadesIsLabelledAtPowersOfTenOnly() {
        // the Runs view's log y over a loss from 1 to 1e-11 (the range PlotChart gives it)
        Ticks.TickSet ticks = Ticks.log(Math.pow(10, -11.55), Math.pow(10, 0.55), 8);
        assertTrue(ticks.size() >= 3 && ticks.size() <= 8, Arrays.toString(ticks.labels()));
        for (int i = 0; i < ticks.size(); i++) {
            double v = ticks.values()[i];
            assertEquals(Math.rint(Math.log10(v)), Math.log10(v), 1e-12, "a power of ten: " + v);
            assertTrue(POWER.matcher(ticks.labels()[i]).matches(), "label " + ticks.labels()[i]);
        }
        assertTrue(List.of(ticks.labels()).contains("10⁻¹⁰"), Arrays.toString(ticks.labels()));
        for (String label : ticks.labels()) {
            assertTrue(!label.contains("...") && !label.contains(":") && !label.startsWith("0.0000"), label);
        }
    }

    @Test
    void everyDecadeWhileTheyFit() {
        Ticks.TickSet ticks = Ticks.log(0.9e-6, 1.1, 20);
        assertArrayEquals(new double[] { 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1 }, ticks.values());
        // one style per axis: these reach below 0.001, so all are powers
        assertArrayEquals(new String[] { "10⁻⁶", "10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰" }, ticks.labels());
    }

    @Test
    void fewDecadesGetTwoAndFiveBetweenThePowers() {
        Ticks.TickSet ticks = Ticks.log(0.8, 120, 12);
        assertArrayEquals(new double[] { 1, 2, 5, 10, 20, 50, 100 }, ticks.values());
        assertArrayEquals(new String[] { "1", "2", "5", "10", "20", "50", "100" }, ticks.labels());
        // with less room only the powers stay
        assertArrayEquals(new double[] { 1, 10, 100 }, Ticks.log(0.8, 120, 4).values());
    }

    @Test
    void withinOneDecadeRoundStepsAreUsed() {
        Ticks.TickSet ticks = Ticks.log(0.21, 0.79, 8);
        assertTrue(ticks.size() >= 3, Arrays.toString(ticks.labels()));
        for (String label : ticks.labels()) {
            assertTrue(label.matches("0\\.\\d"), label);
        }
    }

    @Test
    void fixedTicksAreExactlyTheValuesGiven() {
        Ticks.TickSet ticks = Ticks.of(30, 140, true, 10, new double[] { 128, 32, 64, 256 });
        assertArrayEquals(new double[] { 32, 64, 128 }, ticks.values(), "256 is out of range");
        assertArrayEquals(new String[] { "32", "64", "128" }, ticks.labels());
    }

    @Test
    void linearTicksAreRoundAndFreeOfBinaryNoise() {
        Ticks.TickSet ticks = Ticks.linear(-0.05, 1.05, 6);
        assertArrayEquals(new double[] { 0, 0.2, 0.4, 0.6, 0.8, 1 }, ticks.values());
        assertArrayEquals(new String[] { "0", "0.2", "0.4", "0.6", "0.8", "1" }, ticks.labels());
        assertArrayEquals(new String[] { "0.3", "0.4", "0.5" }, Ticks.linear(0.25, 0.55, 4).labels());
        assertEquals("2.5e-7", Ticks.label(2.5e-7));
    }

    @Test
    void powerLabels() {
        assertEquals("10⁻¹¹", Ticks.powerLabel(1e-11));
        assertEquals("2×10⁻⁵", Ticks.powerLabel(2e-5));
        assertEquals("5×10¹²", Ticks.powerLabel(5e12));
    }
}
