package org.lmworkbench.ui.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The palette starts with tab10 (or the user's colours) and goes on with colours that repeat none
 * of them: 25 runs get 25 tellable colours.
 */
class PaletteTest {

    @AfterEach
    void restore() {
        Palette.set(null);
    }

    @Test
    void startsWithTab10() {
        assertEquals(10, Palette.size());
        assertEquals(new RGB(0x1f, 0x77, 0xb4), Palette.colour(0));
        assertEquals(new RGB(0xff, 0x7f, 0x0e), Palette.colour(1));
        assertEquals(new RGB(0x17, 0xbe, 0xcf), Palette.colour(9));
        assertEquals(Palette.colour(9), Palette.colour(-1));
    }

    @Test
    void twentyFiveRunsGetTwentyFiveDistinctColoursThatReadOnWhite() {
        int n = 25;
        double[][] lab = new double[n][];
        for (int i = 0; i < n; i++) {
            lab[i] = Palette.Lab.of(Palette.colour(i));
            assertTrue(lab[i][0] <= 75, "colour " + i + " " + Palette.colour(i) + " is too light for a white plot");
            assertEquals(Palette.colour(i), Palette.colour(i), "stable");
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                min = Math.min(min, Palette.Lab.deltaE(lab[i], lab[j]));
            }
        }
        // tab10's own closest pair (purple and pink) is 27.7 apart; no generated colour comes closer
        assertTrue(min >= 27, "closest pair of the first 25 colours: delta E " + min);
        assertNotEquals(Palette.colour(0), Palette.colour(10), "the eleventh run no longer repeats the first");
    }

    @Test
    void labConversionMatchesPublishedValues() {
        // sRGB primaries and white in CIELAB (D65), as tabulated e.g. by Bruce Lindbloom's calculator
        assertArrayEquals(new double[] { 53.2408, 80.0925, 67.2032 }, Palette.Lab.of(new RGB(255, 0, 0)), 1e-3);
        assertArrayEquals(new double[] { 87.7347, -86.1827, 83.1793 }, Palette.Lab.of(new RGB(0, 255, 0)), 1e-3);
        assertArrayEquals(new double[] { 32.2970, 79.1875, -107.8602 }, Palette.Lab.of(new RGB(0, 0, 255)), 1e-3);
        assertArrayEquals(new double[] { 100, 0, 0 }, Palette.Lab.of(new RGB(255, 255, 255)), 1e-3);
    }

    @Test
    void userColoursComeFirstAndTheRestIsGenerated() {
        Palette.set(new RGB[] { new RGB(1, 2, 3), null, new RGB(4, 5, 6) });
        assertEquals(2, Palette.size());
        assertEquals(new RGB(1, 2, 3), Palette.colour(0));
        assertEquals(new RGB(4, 5, 6), Palette.colour(1));
        assertNotEquals(new RGB(1, 2, 3), Palette.colour(2));
        Palette.set(new RGB[0]);
        assertEquals(new RGB(0x1f, 0x77, 0xb4), Palette.colour(0));
    }
}
