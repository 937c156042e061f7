package org.lmworkbench.workspace.runs.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.workspace.runs.ViewSettings.Grouping;
import org.lmworkbench.workspace.runs.table.MetricStats.Stat;
import org.lmworkbench.workspace.runs.table.RunsTable.GroupRow;
import org.lmworkbench.workspace.runs.table.RunsTable.RunRow;

/** The table's rows: columns from the runs, sorting by metric and spec key, filtering, groups with mean ± sd. */
class RunsTableTest {

    @TempDir
    Path project;

    private final RunsTable table = new RunsTable();

    /** widths 32, 64, 128 x seeds 0, 1, 2; final loss 1/width + seed/1000. */
    @BeforeEach
    void sweep() throws IOException {
        List<Path> folders = new ArrayList<>();
        int i = 0;
        for (int width : new int[] {64, 32, 128}) {
            for (int seed = 0; seed < 3; seed++) {
                double last = 1.0 / width + seed / 1000.0;
                folders.add(TableRuns.run(project, String.format("s-%03d", i++), "s", width, seed, 3.0, last * 2, last)
                        .path());
            }
        }
        table.setRuns(new RunSummaries().read(folders));
    }

    private List<String> ids() {
        return table.rows().stream().map(r -> ((RunRow) r).run().id()).toList();
    }

    @Test
    void columnsAreStateNameTagsTheVaryingKeysTheChosenMetricsAndTheRest() {
        assertEquals(List.of("seed", "model.width"), table.varyingKeys(), "in the spec's order");
        List<String> ids = table.columns().stream().map(RunColumn::id).toList();
        assertEquals(List.of("state", "name", "tags", "spec:seed", "spec:model.width",
                "final:train_loss", "best:train_loss", "steps", "duration", "device"), ids);
        assertEquals(List.of("train_loss", "test_acc"), table.metrics());
    }

    @Test
    void sortsByAMetricAndBySpecKeysBothWays() {
        RunColumn finalLoss = new RunColumn.Metric("train_loss", Stat.FINAL);
        table.setSort(finalLoss, true);
        List<Double> values = table.rows().stream().map(r -> (Double) finalLoss.value(((RunRow) r).run())).toList();
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        assertEquals(sorted, values);
        assertEquals("s-006", ids().get(0), "width 128, seed 0 has the least loss");

        table.setSort(new RunColumn.SpecKey("model.width"), false);
        List<Object> widths = table.rows().stream().map(r -> ((RunRow) r).run().spec().get("model.width")).toList();
        assertEquals(List.of(128.0, 128.0, 128.0, 64.0, 64.0, 64.0, 32.0, 32.0, 32.0), widths);
        assertEquals(List.of("s-006", "s-007", "s-008"), ids().subList(0, 3), "stable: equal widths keep their order");

        table.setSort(null, true);
        assertEquals("s-000", ids().get(0), "no sort column: the order the runs came in");
    }

    @Test
    void filtersToTheRowsThatMatch() throws FilterException {
        table.setFilter("model.width >= 64 and seed != 1");
        assertEquals(List.of("s-000", "s-002", "s-006", "s-008"), ids());
        assertEquals(4, table.shownRuns());
        FilterException e = assertThrows(FilterException.class, () -> table.setFilter("width >"));
        assertEquals(7, e.position());
        assertEquals(List.of("s-000", "s-002", "s-006", "s-008"), ids(), "a bad expression leaves the last filter");
        table.setFilter(" ");
        assertEquals(9, ids().size());
    }

    @Test
    void groupRowsHoldMeanAndSampleSdOfEveryNumericColumn() {
        RunColumn finalLoss = new RunColumn.Metric("train_loss", Stat.FINAL);
        table.setGrouping(Grouping.SEEDS);
        table.setSort(finalLoss, true);
        assertEquals(3, table.rows().size());
        List<String> labels = table.rows().stream().map(r -> ((GroupRow) r).label()).toList();
        assertEquals(List.of("width=128 (3 seeds)", "width=64 (3 seeds)", "width=32 (3 seeds)"), labels,
                "groups sorted by their mean");
        for (var row : table.rows()) {
            GroupRow g = assertInstanceOf(GroupRow.class, row);
            assertEquals(3, g.members().size());
            DescriptiveStatistics truth = new DescriptiveStatistics();
            g.members().forEach(m -> truth.addValue(m.metric("train_loss").last()));
            ColumnStatistics s = g.stats().get(finalLoss);
            assertEquals(truth.getMean(), s.mean(), 1e-15);
            assertEquals(truth.getStandardDeviation(), s.sd(), 1e-15, "the sample sd (n - 1)");
            assertEquals(3, s.n());
            double width = (Double) g.members().get(0).spec().get("model.width");
            assertEquals(1.0 / width + 0.001, s.mean(), 1e-12, "1/width + mean of seeds 0, 1, 2 over 1000");
            assertEquals(0.001, s.sd(), 1e-12);
            assertTrue(s.text(finalLoss).contains(" \u00b1 "), s.text(finalLoss));
            assertEquals("completed", g.stats().get(RunColumn.Builtin.STATE).text(RunColumn.Builtin.STATE),
                    "a value all members share is shown");
        }

        table.setGrouping(Grouping.byKey("seed"));
        assertEquals(List.of("seed=0 (3 runs)", "seed=1 (3 runs)", "seed=2 (3 runs)"),
                table.rows().stream().map(r -> ((GroupRow) r).label()).toList());
        assertEquals(9, table.shown().size());
    }

    @Test
    void metricColumnsAreTheUsersChoice() {
        table.setMetricColumns(List.of(new RunColumn.Metric("test_acc", Stat.MAX)));
        assertTrue(table.columns().stream().anyMatch(c -> c.id().equals("max:test_acc")));
        assertTrue(table.columns().stream().noneMatch(c -> c.id().equals("final:train_loss")));
        assertEquals(new RunColumn.Metric("test_acc", Stat.MAX), RunColumn.of("max:test_acc"));
        assertEquals(RunColumn.Builtin.DURATION, RunColumn.of("duration"));
        assertEquals(new RunColumn.SpecKey("model.width"), RunColumn.of("spec:model.width"));
    }
}
