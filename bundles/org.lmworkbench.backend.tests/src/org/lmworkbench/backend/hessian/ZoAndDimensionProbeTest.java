package org.lmworkbench.backend.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.analysis.theory.zo.ZoCriticalStep;
import org.lmworkbench.analysis.theory.zo.ZoSettings;
import org.lmworkbench.backend.cli.Main;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.data.Datasets;
import org.lmworkbench.backend.data.DeviceData;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.Models;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.SharpnessDimensionLine;
import org.lmworkbench.core.run.SharpnessLine;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ProbeSpec;

/**
 * The zeroth-order band and the sharpness dimension measured on real networks against dense
 * Hessians built independently of the Hessian-vector product code: by central differences of
 * autograd gradients, eigendecomposed with Commons Math. The critical step a ZO run's sharpness probe
 * records equals {@link ZoCriticalStep} on those eigenvalues; the exact sharpness dimension equals the
 * Kaplan-Yorke formula evaluated here from its definition; the SLQ estimate agrees with the exact one
 * within the uncertainty it reports.
 */
class ZoAndDimensionProbeTest {

    @TempDir
    Path dir;

    private static final String SPEC = """
            {"name": "tiny", "seed": 4, "model": {"family": "mlp", "width": 8, "depth": 2, "activation": "tanh"},
             "data": {"source": "teacher_student", "n_train": 48, "n_test": 0, "input_dim": 5, "output_dim": 2,
                      "noise": 0.5, "probe_size": 8},
             "optimizer": {"name": "%s", "lr": %s, "momentum": 0.5, "zo": {"directions": 2}},
             "training": {"steps": 1, "loss": "mse", "dtype": "float64"},
             "probes": {"sharpness": {"every": 1, "examples": 48}, "checkpoint_every": 1},
             "execution": {"device": "cpu", "threads": 1}}
            """;

    @Test
    void criticalStepOfTheProbeIsTheTheoryOnTheDenseHessian() throws Exception {
        for (String optimizer : new String[] {"zo_gd", "zo_gdm"}) {
            ExperimentSpec spec = ExperimentSpec.fromJson(SPEC.formatted(optimizer, "1e-9"));
            Path specFile = Files.writeString(dir.resolve(optimizer + ".lmx"), SPEC.formatted(optimizer, "1e-9"));
            Path out = dir.resolve(optimizer);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"run", specFile.toString(), "--out", out.toString()},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(ExitCodes.OK, code, err.toString(StandardCharsets.UTF_8));
            MetricsRecord atInit = MetricsReader.readAll(new RunDirectory(out).sharpnessFile()).get(0);
            SharpnessLine line = SharpnessLine.read(out, atInit);
            assertEquals(0, line.step());
            double[] eigenvalues = denseEigenvalues(spec, 0, null);
            ZoSettings settings = optimizer.equals("zo_gd") ? ZoSettings.gd().withDirections(2)
                    : ZoSettings.gdm(0.5).withDirections(2);
            double expected = ZoCriticalStep.of(eigenvalues, settings);
            double trace = Arrays.stream(eigenvalues).sum();
            System.out.printf("%s on a %d-parameter MLP: eta* %.8f (probe) vs %.8f (dense Hessian by differences),"
                    + " trace %.6f vs %.6f, band [%.4f, %.4f]%n", optimizer, eigenvalues.length, line.zo().etaStar(),
                    expected, line.zo().trace(), trace, line.zo().traceLow(line.eigenvalues()[0]), line.zo().zoThreshold());
            assertEquals(expected, line.zo().etaStar(), 1e-6 * expected);
            assertEquals(trace, line.zo().trace(), 1e-6 * Math.abs(trace) + 1e-8);
            assertEquals(eigenvalues[0], line.eigenvalues()[0], 1e-6 * eigenvalues[0]);
            assertEquals(settings.label(), line.zo().settings());
            assertTrue(Double.isNaN(line.threshold()), "no 2/lr threshold for a zeroth-order run");
        }
    }

    @Test
    void exactSharpnessDimensionIsTheDefinitionAndSlqAgreesWithinItsError() throws Exception {
        ExperimentSpec spec = ExperimentSpec.fromJson(SPEC.formatted("gd", "0.1"));
        double eta = 0.5;
        int minibatches = 6;
        int batch = 24;
        ProbeSpec.SharpnessDimension exact = new ProbeSpec.SharpnessDimension(1, eta, ProbeSpec.Method.EXACT,
                minibatches, 40, batch);
        SharpnessDimensionLine measured = measure(spec, exact, 9);
        // The same minibatch rows, drawn as the meter draws them.
        SplittableRandom random = new SplittableRandom(9 * 1_000_003L);
        List<double[]> spectra = new ArrayList<>();
        for (int b = 0; b < minibatches; b++) {
            spectra.add(denseEigenvalues(spec, 0, SharpnessDimensionMeter.sample(random, 48, batch)));
        }
        double definition = kaplanYorke(spectra, eta);
        ProbeSpec.SharpnessDimension slqSettings = new ProbeSpec.SharpnessDimension(1, eta, ProbeSpec.Method.SLQ,
                30, 40, batch);
        SharpnessDimensionLine slq = measure(spec, slqSettings, 9);
        System.out.printf("sharpness dimension (d = %d, eta %.2f): exact %.5f +- %.5f, definition %.5f,"
                + " SLQ %.4f +- %.4f (%d runs, %d HVPs)%n", measured.dimension(), eta, measured.value(),
                measured.standardError(), definition, slq.value(), slq.standardError(), slq.samples(), slq.hvps());
        assertEquals(definition, measured.value(), 1e-5 * Math.max(1, definition));
        assertTrue(measured.value() > 0 && measured.value() < measured.dimension(), "a non-trivial dimension");
        assertEquals("exact", measured.method());
        assertEquals("slq", slq.method());
        assertTrue(slq.standardError() > 0);
        assertTrue(Math.abs(slq.value() - measured.value()) <= 3 * Math.hypot(slq.standardError(), measured.standardError()),
                "SLQ " + slq.value() + " +- " + slq.standardError() + " vs exact " + measured.value());
    }

    @Test
    void commandWritesTheCheckpointsDimension() throws Exception {
        Path specFile = Files.writeString(dir.resolve("gd.lmx"), SPEC.formatted("gd", "0.1"));
        Path out = dir.resolve("gd");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, Main.run(new String[] {"run", specFile.toString(), "--out", out.toString()}, quiet,
                new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"sharpness-dimension", out.toString(), "--checkpoint", "1", "--exact",
            "--eta", "0.5", "--minibatches", "3", "--batch-size", "24"}, new PrintStream(text, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCodes.OK, code, err.toString(StandardCharsets.UTF_8));
        SharpnessDimensionLine line = SharpnessDimensionLine.readFile(new RunDirectory(out).checkpointSharpnessDimensionFile(1));
        assertEquals(1, line.step());
        assertEquals(3, line.samples());
        assertEquals(0.5, line.eta());
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("sharpness dimension"));
        assertEquals(ExitCodes.INVALID_INPUT, Main.run(new String[] {"sharpness-dimension", out.toString(), "--checkpoint", "1",
            "--exact", "--slq"}, quiet, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    private static SharpnessDimensionLine measure(ExperimentSpec spec, ProbeSpec.SharpnessDimension s, long seed) {
        Engines.pytorch(1);
        try (NDManager root = NDManager.newBaseManager()) {
            DeviceData data = new DeviceData(Datasets.load(spec, null), root, DataType.FLOAT64);
            Model model = Models.create(spec, data.shape());
            ParameterSet params = model.init(root, spec.seed(), DataType.FLOAT64);
            params.requireGradients();
            return new SharpnessDimensionMeter(s, seed).measure(model, params, Loss.of(spec.training().loss()),
                    data.train(), s.eta(), 0, root);
        }
    }

    /**
     * Eigenvalues, largest first, of the Hessian at initialisation over {@code rows} of the training
     * set (all when null), from central differences of autograd gradients.
     */
    private static double[] denseEigenvalues(ExperimentSpec spec, long unused, int[] rows) {
        Engine engine = Engines.pytorch(1);
        try (NDManager root = NDManager.newBaseManager()) {
            DeviceData data = new DeviceData(Datasets.load(spec, null), root, DataType.FLOAT64);
            Model model = Models.create(spec, data.shape());
            ParameterSet params = model.init(root, spec.seed(), DataType.FLOAT64);
            Loss loss = Loss.of(spec.training().loss());
            Batch batch = rows == null ? data.train() : SharpnessDimensionMeter.rows(data.train(), rows, root);
            double[] x = params.toFlatDoubles();
            int d = x.length;
            double h = 1e-5;
            double[][] columns = new double[d][];
            for (int j = 0; j < d; j++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[j] += h;
                minus[j] -= h;
                double[] gp = gradient(engine, model, loss, batch, params, plus, root);
                double[] gm = gradient(engine, model, loss, batch, params, minus, root);
                columns[j] = new double[d];
                for (int i = 0; i < d; i++) {
                    columns[j][i] = (gp[i] - gm[i]) / (2 * h);
                }
            }
            double[][] hessian = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    hessian[i][j] = 0.5 * (columns[i][j] + columns[j][i]);
                }
            }
            double[] values = new EigenDecomposition(new Array2DRowRealMatrix(hessian, false)).getRealEigenvalues();
            Arrays.sort(values);
            double[] descending = new double[d];
            for (int i = 0; i < d; i++) {
                descending[i] = values[d - 1 - i];
            }
            return descending;
        }
    }

    private static double[] gradient(Engine engine, Model model, Loss loss, Batch batch, ParameterSet like,
            double[] flat, NDManager root) {
        try (NDManager m = root.newSubManager()) {
            NDList arrays = new NDList();
            int offset = 0;
            for (NDArray a : like.arrays()) {
                int n = Math.toIntExact(a.size());
                arrays.add(m.create(Arrays.copyOfRange(flat, offset, offset + n), a.getShape()));
                offset += n;
            }
            ParameterSet p = like.withArrays(arrays);
            p.requireGradients();
            try (GradientCollector c = engine.newGradientCollector()) {
                c.backward(loss.compute(model.forward(p, batch.x(), true), batch.y()));
            }
            double[] g = new double[flat.length];
            offset = 0;
            for (NDArray a : arrays) {
                double[] part = a.getGradient().toDoubleArray();
                System.arraycopy(part, 0, g, offset, part.length);
                offset += part.length;
            }
            return g;
        }
    }

    /** The Kaplan-Yorke dimension from its definition: rank-wise mean of sorted ln|1 - eta alpha|. */
    private static double kaplanYorke(List<double[]> spectra, double eta) {
        int d = spectra.get(0).length;
        double[] mean = new double[d];
        for (double[] s : spectra) {
            double[] l = new double[d];
            for (int i = 0; i < d; i++) {
                l[i] = Math.log(Math.abs(1 - eta * s[i]));
            }
            Arrays.sort(l);
            for (int k = 0; k < d; k++) {
                mean[k] += l[d - 1 - k] / spectra.size();
            }
        }
        double sum = 0;
        for (int j = 0; j < d; j++) {
            if (sum + mean[j] < 0) {
                return j + sum / Math.abs(mean[j]);
            }
            sum += mean[j];
        }
        return d;
    }
}
