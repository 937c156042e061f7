package org.lmworkbench.backend.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Mlp;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.model.Parameterization;
import org.lmworkbench.backend.optim.GradientDescent;
import org.lmworkbench.backend.train.StepRunner;
import org.lmworkbench.core.spec.ModelSpec;

/**
 * Throughput of the training step the backend really runs ({@link StepRunner}: functional MLP,
 * fresh autograd leaves, the fused SGD update, per-step sub-manager): a 784-512-512-10 ReLU MLP,
 * batch 128, cross-entropy, in float32 and float64, next to DJL's 2048^3 float32 matmul rate, with
 * resident memory read from {@code /proc/self/status}. Usage:
 * {@code TrainingBenchmark [steps=5000] [threads=1] [raw]}; releng/benchmarks/training-step.sh runs
 * it beside the same step in PyTorch eager.
 */
public final class TrainingBenchmark {

    private static final int BATCH = 128;
    private static final int POOL = 1024;

    private TrainingBenchmark() {
    }

    /** Runs the benchmark and prints one line per measurement. */
    public static void main(String[] args) throws IOException {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Engine engine = Engines.pytorch(threads);
        System.out.printf("threads=%d (in use %d), DJL %s, libtorch %s%n", threads, Engines.threadsInUse(),
                Engines.djlVersion(), Engines.libtorchVersion(engine));
        double[] gflops = matmulGflops();
        System.out.printf("matmul 2048^3 float32: %.1f GFLOP/s wall (%.1f per thread-CPU s)%n", gflops[0], gflops[1]);
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            mlp(engine, type, steps);
        }
        if (args.length > 2 && args[2].equals("raw")) {
            RawDjlBaseline.run(engine, DataType.FLOAT32, steps);
        }
    }

    /** GFLOP/s of a 2048^3 float32 matmul: by wall time, and by CPU time of this thread (meaningful for 1 thread). */
    static double[] matmulGflops() {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.randomNormal(new Shape(2048, 2048));
            NDArray b = m.randomNormal(new Shape(2048, 2048));
            a.matMul(b).close();
            int reps = 5;
            long start = System.nanoTime();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                try (NDManager s = m.newSubManager()) {
                    s.tempAttachAll(new NDList(a, b));
                    a.matMul(b).getFloat(0, 0);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double flop = reps * 2.0 * Math.pow(2048, 3);
            return new double[] {flop / seconds / 1e9, flop / cpuSeconds / 1e9};
        }
    }

    static void mlp(Engine engine, DataType type, int steps) throws IOException {
        Parameterization sp = new Parameterization(ModelSpec.Parameterization.SP, 1.0, 512, 512, false);
        Mlp model = new Mlp(784, 10, 512, 2, ModelSpec.Activation.RELU, true, 1.0, sp);
        try (NDManager root = NDManager.newBaseManager()) {
            ParameterSet params = model.init(root, 0, type);
            params.requireGradients();
            GradientDescent sgd = new GradientDescent(params, 0, false, 0);
            StepRunner runner = new StepRunner(engine, model, Loss.CROSS_ENTROPY, params, sgd);
            SplittableRandom random = new SplittableRandom(1);
            double[] x = new double[POOL * 784];
            double[] y = new double[POOL * 10];
            for (int i = 0; i < POOL; i++) {
                for (int j = 0; j < 784; j++) {
                    x[i * 784 + j] = random.nextDouble();
                }
                y[i * 10 + random.nextInt(10)] = 1;
            }
            NDArray xs = root.create(x, new Shape(POOL, 784)).toType(type, false);
            NDArray ys = root.create(y, new Shape(POOL, 10)).toType(type, false);
            NDList persistent = new NDList(params.arrays());
            persistent.add(xs);
            persistent.add(ys);
            int warmup = Math.min(200, steps / 10);
            long rssStart = 0;
            long start = 0;
            long cpuStart = 0;
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            double loss = 0;
            for (int t = 0; t < warmup + steps; t++) {
                if (t == warmup) {
                    rssStart = rssKb();
                    start = System.nanoTime();
                    cpuStart = cpu.getCurrentThreadCpuTime();
                }
                try (NDManager step = root.newSubManager()) {
                    step.tempAttachAll(persistent);
                    int from = (t * BATCH) % POOL;
                    Batch batch = new Batch(xs.get(from + ":" + (from + BATCH)), ys.get(from + ":" + (from + BATCH)), null);
                    loss = runner.forwardBackward(batch);
                    runner.update(0.01);
                }
                if (t > warmup && (t - warmup) % (steps / 5) == 0) {
                    // The Java heap is part of RSS and grows while the collector works through its
                    // committed regions; it levels off at its committed size, native memory does not.
                    System.out.printf("  %s step %d: RSS %d MB (Java heap committed %d MB)%n", type, t - warmup,
                            rssKb() / 1024, Runtime.getRuntime().totalMemory() >> 20);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            // Steps per CPU second of the training thread: with one intra-op thread all compute runs on it,
            // so this is the rate an idle machine would give even when the benchmark shares its cores.
            System.out.printf("MLP 784-512-512-10 batch %d %s: %.1f steps/s wall (%.1f per thread-CPU s) over %d steps,"
                    + " loss %.4f, RSS %d MB -> %d MB%n", BATCH, type, steps / seconds, steps / cpuSeconds, steps, loss,
                    rssStart / 1024, rssKb() / 1024);
        }
    }

    /** Resident set size in kB, or 0 where /proc is not available. */
    static long rssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
