package org.lmworkbench.workspace.runs.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunMeta;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.spec.ExperimentSpec;

/** Run folders for the table tests: a width x seed sweep whose losses are known numbers. */
final class TableRuns {

    private TableRuns() {
    }

    /** A completed run of spec {@code name} with the given width, seed and losses at steps 0, 10, 20, ... */
    static RunDirectory run(Path project, String id, String name, int width, int seed, double... losses)
            throws IOException {
        ExperimentSpec spec = ExperimentSpec.withDefaults(name, 0.1).withValue("model.width", width)
                .withValue("seed", seed).withValue("training.steps", 10 * (losses.length - 1));
        RunDirectory run = RunDirectory.create(project.resolve("runs"), id, spec);
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        run.writeStatus(run.readStatus().started(start, "cpu", 1, 7L).withProgress(10L * (losses.length - 1), null)
                .ended(RunState.COMPLETED, start.plusSeconds(60 + width), null));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < losses.length; i++) {
            text.append(String.format(Locale.ROOT, "{\"step\": %d, \"train_loss\": %s, \"test_acc\": %s, \"wall_time\": %d}%n",
                    10 * i, json(losses[i]), json(0.5 + 0.01 * i * width / 64.0), i));
        }
        Files.writeString(run.metricsFile(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return run;
    }

    private static String json(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "\"" + value + "\"";
    }

    static void tag(RunDirectory run, String... tags) throws IOException {
        run.writeMeta(run.readMeta().withTags(List.of(tags)));
    }
}
