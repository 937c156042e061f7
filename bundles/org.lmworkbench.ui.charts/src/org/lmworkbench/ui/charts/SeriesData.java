package org.lmworkbench.ui.charts;

import org.eclipse.swt.graphics.RGB;

/**
 * The full data of one series of a {@link PlotChart}, independent of what is on screen. Data ranges
 * are kept up to date on every append so that fitting the axes never rescans a long run.
 */
final class SeriesData {

    /** What the series is drawn as. */
    enum Kind {
        LINE, POINTS, BAND, HORIZONTAL, VERTICAL
    }

    final String id;
    final String label;
    final Kind kind;
    final RGB colour;
    final boolean secondary;
    /** x of lines, points and bands. */
    final DoubleList x;
    /** y of lines and points; the lower edge of a band. */
    final DoubleList y;
    /** The upper edge of a band; null otherwise. */
    final DoubleList upper;
    /** The position of a horizontal or vertical line. */
    final double value;

    boolean sorted = true;
    double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY,
            xMinPositive = Double.POSITIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY,
            yMinPositive = Double.POSITIVE_INFINITY;

    private SeriesData(String id, String label, Kind kind, RGB colour, boolean secondary, int capacity,
            boolean band, double value) {
        this.id = id;
        this.label = label == null ? "" : label;
        this.kind = kind;
        this.colour = colour == null ? Palette.colour(0) : new RGB(colour.red, colour.green, colour.blue);
        this.secondary = secondary;
        this.x = new DoubleList(capacity);
        this.y = new DoubleList(capacity);
        this.upper = band ? new DoubleList(capacity) : null;
        this.value = value;
    }

    static SeriesData xy(String id, String label, Kind kind, double[] x, double[] y, RGB colour,
            boolean secondary) {
        checkLengths(id, x, y, "y");
        SeriesData s = new SeriesData(id, label, kind, colour, secondary, x.length, false, Double.NaN);
        s.append(x, y);
        return s;
    }

    static SeriesData band(String id, double[] x, double[] lower, double[] upper, RGB colour) {
        checkLengths(id, x, lower, "lower");
        checkLengths(id, x, upper, "upper");
        SeriesData s = new SeriesData(id, "", Kind.BAND, colour, false, x.length, true, Double.NaN);
        s.appendX(x);
        s.y.append(lower, 0, lower.length);
        s.upper.append(upper, 0, upper.length);
        s.includeY(lower);
        s.includeY(upper);
        return s;
    }

    static SeriesData straight(String id, String label, Kind kind, double value, RGB colour) {
        SeriesData s = new SeriesData(id, label, kind, colour, false, 0, false, value);
        if (kind == Kind.HORIZONTAL) {
            s.includeY(new double[] { value });
        } else {
            s.includeXRange(value);
        }
        return s;
    }

    private static void checkLengths(String id, double[] x, double[] other, String what) {
        if (x == null || other == null) {
            throw new IllegalArgumentException("Series '" + id + "': x and " + what + " must not be null");
        }
        if (x.length != other.length) {
            throw new IllegalArgumentException("Series '" + id + "': x has " + x.length + " values but " + what
                    + " has " + other.length);
        }
    }

    /** Appends points; amortised O(new points). */
    void append(double[] nx, double[] ny) {
        if (kind != Kind.LINE && kind != Kind.POINTS) {
            throw new IllegalArgumentException("Series '" + id + "' is a " + kind.name().toLowerCase()
                    + "; only lines and points take appended data");
        }
        checkLengths(id, nx, ny, "y");
        appendX(nx);
        y.append(ny, 0, ny.length);
        includeY(ny);
    }

    private void appendX(double[] nx) {
        double previous = x.size() == 0 ? Double.NEGATIVE_INFINITY : x.get(x.size() - 1);
        for (double v : nx) {
            if (!(v >= previous) || !Double.isFinite(v)) {
                sorted = false;
            }
            previous = v;
            includeXRange(v);
        }
        x.append(nx, 0, nx.length);
    }

    private void includeXRange(double v) {
        if (Double.isFinite(v)) {
            xMin = Math.min(xMin, v);
            xMax = Math.max(xMax, v);
            if (v > 0) {
                xMinPositive = Math.min(xMinPositive, v);
            }
        }
    }

    private void includeY(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                yMin = Math.min(yMin, v);
                yMax = Math.max(yMax, v);
                if (v > 0) {
                    yMinPositive = Math.min(yMinPositive, v);
                }
            }
        }
    }

    boolean isXy() {
        return kind == Kind.LINE || kind == Kind.POINTS;
    }
}
