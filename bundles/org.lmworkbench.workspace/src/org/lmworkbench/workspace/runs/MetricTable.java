package org.lmworkbench.workspace.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.workspace.runs.ViewSettings.XAxis;

/**
 * The numeric content of one JSON-lines run file, kept as columns: one row per record, one column
 * per key ever seen (NaN where a record lacks it). Columns of primitive doubles keep a run of a
 * million logged steps at a few bytes per value instead of a JSON tree per line, and appending a
 * poll's new lines costs only those lines.
 * <p>
 * Not thread-safe: one poller appends and reads.
 */
public final class MetricTable {

    private static final int INITIAL = 256;

    private double[] steps = new double[INITIAL];
    private double[] wallTimes = new double[INITIAL];
    private final Map<String, double[]> columns = new LinkedHashMap<>();
    private int rows;

    /** Rows appended so far. */
    public int rows() {
        return rows;
    }

    /** Keys of the columns, in the order they first appeared. */
    public List<String> keys() {
        return new ArrayList<>(columns.keySet());
    }

    /** True if some record had {@code key}. */
    public boolean has(String key) {
        return columns.containsKey(key);
    }

    /**
     * Appends one record.
     *
     * @param step     its step
     * @param wallTime its wall time in seconds, NaN if it has none
     * @param values   its other numeric values by key
     */
    public void append(long step, double wallTime, Map<String, Double> values) {
        ensureCapacity(rows + 1);
        steps[rows] = step;
        wallTimes[rows] = wallTime;
        for (double[] column : columns.values()) {
            column[rows] = Double.NaN;
        }
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double[] column = columns.get(e.getKey());
            if (column == null) {
                column = new double[steps.length];
                Arrays.fill(column, 0, rows, Double.NaN);
                columns.put(e.getKey(), column);
            }
            column[rows] = e.getValue();
        }
        rows++;
    }

    /** Forgets every row, for a file that was replaced. */
    public void clear() {
        rows = 0;
        columns.clear();
    }

    /** Number of rows with a finite value of {@code key}. */
    public int count(String key) {
        double[] column = columns.get(key);
        int n = 0;
        for (int i = 0; column != null && i < rows; i++) {
            if (Double.isFinite(column[i])) {
                n++;
            }
        }
        return n;
    }

    /**
     * The points of {@code key} that have a finite value (and, on the wall-time axis, a finite time).
     * An unknown key gives an empty series.
     */
    public Series series(String key, XAxis axis) {
        double[] column = columns.get(key);
        if (column == null) {
            return Series.EMPTY;
        }
        double[] xs = axis == XAxis.WALL_TIME ? wallTimes : steps;
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (Double.isFinite(column[i]) && Double.isFinite(xs[i])) {
                n++;
            }
        }
        double[] s = new double[n];
        double[] x = new double[n];
        double[] y = new double[n];
        int j = 0;
        for (int i = 0; i < rows; i++) {
            if (Double.isFinite(column[i]) && Double.isFinite(xs[i])) {
                s[j] = steps[i];
                x[j] = xs[i];
                y[j] = column[i];
                j++;
            }
        }
        return new Series(s, x, y);
    }

    /** Bytes held by the columns (capacity, not only the rows in use), for the benchmark's report. */
    public long bytes() {
        return 8L * steps.length * (2 + columns.size());
    }

    private void ensureCapacity(int needed) {
        if (needed <= steps.length) {
            return;
        }
        int capacity = Math.max(needed, steps.length + (steps.length >> 1));
        steps = Arrays.copyOf(steps, capacity);
        wallTimes = Arrays.copyOf(wallTimes, capacity);
        columns.replaceAll((key, column) -> Arrays.copyOf(column, capacity));
    }

    /**
     * One metric of one run as plotted: parallel arrays of step, x and y, with only finite y values
     * (a missing or diverged value is a gap, not a point at infinity).
     *
     * @param steps optimizer step of each point, ascending as logged
     * @param x     horizontal position (the step itself, or the wall time)
     * @param y     metric value
     */
    public record Series(double[] steps, double[] x, double[] y) {

        /** A series without points. */
        public static final Series EMPTY = new Series(new double[0], new double[0], new double[0]);

        /** Checks that the arrays are parallel. */
        public Series {
            if (steps.length != x.length || x.length != y.length) {
                throw new IllegalArgumentException("steps, x and y differ in length: " + steps.length + ", " + x.length
                        + ", " + y.length);
            }
        }

        /** Number of points. */
        public int size() {
            return y.length;
        }

        /** The same points with other y values (e.g. smoothed). */
        public Series withY(double[] newY) {
            return new Series(steps, x, newY);
        }
    }
}
