package org.lmworkbench.backend.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.backend.cli.Main;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.data.TruncatedArchives;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.train.Checkpoints;
import org.lmworkbench.backend.train.TrainingSetup;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.ExperimentSpec;

/** The diagnostics command on a tiny trained classifier, and the bias-gradient AGOP probe. */
class DiagnosticsCommandTest {

    @TempDir
    static Path tmp;

    private static Path run;

    private static final String SPEC = """
            {"name": "diag", "seed": 3,
             "model": {"family": "mlp", "width": 12, "depth": 2, "activation": "tanh"},
             "data": {"source": "gaussian_mixture", "n_train": 120, "n_test": 10, "input_dim": 5, "classes": 3},
             "optimizer": {"name": "gd", "lr": 0.2},
             "training": {"steps": 20, "loss": "cross_entropy", "dtype": "float64"},
             "probes": {"checkpoint_every": 10},
             "execution": {"device": "cpu"}}
            """;

    @BeforeAll
    static void train() throws IOException {
        Engines.pytorch(1);
        Path spec = tmp.resolve("diag.lmx");
        Files.writeString(spec, SPEC);
        run = tmp.resolve("runs/diag");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", spec.toString(), "--out", run.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesAllDiagnosticsOfACheckpoint() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DiagnosticsCommand().execute(new String[] {run.toString(), "--checkpoint", "20", "--examples", "120"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonObject r = JsonParser.parseString(Files.readString(run.resolve("diagnostics/step-20.json"))).getAsJsonObject();
        assertEquals(20, r.get("step").getAsLong());
        double change = r.getAsJsonObject("relative_weight_change").get("all").getAsDouble();
        assertTrue(change > 0 && change < 10, "weight change " + change);
        double alignment = r.getAsJsonObject("hidden_kernel").getAsJsonObject("hidden2").get("alignment_to_init").getAsDouble();
        assertTrue(alignment > 0 && alignment <= 1 + 1e-12, "alignment " + alignment);
        for (String layer : new String[] {"hidden1", "hidden2"}) {
            double nfa = r.getAsJsonObject("neural_feature_ansatz").get(layer).getAsDouble();
            assertTrue(nfa >= -1 && nfa <= 1, layer + " nfa " + nfa);
        }
        JsonObject nc = r.getAsJsonObject("neural_collapse");
        assertTrue(nc.get("nc1").getAsDouble() > 0);
        assertTrue(nc.get("nc4").getAsDouble() >= 0 && nc.get("nc4").getAsDouble() <= 1);
    }

    @Test
    void missingCheckpointIsAnInputError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DiagnosticsCommand().execute(new String[] {run.toString(), "--checkpoint", "7"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(2, code);
        assertEquals("diagnostics: " + new RunDirectory(run.toAbsolutePath().normalize()).checkpointFile(7)
                + ": no such checkpoint; available steps: [10, 20]", err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void checkpointCutAtAnEntryBoundaryIsAnInputErrorNamingTheFile() throws IOException {
        Path checkpoint = run.toAbsolutePath().normalize().resolve("checkpoints/step-10.npz");
        int length = TruncatedArchives.cutAfterEntries(checkpoint, 3);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DiagnosticsCommand().execute(new String[] {run.toString(), "--checkpoint", "10"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("diagnostics: " + checkpoint + ": incomplete .npz archive: the zip central directory is"
                + " missing (is the file, " + length + " bytes, cut off?)", err.toString(StandardCharsets.UTF_8).trim());
        assertFalse(Files.exists(run.resolve("diagnostics/step-10.json")), "no result from a damaged checkpoint");
    }

    @Test
    void biasGradientProbeOfTheFirstLayerIsProportionalToTheInputAgop() throws IOException {
        RunDirectory dir = new RunDirectory(run);
        ExperimentSpec spec = dir.readSpec();
        try (NDManager manager = NDManager.newBaseManager();
             TrainingSetup setup = TrainingSetup.open(spec, Device.cpu(), manager)) {
            ParameterSet p = Checkpoints.load(dir.checkpointFile(20), setup.model(), spec, setup.manager());
            Batch b = setup.data().trainingSubset(40);
            double[][] exact = LayerAgop.ofInput(setup.model(), p, b.x());
            double[][] probe = LayerAgop.viaBias(setup.model(), p, b.x(), "hidden1");
            double ratio = exact[0][0] / probe[0][0];
            for (int i = 0; i < exact.length; i++) {
                for (int j = 0; j < exact.length; j++) {
                    assertEquals(exact[i][j], ratio * probe[i][j], 1e-10 * Math.abs(exact[0][0]));
                }
            }
        }
    }
}
