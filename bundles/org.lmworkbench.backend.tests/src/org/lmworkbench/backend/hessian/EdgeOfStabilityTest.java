package org.lmworkbench.backend.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.backend.cli.Main;
import org.lmworkbench.core.run.SharpnessLine;

/**
 * The edge of stability (Cohen et al. 2021), reproduced through the backend's command line:
 * full-batch GD with MSE on a small tanh MLP, sharpness (top Hessian eigenvalue by Lanczos over
 * the fixed 200 training examples) every 20 steps. At both learning rates the sharpness starts
 * well below 2/lr, rises to it, and over the last third of training its mean stays within 10 %
 * of 2/lr, as recorded in the run's {@code probes/sharpness.jsonl}.
 *
 * <p>Why these data: noisy teacher-student targets with four outputs force the network to fit
 * noise, which drives progressive sharpening within a few hundred steps; noise-free targets with
 * one output are fitted at a sharpness far below 2/lr and never reach the edge. The larger
 * version is {@code examples/eos-tanh-mlp.lmx} of the backend bundle.
 */
class EdgeOfStabilityTest {

    @TempDir
    Path dir;

    @Test
    void edgeAtLearningRate01() throws IOException {
        sharpnessRisesToTwoOverLrAndStays(0.1);
    }

    @Test
    void edgeAtLearningRate02() throws IOException {
        sharpnessRisesToTwoOverLrAndStays(0.2);
    }

    private void sharpnessRisesToTwoOverLrAndStays(double lr) throws IOException {
        Path spec = dir.resolve("eos.lmx");
        Files.writeString(spec, specText(lr, 800, 20));
        Path runDir = dir.resolve("run");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", spec.toString(), "--out", runDir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, () -> err.toString(StandardCharsets.UTF_8));

        List<JsonObject> records = new ArrayList<>();
        for (String line : Files.readAllLines(runDir.resolve("probes").resolve(SharpnessLine.FILE))) {
            records.add(JsonParser.parseString(line).getAsJsonObject());
        }
        assertEquals(41, records.size(), "one record every 20 steps from 0 to 800");
        double threshold = 2.0 / lr;
        List<Double> sharpness = new ArrayList<>();
        for (JsonObject r : records) {
            assertEquals(threshold, r.get("threshold").getAsDouble(), 1e-12);
            assertEquals("2/lr", r.get("threshold_kind").getAsString());
            assertEquals("train", r.get("mode").getAsString());
            assertEquals(200, r.get("examples").getAsInt());
            assertTrue(r.get("converged").getAsBoolean(), "Lanczos converged at step " + r.get("step"));
            double lambda = r.getAsJsonArray("eigenvalues").get(0).getAsDouble();
            double residual = r.getAsJsonArray("residuals").get(0).getAsDouble();
            assertTrue(residual < 1e-3 * lambda, "residual " + residual + " at step " + r.get("step"));
            assertTrue(r.get("hvps").getAsInt() > 0);
            sharpness.add(lambda);
        }
        int n = sharpness.size();
        double mean = sharpness.subList(2 * n / 3, n).stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow();
        double max = sharpness.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        System.out.printf("EoS lr=%.3g: 2/lr=%.3f, initial %.3f, max %.3f, mean of last third %.3f (%.2f %%)%n",
                lr, threshold, sharpness.get(0), max, mean, 100 * (mean / threshold - 1));
        assertTrue(sharpness.get(0) < 0.6 * threshold, "sharpness starts below the edge: " + sharpness.get(0));
        assertTrue(max > 0.95 * threshold, "sharpness reaches the edge: " + max);
        assertTrue(Math.abs(mean / threshold - 1) < 0.10, "mean of last third " + mean + " vs 2/lr " + threshold);
    }

    /** The CI-sized experiment: 200 noisy teacher-student examples, width-64 tanh MLP, float64. */
    static String specText(double lr, int steps, int every) {
        return """
                {
                  "name": "eos-ci",
                  "seed": 0,
                  "model": {"family": "mlp", "width": 64, "depth": 2, "activation": "tanh"},
                  "data": {"source": "teacher_student", "n_train": 200, "n_test": 0, "input_dim": 16,
                           "output_dim": 4, "noise": 1.0, "probe_size": 16},
                  "optimizer": {"name": "gd", "lr": %s},
                  "training": {"steps": %d, "loss": "mse", "dtype": "float64"},
                  "probes": {"metrics_every": 100, "checkpoint_every": 0,
                             "sharpness": {"every": %d, "top_k": 1, "examples": 200}},
                  "execution": {"device": "cpu", "threads": 1}
                }
                """.formatted(Double.toString(lr), steps, every);
    }
}
