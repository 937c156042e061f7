package org.lmworkbench.backend.hessian;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.lmworkbench.analysis.spectral.EigenResult;
import org.lmworkbench.analysis.spectral.LanczosEigensolver;
import org.lmworkbench.analysis.spectral.PowerIteration;
import org.lmworkbench.analysis.spectral.ProgressSink;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.backend.train.TrainingSetup;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * Cost and accuracy figures of the Hessian machinery on a backend model (a tanh MLP on
 * teacher-student data, float64, one thread):
 * <ol>
 *   <li>one HVP in units of one gradient, for both product modes;</li>
 *   <li>HVPs Lanczos needs to reach a relative residual of 1e-4 on the top eigenvalue, against
 *       power iteration to the same residual on the same operator;</li>
 *   <li>resident set size over 1000 products.</li>
 * </ol>
 * Usage: {@code HessianBenchmark [width] [examples] [rss-products]} (defaults 256, 1000, 1000).
 */
public final class HessianBenchmark {

    private HessianBenchmark() {
    }

    /**
     * @param args optional width, number of examples and number of products for the RSS check
     * @throws IOException if /proc cannot be read
     */
    public static void main(String[] args) throws IOException {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int examples = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rssProducts = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        ExperimentSpec spec = ExperimentSpec.withDefaults("hessian-bench", 0.05)
                .withValue("model.width", width).withValue("model.activation", "tanh")
                .withValue("data.n_train", examples).withValue("data.n_test", 0)
                .withValue("data.output_dim", 4).withValue("data.noise", 1.0)
                .withValue("training.dtype", "float64");
        Engine engine = Engines.pytorch(1);
        try (NDManager manager = engine.newBaseManager(Device.cpu());
             TrainingSetup setup = TrainingSetup.open(spec, Device.cpu(), manager)) {
            ParameterSet params = setup.model().init(setup.manager(), spec.seed(), TrainingSetup.dtype(spec));
            Batch batch = setup.data().trainingSubset(examples);
            System.out.printf("tanh MLP width %d depth 2, %d examples, P = %d parameters, float64, 1 thread%n",
                    width, batch.size(), params.elementCount());
            costs(setup, params, batch);
            convergence(setup, params, batch);
            rss(setup, params, batch, rssProducts);
        }
    }

    private static void costs(TrainingSetup setup, ParameterSet params, Batch batch) {
        try (HessianVectorProduct fresh = ModelHessian.product(setup.model(), params, setup.loss(), batch,
                HessianVectorProduct.Mode.RECOMPUTE);
             HessianVectorProduct kept = ModelHessian.product(setup.model(), params, setup.loss(), batch,
                     HessianVectorProduct.Mode.REUSE_GRADIENT_GRAPH)) {
            double[] v = gaussian(fresh.layout().dimension(), 1);
            double[] out = new double[v.length];
            int reps = 30;
            // Warm-up: TorchScript profiles its first calls and JIT-compiles the Java side.
            for (int i = 0; i < 5; i++) {
                fresh.gradient();
                fresh.apply(v, out);
                kept.apply(v, out);
            }
            double grad = time(reps, fresh::gradient);
            double recompute = time(reps, () -> fresh.apply(v, out));
            double reuse = time(reps, () -> kept.apply(v, out));
            System.out.printf("gradient %.2f ms; HVP recompute %.2f ms = %.2f gradients; "
                    + "HVP with kept gradient graph %.2f ms = %.2f gradients%n",
                    grad, recompute, recompute / grad, reuse, reuse / grad);
        }
    }

    private static void convergence(TrainingSetup setup, ParameterSet params, Batch batch) {
        try (HessianOperator op = new HessianOperator(ModelHessian.product(setup.model(), params,
                setup.loss(), batch, HessianVectorProduct.Mode.REUSE_GRADIENT_GRAPH))) {
            long t0 = System.nanoTime();
            EigenResult lanczos = LanczosEigensolver.defaults().withTolerance(1e-4).withMaxIterations(300)
                    .solve(op, ProgressSink.NONE);
            long t1 = System.nanoTime();
            EigenResult power = PowerIteration.defaults().withTolerance(1e-4)
                    .withStoppingRule(PowerIteration.StoppingRule.RELATIVE_RESIDUAL)
                    .withMaxIterationsPerEigenvalue(3000).solve(op, ProgressSink.NONE);
            long t2 = System.nanoTime();
            System.out.printf("top eigenvalue to relative residual 1e-4: Lanczos %.8g in %d HVPs (+%d check), "
                    + "residual %.2e, %.2f s; power iteration %.8g in %d HVPs, residual %.2e, converged %s, "
                    + "%.2f s%n", lanczos.eigenvalues()[0], lanczos.hvpCount(), lanczos.residualHvpCount(),
                    lanczos.relativeResidual(0), (t1 - t0) * 1e-9, power.eigenvalues()[0], power.hvpCount(),
                    power.relativeResidual(0), power.converged(), (t2 - t1) * 1e-9);
        }
    }

    private static void rss(TrainingSetup setup, ParameterSet params, Batch batch, int products) throws IOException {
        for (HessianVectorProduct.Mode mode : HessianVectorProduct.Mode.values()) {
            try (HessianVectorProduct h = ModelHessian.product(setup.model(), params, setup.loss(), batch, mode)) {
                double[] v = gaussian(h.layout().dimension(), 2);
                double[] out = new double[v.length];
                for (int i = 0; i < 100; i++) {
                    h.apply(v, out);
                }
                System.gc();
                double before = rssMegabytes();
                StringBuilder trace = new StringBuilder();
                for (int i = 1; i <= products; i++) {
                    h.apply(v, out);
                    if (i % Math.max(1, products / 4) == 0) {
                        trace.append(String.format(" %d:%.0f", i, rssMegabytes()));
                    }
                }
                System.gc();
                System.out.printf("RSS over %d HVPs (%s): %.0f MB -> %.0f MB (MB after n products:%s)%n",
                        products, mode, before, rssMegabytes(), trace);
            }
        }
    }

    private static double time(int reps, Runnable r) {
        long t = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            r.run();
        }
        return (System.nanoTime() - t) * 1e-6 / reps;
    }

    private static double[] gaussian(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    private static double rssMegabytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.trim().split("\\s+")[1]) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
