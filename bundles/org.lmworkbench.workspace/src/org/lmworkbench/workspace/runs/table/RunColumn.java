package org.lmworkbench.workspace.runs.table;

import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import org.lmworkbench.workspace.runs.LossFormat;
import org.lmworkbench.workspace.runs.SpecKeys;
import org.lmworkbench.workspace.runs.table.MetricStats.Stat;

/**
 * A column of the runs table: what it shows of a run, as a value to sort, filter and average by and
 * as text. Numeric columns give {@link Double}s (NaN where a run has no value), the others strings,
 * booleans or null.
 */
public sealed interface RunColumn {

    /** A stable id, for remembering the user's columns: {@code state}, {@code spec:model.width}, {@code final:test_loss}. */
    String id();

    /** The value of {@code run} in this column. */
    Object value(RunSummary run);

    /** True if the values are numbers (they can be averaged, and sort numerically). */
    boolean numeric();

    /** The value as the table writes it; empty for none. */
    default String text(RunSummary run) {
        return format(value(run));
    }

    /** A value of this column as the table writes it. */
    default String format(Object value) {
        if (value == null || (value instanceof Double d && Double.isNaN(d) && numeric())) {
            return "";
        }
        return SpecKeys.format(value);
    }

    /** Sorts ascending; runs without a value come last either way (see {@link #comparator}). */
    default Comparator<RunSummary> comparator(boolean ascending) {
        Comparator<Object> values = numeric() ? RunColumn::compareNumbers : RunColumn::compareTexts;
        Comparator<Object> ordered = ascending ? values : values.reversed();
        return (a, b) -> {
            Object x = value(a);
            Object y = value(b);
            boolean xMissing = missing(x);
            boolean yMissing = missing(y);
            if (xMissing || yMissing) {
                return Boolean.compare(xMissing, yMissing);
            }
            return ordered.compare(x, y);
        };
    }

    /** True for a value the run does not have. */
    static boolean missing(Object value) {
        return value == null || (value instanceof Double d && Double.isNaN(d)) || "".equals(value);
    }

    private static int compareNumbers(Object a, Object b) {
        return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }

    private static int compareTexts(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return String.valueOf(a).compareToIgnoreCase(String.valueOf(b));
    }

    /** The columns every run has. */
    enum Builtin implements RunColumn {
        /** The run id (folder name). */
        ID("id", false),
        /** The display name (meta.json), or the id. */
        NAME("name", false),
        /** The life-cycle state. */
        STATE("state", false),
        /** The tags, as a comma list. */
        TAGS("tags", false),
        /** The notes. */
        NOTES("notes", false),
        /** The last step done. */
        STEPS("steps", true),
        /** Seconds from start to end. */
        DURATION("duration", true),
        /** The device used. */
        DEVICE("device", false),
        /** Whether the run was imported. */
        IMPORTED("imported", false);

        private final String id;
        private final boolean numeric;

        Builtin(String id, boolean numeric) {
            this.id = id;
            this.numeric = numeric;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean numeric() {
            return numeric;
        }

        @Override
        public Object value(RunSummary run) {
            return switch (this) {
                case ID -> run.id();
                case NAME -> run.name();
                case STATE -> run.state() == null ? null : run.state().jsonName();
                case TAGS -> run.meta().tagList();
                case NOTES -> run.meta().notes();
                case STEPS -> (double) run.steps();
                case DURATION -> run.duration() == null ? Double.NaN : run.duration().toMillis() / 1000.0;
                case DEVICE -> run.device();
                case IMPORTED -> run.imported();
            };
        }

        @Override
        public String format(Object value) {
            if (this == DURATION) {
                return value instanceof Double d && !Double.isNaN(d) ? duration(Duration.ofMillis(Math.round(d * 1000)))
                        : "";
            }
            if (this == STEPS) {
                return value instanceof Double d && !Double.isNaN(d) ? String.format(Locale.ROOT, "%,d", Math.round(d)) : "";
            }
            return RunColumn.super.format(value);
        }

        /** The built-in column with this id, or null. */
        public static Builtin of(String id) {
            for (Builtin b : values()) {
                if (b.id.equals(id)) {
                    return b;
                }
            }
            return null;
        }
    }

    /** {@code h:mm:ss} or {@code m:ss}. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /**
     * A key of the runs' spec.
     *
     * @param key the dotted key, e.g. {@code model.width}
     */
    record SpecKey(String key) implements RunColumn {

        /** Checks the key. */
        public SpecKey {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String id() {
            return "spec:" + key;
        }

        @Override
        public Object value(RunSummary run) {
            return run.spec().get(key);
        }

        /** Spec keys hold numbers for some runs and text for others only in mixed projects; text sorts both. */
        @Override
        public boolean numeric() {
            return false;
        }
    }

    /**
     * A value of one metric.
     *
     * @param metric the metric key, e.g. {@code test_loss}
     * @param stat   which of its values
     */
    record Metric(String metric, Stat stat) implements RunColumn {

        /** Checks the values. */
        public Metric {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(stat, "stat");
        }

        @Override
        public String id() {
            return stat.word() + ":" + metric;
        }

        @Override
        public Object value(RunSummary run) {
            MetricStats s = run.metric(metric);
            return s.count() == 0 ? Double.NaN : s.get(stat, MetricStats.higherIsBetter(metric));
        }

        @Override
        public boolean numeric() {
            return true;
        }

        /** A run that logged NaN (diverged) shows NaN, which differs from never having logged the metric. */
        @Override
        public String text(RunSummary run) {
            MetricStats s = run.metric(metric);
            if (s.count() == 0) {
                return "";
            }
            return LossFormat.format(s.get(stat, MetricStats.higherIsBetter(metric)));
        }

        @Override
        public String format(Object value) {
            return value instanceof Double d && !Double.isNaN(d) ? LossFormat.format(d) : "";
        }
    }

    /** The column with this {@link #id()}, or null if the id is not one. */
    static RunColumn of(String id) {
        Builtin builtin = Builtin.of(id);
        if (builtin != null) {
            return builtin;
        }
        if (id.startsWith("spec:")) {
            return new SpecKey(id.substring(5));
        }
        int colon = id.indexOf(':');
        Stat stat = colon < 0 ? null : Stat.of(id.substring(0, colon));
        return stat == null ? null : new Metric(id.substring(colon + 1), stat);
    }
}
