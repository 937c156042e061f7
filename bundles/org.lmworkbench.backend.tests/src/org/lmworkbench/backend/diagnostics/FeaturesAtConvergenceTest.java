package org.lmworkbench.backend.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
import org.lmworkbench.analysis.theory.features.FeaturesAtConvergence;
import org.lmworkbench.backend.cli.Main;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.train.Checkpoints;
import org.lmworkbench.backend.train.TrainingSetup;
import org.lmworkbench.core.run.DiagnosticsFile;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * The features-at-convergence relation measured by the backend: its right-hand side against an
 * explicit per-example computation (input gradients by central differences of a hand-written
 * network), and the correlation at a weight-decayed critical point against initialisation.
 */
class FeaturesAtConvergenceTest {

    private static final double LAMBDA = 0.1;

    private static final int STEPS = 4000;

    private static final String SPEC = """
            {"name": "fact", "seed": 5,
             "model": {"family": "mlp", "width": 6, "depth": 2, "activation": "tanh"},
             "data": {"source": "teacher_student", "n_train": 24, "n_test": 8, "input_dim": 4, "output_dim": 2},
             "optimizer": {"name": "gd", "lr": 0.3, "weight_decay": %s},
             "training": {"steps": %d, "loss": "mse", "dtype": "float64"},
             "probes": {"metrics_every": 100},
             "execution": {"device": "cpu"}}
            """;

    @TempDir
    static Path tmp;

    private static Path converged;

    @BeforeAll
    static void train() throws IOException {
        Engines.pytorch(1);
        converged = run("converged", STEPS);
    }

    private static Path run(String name, int steps) throws IOException {
        Path spec = tmp.resolve(name + ".lmx");
        Files.writeString(spec, SPEC.formatted(LAMBDA, steps));
        Path out = tmp.resolve("runs/" + name);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", spec.toString(), "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void correlationIsNearOneAtAWeightDecayedCriticalPointAndFarLowerAtInitialisation() throws IOException {
        RunDirectory dir = new RunDirectory(converged);
        double[] norms = gradientNorms(dir, STEPS);
        // The data-loss gradient and the decay term -lambda W cancel: a critical point of the regularised loss.
        assertTrue(norms[0] < 2e-3 * norms[1], "training must reach a critical point, gradient norm " + norms[0]
                + " against a data-loss gradient of " + norms[1]);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DiagnosticsCommand().execute(
                new String[] {converged.toString(), "--checkpoint", String.valueOf(STEPS), "--examples", "24"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        DiagnosticsFile at = DiagnosticsFile.read(dir.diagnosticsFile(STEPS));
        assertEquals(List.of("hidden1", "hidden2", "output"), at.fact().layers().stream()
                .map(DiagnosticsFile.LayerFact::layer).toList());
        for (DiagnosticsFile.LayerFact l : at.fact().layers()) {
            assertTrue(l.raw() > 0.99 && l.psd() > 0.99, l.toString());
            assertTrue(l.residual() < 1e-2, l.toString());
        }
        ExperimentSpec spec = dir.readSpec();
        try (NDManager manager = NDManager.newBaseManager();
             TrainingSetup setup = TrainingSetup.open(spec, Device.cpu(), manager)) {
            ParameterSet init = setup.model().init(setup.manager(), spec.seed(), TrainingSetup.dtype(spec));
            DiagnosticsFile.Fact early = LayerFact.measure(setup.model(), init, setup.loss(),
                    setup.data().trainingSubset(24), LAMBDA, setup.manager());
            for (DiagnosticsFile.LayerFact l : early.layers()) {
                assertTrue(l.raw() < 0.7, "at initialisation the relation does not hold: " + l);
                assertTrue(l.residual() > 0.3, l.toString());
            }
        }
    }

    @Test
    void rightHandSideEqualsTheSumOverExamplesOfInputGradientsTimesInputs() throws IOException {
        ExperimentSpec spec = new RunDirectory(converged).readSpec();
        try (NDManager manager = NDManager.newBaseManager();
             TrainingSetup setup = TrainingSetup.open(spec, Device.cpu(), manager)) {
            ParameterSet p = setup.model().init(setup.manager(), 11, TrainingSetup.dtype(spec));
            Batch batch = setup.data().trainingSubset(24);
            DiagnosticsFile.Fact fact = LayerFact.measure(setup.model(), p, setup.loss(), batch, LAMBDA,
                    setup.manager());
            HandWrittenMlp net = new HandWrittenMlp(p, batch);
            var gradients = LayerFact.dataGradients(setup.model(), p, setup.loss(), batch, setup.manager());
            for (int layer = 0; layer < 3; layer++) {
                String name = layer < 2 ? "hidden" + (layer + 1) + ".weight" : "output.weight";
                double[][] backend = LayerFact.rightHandSide(LayerFact.asOutByIn(p.get(name)),
                        LayerFact.asOutByIn(gradients.get(name)), LAMBDA);
                double[][] explicit = FeaturesAtConvergence.rightHandSide(net.inputs(layer),
                        net.inputGradients(layer), LAMBDA);
                double scale = maxAbs(explicit);
                for (int a = 0; a < explicit.length; a++) {
                    for (int b = 0; b < explicit.length; b++) {
                        assertEquals(explicit[a][b], backend[a][b], 1e-7 * scale, name + " entry " + a + "," + b);
                    }
                }
                assertNull(fact.layers().get(layer).skipped());
            }
        }
    }

    /** Gradient norms of the weight-decayed objective and of the data loss alone (metrics.jsonl's). */
    private static double[] gradientNorms(RunDirectory dir, long step) throws IOException {
        ExperimentSpec spec = dir.readSpec();
        try (NDManager manager = NDManager.newBaseManager();
             TrainingSetup setup = TrainingSetup.open(spec, Device.cpu(), manager)) {
            ParameterSet p = Checkpoints.load(dir.checkpointFile(step), setup.model(), spec, setup.manager());
            var g = LayerFact.dataGradients(setup.model(), p, setup.loss(), setup.data().trainingSubset(24),
                    setup.manager());
            double sum = 0;
            double data = 0;
            for (String name : p.names()) {
                NDArray full = p.info(name).decay() ? g.get(name).add(p.get(name).mul(LAMBDA)) : g.get(name);
                sum += full.square().sum().getDouble();
                data += g.get(name).square().sum().getDouble();
            }
            return new double[] {Math.sqrt(sum), Math.sqrt(data)};
        }
    }

    private static double maxAbs(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double v : row) {
                s = Math.max(s, Math.abs(v));
            }
        }
        return s;
    }
}
