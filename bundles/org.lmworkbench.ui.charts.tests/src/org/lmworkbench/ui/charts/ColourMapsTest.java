package org.lmworkbench.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.swt.graphics.RGB;
import org.junit.jupiter.api.Test;

/** Viridis against published values of matplotlib's table. */
class ColourMapsTest {

    private static void assertNear(RGB expected, RGB actual, int tolerance, String what) {
        String message = what + ": expected " + expected + " got " + actual;
        assertEquals(expected.red, actual.red, tolerance, message);
        assertEquals(expected.green, actual.green, tolerance, message);
        assertEquals(expected.blue, actual.blue, tolerance, message);
    }

    @Test
    void endpointsAreThePublishedHexColours() {
        assertEquals(new RGB(0x44, 0x01, 0x54), ColourMaps.viridis(0), "#440154");
        assertEquals(new RGB(0xfd, 0xe7, 0x25), ColourMaps.viridis(1), "#fde725");
        assertEquals(ColourMaps.viridis(0), ColourMaps.viridis(-3), "clamped below");
        assertEquals(ColourMaps.viridis(1), ColourMaps.viridis(7), "clamped above");
    }

    @Test
    void midpointAndQuartersMatchMatplotlib() {
        // matplotlib: viridis(0.5) = #21918c (entry 128), entry 64 = #3b528b, entry 191 = #5cc863
        assertNear(new RGB(0x21, 0x91, 0x8c), ColourMaps.viridis(0.5), 1, "midpoint");
        assertNear(new RGB(0x3b, 0x52, 0x8b), ColourMaps.viridis(64 / 255.0), 1, "entry 64");
        assertNear(new RGB(0x5c, 0xc8, 0x63), ColourMaps.viridis(191 / 255.0), 1, "entry 191");
    }

    @Test
    void interpolatesBetweenAnchorsWithinOneStep() {
        // entries between the stored anchors, from matplotlib's _viridis_data
        assertNear(rgb(0.166617, 0.463708, 0.558119), ColourMaps.viridis(100 / 255.0), 1, "entry 100");
        assertNear(rgb(0.119423, 0.611141, 0.538982), ColourMaps.viridis(140 / 255.0), 1, "entry 140");
        assertNear(rgb(0.626579, 0.854645, 0.223353), ColourMaps.viridis(219 / 255.0), 1, "entry 219");
        assertNear(rgb(0.983868, 0.904867, 0.136897), ColourMaps.viridis(254 / 255.0), 1, "entry 254");
    }

    @Test
    void nanIsGrey() {
        assertEquals(ColourMaps.NAN_GREY, ColourMaps.viridis(Double.NaN));
    }

    private static RGB rgb(double r, double g, double b) {
        return new RGB((int) Math.round(255 * r), (int) Math.round(255 * g), (int) Math.round(255 * b));
    }
}
