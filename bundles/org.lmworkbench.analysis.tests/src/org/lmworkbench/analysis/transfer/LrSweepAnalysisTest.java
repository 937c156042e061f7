package org.lmworkbench.analysis.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunStatus;

/**
 * The loss-vs-log2(lr) table, the optimum per width and the transfer summary on the hand-built
 * sweep of {@link SweepFixture}, whose losses are parabolas in log2(lr) with known vertices.
 */
class LrSweepAnalysisTest {

    @TempDir
    Path project;

    private Path spec;

    @BeforeEach
    void writeSweep() throws IOException {
        spec = SweepFixture.write(project);
    }

    private SweepRunCollector.Result collect(TransferSettings settings) throws IOException {
        return new SweepRunCollector(settings).fromSpec(spec, project);
    }

    @Test
    void cellsAverageSeedsAndKeepDivergedRunsAsInfinite() throws IOException {
        SweepRunCollector.Result result = collect(TransferSettings.defaults());
        assertEquals(30, result.expected());
        assertEquals(30, result.runs().size());
        assertEquals(List.of(), result.notes());
        LrSweepTable table = LrSweepTable.of(result.runs());
        assertEquals(List.of(32.0, 64.0, 128.0), box(table.widths()));
        assertEquals(List.of(-7.0, -6.0, -5.0, -4.0, -3.0), box(table.log2Lrs()));
        // width 64, lr 2^-6: 1 + 0.25 (-6 + 4.9)^2 = 1.3025; seeds +-E average out, sd = E sqrt(2)
        LrSweepTable.Cell cell = table.cell(1, 1);
        assertEquals(1.3025, cell.mean(), 1e-12);
        assertEquals(SweepFixture.E * Math.sqrt(2), cell.sd(), 1e-12);
        assertEquals(2, cell.runs());
        assertEquals(List.of("mup-012", "mup-013"), cell.runIds());
        LrSweepTable.Cell blownUp = table.cell(2, 4);
        assertTrue(blownUp.isDiverged());
        assertEquals(1, blownUp.diverged());
        assertEquals(Double.POSITIVE_INFINITY, blownUp.mean());
        assertEquals(Double.POSITIVE_INFINITY, table.means(2)[4]);
    }

    @Test
    void gridAndRefinedOptimaAndTheirDrift() throws IOException {
        TransferSummary summary = TransferSummary.of(LrSweepTable.of(collect(TransferSettings.defaults()).runs()));
        for (int w = 0; w < 3; w++) {
            LrOptimum o = summary.optima().get(w);
            assertEquals(2, o.gridIndex(), "all three vertices are nearest to 2^-5");
            assertEquals(0.03125, o.gridLr());
            double m = SweepFixture.OPTIMA[w];
            assertEquals(1 + 0.25 * (-5 - m) * (-5 - m), o.gridLoss(), 1e-12);
            // a parabola through three points of a parabola is that parabola
            assertEquals(m, o.refinedLog2Lr(), 1e-9);
            assertEquals(1.0, o.refinedLoss(), 1e-9);
        }
        assertEquals(-4.7 - -5.25, summary.spread(), 1e-9);
        // least squares of (5, -4.7), (6, -4.9), (7, -5.25): ((-1)(-4.7) + (1)(-5.25)) / 2
        assertEquals(-0.275, summary.drift(), 1e-9);
        assertEquals(1.0, summary.gridStep());
        double mean = (-4.7 - 4.9 - 5.25) / 3;
        double sd = Math.sqrt((Math.pow(-4.7 - mean, 2) + Math.pow(-4.9 - mean, 2) + Math.pow(-5.25 - mean, 2)) / 2);
        assertEquals(sd, summary.sd(), 1e-9);
    }

    @Test
    void metricAndAggregationChooseTheNumber() throws IOException {
        double expected = SweepFixture.loss(32, 0.0078125, 0);
        TransferRun first = collect(TransferSettings.defaults()).runs().get(0);
        assertEquals("mup-000", first.runId());
        assertEquals(expected, first.loss(), 1e-12);
        TransferRun test = collect(new TransferSettings("model.width", "optimizer.lr", "test_loss",
                LossAggregation.FINAL, 5)).runs().get(0);
        assertEquals(expected + 0.1, test.loss(), 1e-12);
        TransferRun lastTwo = collect(new TransferSettings("model.width", "optimizer.lr", "train_loss",
                LossAggregation.LAST_K_MEAN, 2)).runs().get(0);
        assertEquals(expected + 0.5, lastTwo.loss(), 1e-12);
        TransferRun all = collect(new TransferSettings("model.width", "optimizer.lr", "train_loss",
                LossAggregation.LAST_K_MEAN, 10)).runs().get(0);
        assertEquals(expected + 1, all.loss(), 1e-12);
        assertEquals(expected, collect(new TransferSettings("model.width", "optimizer.lr", "train_loss",
                LossAggregation.MIN, 1)).runs().get(0).loss(), 1e-12);
    }

    @Test
    void foreignUnfinishedAndMissingRunsAreReportedNotMixedIn() throws IOException {
        RunDirectory edited = new RunDirectory(project.resolve("runs/mup-004"));
        Files.writeString(edited.specFile(), edited.readSpec().withValue("training.steps", 50).toJson());
        RunDirectory running = new RunDirectory(project.resolve("runs/mup-005"));
        RunStatus status = running.readStatus();
        running.writeStatus(status.withState(org.lmworkbench.core.run.RunState.RUNNING));
        deleteTree(project.resolve("runs/mup-029"));
        Path corrupt = project.resolve("runs/mup-006/metrics.jsonl");
        Files.writeString(corrupt, "{\"step\": 0, \"train_loss\": 1.0}\n{\"step\": 10, \"train_loss\"\n");
        SweepRunCollector.Result result = collect(TransferSettings.defaults());
        assertEquals(26, result.runs().size());
        assertEquals(1, result.missing());
        assertEquals(List.of(
                "mup-004: left out, not a run of this version of the spec (training.steps is 50 in the run, 20 in the spec)",
                "mup-005: left out, state running",
                "mup-006: left out, " + corrupt + ":2: malformed JSON line: {\"step\": 10, \"train_loss\""),
                result.notes());
    }

    @Test
    void edgesAndDivergedNeighboursGetNoRefinement() {
        Path dir = project;
        List<TransferRun> runs = List.of(
                new TransferRun("a", dir, 8, 0.25, 0, 1.0, false),
                new TransferRun("b", dir, 8, 0.5, 0, 2.0, false),
                new TransferRun("c", dir, 16, 0.25, 0, 0, true),
                new TransferRun("d", dir, 16, 0.5, 0, 1.5, false),
                new TransferRun("e", dir, 16, 1.0, 0, 3.0, false),
                new TransferRun("f", dir, 32, 0.25, 0, 0, true));
        TransferSummary summary = TransferSummary.of(LrSweepTable.of(runs));
        LrOptimum edge = summary.optima().get(0);
        assertEquals(0, edge.gridIndex());
        assertFalse(edge.isRefined());
        assertTrue(edge.note().contains("edge of the grid"), edge.note());
        LrOptimum nextToDiverged = summary.optima().get(1);
        assertEquals(1, nextToDiverged.gridIndex());
        assertTrue(nextToDiverged.note().contains("diverged"), nextToDiverged.note());
        LrOptimum none = summary.optima().get(2);
        assertEquals(-1, none.gridIndex());
        // spread and drift over the widths that have an optimum: log2 0.25 = -2 and log2 0.5 = -1
        assertEquals(1.0, summary.spread());
        assertEquals(1.0, summary.drift(), 1e-12);
    }

    @Test
    void unknownKeysAndNonNumericValuesAreNamed() throws IOException {
        TransferDataException e = assertThrows(TransferDataException.class, () -> new SweepRunCollector(
                new TransferSettings("model.widht", "optimizer.lr", "train_loss", LossAggregation.FINAL, 1)));
        assertTrue(e.getMessage().startsWith("'model.widht' is not a spec key"), e.getMessage());
        SweepRunCollector byActivation = new SweepRunCollector(new TransferSettings("model.activation",
                "optimizer.lr", "train_loss", LossAggregation.FINAL, 1));
        e = assertThrows(TransferDataException.class, () -> byActivation.fromSpec(spec, project));
        assertTrue(e.getMessage().endsWith("spec.json: model.activation = relu is not a positive number, so it"
                + " cannot be an axis of the transfer plot"), e.getMessage());
        SweepRunCollector.Result noMetric = new SweepRunCollector(new TransferSettings("model.width",
                "optimizer.lr", "val_loss", LossAggregation.FINAL, 1)).fromFolder(project);
        assertEquals(1, noMetric.runs().size(), "only the diverged run needs no metric");
        assertEquals("mup-000: left out, no 'val_loss' in metrics.jsonl", noMetric.notes().get(0));
    }

    private static List<Double> box(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
