package org.lmworkbench.workspace.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.workspace.runs.ChartUpdate.ChartOp;
import org.lmworkbench.workspace.runs.ChartUpdate.Line;
import org.lmworkbench.workspace.runs.ViewSettings.Grouping;
import org.lmworkbench.workspace.runs.table.TableRunsAccess;

/**
 * The Runs view with a spec key on the x axis: a point per run at its final value, lines through
 * the mean over seeds with a band of one sample sd, and the keys that can go on the axis.
 */
class FinalValueLinesTest {

    @TempDir
    Path project;

    /** widths 32, 64, 128 x seeds 0..2 x lr 0.1, 0.2; final loss = 1/width + seed/100 + lr. */
    private void sweep() throws IOException {
        int i = 0;
        for (double lr : new double[] {0.1, 0.2}) {
            for (int width : new int[] {64, 32, 128}) {
                for (int seed = 0; seed < 3; seed++) {
                    double last = 1.0 / width + seed / 100.0 + lr;
                    TableRunsAccess.run(project, String.format("s-%03d", i++), width, seed, lr, 5.0, last);
                }
            }
        }
    }

    @Test
    void finalValuesAgainstAKeyAreMeanAndBandOverSeedsPerSettingOfTheOtherKeys() throws IOException {
        sweep();
        RunsModel model = new RunsModel((y, w) -> y);
        ViewSettings settings = ViewSettings.DEFAULT.withMetric("train_loss").withKeyAxis("model.width");
        ChartUpdate update = model.update(RunQuery.project(project, "p"), settings);

        assertEquals(List.of("seed", "model.width", "optimizer.lr"), update.xKeys(), "numeric varying keys, in spec order");
        List<Line> lines = update.ops().stream().filter(ChartOp.Add.class::isInstance)
                .map(op -> ((ChartOp.Add) op).line()).toList();
        assertEquals(List.of("lr=0.1 (9 runs)", "lr=0.2 (9 runs)"), lines.stream().map(Line::label).toList(),
                "one line per lr, seeds averaged");
        for (Line line : lines) {
            double lr = line.label().startsWith("lr=0.1") ? 0.1 : 0.2;
            assertArrayEquals(new double[] {32, 64, 128}, line.x(), "x ascending");
            for (int i = 0; i < 3; i++) {
                DescriptiveStatistics truth = new DescriptiveStatistics();
                for (int seed = 0; seed < 3; seed++) {
                    truth.addValue(1.0 / line.x()[i] + seed / 100.0 + lr);
                }
                assertEquals(truth.getMean(), line.y()[i], 1e-12);
                assertEquals(truth.getMean() - truth.getStandardDeviation(), line.lower()[i], 1e-12);
                assertEquals(truth.getMean() + truth.getStandardDeviation(), line.upper()[i], 1e-12);
            }
        }
        List<ChartOp.Points> points = update.ops().stream().filter(ChartOp.Points.class::isInstance)
                .map(ChartOp.Points.class::cast).toList();
        assertEquals(2, points.size());
        assertEquals(9, points.get(0).x().length, "every run of the line as a point");
        assertEquals(18, update.points());

        ChartUpdate eachSeed = model.update(RunQuery.project(project, "p"), settings.withGrouping(Grouping.EACH_RUN));
        List<Line> perSeed = eachSeed.ops().stream().filter(ChartOp.Add.class::isInstance)
                .map(op -> ((ChartOp.Add) op).line()).toList();
        assertEquals(6, perSeed.size(), "each run: a line per seed and lr");
        perSeed.forEach(l -> assertNull(l.lower(), "one run per point: no band"));
        assertTrue(eachSeed.clear());
    }
}
