package org.lmworkbench.workspace.runs.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.lmworkbench.workspace.runs.SpecKeys;
import org.lmworkbench.workspace.runs.table.MetricStats.Stat;

/**
 * The geometry of a parallel-coordinates chart of a sweep, without drawing: one vertical axis per
 * spec key that varies and a last one for a metric value, each run a polyline through its values,
 * coloured by the metric. Positions are fractions of an axis's height (0 at the bottom): numbers on
 * a linear scale, or a logarithmic one when they are all positive and span two decades or more (as
 * learning rates do); text and flags as evenly spaced categories in sorted order.
 *
 * @param axes  the axes, left to right (the metric last)
 * @param lines one per run, in the order given
 */
public record ParallelAxes(List<Axis> axes, List<Polyline> lines) {

    /** Up to this many distinct values, a numeric axis is labelled at each of them. */
    static final int MAX_VALUE_TICKS = 8;

    /**
     * One axis.
     *
     * @param title      the spec key, or the metric column's title
     * @param log        true for a logarithmic scale
     * @param min        least value (numeric axes)
     * @param max        greatest value (numeric axes)
     * @param categories the values of a categorical axis, bottom to top; empty for numeric axes
     * @param ticks      where a numeric axis is labelled: the values the runs have when they are few
     *                   (a sweep's grid: widths 32, 64, 128, 256), else empty for evenly spaced labels
     */
    public record Axis(String title, boolean log, double min, double max, List<String> categories,
            List<Double> ticks) {

        /** Copies the categories and ticks. */
        public Axis {
            categories = List.copyOf(categories);
            ticks = List.copyOf(ticks);
        }

        /** True if the axis shows categories rather than numbers. */
        public boolean categorical() {
            return !categories.isEmpty();
        }

        /** Where {@code value} sits on the axis, in [0, 1]; NaN for none. */
        public double position(Object value) {
            if (RunColumn.missing(value)) {
                return Double.NaN;
            }
            if (categorical()) {
                int i = categories.indexOf(SpecKeys.format(value));
                return i < 0 ? Double.NaN : categories.size() == 1 ? 0.5 : (double) i / (categories.size() - 1);
            }
            if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                return Double.NaN;
            }
            double v = n.doubleValue();
            if (max == min) {
                return 0.5;
            }
            return log ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (v - min) / (max - min);
        }

        /** The value at a position in [0, 1] of a numeric axis, for tick labels. */
        public double valueAt(double position) {
            return log ? Math.exp(Math.log(min) + position * (Math.log(max) - Math.log(min)))
                    : min + position * (max - min);
        }
    }

    /**
     * One run.
     *
     * @param run       the run
     * @param positions its position on each axis, NaN where it has no value
     * @param colour    its position on the metric axis, the colour scale's input; NaN without a value
     */
    public record Polyline(RunSummary run, double[] positions, double colour) {
    }

    /**
     * The chart of {@code runs} over {@code keys} and the metric column {@code metric}.
     *
     * @param keys spec keys, one axis each (usually the keys that vary)
     */
    public static ParallelAxes of(List<RunSummary> runs, List<String> keys, RunColumn.Metric metric) {
        Objects.requireNonNull(metric, "metric");
        List<RunColumn> columns = new ArrayList<>();
        keys.forEach(k -> columns.add(new RunColumn.SpecKey(k)));
        columns.add(metric);
        List<Axis> axes = new ArrayList<>();
        for (RunColumn column : columns) {
            String title = column instanceof RunColumn.SpecKey k ? k.key() : metric.stat().word() + " " + metric.metric();
            axes.add(axis(title, runs.stream().map(column::value).toList()));
        }
        List<Polyline> lines = new ArrayList<>();
        for (RunSummary run : runs) {
            double[] positions = new double[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                positions[i] = axes.get(i).position(columns.get(i).value(run));
            }
            lines.add(new Polyline(run, positions, positions[positions.length - 1]));
        }
        return new ParallelAxes(List.copyOf(axes), List.copyOf(lines));
    }

    /** The metric column a chart of {@code metric} shows by default: its final value. */
    public static RunColumn.Metric finalValue(String metric) {
        return new RunColumn.Metric(metric, Stat.FINAL);
    }

    private static Axis axis(String title, List<Object> values) {
        boolean numeric = values.stream().allMatch(v -> RunColumn.missing(v) || v instanceof Number);
        if (numeric) {
            TreeSet<Double> distinct = new TreeSet<>();
            for (Object v : values) {
                if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                    distinct.add(n.doubleValue());
                }
            }
            if (distinct.isEmpty()) {
                return new Axis(title, false, 0, 1, List.of(), List.of());
            }
            double min = distinct.first();
            double max = distinct.last();
            boolean log = min > 0 && max / min >= 100;
            // A grid's own values say more than round numbers between them (no "144" on a width axis).
            List<Double> ticks = distinct.size() <= MAX_VALUE_TICKS ? new ArrayList<>(distinct) : List.of();
            return new Axis(title, log, min, max, List.of(), ticks);
        }
        TreeSet<String> categories = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        values.stream().filter(v -> !RunColumn.missing(v)).forEach(v -> categories.add(SpecKeys.format(v)));
        return new Axis(title, false, 0, 0, new ArrayList<>(categories), List.of());
    }
}
