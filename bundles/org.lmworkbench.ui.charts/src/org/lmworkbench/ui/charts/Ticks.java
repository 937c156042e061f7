package org.lmworkbench.ui.charts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Axis tick positions (1-2-5 steps, or decades on a log axis) and their labels, for the SVG export. */
final class Ticks {

    private Ticks() {
    }

    /** About {@code target} round-numbered ticks inside [lo, hi]. */
    static double[] linear(double lo, double hi, int target) {
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            return Double.isFinite(lo) ? new double[] { lo } : new double[0];
        }
        double step = step(span, target);
        List<Double> ticks = new ArrayList<>();
        long first = (long) Math.ceil(lo / step - 1e-9);
        for (long k = first; k * step <= hi + step * 1e-9 && ticks.size() < 100; k++) {
            double v = k * step;
            ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double step(double span, int target) {
        double raw = span / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] { 1, 2, 5, 10 }) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Powers of ten inside [lo, hi] (lo > 0); falls back to linear ticks inside one decade. */
    static double[] log(double lo, double hi) {
        int a = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int b = (int) Math.floor(Math.log10(hi) + 1e-9);
        if (b - a + 1 < 2) {
            return java.util.Arrays.stream(linear(lo, hi, 4)).filter(v -> v > 0).toArray();
        }
        int stride = Math.max(1, (b - a + 1) / 8);
        List<Double> ticks = new ArrayList<>();
        for (int e = a; e <= b; e += stride) {
            ticks.add(Math.pow(10, e));
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A short label: plain for ordinary magnitudes, {@code 2.5e-4} style otherwise. */
    static String label(double v) {
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e5 || abs < 1e-3) {
            int e = (int) Math.floor(Math.log10(abs));
            double m = v / Math.pow(10, e);
            return plain(Math.round(m * 100) / 100.0) + "e" + e;
        }
        return plain(Double.parseDouble(String.format(Locale.ROOT, "%.6g", v)));
    }

    private static String plain(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
