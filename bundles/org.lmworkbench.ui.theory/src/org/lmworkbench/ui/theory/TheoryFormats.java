package org.lmworkbench.ui.theory;

import java.util.Locale;

/** How the theory editor writes numbers: four significant digits, a dash for a missing value. */
final class TheoryFormats {

    /** Shown for NaN. */
    static final String NONE = "\u2013";

    private TheoryFormats() {
    }

    /** Four significant digits. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : "-\u221e";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** One decimal (steps). */
    static String steps(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : NONE;
    }

    /** A relative difference in per cent, one decimal. */
    static String percent(double measured, double predicted) {
        if (!Double.isFinite(measured) || !Double.isFinite(predicted) || predicted == 0) {
            return NONE;
        }
        return String.format(Locale.ROOT, "%+.1f %%", 100 * (measured - predicted) / predicted);
    }
}
