package org.lmworkbench.workspace.runs.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.workspace.runs.table.ParallelAxes.Axis;
import org.lmworkbench.workspace.runs.table.ParallelAxes.Polyline;

/** The geometry of parallel coordinates: axes per varying key and metric, positions on their scales. */
class ParallelAxesTest {

    @TempDir
    Path project;

    @Test
    void runsArePolylinesThroughTheirValuesOnLinearLogAndCategoricalAxes() throws IOException {
        List<Path> folders = new ArrayList<>();
        double[] lrs = {0.001, 0.01, 0.1};
        String[] activations = {"relu", "tanh", "relu"};
        int[] widths = {32, 64, 96};
        for (int i = 0; i < 3; i++) {
            RunDirectory run = TableRuns.run(project, "p-00" + i, "p", widths[i], 0, 2.0, 1.0 + i);
            ExperimentSpec spec = run.readSpec().withValue("optimizer.lr", lrs[i]).withValue("model.activation",
                    activations[i]);
            java.nio.file.Files.writeString(run.specFile(), spec.toJson());
            folders.add(run.path());
        }
        RunsTable table = new RunsTable();
        table.setRuns(new RunSummaries().read(folders));
        ParallelAxes chart = ParallelAxes.of(table.shown(), table.varyingKeys(), ParallelAxes.finalValue("train_loss"));

        List<Axis> axes = chart.axes();
        assertEquals(List.of("model.width", "model.activation", "optimizer.lr", "final train_loss"),
                axes.stream().map(Axis::title).toList());
        assertFalse(axes.get(0).log(), "32..96 is linear");
        assertTrue(axes.get(2).log(), "0.001..0.1 spans two decades: logarithmic");
        assertEquals(List.of("relu", "tanh"), axes.get(1).categories());

        Polyline middle = chart.lines().get(1);
        assertEquals(0.5, middle.positions()[0], 1e-12, "64 halfway between 32 and 96");
        assertEquals(1.0, middle.positions()[1], 1e-12, "tanh: the second of two categories");
        assertEquals(0.5, middle.positions()[2], 1e-12, "0.01 halfway between 0.001 and 0.1 in log");
        assertEquals(0.5, middle.positions()[3], 1e-12, "final loss 2 between 1 and 3");
        assertEquals(0.5, middle.colour(), 1e-12);
        assertEquals(0.01, axes.get(2).valueAt(0.5), 1e-15);
        assertEquals(0.0, chart.lines().get(0).positions()[3], 1e-12);
        assertEquals(List.of(32.0, 64.0, 96.0), axes.get(0).ticks(), "a grid is labelled at its own values");
        assertEquals(List.of(0.001, 0.01, 0.1), axes.get(2).ticks());
        assertEquals(List.of(), axes.get(1).ticks(), "categories are their own labels");
    }

    @Test
    void manyDistinctValuesAreLabelledEvenlyInstead() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i <= ParallelAxes.MAX_VALUE_TICKS; i++) {
            folders.add(TableRuns.run(project, "q-00" + i, "q", 16 + 8 * i, 0, 2.0, 1.0 + i).path());
        }
        RunsTable table = new RunsTable();
        table.setRuns(new RunSummaries().read(folders));
        ParallelAxes chart = ParallelAxes.of(table.shown(), table.varyingKeys(), ParallelAxes.finalValue("train_loss"));
        assertEquals(List.of(), chart.axes().get(0).ticks(), ParallelAxes.MAX_VALUE_TICKS + 1 + " widths");
        assertEquals(16.0, chart.axes().get(0).min());
        assertEquals(16.0 + 8 * ParallelAxes.MAX_VALUE_TICKS, chart.axes().get(0).max());
    }
}
