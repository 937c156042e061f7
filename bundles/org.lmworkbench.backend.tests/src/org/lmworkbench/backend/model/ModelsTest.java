package org.lmworkbench.backend.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.lmworkbench.backend.data.DeviceData;
import org.lmworkbench.backend.data.Datasets;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.optim.Optimizer;
import org.lmworkbench.backend.optim.Optimizers;
import org.lmworkbench.backend.train.Scalars;
import org.lmworkbench.backend.train.StepRunner;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ModelSpec;

/** Every model family trains on suitable data, and the losses follow their documented conventions. */
class ModelsTest {

    private static ExperimentSpec spec(String json) {
        return ExperimentSpec.fromJson(json);
    }

    /** Loss after {@code steps} steps divided by the initial loss. */
    private static double trainRatio(ExperimentSpec spec, int steps) {
        Engine engine = Engines.pytorch(1);
        try (NDManager root = NDManager.newBaseManager()) {
            DeviceData data = new DeviceData(Datasets.load(spec, null), root, DataType.FLOAT32);
            Model model = Models.create(spec, data.shape());
            ParameterSet params = model.init(root, spec.seed(), DataType.FLOAT32);
            params.requireGradients();
            Optimizer optimizer = Optimizers.create(spec.optimizer(), params);
            StepRunner runner = new StepRunner(engine, model, Loss.of(spec.training().loss()), params, optimizer);
            NDList persistent = new NDList(params.arrays());
            optimizer.stateArrays().values().forEach(persistent::add);
            persistent.add(data.train().x());
            persistent.add(data.train().y());
            int arraysBefore = root.getManagedArrays().size();
            double first = 0;
            double last = 0;
            for (int t = 0; t < steps; t++) {
                try (NDManager s = root.newSubManager()) {
                    s.tempAttachAll(persistent);
                    last = runner.forwardBackward(data.train());
                    if (t == 0) {
                        first = last;
                    }
                    runner.update(spec.optimizer().lr());
                }
            }
            assertEquals(arraysBefore, root.getManagedArrays().size(), "arrays leak into the root manager");
            return last / first;
        }
    }

    @Test
    void transformerLearnsModularArithmeticTokens() {
        ExperimentSpec s = spec("""
                {"name": "t", "model": {"family": "transformer", "depth": 1, "width": 64, "embedding": 32, "heads": 4,
                 "context": 4}, "data": {"source": "modular_arithmetic", "modulus": 11, "n_train": 100, "n_test": 21},
                 "optimizer": {"name": "adam", "lr": 0.003}, "training": {"loss": "cross_entropy"}}
                """);
        assertTrue(trainRatio(s, 30) < 0.7);
    }

    @Test
    void cnnAndResnetTrainOnImages() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("img");
        java.util.Map<String, org.lmworkbench.core.format.NpyArray> arrays = new java.util.LinkedHashMap<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        double[] x = new double[64 * 1 * 8 * 8];
        long[] y = new long[64];
        for (int i = 0; i < 64; i++) {
            y[i] = i % 2;
            for (int p = 0; p < 64; p++) {
                x[i * 64 + p] = r.nextGaussian() * 0.3 + (y[i] == 1 && p < 32 ? 1 : 0);
            }
        }
        arrays.put("x", org.lmworkbench.core.format.NpyArray.of(x, 64, 1, 8, 8));
        arrays.put("y", org.lmworkbench.core.format.NpyArray.of(y, 64));
        java.nio.file.Path file = dir.resolve("img.npz");
        java.nio.file.Files.write(file, org.lmworkbench.core.format.Npz.encode(arrays));
        for (String family : new String[] {"cnn", "resnet"}) {
            ExperimentSpec s = spec("""
                    {"name": "c", "model": {"family": "%s", "depth": 2, "channels": 8, "blocks": 1},
                     "data": {"source": "npz", "path": "%s", "n_train": 48, "n_test": 16},
                     "optimizer": {"name": "adam", "lr": 0.01}, "training": {"loss": "cross_entropy"}}
                    """.formatted(family, file));
            assertTrue(trainRatio(s, 25) < 0.8, family);
        }
    }

    /**
     * What the name claims, for each of the 5 activations x 3 parameterizations at width 32 (twice
     * muP's base width, so muP differs from SP): the network is the one the spec names (its
     * output equals a forward pass computed here in plain Java from the parameter values with that
     * activation and that parameterization's multipliers, and the initial weights have the
     * parameterization's spread), a small full-batch step lowers the loss, by what the gradient and
     * the parameterization's per-layer learning rates predict to first order (checked by a central
     * finite difference), and 20 steps at the spec's rate lower it.
     */
    @Test
    void everyActivationAndParameterizationTrainsAnMlp() {
        Engine engine = Engines.pytorch(1);
        for (ModelSpec.Activation act : ModelSpec.Activation.values()) {
            for (ModelSpec.Parameterization p : ModelSpec.Parameterization.values()) {
                String what = act + "/" + p;
                ExperimentSpec s = spec("""
                        {"name": "m", "model": {"width": 32, "depth": 2, "activation": "%s", "parameterization": "%s",
                         "base_width": 16}, "data": {"n_train": 64, "input_dim": 8},
                         "optimizer": {"name": "sgd", "lr": 0.05}}
                        """.formatted(act.name().toLowerCase(), p.name().toLowerCase()));
                try (NDManager root = NDManager.newBaseManager()) {
                    DeviceData data = new DeviceData(Datasets.load(s, null), root, DataType.FLOAT64);
                    Model model = Models.create(s, data.shape());
                    ParameterSet params = model.init(root, s.seed(), DataType.FLOAT64);
                    double std = sampleStd(params.get("hidden2.weight").toDoubleArray());
                    double expectedStd = p == ModelSpec.Parameterization.NTK ? 1.0 : 1.0 / Math.sqrt(32);
                    assertEquals(expectedStd, std, 0.1 * expectedStd, what + ": spread of hidden2.weight");

                    double[] out = model.forward(params, data.train().x(), false).toDoubleArray();
                    double[] byHand = forwardByHand(params, data.train().x().toDoubleArray(), 8, 32, act, p);
                    for (int i = 0; i < out.length; i++) {
                        assertEquals(byHand[i], out[i], 1e-12 * (1 + Math.abs(byHand[i])), what + ": output " + i);
                    }

                    params.requireGradients();
                    Optimizer optimizer = Optimizers.create(s.optimizer(), params);
                    StepRunner runner = new StepRunner(engine, model, Loss.of(s.training().loss()), params, optimizer);
                    double before = runner.forwardBackward(data.train());
                    List<String> names = params.names();
                    double predictedRate = 0;
                    for (int k = 0; k < names.size(); k++) {
                        predictedRate += params.info(names.get(k)).lrMultiplier()
                                * Scalars.value(runner.gradients().get(k).square().sum());
                    }
                    // The optimizer's step of lr against the scaled gradient, and by hand the same step
                    // the other way: half their loss difference is the first-order decrease
                    // lr * sum_p m_p |g_p|^2 up to O(lr^3), a central finite difference.
                    double lr = 1e-3 * before / predictedRate;
                    List<NDArray> opposite = new ArrayList<>();
                    for (int k = 0; k < names.size(); k++) {
                        NDArray g = runner.gradients().get(k);
                        opposite.add(params.get(names.get(k)).add(g.mul(lr * params.info(names.get(k)).lrMultiplier())));
                    }
                    double descended;
                    try (NDManager step = root.newSubManager()) {
                        runner.update(lr);
                        descended = loss(model, params, data, s);
                    }
                    double ascended = loss(model, params.withArrays(opposite), data, s);
                    assertTrue(descended < before, what + ": a small step along the gradient descends");
                    assertEquals(lr * predictedRate, (ascended - descended) / 2, 1e-3 * lr * predictedRate,
                            what + ": first-order change of the loss along the update");
                }
                assertTrue(trainRatio(s, 20) < 1.0, what + ": 20 steps");
            }
        }
    }

    private static double loss(Model model, ParameterSet params, DeviceData data, ExperimentSpec s) {
        return Scalars.value(Loss.of(s.training().loss()).compute(model.forward(params, data.train().x(), false),
                data.train().y()));
    }

    /** The MLP of {@link Mlp#forward} written out: weights are [fan_in, fan_out], biases start at zero. */
    private static double[] forwardByHand(ParameterSet params, double[] x, int inputs, int width,
            ModelSpec.Activation act, ModelSpec.Parameterization p) {
        int n = x.length / inputs;
        double[] h = x;
        int fanIn = inputs;
        for (String layer : List.of("hidden1", "hidden2")) {
            double multiplier = p == ModelSpec.Parameterization.NTK ? 1 / Math.sqrt(fanIn) : 1;
            h = dense(h, n, fanIn, width, params.get(layer + ".weight").toDoubleArray(),
                    params.get(layer + ".bias").toDoubleArray(), multiplier);
            for (int i = 0; i < h.length; i++) {
                h[i] = activation(act, h[i]);
            }
            fanIn = width;
        }
        double readout = switch (p) {
            case NTK -> 1 / Math.sqrt(width);
            case MUP -> 16.0 / width;
            case SP -> 1;
        };
        double[] w = params.get("output.weight").toDoubleArray();
        return dense(h, n, width, w.length / width, w, params.get("output.bias").toDoubleArray(), readout);
    }

    private static double[] dense(double[] x, int n, int in, int out, double[] w, double[] b, double multiplier) {
        double[] y = new double[n * out];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < out; j++) {
                double sum = 0;
                for (int k = 0; k < in; k++) {
                    sum += x[r * in + k] * w[k * out + j];
                }
                y[r * out + j] = multiplier * sum + b[j];
            }
        }
        return y;
    }

    private static double activation(ModelSpec.Activation act, double v) {
        return switch (act) {
            case RELU -> Math.max(0, v);
            case TANH -> Math.tanh(v);
            case GELU -> 0.5 * v * (1 + Erf.erf(v / Math.sqrt(2)));
            case SIGMOID -> 1 / (1 + Math.exp(-v));
            case LINEAR -> v;
        };
    }

    private static double sampleStd(double[] v) {
        double sum = 0;
        for (double e : v) {
            sum += e * e;
        }
        return Math.sqrt(sum / v.length);
    }

    @Test
    void lossConventions() {
        Engines.pytorch(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray out = m.create(new double[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray target = m.create(new double[] {0, 0, 3, 2}, new Shape(2, 2));
            // 0.5 * (1 + 4 + 0 + 4) summed over outputs, / 2 examples.
            assertEquals(2.25, Scalars.value(Loss.MSE.compute(out, target)), 1e-12);
            NDArray onehot = m.create(new double[] {1, 0, 0, 1}, new Shape(2, 2));
            double expected = (Math.log(Math.exp(1) + Math.exp(2)) - 1 + Math.log(Math.exp(3) + Math.exp(4)) - 4) / 2;
            assertEquals(expected, Scalars.value(Loss.CROSS_ENTROPY.compute(out, onehot)), 1e-12);
        }
    }

    @Test
    void initialisationIsDeterministicAndNamed() {
        Engines.pytorch(1);
        Parameterization sp = new Parameterization(org.lmworkbench.core.spec.ModelSpec.Parameterization.SP, 1, 8, 8, false);
        Mlp mlp = new Mlp(4, 2, 8, 2, org.lmworkbench.core.spec.ModelSpec.Activation.RELU, true, 1, sp);
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterSet a = mlp.init(m, 5, DataType.FLOAT64);
            ParameterSet b = mlp.init(m, 5, DataType.FLOAT64);
            assertEquals(List.of("hidden1.weight", "hidden1.bias", "hidden2.weight", "hidden2.bias", "output.weight",
                    "output.bias"), a.names());
            assertArrayEquals(a.toFlatDoubles(), b.toFlatDoubles());
            List<NDArray> shifted = new ArrayList<>();
            a.arrays().forEach(x -> shifted.add(x.add(1)));
            assertEquals(a.elementCount(), a.withArrays(shifted).elementCount());
        }
    }
}
