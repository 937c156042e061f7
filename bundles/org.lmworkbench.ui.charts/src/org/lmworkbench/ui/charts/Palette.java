package org.lmworkbench.ui.charts;

import java.util.Arrays;

import org.eclipse.swt.graphics.RGB;

/**
 * The series colours charts cycle through. The default is matplotlib's "tab10" so that pictures
 * look familiar next to figures made in Python; the workbench replaces it with the user's chart
 * colours preference through {@link #set(RGB[])}.
 */
public final class Palette {

    /** matplotlib tab10, in its order. */
    private static final RGB[] TAB10 = {
            new RGB(0x1f, 0x77, 0xb4), new RGB(0xff, 0x7f, 0x0e), new RGB(0x2c, 0xa0, 0x2c),
            new RGB(0xd6, 0x27, 0x28), new RGB(0x94, 0x67, 0xbd), new RGB(0x8c, 0x56, 0x4b),
            new RGB(0xe3, 0x77, 0xc2), new RGB(0x7f, 0x7f, 0x7f), new RGB(0xbc, 0xbd, 0x22),
            new RGB(0x17, 0xbe, 0xcf) };

    private static volatile RGB[] colours = TAB10;

    private Palette() {
    }

    /**
     * The colour for the series with the given index; indices wrap around the palette (negative ones
     * too), so any index gives a colour.
     */
    public static RGB colour(int index) {
        RGB[] current = colours;
        RGB c = current[Math.floorMod(index, current.length)];
        return new RGB(c.red, c.green, c.blue);
    }

    /** The number of distinct colours before {@link #colour(int)} repeats. */
    public static int size() {
        return colours.length;
    }

    /**
     * Replaces the palette (e.g. with the user's preference colours). {@code null}, an empty array or
     * one holding only nulls restores the default tab10 palette; null entries are skipped.
     */
    public static void set(RGB[] newColours) {
        if (newColours == null) {
            colours = TAB10;
            return;
        }
        RGB[] copy = Arrays.stream(newColours).filter(c -> c != null).map(c -> new RGB(c.red, c.green, c.blue))
                .toArray(RGB[]::new);
        colours = copy.length == 0 ? TAB10 : copy;
    }

    /** The default palette (matplotlib tab10), as a fresh copy. */
    public static RGB[] defaults() {
        return Arrays.stream(TAB10).map(c -> new RGB(c.red, c.green, c.blue)).toArray(RGB[]::new);
    }
}
