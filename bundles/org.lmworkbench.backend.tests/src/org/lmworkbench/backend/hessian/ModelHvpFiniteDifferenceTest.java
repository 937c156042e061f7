package org.lmworkbench.backend.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.train.StepRunner;
import org.lmworkbench.backend.train.TrainingSetup;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.format.Npz;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * Exact Hessian-vector products of the backend's own models (the {@code Mlp}, {@code Cnn} and
 * {@code Transformer} that {@code Models.create} builds from a spec) against central finite
 * differences of the training gradient, {@code (g(w + eps v) - g(w - eps v)) / (2 eps)}, in float64.
 *
 * <p>Everything is built the way a training run and the sharpness probe build it: the spec's data,
 * model and loss through {@link TrainingSetup}, the initial parameters through
 * {@code model.init(manager, spec.seed(), dtype)}, the Hessian's examples through
 * {@code data.trainingSubset(probes.sharpness.examples)}, and the products through
 * {@link ModelHessian#product} wrapped in a {@link HessianOperator} (mode
 * {@link HessianVectorProduct.Mode#REUSE_GRADIENT_GRAPH}, as in {@link SharpnessProbe}). The
 * finite-difference reference uses the training loop's own gradient ({@link StepRunner#forwardBackward},
 * DJL's {@code GradientCollector}), not the TorchScript gradient of the product, so the two sides
 * share nothing but the model and the loss.
 *
 * <p>With unit directions and {@code eps = 1e-5} the difference quotient has truncation error of
 * order {@code eps^2} (about 1e-10 relative) and rounding error of order {@code 1e-16 / eps}, so
 * the 1e-6 bound tests the products, not the reference. Three random directions per model; the
 * symmetry {@code u.Hv = v.Hu} is checked on every pair.
 */
class ModelHvpFiniteDifferenceTest {

    /** Finite-difference step for unit directions in float64. */
    private static final double EPS = 1e-5;
    /** Bound on ||Hv - fd|| / ||Hv||. */
    private static final double FD_TOLERANCE = 1e-6;
    /** Bound on |u.Hv - v.Hu| relative to ||u|| ||Hv|| (both directions are unit vectors). */
    private static final double SYMMETRY_TOLERANCE = 1e-9;
    private static final int DIRECTIONS = 3;

    @TempDir
    Path tmp;

    /** A tanh MLP (418 parameters) on teacher-student regression with the MSE loss. */
    @Test
    void mlpMatchesFiniteDifferences() {
        ExperimentSpec spec = base("hvp-fd-mlp")
                .withValue("data.source", "teacher_student")
                .withValue("data.input_dim", 6)
                .withValue("data.output_dim", 2)
                .withValue("data.n_train", 32)
                .withValue("data.n_test", 8)
                .withValue("model.family", "mlp")
                .withValue("model.activation", "tanh")
                .withValue("model.width", 16)
                .withValue("model.depth", 2)
                .withValue("training.loss", "mse");
        check(spec, "mlp", 300, 1000);
    }

    /** A tanh CNN (two 3x3 convolutions of 6 channels, ~400 parameters) on 1x8x8 images, cross-entropy. */
    @Test
    void cnnMatchesFiniteDifferences() throws IOException {
        Path images = writeImages(tmp.resolve("images.npz"), 40, 1, 8, 8, 3);
        ExperimentSpec spec = base("hvp-fd-cnn")
                .withValue("data.path", images.toString())
                .withValue("data.source", "npz")
                .withValue("data.n_train", 32)
                .withValue("data.n_test", 8)
                .withValue("model.family", "cnn")
                .withValue("model.activation", "tanh")
                .withValue("model.channels", 6)
                .withValue("model.depth", 2)
                .withValue("training.loss", "cross_entropy");
        check(spec, "cnn", 300, 1000);
    }

    /** A one-block transformer (~700 parameters, GELU MLP) on modular arithmetic mod 5, cross-entropy. */
    @Test
    void transformerMatchesFiniteDifferences() {
        ExperimentSpec spec = base("hvp-fd-transformer")
                .withValue("data.source", "modular_arithmetic")
                .withValue("data.modulus", 5)
                .withValue("data.n_train", 20)
                .withValue("data.n_test", 5)
                .withValue("model.family", "transformer")
                .withValue("model.activation", "gelu")
                .withValue("model.embedding", 8)
                .withValue("model.heads", 2)
                .withValue("model.context", 4)
                .withValue("model.width", 16)
                .withValue("model.depth", 1)
                .withValue("training.loss", "cross_entropy");
        check(spec, "transformer", 500, 3000);
    }

    /** Defaults shared by the three specs: float64, a Hessian over 16 training examples. */
    private static ExperimentSpec base(String name) {
        return ExperimentSpec.withDefaults(name, 0.05)
                .withValue("seed", 7)
                .withValue("training.dtype", "float64")
                .withValue("probes.sharpness.examples", 16);
    }

    private static void check(ExperimentSpec spec, String family, int minParams, int maxParams) {
        Engine engine = Engines.pytorch(1);
        try (NDManager root = engine.newBaseManager();
             TrainingSetup setup = TrainingSetup.open(spec, Device.cpu(), root)) {
            assertEquals(family, setup.model().family());
            DataType dtype = TrainingSetup.dtype(spec);
            assertEquals(DataType.FLOAT64, dtype);
            ParameterSet params = setup.model().init(setup.manager(), spec.seed(), dtype);
            long count = params.elementCount();
            assertTrue(count >= minParams && count <= maxParams, family + ": " + count + " parameters");
            Batch batch = setup.data().trainingSubset(spec.probes().sharpness().examples());

            int dim;
            double[] w;
            double[][] v = new double[DIRECTIONS][];
            double[][] hv = new double[DIRECTIONS][];
            Random random = new Random(1234 + family.hashCode());
            try (HessianOperator op = new HessianOperator(ModelHessian.product(setup.model(), params,
                    setup.loss(), batch, HessianVectorProduct.Mode.REUSE_GRADIENT_GRAPH))) {
                ParameterLayout layout = op.product().layout();
                dim = op.dimension();
                assertEquals(count, dim);
                w = layout.flatten(params.arrays());
                for (int d = 0; d < DIRECTIONS; d++) {
                    v[d] = HessianTestSupport.unit(TestNetworks.gaussian(random, dim, 1));
                    hv[d] = new double[dim];
                    op.apply(v[d], hv[d]);
                }
                assertEquals(DIRECTIONS, op.hvpCount());

                StringBuilder report = new StringBuilder();
                double worst = 0;
                for (int d = 0; d < DIRECTIONS; d++) {
                    double[] plus = trainingGradient(engine, setup, params, layout,
                            HessianTestSupport.axpy(EPS, v[d], w), batch);
                    double[] minus = trainingGradient(engine, setup, params, layout,
                            HessianTestSupport.axpy(-EPS, v[d], w), batch);
                    double[] fd = new double[dim];
                    for (int i = 0; i < dim; i++) {
                        fd[i] = (plus[i] - minus[i]) / (2 * EPS);
                    }
                    double norm = HessianTestSupport.norm(hv[d]);
                    assertTrue(norm > 0 && Double.isFinite(norm), family + ": ||Hv|| = " + norm);
                    double rel = HessianTestSupport.distance(hv[d], fd) / norm;
                    worst = Math.max(worst, rel);
                    report.append(String.format(" v%d: ||Hv||=%.4g rel=%.3g;", d, norm, rel));
                    assertTrue(rel < FD_TOLERANCE, family + " direction " + d + ": ||Hv - fd|| / ||Hv|| = " + rel);
                }

                double worstSymmetry = 0;
                double worstSymmetryOfDot = 0;
                for (int a = 0; a < DIRECTIONS; a++) {
                    for (int b = a + 1; b < DIRECTIONS; b++) {
                        double ahb = dot(v[a], hv[b]);
                        double bha = dot(v[b], hv[a]);
                        double scale = Math.max(HessianTestSupport.norm(hv[a]), HessianTestSupport.norm(hv[b]));
                        double asym = Math.abs(ahb - bha) / scale;
                        worstSymmetry = Math.max(worstSymmetry, asym);
                        worstSymmetryOfDot = Math.max(worstSymmetryOfDot, Math.abs(ahb - bha) / Math.abs(ahb));
                        assertTrue(asym < SYMMETRY_TOLERANCE, family + ": u.Hv = " + ahb + " but v.Hu = " + bha
                                + " (relative " + asym + ")");
                    }
                }
                System.out.printf("HVP vs FD (%s, float64, P=%d, eps=%.0e):%s worst %.3g; symmetry |u.Hv - v.Hu| worst %.3g"
                        + " relative to ||u|| ||Hv||, %.3g relative to |u.Hv|%n",
                        family, dim, EPS, report, worst, worstSymmetry, worstSymmetryOfDot);
            }
        }
    }

    /**
     * The training loop's gradient ({@link StepRunner#forwardBackward}) at the flat parameters
     * {@code at}, on {@code batch}, in float64.
     */
    private static double[] trainingGradient(Engine engine, TrainingSetup setup, ParameterSet params,
            ParameterLayout layout, double[] at, Batch batch) {
        try (NDManager work = setup.manager().newSubManager()) {
            NDList arrays = layout.unflatten(at, work);
            ParameterSet shifted = params.withArrays(arrays);
            shifted.requireGradients();
            // forwardBackward does not touch the optimizer.
            StepRunner runner = new StepRunner(engine, setup.model(), setup.loss(), shifted, null);
            double value = runner.forwardBackward(batch);
            assertTrue(Double.isFinite(value));
            return layout.flatten(new NDList(runner.gradients()));
        }
    }

    /** Gaussian images with a class-dependent bright patch, as an npz archive {@code x [n, c, h, w]}, {@code y [n]}. */
    private static Path writeImages(Path file, int n, int c, int h, int wd, int classes) throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        int pixels = c * h * wd;
        double[] x = new double[n * pixels];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            for (int p = 0; p < pixels; p++) {
                boolean patch = (p % wd) / (wd / classes + 1) == y[i];
                x[i * pixels + p] = r.nextGaussian() * 0.5 + (patch ? 1 : 0);
            }
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NpyArray.of(x, n, c, h, wd));
        arrays.put("y", NpyArray.of(y, n));
        Files.write(file, Npz.encode(arrays));
        return file;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
