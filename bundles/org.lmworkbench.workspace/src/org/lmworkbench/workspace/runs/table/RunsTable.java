package org.lmworkbench.workspace.runs.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lmworkbench.workspace.runs.RunGrouping;
import org.lmworkbench.workspace.runs.SpecKeys;
import org.lmworkbench.workspace.runs.ViewSettings.Grouping;
import org.lmworkbench.workspace.runs.table.MetricStats.Stat;

/**
 * The runs table without its widgets: the runs shown, their columns (state, name and tags, the spec
 * keys that vary among them, the metric values the user chose, steps, duration, device), the filter,
 * the sort order and the grouping, and from these the rows in order. Grouping uses the Runs view's
 * rules ({@link RunGrouping}): "seeds" puts together runs that differ only in their seeds, a key
 * puts together runs with the same value of it; a group row holds mean ± sd of every numeric column.
 * <p>
 * Not thread-safe: the UI thread owns it. Sorting 10,000 runs by a column is one sort of a list.
 */
public final class RunsTable {

    /** A row: one run, or a group of runs with their statistics. */
    public sealed interface Row {
    }

    /**
     * A run's row.
     *
     * @param run the run
     */
    public record RunRow(RunSummary run) implements Row {
    }

    /**
     * A group's row.
     *
     * @param key     the group's identity across updates
     * @param label   what the group has in common ({@code width=64 (3 seeds)})
     * @param members its runs, in the table's order
     * @param stats   the statistics of each column over the members
     */
    public record GroupRow(String key, String label, List<RunSummary> members, Map<RunColumn, ColumnStatistics> stats)
            implements Row {
    }

    /** Metrics tried in this order for the default columns. */
    private static final List<String> DEFAULT_METRICS = List.of("train_loss", "loss", "test_loss");

    private List<RunSummary> runs = List.of();
    private List<RunColumn.Metric> metricColumns;
    private RunFilter filter = RunFilter.ALL;
    private RunColumn sortColumn;
    private boolean ascending = true;
    private Grouping grouping = Grouping.EACH_RUN;
    private List<String> varying = List.of();
    private List<String> metrics = List.of();
    private List<Row> rows = List.of();
    private int shown;

    /** Shows {@code newRuns} (filter, sort and grouping stay). */
    public void setRuns(List<RunSummary> newRuns) {
        runs = List.copyOf(newRuns);
        varying = SpecKeys.varying(runs.stream().filter(r -> !r.spec().isEmpty()).map(RunSummary::spec).toList());
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> keys.addAll(r.metrics().keySet()));
        metrics = List.copyOf(keys);
        if (metricColumns == null && !metrics.isEmpty()) {
            metricColumns = defaultMetricColumns(metrics);
        }
        if (!filter.keepsAll()) {
            try {
                filter = RunFilter.parse(filter.expression(), runs); // names resolve against the new runs
            } catch (FilterException e) {
                // a name the runs no longer have: keep the parsed filter, under which they fail
            }
        }
        rebuild();
    }

    private static List<RunColumn.Metric> defaultMetricColumns(List<String> metrics) {
        List<RunColumn.Metric> out = new ArrayList<>();
        String main = DEFAULT_METRICS.stream().filter(metrics::contains).findFirst().orElse(metrics.get(0));
        out.add(new RunColumn.Metric(main, Stat.FINAL));
        out.add(new RunColumn.Metric(main, Stat.BEST));
        if (!main.equals("test_loss") && metrics.contains("test_loss")) {
            out.add(new RunColumn.Metric("test_loss", Stat.FINAL));
        }
        return out;
    }

    /** Every run shown, filtered or not, in the order given. */
    public List<RunSummary> runs() {
        return runs;
    }

    /** Spec keys whose values differ among the runs (imported runs, without spec, aside). */
    public List<String> varyingKeys() {
        return varying;
    }

    /** Every metric the runs logged. */
    public List<String> metrics() {
        return metrics;
    }

    /** The columns, left to right. */
    public List<RunColumn> columns() {
        List<RunColumn> out = new ArrayList<>(List.of(RunColumn.Builtin.STATE, RunColumn.Builtin.NAME,
                RunColumn.Builtin.TAGS));
        varying.forEach(k -> out.add(new RunColumn.SpecKey(k)));
        out.addAll(metricColumns());
        out.addAll(List.of(RunColumn.Builtin.STEPS, RunColumn.Builtin.DURATION, RunColumn.Builtin.DEVICE));
        return out;
    }

    /** The metric columns the user chose (by default the final and best training loss). */
    public List<RunColumn.Metric> metricColumns() {
        return metricColumns == null ? List.of() : List.copyOf(metricColumns);
    }

    /** Sets the metric columns. */
    public void setMetricColumns(List<RunColumn.Metric> columns) {
        metricColumns = new ArrayList<>(columns);
        if (sortColumn instanceof RunColumn.Metric && !metricColumns.contains(sortColumn)) {
            sortColumn = null;
        }
        rebuild();
    }

    /**
     * Filters by {@code expression}; an empty one shows every run.
     *
     * @throws FilterException if it cannot be parsed; the filter in use stays
     */
    public void setFilter(String expression) throws FilterException {
        filter = RunFilter.parse(expression, runs);
        rebuild();
    }

    /** The filter in use. */
    public RunFilter filter() {
        return filter;
    }

    /** Sorts by {@code column} (null: the order the runs came in). */
    public void setSort(RunColumn column, boolean up) {
        sortColumn = column;
        ascending = up;
        rebuild();
    }

    /** The sort column, or null. */
    public RunColumn sortColumn() {
        return sortColumn;
    }

    /** True if sorted ascending. */
    public boolean ascending() {
        return ascending;
    }

    /** Groups rows ({@link Grouping#EACH_RUN}: no groups). */
    public void setGrouping(Grouping newGrouping) {
        grouping = Objects.requireNonNull(newGrouping, "grouping");
        rebuild();
    }

    /** The grouping. */
    public Grouping grouping() {
        return grouping;
    }

    /** The top-level rows, in order: runs, or groups holding runs. */
    public List<Row> rows() {
        return rows;
    }

    /** Runs that pass the filter. */
    public int shownRuns() {
        return shown;
    }

    /** The runs that pass the filter, in the table's order (group by group when grouped). */
    public List<RunSummary> shown() {
        List<RunSummary> out = new ArrayList<>(shown);
        for (Row row : rows) {
            switch (row) {
                case RunRow r -> out.add(r.run());
                case GroupRow g -> out.addAll(g.members());
            }
        }
        return out;
    }

    private void rebuild() {
        List<RunSummary> kept = filter.apply(runs);
        shown = kept.size();
        if (sortColumn != null) {
            kept.sort(sortColumn.comparator(ascending));
        }
        if (grouping.mode() == Grouping.Mode.EACH_RUN) {
            rows = kept.stream().map(r -> (Row) new RunRow(r)).toList();
            return;
        }
        List<String> ids = kept.stream().map(RunSummary::id).toList();
        List<Map<String, Object>> specs = kept.stream().map(RunSummary::spec).toList();
        List<RunColumn> columns = columns();
        List<GroupRow> groups = new ArrayList<>();
        for (RunGrouping.Group g : RunGrouping.group(ids, specs, grouping)) {
            List<RunSummary> members = g.members().stream().map(kept::get).toList();
            Map<RunColumn, ColumnStatistics> stats = new LinkedHashMap<>();
            for (RunColumn c : columns) {
                stats.put(c, ColumnStatistics.of(c, members));
            }
            groups.add(new GroupRow(g.key(), g.label(), members, stats));
        }
        if (sortColumn != null) {
            RunColumn by = sortColumn;
            boolean up = ascending;
            groups.sort((g1, g2) -> {
                Object x = g1.stats().get(by).sortValue();
                Object y = g2.stats().get(by).sortValue();
                boolean xMissing = RunColumn.missing(x);
                boolean yMissing = RunColumn.missing(y);
                if (xMissing || yMissing) {
                    return Boolean.compare(xMissing, yMissing); // groups without a value last either way
                }
                int c = compareGroupValues(x, y);
                return up ? c : -c;
            });
        }
        rows = List.copyOf(groups);
    }

    private static int compareGroupValues(Object x, Object y) {
        if (x instanceof Number a && y instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return String.valueOf(x).compareToIgnoreCase(String.valueOf(y));
    }
}
