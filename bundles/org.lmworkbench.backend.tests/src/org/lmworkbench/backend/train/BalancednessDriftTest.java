package org.lmworkbench.backend.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.backend.cli.Main;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.core.run.MetricsLine;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;

/**
 * The balancedness conservation law of a deep linear network trained by the backend in float64:
 * gradient descent changes it per step by {@code O(lr^2)}, so halving the learning rate quarters the
 * change of a step, and over the same training time a larger step drifts further.
 */
class BalancednessDriftTest {

    private static final String SPEC = """
            {"name": "balanced", "seed": 2,
             "model": {"family": "mlp", "width": 8, "depth": 2, "activation": "linear", "bias": false},
             "data": {"source": "teacher_student", "n_train": 64, "n_test": 8, "input_dim": 4, "output_dim": 2},
             "optimizer": {"name": "gd", "lr": %s},
             "training": {"steps": %d, "loss": "mse", "dtype": "float64"},
             "probes": {"metrics_every": 1},
             "execution": {"device": "cpu"}}
            """;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void engine() {
        Engines.pytorch(1);
    }

    private static List<MetricsRecord> train(String name, double lr, int steps) throws IOException {
        Path spec = tmp.resolve(name + ".lmx");
        Files.writeString(spec, SPEC.formatted(lr, steps));
        Path out = tmp.resolve("runs/" + name);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", spec.toString(), "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return MetricsReader.readAll(new RunDirectory(out).metricsFile());
    }

    @Test
    void halvingTheLearningRateQuartersTheChangeOfAStep() throws IOException {
        List<MetricsRecord> full = train("full", 0.02, 1);
        List<MetricsRecord> half = train("half", 0.01, 1);
        assertEquals(0.0, full.get(0).number(MetricsLine.BALANCEDNESS_DRIFT));
        double big = full.get(1).number(MetricsLine.BALANCEDNESS_DRIFT);
        double small = half.get(1).number(MetricsLine.BALANCEDNESS_DRIFT);
        assertTrue(big > 0, "a step of finite size changes the balancedness");
        assertEquals(4.0, big / small, 1e-6, "one step changes it by lr^2 (G G^T - G'^T G')");
        double norm = full.get(0).number(MetricsLine.BALANCEDNESS);
        assertTrue(big < 1e-3 * norm, "the change is second order: " + big + " of " + norm);
    }

    @Test
    void overTheSameTrainingTimeALargeStepDriftsMeasurablyAndASmallOneBarely() throws IOException {
        List<MetricsRecord> large = train("large", 0.2, 50);
        List<MetricsRecord> small = train("small", 0.02, 500);
        double norm = large.get(0).number(MetricsLine.BALANCEDNESS);
        double driftLarge = large.getLast().number(MetricsLine.BALANCEDNESS_DRIFT);
        double driftSmall = small.getLast().number(MetricsLine.BALANCEDNESS_DRIFT);
        assertTrue(driftLarge > 1e-3 * norm, "large steps drift measurably: " + driftLarge + " of " + norm);
        assertTrue(driftLarge > 5 * driftSmall, "the drift shrinks with the step: " + driftLarge + " vs " + driftSmall);
    }
}
