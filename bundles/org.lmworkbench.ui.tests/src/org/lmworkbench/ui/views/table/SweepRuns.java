package org.lmworkbench.ui.views.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.spec.ResolvedRun;
import org.lmworkbench.core.spec.Specs;

/**
 * A finished sweep written straight into a project's runs/ (no training): a tiny spec over widths,
 * learning rates and seeds whose train_loss falls to 1/width + lr/10 + seed/100 at the last step,
 * so tests know every value and re-running a run takes a second of real training.
 */
final class SweepRuns {

    static final String NAME = "sweep";
    static final int STEPS = 20;

    private SweepRuns() {
    }

    /** The final train_loss of a run of this sweep. */
    static double finalLoss(double width, double lr, double seed) {
        return 1.0 / width + lr / 10 + seed / 100;
    }

    /** Writes the runs of the sweep over {@code widths} x {@code lrs} x {@code seeds} and refreshes the project. */
    static List<RunDirectory> write(IProject project, int[] widths, double[] lrs, int[] seeds)
            throws IOException, CoreException {
        String spec = """
                {"name": "%s", "seed": 0,
                 "model": {"family": "mlp", "width": 8, "depth": 2, "activation": "tanh"},
                 "data": {"source": "teacher_student", "n_train": 32, "n_test": 32, "input_dim": 4, "output_dim": 2,
                          "probe_size": 8, "seed": 7},
                 "optimizer": {"name": "gd", "lr": 0.05},
                 "training": {"steps": %d, "loss": "mse"},
                 "probes": {"metrics_every": 5},
                 "execution": {"device": "cpu", "threads": 1, "parallel": 1, "jvm_memory": "512m"},
                 "sweep": {"model.width": %s, "optimizer.lr": %s, "seed": %s}}
                """.formatted(NAME, STEPS, json(widths), json(lrs), json(seeds));
        Path runs = project.getLocation().toPath().resolve(RunDirectory.RUNS);
        List<RunDirectory> out = new ArrayList<>();
        Instant start = Instant.parse("2026-12-01T09:00:00Z");
        for (ResolvedRun r : Specs.parse(spec).runsOrThrow()) {
            RunDirectory run = RunDirectory.create(runs, r.runId(), r.spec());
            double width = r.spec().model().width();
            double lr = r.spec().optimizer().lr();
            double seed = r.spec().seed();
            double last = finalLoss(width, lr, seed);
            StringBuilder lines = new StringBuilder();
            for (int step = 0; step <= STEPS; step += 5) {
                double loss = last * (1 + (STEPS - step) / 10.0);
                lines.append(String.format(Locale.ROOT, "{\"step\": %d, \"train_loss\": %s, \"test_loss\": %s, "
                        + "\"wall_time\": %s}%n", step, loss, loss * 1.25, step * 0.1));
            }
            Files.writeString(run.metricsFile(), lines, StandardCharsets.UTF_8);
            run.writeStatus(run.readStatus().started(start, "cpu", 1, 4242L).withProgress(STEPS, last)
                    .ended(RunState.COMPLETED, start.plusSeconds(30 + r.index()), null));
            out.add(run);
        }
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        return out;
    }

    private static String json(int[] values) {
        return java.util.Arrays.toString(values);
    }

    private static String json(double[] values) {
        return java.util.Arrays.toString(values);
    }
}
