package org.lmworkbench.workspace.runs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.workspace.runs.ChartUpdate.ChartOp;
import org.lmworkbench.workspace.runs.ChartUpdate.Line;
import org.lmworkbench.workspace.runs.ViewSettings.Grouping;

/** The view's model on real run folders: spec queries, seed averaging, live growth. */
class RunsModelTest {

    /** These tests keep the default settings, which do not smooth. */
    private static final RunsModel.Smoother NOT_SMOOTHED = (y, weight) -> {
        throw new AssertionError("smoothing was asked for with weight " + weight);
    };

    @TempDir
    Path project;

    private RunDirectory run(String id, String spec, int seed) throws IOException {
        ExperimentSpec s = ExperimentSpec.withDefaults(spec, 0.1).withValue("seed", seed);
        return RunDirectory.create(project.resolve("runs"), id, s);
    }

    private static void metrics(RunDirectory run, int fromStep, int toStep, double offset) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int step = fromStep; step <= toStep; step += 10) {
            text.append(String.format(Locale.ROOT, "{\"step\": %d, \"train_loss\": %s}%n", step, offset + step));
        }
        Files.writeString(run.metricsFile(), text, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void aSpecsRunsAreAveragedOverSeedsAndGrowByAppends() throws IOException {
        RunDirectory a = run("eos-000", "eos", 0);
        RunDirectory b = run("eos-001", "eos", 1);
        RunDirectory other = run("eos-long-000", "eos-long", 0);
        metrics(a, 0, 20, 0);
        metrics(b, 0, 20, 2);
        metrics(other, 0, 20, 100);
        a.writeStatus(a.readStatus().started(Instant.now(), "cpu", 1, 1L));

        RunsModel model = new RunsModel(NOT_SMOOTHED);
        RunQuery query = RunQuery.spec(project, "eos", "runs of eos.lmx");
        ChartUpdate first = model.update(query, ViewSettings.DEFAULT);
        assertEquals(2, first.runs(), "eos-long-000 comes from another spec");
        assertEquals(2, first.live(), "one running and one queued");
        assertTrue(first.clear());
        assertEquals("train_loss", first.metric());
        Line mean = assertInstanceOf(ChartOp.Add.class, first.ops().get(0)).line();
        assertEquals("eos (2 seeds)", mean.label());
        // Values step and step + 2: mean step + 1, sd = 2 / sqrt(2).
        assertArrayEquals(new double[] {1, 11, 21}, mean.y(), 1e-12);
        assertArrayEquals(new double[] {1 - Math.sqrt(2), 11 - Math.sqrt(2), 21 - Math.sqrt(2)}, mean.lower(), 1e-12);
        assertInstanceOf(ChartOp.Band.class, first.ops().get(1));

        // a runs ahead: the mean only grows once b has the steps too.
        metrics(a, 30, 40, 0);
        ChartUpdate ahead = model.update(query, ViewSettings.DEFAULT);
        assertEquals(List.of(), ahead.ops().stream().filter(op -> op instanceof ChartOp.Append).toList());
        metrics(b, 30, 30, 2);
        ChartUpdate grown = model.update(query, ViewSettings.DEFAULT);
        ChartOp.Append append = assertInstanceOf(ChartOp.Append.class, grown.ops().get(0));
        assertArrayEquals(new double[] {30}, append.x());
        assertArrayEquals(new double[] {31}, append.y(), 1e-12);
        assertTrue(!grown.clear());

        a.writeStatus(a.readStatus().ended(RunState.COMPLETED, Instant.now(), null));
        b.writeStatus(b.readStatus().withState(RunState.CANCELLED));
        assertEquals(0, model.update(query, ViewSettings.DEFAULT).live());
    }

    @Test
    void eachRunWithItsSeedAndOtherSettingsRedraw() throws IOException {
        RunDirectory a = run("eos-000", "eos", 0);
        RunDirectory b = run("eos-001", "eos", 1);
        metrics(a, 0, 20, 0);
        metrics(b, 0, 20, 2);
        RunsModel model = new RunsModel(NOT_SMOOTHED);
        RunQuery query = RunQuery.project(project, "runs of project p");
        model.update(query, ViewSettings.DEFAULT);
        ChartUpdate each = model.update(query, ViewSettings.DEFAULT.withGrouping(Grouping.EACH_RUN));
        assertTrue(each.clear());
        List<String> labels = each.ops().stream().filter(op -> op instanceof ChartOp.Add)
                .map(op -> ((ChartOp.Add) op).line().label()).toList();
        assertEquals(List.of("seed=0", "seed=1"), labels);
        assertTrue(each.groupKeys().contains("seed"));
    }
}
