package org.lmworkbench.ui.charts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where an axis gets its ticks and what they read, one rule for the screen ({@link AxisPainter})
 * and the SVG export ({@link PlotSvg}):
 * <ul>
 * <li>linear axes: round 1-2-5 steps;</li>
 * <li>logarithmic axes: the powers of ten (every k-th when there are many), with 2 and 5 times each
 * power between them when the range spans few decades, and round linear steps when it lies within
 * one decade;</li>
 * <li>fixed ticks: the values a caller names (the widths of a sweep), those inside the range.</li>
 * </ul>
 * Labels of one axis share one style: plain numbers where they are short, otherwise powers of ten as
 * {@code 10⁻⁵} and {@code 2×10⁻⁵} on log axes and {@code 2.5e-7} on linear ones.
 */
final class Ticks {

    /** The ticks of one axis: increasing values and the label of each. */
    record TickSet(double[] values, String[] labels) {

        static final TickSet EMPTY = new TickSet(new double[0], new String[0]);

        int size() {
            return values.length;
        }

        /** The longest label, for reserving room. */
        String widest() {
            String w = "";
            for (String s : labels) {
                if (s.length() > w.length()) {
                    w = s;
                }
            }
            return w;
        }
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final char SUPERSCRIPT_MINUS = '⁻';
    private static final double EPS = 1e-9;

    private Ticks() {
    }

    /**
     * The ticks of an axis over [lo, hi] with at most {@code max} ticks (at least 2 are asked for).
     *
     * @param fixed values to label instead of computed ones, or null
     */
    static TickSet of(double lo, double hi, boolean log, int max, double[] fixed) {
        if (fixed != null) {
            return fixed(fixed, lo, hi, log, max);
        }
        return log ? log(lo, hi, max) : linear(lo, hi, max);
    }

    /** Round-numbered ticks inside [lo, hi], at most {@code max} of them. */
    static TickSet linear(double lo, double hi, int max) {
        double[] values = linearValues(lo, hi, max);
        String[] labels = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = label(values[i]);
        }
        return new TickSet(values, labels);
    }

    private static double[] linearValues(double lo, double hi, int max) {
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            return Double.isFinite(lo) ? new double[] { lo } : new double[0];
        }
        for (int target = Math.max(1, max); target >= 1; target--) {
            double step = step(span, target);
            List<Double> ticks = new ArrayList<>();
            long first = (long) Math.ceil(lo / step - EPS);
            for (long k = first; k * step <= hi + step * EPS && ticks.size() <= max; k++) {
                double v = k * step;
                // k * step carries binary noise (0.30000000000000004); the decimal value is the tick
                ticks.add(Math.abs(v) < step * EPS ? 0 : Double.parseDouble(String.format(Locale.ROOT, "%.12g", v)));
            }
            if (ticks.size() <= Math.max(1, max)) {
                return ticks.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        return new double[] { lo };
    }

    /** The 1-2-5 step that gives about {@code target} intervals over {@code span}. */
    static double step(double span, int target) {
        double raw = span / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] { 1, 2, 5, 10 }) {
            if (m * magnitude >= raw * (1 - EPS)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Ticks of a logarithmic axis over [lo, hi] (lo > 0), at most {@code max} of them. */
    static TickSet log(double lo, double hi, int max) {
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            return TickSet.EMPTY;
        }
        max = Math.max(2, max);
        int a = (int) Math.ceil(Math.log10(lo) - EPS);
        int b = (int) Math.floor(Math.log10(hi) + EPS);
        int decades = b - a + 1;
        List<double[]> ticks; // {mantissa, exponent}
        if (decades > 3) {
            int stride = (int) Math.ceil(decades / (double) max);
            ticks = new ArrayList<>();
            for (int e = a; e <= b; e++) {
                if (Math.floorMod(e, stride) == 0) {
                    ticks.add(new double[] { 1, e });
                }
            }
            if (ticks.size() < 2) {
                ticks = List.of(new double[] { 1, a }, new double[] { 1, b });
            }
        } else {
            ticks = mantissas(lo, hi, a - 1, b, new double[] { 1, 2, 5 });
            if (ticks.size() > max) {
                ticks = mantissas(lo, hi, a, b, new double[] { 1 });
            } else if (ticks.size() < 3) {
                // within about one decade: round steps read better than a single power of ten
                double[] linear = Arrays.stream(linearValues(lo, hi, Math.min(max, 6))).filter(v -> v > 0).toArray();
                if (linear.length > ticks.size()) {
                    return labelled(linear, true);
                }
            }
        }
        double[] values = new double[ticks.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = power(ticks.get(i)[0], (int) ticks.get(i)[1]);
        }
        return labelled(values, true);
    }

    private static List<double[]> mantissas(double lo, double hi, int from, int to, double[] ms) {
        List<double[]> out = new ArrayList<>();
        for (int e = from; e <= to; e++) {
            for (double m : ms) {
                double v = power(m, e);
                if (v >= lo * (1 - EPS) && v <= hi * (1 + EPS)) {
                    out.add(new double[] { m, e });
                }
            }
        }
        return out;
    }

    /** m * 10^e as the nearest double to the decimal number (1e-11, not 1.0000000000000001e-11). */
    private static double power(double m, int e) {
        return Double.parseDouble((long) m + "e" + e);
    }

    /** The given values that lie inside [lo, hi] (and are positive on a log axis), thinned to {@code max}. */
    static TickSet fixed(double[] given, double lo, double hi, boolean log, int max) {
        double[] inside = Arrays.stream(given).filter(Double::isFinite).filter(v -> !log || v > 0)
                .filter(v -> v >= lo - Math.abs(lo) * EPS && v <= hi + Math.abs(hi) * EPS).sorted().distinct()
                .toArray();
        int stride = (int) Math.ceil(inside.length / (double) Math.max(1, max));
        if (stride > 1) {
            double[] thinned = new double[(inside.length + stride - 1) / stride];
            for (int i = 0; i < thinned.length; i++) {
                thinned[i] = inside[i * stride];
            }
            inside = thinned;
        }
        return labelled(inside, log);
    }

    /** Labels in one style for the whole axis. */
    private static TickSet labelled(double[] values, boolean log) {
        boolean plain = true;
        for (double v : values) {
            double abs = Math.abs(v);
            plain &= v == 0 || (abs >= 1e-3 && abs < 1e5);
        }
        String[] labels = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = plain || !log ? label(values[i]) : powerLabel(values[i]);
        }
        return new TickSet(values, labels);
    }

    /** {@code 10⁻¹¹}, {@code 2×10⁻¹¹}: how log axes read far from 1. */
    static String powerLabel(double v) {
        int e = (int) Math.floor(Math.log10(Math.abs(v)) + EPS);
        double m = v / Math.pow(10, e);
        String mantissa = plain(Math.round(m * 100) / 100.0);
        String power = "10" + superscript(e);
        return "1".equals(mantissa) ? power : "-1".equals(mantissa) ? "-" + power : mantissa + "\u00d7" + power;
    }

    private static String superscript(int e) {
        StringBuilder b = new StringBuilder();
        if (e < 0) {
            b.append(SUPERSCRIPT_MINUS);
        }
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
            b.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return b.toString();
    }

    /** A short label: plain for ordinary magnitudes, {@code 2.5e-4} style otherwise. */
    static String label(double v) {
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e5 || abs < 1e-3) {
            int e = (int) Math.floor(Math.log10(abs) + EPS);
            double m = v / Math.pow(10, e);
            return plain(Math.round(m * 100) / 100.0) + "e" + e;
        }
        return plain(Double.parseDouble(String.format(Locale.ROOT, "%.6g", v)));
    }

    private static String plain(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
