package org.lmworkbench.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The default palette is tab10 and the user's colours replace it. */
class PaletteTest {

    @AfterEach
    void restore() {
        Palette.set(null);
    }

    @Test
    void defaultIsTab10AndWraps() {
        assertEquals(10, Palette.size());
        assertEquals(new RGB(0x1f, 0x77, 0xb4), Palette.colour(0));
        assertEquals(new RGB(0xff, 0x7f, 0x0e), Palette.colour(1));
        assertEquals(new RGB(0x17, 0xbe, 0xcf), Palette.colour(9));
        assertEquals(Palette.colour(0), Palette.colour(10));
        assertEquals(Palette.colour(9), Palette.colour(-1));
    }

    @Test
    void userColoursReplaceAndNullRestores() {
        Palette.set(new RGB[] { new RGB(1, 2, 3), null, new RGB(4, 5, 6) });
        assertEquals(2, Palette.size());
        assertEquals(new RGB(4, 5, 6), Palette.colour(1));
        assertEquals(new RGB(1, 2, 3), Palette.colour(2));
        Palette.set(new RGB[0]);
        assertEquals(new RGB(0x1f, 0x77, 0xb4), Palette.colour(0));
    }
}
