package org.lmworkbench.analysis.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lmworkbench.core.format.Npy;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.spec.ResolvedRun;
import org.lmworkbench.core.spec.Specs;

/**
 * A width x lr x seed sweep written to disk the way the backend leaves it: the spec file, and one run
 * folder per run with spec.json, status.json, metrics.jsonl and activation captures whose values
 * are chosen so that every expected number can be worked out by hand.
 * <p>
 * Losses: {@code L(w, lr, seed) = 1 + 0.25 (log2 lr - m_w)^2 + (seed == 0 ? +E : -E)} with
 * optima m_32 = -4.7, m_64 = -4.9, m_128 = -5.25, logged at steps 0, 10, 20 as L + 2, L + 1, L
 * ({@code test_loss} 0.1 higher). Width 128, lr 2^-3, seed 1 diverged.
 * <p>
 * Activations at steps 0 and 3, shape [4, width], every coordinate of size a (a = 1 for seed 0 and
 * 3 for seed 1) with a sign pattern: x_3 = (1 + c) x_0 with c = 0.1 for hidden1 and
 * c = 0.05 w / 32 for hidden2, so RMS(x_0) = a, RMS(x_3) = a (1 + c) and RMS(x_3 - x_0) = a c.
 */
final class SweepFixture {

    static final double[] WIDTHS = {32, 64, 128};
    static final double[] OPTIMA = {-4.7, -4.9, -5.25};
    static final double E = 0.01;
    static final String SPEC = """
            {
              "name": "mup",
              "model": {"width": 64, "parameterization": "mup"},
              "optimizer": {"name": "adam", "lr": 0.01},
              "training": {"steps": 20},
              "probes": {"activations": {"every": 3}},
              "sweep": {
                "model.width": [32, 64, 128],
                "optimizer.lr": [0.0078125, 0.015625, 0.03125, 0.0625, 0.125],
                "seed": [0, 1]
              }
            }
            """;

    private SweepFixture() {
    }

    /** Writes the spec as {@code project/mup.lmx} and every run under {@code project/runs/}. */
    static Path write(Path project) throws IOException {
        Path spec = Files.writeString(project.resolve("mup.lmx"), SPEC);
        for (ResolvedRun run : Specs.loadRuns(spec)) {
            double width = ((Number) run.point().get("model.width")).doubleValue();
            double lr = ((Number) run.point().get("optimizer.lr")).doubleValue();
            int seed = ((Number) run.point().get("seed")).intValue();
            RunDirectory dir = RunDirectory.create(project.resolve(RunDirectory.RUNS), run.runId(), run.spec());
            Instant t = Instant.parse("2026-11-22T10:00:00Z");
            RunStatus running = RunStatus.queued(t, 20).started(t, "cpu", 1, 1L);
            if (width == 128 && lr == 0.125 && seed == 1) {
                dir.writeStatus(running.diverged(t, 7, Double.NaN));
                Files.writeString(dir.metricsFile(), "{\"step\": 0, \"train_loss\": 3.0}\n"
                        + "{\"step\": 7, \"batch_loss\": \"NaN\", \"diverged\": true}\n");
            } else {
                dir.writeStatus(running.withProgress(20, loss(width, lr, seed)).ended(RunState.COMPLETED, t, null));
                StringBuilder metrics = new StringBuilder();
                for (int step = 0; step <= 20; step += 10) {
                    double l = loss(width, lr, seed) + (20 - step) / 10.0;
                    metrics.append("{\"step\": ").append(step).append(", \"train_loss\": ").append(l)
                            .append(", \"test_loss\": ").append(l + 0.1).append("}\n");
                }
                Files.writeString(dir.metricsFile(), metrics);
            }
            writeActivations(dir, (int) width, seed);
        }
        return spec;
    }

    /** The final training loss of a run. */
    static double loss(double width, double lr, int seed) {
        double m = OPTIMA[List.of(32.0, 64.0, 128.0).indexOf(width)];
        double x = Math.log(lr) / Math.log(2);
        return 1 + 0.25 * (x - m) * (x - m) + (seed == 0 ? E : -E);
    }

    static double amplitude(int seed) {
        return seed == 0 ? 1 : 3;
    }

    static double growth(String layer, double width) {
        return layer.equals("hidden1") ? 0.1 : 0.05 * width / 32;
    }

    private static void writeActivations(RunDirectory dir, int width, int seed) throws IOException {
        for (String layer : List.of("hidden1", "hidden2")) {
            double[] x0 = new double[4 * width];
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < width; j++) {
                    x0[i * width + j] = ((i + j + seed) % 2 == 0 ? 1 : -1) * amplitude(seed);
                }
            }
            double[] x3 = x0.clone();
            double c = growth(layer, width);
            for (int k = 0; k < x3.length; k++) {
                x3[k] *= 1 + c;
            }
            for (Map.Entry<Long, double[]> e : Map.of(0L, x0, 3L, x3).entrySet()) {
                Path file = dir.activationFile(e.getKey(), layer);
                Files.createDirectories(file.getParent());
                Files.write(file, npy(e.getValue(), 4, width));
            }
        }
    }

    /** A little-endian float64 .npy of a rows x cols matrix. */
    static byte[] npy(double[] values, int rows, int cols) {
        return Npy.encode(NpyArray.of(values, rows, cols));
    }
}
