package org.lmworkbench.backend.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.backend.cli.Main;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.core.run.FeaturesLine;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.ModesLine;
import org.lmworkbench.core.run.NoiseLine;
import org.lmworkbench.core.run.RunDirectory;

/**
 * The feature, mode and noise probes of a training run: what each writes, and the agreement of the
 * over-training FACT line with the checkpoint diagnostics of the same step.
 */
class TheoryProbesTest {

    private static final String SPEC = """
            {"name": "theory", "seed": 4,
             "model": {"family": "mlp", "width": 8, "depth": 2, "activation": "linear", "bias": false,
                       "init_scale": 0.3},
             "data": {"source": "teacher_student", "n_train": 64, "n_test": 8, "input_dim": 5, "output_dim": 3},
             "optimizer": {"name": "gd", "lr": 0.05, "weight_decay": 0.01},
             "training": {"steps": 30, "loss": "mse", "dtype": "float64"},
             "probes": {"metrics_every": 10, "checkpoint_every": 30,
                        "features": {"every": 10, "examples": 64}, "modes": {"every": 10, "count": 3},
                        "noise": {"every": 10, "examples": 16}},
             "execution": {"device": "cpu"}}
            """;

    @TempDir
    static Path tmp;

    private static RunDirectory run;

    @BeforeAll
    static void train() throws IOException {
        Engines.pytorch(1);
        Path spec = tmp.resolve("theory.lmx");
        Files.writeString(spec, SPEC);
        Path out = tmp.resolve("runs/theory");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", spec.toString(), "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        run = new RunDirectory(out);
    }

    private static List<MetricsRecord> lines(String file) throws IOException {
        return MetricsReader.readAll(run.path().resolve("probes").resolve(file));
    }

    @Test
    void featuresLinesCarryBothCorrelationsPerLayerAndMatchTheDiagnosticsOfTheSameStep() throws IOException {
        List<MetricsRecord> records = lines(FeaturesLine.FILE);
        assertEquals(List.of(0L, 10L, 20L, 30L), records.stream().map(MetricsRecord::step).toList());
        FeaturesLine last = FeaturesLine.read(run.path(), records.getLast());
        assertEquals(List.of("hidden1", "hidden2"), List.copyOf(last.nfa().keySet()));
        assertEquals(List.of("hidden1", "hidden2", "output"), List.copyOf(last.fact().keySet()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DiagnosticsCommand().execute(new String[] {run.path().toString(), "--checkpoint", "30",
            "--examples", "64"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        var diagnostics = org.lmworkbench.core.run.DiagnosticsFile.read(run.diagnosticsFile(30));
        for (var layer : diagnostics.fact().layers()) {
            assertEquals(layer.raw(), last.fact().get(layer.layer()), 1e-9, layer.layer());
        }
        for (var layer : diagnostics.featureAnsatz().layers()) {
            assertEquals(layer.correlation(), last.nfa().get(layer.layer()), 1e-9, layer.layer());
        }
    }

    @Test
    void modesLinesKeepTheStrengthsAndTrackTheGrowingProjections() throws IOException {
        List<ModesLine> modes = new ArrayList<>();
        for (MetricsRecord r : lines(ModesLine.FILE)) {
            modes.add(ModesLine.read(run.path(), r));
        }
        assertEquals(4, modes.size());
        assertArrayEquals(modes.get(0).strengths(), modes.getLast().strengths(), 0);
        double[] s = modes.get(0).strengths();
        assertTrue(s[0] >= s[1] && s[1] >= s[2] && s[2] > 0, "strengths sorted");
        assertTrue(modes.getLast().projections()[0] > modes.get(0).projections()[0],
                "the strongest mode is being learned");
    }

    @Test
    void noiseLinesGiveAFinitePositiveNoiseScale() throws IOException {
        List<MetricsRecord> records = lines(NoiseLine.FILE);
        assertEquals(4, records.size());
        NoiseLine first = NoiseLine.read(run.path(), records.get(0));
        assertEquals(16, first.examples());
        assertTrue(first.traceCovariance() > 0 && first.gradientNormSquared() > 0, first.toString());
        assertEquals(first.traceCovariance() / first.gradientNormSquared(), first.noiseScale(), 1e-12);
    }
}
