package org.lmworkbench.backend.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.train.Scalars;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * Gradients through the constant factors of the losses and models (loss normalisation, NTK and muP
 * multipliers, output multiplier, attention scale) are exact even when garbage collections happen
 * between the forward and the backward pass.
 *
 * <p>The regression this guards against: DJL 0.35.1's {@code NDArray.mul(Number)} (and
 * {@code div}/{@code pow}/{@code maximum}/{@code minimum} with a {@code Number}) wraps the constant
 * in a tensor over a Java direct buffer and closes the wrapper at once, while autograd keeps the
 * tensor for the backward pass; after a collection the buffer's memory holds anything. See
 * {@link StableScalars}.
 *
 * <p>How it is provoked: between forward and backward, {@link #churn()} runs {@code System.gc()},
 * gives the cleaner thread time to free unreachable direct buffers, and then allocates thousands of
 * small direct buffers filled with {@code 0x7F} bytes, which reuse the freed memory. With glibc's
 * allocator (the Linux CPU setup this backend ships with) this corrupted every gradient through a
 * {@code mul(double)} node in every trial when this test was written (see
 * {@link #harnessCorruptsARawNumberMultiplication()}), so a regression fails here reliably; it
 * remains in principle dependent on the JVM and allocator reusing the memory. Each pressured
 * gradient is also repeated, and compared with the unpressured one and with central finite
 * differences in float64.
 */
class ScalarConstantGradientTest {

    /** Relative error allowed against finite differences (float64). */
    private static final double FD_TOLERANCE = 1e-6;
    /** Relative error allowed between the gradients with and without collections in between. */
    private static final double REPEAT_TOLERANCE = 1e-12;
    private static final int PRESSURED_REPEATS = 3;

    /** Direct buffers kept reachable until the backward pass has run. */
    private static final List<ByteBuffer> JUNK = new ArrayList<>();

    /**
     * Collects garbage (freeing the direct buffers of closed DJL wrappers) and fills the freed
     * memory with junk.
     */
    private static void churn() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            try {
                Thread.sleep(20); // direct buffers are freed by the cleaner thread after the collection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < 3000; i++) {
                // 4 and 8 bytes: float32 and float64 scalars; 16 covers an allocator rounding up
                ByteBuffer b = ByteBuffer.allocateDirect(i % 3 == 2 ? 16 : 8).order(ByteOrder.nativeOrder());
                while (b.hasRemaining()) {
                    b.put((byte) 0x7F);
                }
                JUNK.add(b);
            }
        }
    }

    /** A differentiable scalar function of a list of leaf arrays, with the shapes of the leaves. */
    private interface Objective extends AutoCloseable {
        List<Shape> shapes();

        double[] initial();

        /** The scalar to differentiate; {@code leaves} are attached to {@code m}. */
        NDArray evaluate(List<NDArray> leaves, NDManager m);

        @Override
        default void close() {
        }
    }

    /** Gradient by autograd, optionally with collections and memory reuse between forward and backward. */
    private static double[] gradient(Objective f, NDManager root, boolean pressure) {
        Engine engine = Engines.pytorch(1);
        try (NDManager m = root.newSubManager()) {
            List<NDArray> leaves = arrays(f, f.initial(), m);
            for (NDArray a : leaves) {
                a.setRequiresGradient(true);
            }
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray value = f.evaluate(leaves, m);
                if (pressure) {
                    churn();
                }
                collector.backward(value);
            }
            double[] g = new double[f.initial().length];
            int k = 0;
            for (NDArray a : leaves) {
                double[] part = a.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
                System.arraycopy(part, 0, g, k, part.length);
                k += part.length;
            }
            return g;
        } finally {
            JUNK.clear();
        }
    }

    /** Central finite differences of {@code f} in float64. */
    private static double[] finiteDifferences(Objective f, NDManager root) {
        double[] w = f.initial();
        double[] g = new double[w.length];
        double h = 1e-5;
        for (int i = 0; i < w.length; i++) {
            double saved = w[i];
            w[i] = saved + h;
            double plus = value(f, w, root);
            w[i] = saved - h;
            double minus = value(f, w, root);
            w[i] = saved;
            g[i] = (plus - minus) / (2 * h);
        }
        return g;
    }

    private static double value(Objective f, double[] w, NDManager root) {
        try (NDManager m = root.newSubManager()) {
            return Scalars.value(f.evaluate(arrays(f, w, m), m));
        }
    }

    private static List<NDArray> arrays(Objective f, double[] flat, NDManager m) {
        List<NDArray> out = new ArrayList<>();
        int k = 0;
        for (Shape s : f.shapes()) {
            int size = Math.toIntExact(s.size());
            out.add(m.create(Arrays.copyOfRange(flat, k, k + size), s));
            k += size;
        }
        return out;
    }

    private static double relativeError(double[] a, double[] reference) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - reference[i]) * (a[i] - reference[i]);
            norm += reference[i] * reference[i];
        }
        return Math.sqrt(diff) / Math.sqrt(norm);
    }

    /**
     * Asserts that the gradient of {@code f} taken with collections between forward and backward
     * equals the one taken without, and both agree with finite differences.
     */
    private static void assertStableGradient(String name, Objective f) {
        Engines.pytorch(1);
        try (f; NDManager root = NDManager.newBaseManager()) {
            double[] plain = gradient(f, root, false);
            double[] fd = finiteDifferences(f, root);
            double plainError = relativeError(plain, fd);
            assertTrue(plainError < FD_TOLERANCE, name + ": gradient vs finite differences, relative error " + plainError);
            for (int r = 0; r < PRESSURED_REPEATS; r++) {
                double[] pressured = gradient(f, root, true);
                double repeatError = relativeError(pressured, plain);
                assertTrue(repeatError < REPEAT_TOLERANCE, name + ": gradient after garbage collection differs, relative"
                        + " error " + repeatError + " (first entries " + head(pressured) + " vs " + head(plain) + ")");
                double fdError = relativeError(pressured, fd);
                assertTrue(fdError < FD_TOLERANCE, name + ": gradient after garbage collection vs finite differences,"
                        + " relative error " + fdError);
            }
        }
    }

    private static String head(double[] v) {
        return Arrays.toString(Arrays.copyOf(v, Math.min(4, v.length)));
    }

    /** The loss alone, as a function of the network output. */
    private static Objective lossOnly(Loss loss, int n, int k, long seed) {
        Random r = new Random(seed);
        double[] out = new double[n * k];
        double[] target = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                out[i * k + j] = r.nextGaussian();
                target[i * k + j] = loss == Loss.MSE ? r.nextGaussian() : 0;
            }
            if (loss == Loss.CROSS_ENTROPY) {
                target[i * k + r.nextInt(k)] = 1;
            }
        }
        return new Objective() {
            @Override
            public List<Shape> shapes() {
                return List.of(new Shape(n, k));
            }

            @Override
            public double[] initial() {
                return out.clone();
            }

            @Override
            public NDArray evaluate(List<NDArray> leaves, NDManager m) {
                return loss.compute(leaves.get(0), m.create(target, new Shape(n, k)));
            }
        };
    }

    /**
     * {@code loss(model.forward(params, x), y)} on fixed float64 data, as a function of the
     * parameters (initialised by the model with a fixed seed).
     */
    private static Objective network(String modelJson, DataShape shape, Loss loss, int n, long seed) {
        ExperimentSpec spec = ExperimentSpec.fromJson("""
                {"name": "scalars", "model": %s, "optimizer": {"name": "sgd", "lr": 0.1}}
                """.formatted(modelJson));
        Model model = Models.create(spec, shape);
        Random r = new Random(seed);
        long[] xShape = new long[shape.example().length + 1];
        xShape[0] = n;
        System.arraycopy(shape.example(), 0, xShape, 1, shape.example().length);
        int xSize = Math.toIntExact(new Shape(xShape).size());
        double[] x = new double[xSize];
        for (int i = 0; i < xSize; i++) {
            x[i] = shape.isTokens() ? r.nextInt(shape.vocabulary()) : r.nextGaussian();
        }
        int k = shape.outputs();
        double[] y = new double[n * k];
        for (int i = 0; i < n; i++) {
            if (loss == Loss.CROSS_ENTROPY) {
                y[i * k + r.nextInt(k)] = 1;
            } else {
                for (int j = 0; j < k; j++) {
                    y[i * k + j] = r.nextGaussian();
                }
            }
        }
        // Names and infos of the parameters; closed with the objective.
        NDManager templateManager = NDManager.newBaseManager();
        ParameterSet template = model.init(templateManager, seed, DataType.FLOAT64);
        List<Shape> shapes = new ArrayList<>();
        for (String name : template.names()) {
            shapes.add(template.get(name).getShape());
        }
        double[] initial = template.toFlatDoubles();
        // Init gives zero biases; perturb everything so that no term of the gradient vanishes by symmetry.
        for (int i = 0; i < initial.length; i++) {
            initial[i] += 0.1 * r.nextGaussian();
        }
        return new Objective() {
            @Override
            public List<Shape> shapes() {
                return shapes;
            }

            @Override
            public double[] initial() {
                return initial.clone();
            }

            @Override
            public void close() {
                templateManager.close();
            }

            @Override
            public NDArray evaluate(List<NDArray> leaves, NDManager m) {
                ParameterSet p = template.withArrays(leaves);
                NDArray input = m.create(x, new Shape(xShape));
                return loss.compute(model.forward(p, input, true), m.create(y, new Shape(n, k)));
            }
        };
    }

    @Test
    void lossesMse() {
        assertStableGradient("mse", lossOnly(Loss.MSE, 5, 3, 1));
    }

    @Test
    void lossesCrossEntropy() {
        assertStableGradient("cross_entropy", lossOnly(Loss.CROSS_ENTROPY, 5, 3, 2));
    }

    /** NTK: every dense layer has a {@code 1/sqrt(fan_in)} multiplier; output multiplier 2.5. */
    @Test
    void ntkMlpWithOutputMultiplier() {
        assertStableGradient("mlp ntk", network("""
                {"family": "mlp", "width": 6, "depth": 2, "activation": "tanh", "parameterization": "ntk",
                 "output_multiplier": 2.5}""", new DataShape(new long[] {4}, 3, 0), Loss.MSE, 5, 3));
    }

    /** muP at width 8, base width 2: readout multiplier 1/4, times an output multiplier 0.5. */
    @Test
    void mupMlpWithOutputMultiplier() {
        assertStableGradient("mlp mup", network("""
                {"family": "mlp", "width": 8, "depth": 2, "activation": "gelu", "parameterization": "mup",
                 "base_width": 2, "output_multiplier": 0.5}""", new DataShape(new long[] {4}, 3, 0),
                Loss.CROSS_ENTROPY, 5, 4));
    }

    /** Attention scale (muP: {@code 1/(sqrt(d_head) sqrt(m))}) and the shared readout multiplier. */
    @Test
    void mupTransformer() {
        assertStableGradient("transformer mup", network("""
                {"family": "transformer", "depth": 1, "width": 8, "embedding": 4, "heads": 2, "context": 3,
                 "activation": "gelu", "parameterization": "mup", "base_width": 2, "output_multiplier": 1.5}""",
                new DataShape(new long[] {3}, 4, 5), Loss.CROSS_ENTROPY, 4, 5));
    }

    /** Convolution weight multipliers (NTK) and the readout of the convolutional families. */
    @Test
    void ntkCnnAndResNet() {
        for (String family : new String[] {"cnn", "resnet"}) {
            assertStableGradient(family + " ntk", network("""
                    {"family": "%s", "depth": 1, "channels": 2, "blocks": 1, "activation": "tanh",
                     "parameterization": "ntk", "output_multiplier": 2.0}""".formatted(family),
                    new DataShape(new long[] {1, 4, 4}, 2, 0), Loss.MSE, 3, 6));
        }
    }

    /**
     * Not an assertion on the backend: reports whether {@link #churn()} actually corrupts a graph
     * built with DJL's {@code mul(double)}, i.e. whether the tests above can catch a regression in
     * this JVM. If it prints "not corrupted", DJL may have fixed the bug (then {@link StableScalars}
     * is merely redundant) or the allocator no longer reuses the memory (then the tests above are
     * weaker than intended).
     */
    @Test
    void harnessCorruptsARawNumberMultiplication() {
        Engine engine = Engines.pytorch(1);
        int corrupted = 0;
        int trials = 5;
        try (NDManager root = NDManager.newBaseManager()) {
            for (int t = 0; t < trials; t++) {
                try (NDManager m = root.newSubManager()) {
                    NDArray w = m.create(new double[] {1, 2, 3, 4});
                    w.setRequiresGradient(true);
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        NDArray value = w.mul(3.0).sum();
                        churn();
                        collector.backward(value);
                    } finally {
                        JUNK.clear();
                    }
                    double[] g = w.getGradient().toDoubleArray();
                    if (!Arrays.equals(g, new double[] {3, 3, 3, 3})) {
                        corrupted++;
                    }
                }
            }
        }
        System.out.println("ScalarConstantGradientTest: churn corrupted a raw mul(3.0) gradient in " + corrupted + "/"
                + trials + " trials (" + (corrupted > 0 ? "harness effective" : "not corrupted: see javadoc") + ")");
    }

    /** The safe form keeps the operand's data type (a float32 network stays float32). */
    @Test
    void constantsMatchTheOperandType() {
        Engines.pytorch(1);
        try (NDManager m = NDManager.newBaseManager()) {
            for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
                NDArray x = m.create(new double[] {1, 2}).toType(type, false);
                NDArray c = StableScalars.constant(x, 0.5);
                assertTrue(c.getDataType() == type && c.getShape().dimension() == 0, type + ": " + c);
                NDArray y = StableScalars.times(x, 0.5);
                assertTrue(y.getDataType() == type, type + ": " + y.getDataType());
                assertTrue(Math.abs(Scalars.value(y.sum()) - 1.5) < 1e-7, type.toString());
                assertTrue(StableScalars.times(x, 1.0) == x, "a factor of 1 is no operation");
            }
        }
    }
}
