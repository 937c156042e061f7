package org.lmworkbench.ui.charts;

import org.eclipse.swt.graphics.RGB;

/**
 * Colour maps for heatmaps. Viridis is perceptually uniform, readable in grey scale and by people
 * with the common colour-vision deficiencies, which matters for similarity matrices read by eye.
 */
public final class ColourMaps {

    /** The colour given to values that are not numbers. */
    public static final RGB NAN_GREY = new RGB(0xb0, 0xb0, 0xb0);

    /**
     * Every 8th entry (0, 8, ..., 248) and the last entry (255) of matplotlib's 256-entry viridis
     * table (Smith, van der Walt and Firing, CC0). The map is smooth enough that linear interpolation
     * between these anchors stays within one 8-bit step of the full table.
     */
    private static final double[][] VIRIDIS = {
            { 0.267004, 0.004874, 0.329415 }, { 0.277018, 0.050344, 0.375715 },
            { 0.282327, 0.094955, 0.417331 }, { 0.282884, 0.135920, 0.453427 },
            { 0.278826, 0.175490, 0.483397 }, { 0.270595, 0.214069, 0.507052 },
            { 0.258965, 0.251537, 0.524736 }, { 0.244972, 0.287675, 0.537260 },
            { 0.229739, 0.322361, 0.545706 }, { 0.214298, 0.355619, 0.551184 },
            { 0.199430, 0.387607, 0.554642 }, { 0.185556, 0.418570, 0.556753 },
            { 0.172719, 0.448791, 0.557885 }, { 0.160665, 0.478540, 0.558115 },
            { 0.149039, 0.508051, 0.557250 }, { 0.137770, 0.537492, 0.554906 },
            { 0.127568, 0.566949, 0.550556 }, { 0.120565, 0.596422, 0.543611 },
            { 0.120638, 0.625828, 0.533488 }, { 0.132268, 0.655014, 0.519661 },
            { 0.157851, 0.683765, 0.501686 }, { 0.196571, 0.711827, 0.479221 },
            { 0.246070, 0.738910, 0.452024 }, { 0.304148, 0.764704, 0.419943 },
            { 0.369214, 0.788888, 0.382914 }, { 0.440137, 0.811138, 0.340967 },
            { 0.515992, 0.831158, 0.294279 }, { 0.595839, 0.848717, 0.243329 },
            { 0.678489, 0.863742, 0.189503 }, { 0.762373, 0.876424, 0.137064 },
            { 0.845561, 0.887322, 0.099702 }, { 0.926106, 0.897330, 0.104071 },
            { 0.993248, 0.906157, 0.143936 } };

    private ColourMaps() {
    }

    /**
     * The viridis colour at position {@code t} in [0, 1] (dark purple at 0, teal at 0.5, yellow at
     * 1): {@code t} maps linearly onto matplotlib's 256-entry table (fractional entry
     * {@code 255 * t}). Values outside [0, 1] are clamped; NaN gives
     * {@link #NAN_GREY}.
     */
    public static RGB viridis(double t) {
        if (Double.isNaN(t)) {
            return new RGB(NAN_GREY.red, NAN_GREY.green, NAN_GREY.blue);
        }
        double entry = 255 * Math.max(0, Math.min(1, t));
        // anchors sit at entries 0, 8, ..., 248, 255
        int k = Math.min((int) (entry / 8), VIRIDIS.length - 2);
        double lo = 8.0 * k;
        double hi = k == VIRIDIS.length - 2 ? 255 : lo + 8;
        double f = Math.max(0, Math.min(1, (entry - lo) / (hi - lo)));
        double[] a = VIRIDIS[k];
        double[] b = VIRIDIS[k + 1];
        return new RGB(channel(a[0], b[0], f), channel(a[1], b[1], f), channel(a[2], b[2], f));
    }

    private static int channel(double a, double b, double f) {
        return (int) Math.round(255 * (a + (b - a) * f));
    }
}
