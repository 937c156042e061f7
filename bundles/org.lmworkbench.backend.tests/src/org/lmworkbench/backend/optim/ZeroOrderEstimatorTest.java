package org.lmworkbench.backend.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.data.Datasets;
import org.lmworkbench.backend.data.DeviceData;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.Models;
import org.lmworkbench.backend.model.ParameterInfo;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.train.Scalars;
import org.lmworkbench.backend.train.StepRunner;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.OptimizerSpec;

/**
 * The two-point zeroth-order estimator of the backend against independent truth: on a quadratic
 * {@code f(x) = x^T A x / 2} its mean over many directions is the gradient {@code A x} within the
 * standard error the theory predicts ({@code Var g_j = |g|^2 + g_j^2} for Gaussian directions), and on
 * a float64 network its finite-difference quotient is the directional derivative {@code u . grad f}
 * that autograd gives, with an error of second order in {@code mu}. Training with it lowers the loss
 * without leaking arrays, and is deterministic.
 */
class ZeroOrderEstimatorTest {

    static {
        // Through the backend's one entry point, so that the engine this JVM loads has its settings
        // (one intra-op thread) whichever test class happens to load it first.
        Engines.pytorch(1);
    }

    private static final int D = 12;

    @Test
    void meanOverDirectionsIsTheGradientOfAQuadratic() {
        for (OptimizerSpec.Distribution distribution : OptimizerSpec.Distribution.values()) {
            try (NDManager m = NDManager.newBaseManager()) {
                Random r = new Random(3);
                double[] a = new double[D * D];
                double[][] b = new double[D][D];
                for (double[] row : b) {
                    for (int j = 0; j < D; j++) {
                        row[j] = r.nextGaussian();
                    }
                }
                for (int i = 0; i < D; i++) {
                    for (int j = 0; j < D; j++) {
                        double s = 0;
                        for (int k = 0; k < D; k++) {
                            s += b[i][k] * b[j][k];
                        }
                        a[i * D + j] = s / D + (i == j ? 0.5 : 0);
                    }
                }
                double[] x = new double[D];
                for (int i = 0; i < D; i++) {
                    x[i] = r.nextGaussian();
                }
                double[] gradient = new double[D];
                for (int i = 0; i < D; i++) {
                    for (int j = 0; j < D; j++) {
                        gradient[i] += a[i * D + j] * x[j];
                    }
                }
                NDArray matrix = m.create(a, new Shape(D, D));
                ParameterSet params = new ParameterSet();
                params.add(new ParameterInfo("x", "x", ParameterInfo.Role.HIDDEN_VECTOR, 1, false),
                        m.create(x, new Shape(D)));
                ToDoubleFunction<ParameterSet> f = p -> 0.5 * Scalars.value(p.get("x").mul(matrix.matMul(p.get("x"))).sum());
                ZeroOrderEstimator estimator = new ZeroOrderEstimator(
                        new OptimizerSpec.ZeroOrder(1, distribution, 0.1), 11);
                int n = 6000;
                double[] sum = new double[D];
                double[] squares = new double[D];
                for (int t = 0; t < n; t++) {
                    try (NDManager step = m.newSubManager()) {
                        step.tempAttachAll(new NDList(params.get("x"), matrix));
                        double[] g = estimator.estimate(f, params, t).gradient().get("x").toDoubleArray();
                        for (int j = 0; j < D; j++) {
                            sum[j] += g[j];
                            squares[j] += g[j] * g[j];
                        }
                    }
                }
                double norm2 = 0;
                for (double g : gradient) {
                    norm2 += g * g;
                }
                double chi2 = 0;
                double maxZ = 0;
                for (int j = 0; j < D; j++) {
                    double mean = sum[j] / n;
                    double variance = (squares[j] - n * mean * mean) / (n - 1);
                    // Gaussian u: E[(u.g)^2 u_j^2] - g_j^2 = |g|^2 + g_j^2; the sphere's fourth moments
                    // are d/(d+2) of the Gaussian's: (d/(d+2)) (|g|^2 + 2 g_j^2) - g_j^2.
                    double expected = distribution == OptimizerSpec.Distribution.GAUSSIAN ? norm2 + gradient[j] * gradient[j]
                            : D / (D + 2.0) * (norm2 + 2 * gradient[j] * gradient[j]) - gradient[j] * gradient[j];
                    assertEquals(expected, variance, 0.15 * expected, distribution + ": variance of coordinate " + j);
                    double z = (mean - gradient[j]) / Math.sqrt(expected / n);
                    chi2 += z * z;
                    maxZ = Math.max(maxZ, Math.abs(z));
                }
                System.out.printf("ZO estimator on a quadratic (%s, %d directions): chi2 %.2f for %d coordinates,"
                        + " max |z| %.2f%n", distribution.jsonName(), n, chi2, D, maxZ);
                assertTrue(maxZ < 4.5, "largest z-score " + maxZ);
                assertTrue(Math.abs(chi2 - D) < 5 * Math.sqrt(2.0 * D), "chi2 " + chi2 + " for " + D + " coordinates");
            }
        }
    }

    @Test
    void quotientIsTheDirectionalDerivativeInFloat64() {
        ExperimentSpec spec = tinyMlp("zo_gd", "float64");
        Engine engine = Engines.pytorch(1);
        try (NDManager root = NDManager.newBaseManager()) {
            DeviceData data = new DeviceData(Datasets.load(spec, null), root, DataType.FLOAT64);
            Model model = Models.create(spec, data.shape());
            ParameterSet params = model.init(root, spec.seed(), DataType.FLOAT64);
            Loss loss = Loss.of(spec.training().loss());
            Batch batch = data.train();
            params.requireGradients();
            double[] gradient;
            try (GradientCollector c = engine.newGradientCollector()) {
                c.backward(loss.compute(model.forward(params, batch.x(), true), batch.y()));
            }
            List<double[]> grads = params.arrays().stream().map(p -> p.getGradient().toDoubleArray()).toList();
            gradient = concat(grads);
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
            ToDoubleFunction<ParameterSet> f = p -> Scalars.value(loss.compute(model.forward(p, batch.x(), true), batch.y()));
            double[] previousError = new double[3];
            for (int t = 0; t < 3; t++) {
                double[] errors = new double[3];
                double derivative = Double.NaN;
                double[] mus = {1e-2, 1e-3, 1e-5};
                for (int k = 0; k < mus.length; k++) {
                    ZeroOrderEstimator e = new ZeroOrderEstimator(
                            new OptimizerSpec.ZeroOrder(1, OptimizerSpec.Distribution.GAUSSIAN, mus[k]), 5);
                    double[] u = concat(e.direction(params, t, 0).stream().map(NDArray::toDoubleArray).toList());
                    derivative = 0;
                    for (int j = 0; j < u.length; j++) {
                        derivative += u[j] * gradient[j];
                    }
                    errors[k] = Math.abs(e.estimate(f, params, t).coefficients()[0] - derivative);
                }
                System.out.printf("ZO quotient vs u.grad f = %.6f: error %.3g (mu 1e-2), %.3g (1e-3), %.3g (1e-5)%n",
                        derivative, errors[0], errors[1], errors[2]);
                assertTrue(errors[2] < 1e-7 * Math.max(1, Math.abs(derivative)), "mu 1e-5 error " + errors[2]);
                double ratio = errors[0] / errors[1];
                assertTrue(ratio > 30 && ratio < 300, "central difference error falls as mu^2: ratio " + ratio);
                previousError = errors;
            }
            assertTrue(previousError[2] >= 0);
        }
    }

    @Test
    void zeroOrderTrainingLowersTheLossWithoutLeaksAndRepeatsExactly() {
        double[] first = train(tinyMlp("zo_gd", "float32"), 300);
        double[] second = train(tinyMlp("zo_gd", "float32"), 300);
        System.out.printf("zo_gd on a tiny MLP: loss %.4f -> %.4f in 300 steps%n", first[0], first[1]);
        assertTrue(first[1] < 0.8 * first[0], "loss falls: " + first[0] + " -> " + first[1]);
        assertArrayEquals(first, second, 0.0, "same seed, same directions, same losses");
        for (String name : new String[] {"zo_sgd", "zo_gdm", "zo_adam"}) {
            double[] l = train(tinyMlp(name, "float32"), 100);
            System.out.printf("%s on a tiny MLP: loss %.4f -> %.4f in 100 steps%n", name, l[0], l[1]);
            assertTrue(l[1] < l[0], name + " lowers the loss: " + l[0] + " -> " + l[1]);
        }
    }

    /** Initial and final full-batch loss. */
    private static double[] train(ExperimentSpec spec, int steps) {
        Engine engine = Engines.pytorch(1);
        try (NDManager root = NDManager.newBaseManager()) {
            DeviceData data = new DeviceData(Datasets.load(spec, null), root, DataType.FLOAT32);
            Model model = Models.create(spec, data.shape());
            ParameterSet params = model.init(root, spec.seed(), DataType.FLOAT32);
            params.requireGradients();
            Optimizer optimizer = Optimizers.create(spec.optimizer(), params, spec.seed());
            assertTrue(optimizer instanceof ZeroOrderOptimizer);
            StepRunner runner = new StepRunner(engine, model, Loss.of(spec.training().loss()), params, optimizer);
            NDList persistent = new NDList(params.arrays());
            optimizer.stateArrays().values().forEach(persistent::add);
            persistent.add(data.train().x());
            persistent.add(data.train().y());
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
            int arraysBefore = root.getManagedArrays().size();
            double first = Double.NaN;
            double last = Double.NaN;
            for (int t = 0; t < steps; t++) {
                try (NDManager s = root.newSubManager()) {
                    s.tempAttachAll(persistent);
                    last = runner.forwardBackward(data.train());
                    assertTrue(runner.gradientNorm() > 0);
                    if (t == 0) {
                        first = last;
                    }
                    runner.update(spec.optimizer().lr());
                }
            }
            assertEquals(arraysBefore, root.getManagedArrays().size(), "arrays leak into the root manager");
            return new double[] {first, last};
        }
    }

    private static ExperimentSpec tinyMlp(String optimizer, String dtype) {
        double lr = optimizer.equals("zo_adam") ? 0.003 : 0.02;
        return ExperimentSpec.fromJson("""
                {"name": "zo", "seed": 2, "model": {"family": "mlp", "width": 16, "depth": 2, "activation": "tanh"},
                 "data": {"source": "teacher_student", "n_train": 64, "n_test": 0, "input_dim": 6, "output_dim": 1},
                 "optimizer": {"name": "%s", "lr": %s, "zo": {"directions": 4, "mu": 0.001}},
                 "training": {"batch_size": 32, "loss": "mse", "dtype": "%s"}}
                """.formatted(optimizer, Double.toString(lr), dtype));
    }

    private static double[] concat(List<double[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        double[] all = new double[n];
        int offset = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, offset, p.length);
            offset += p.length;
        }
        return all;
    }
}
