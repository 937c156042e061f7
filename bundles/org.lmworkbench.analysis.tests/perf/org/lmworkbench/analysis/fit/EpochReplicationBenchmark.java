package org.lmworkbench.analysis.fit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Command-line benchmark of the Epoch AI Chinchilla replication: the full 4500-start grid
 * (once on one thread, once on a parallel stream) and a 4000-resample bootstrap, printing wall
 * and CPU times and the estimates.
 *
 * <p>Usage: {@code releng/benchmarks/run-benchmark.sh org.lmworkbench.analysis.tests
 * org.lmworkbench.analysis.fit.EpochReplicationBenchmark [csv] [resamples] [seed]}. Without a path
 * the reference file is looked up as {@code shared/data/svg_extracted_data.csv} in the working
 * directory and its ancestors. The Python counterpart is {@code
 * releng/benchmarks/epoch_scipy.py}.
 */
public final class EpochReplicationBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EpochReplicationBenchmark() {
    }

    /**
     * @param args optional: CSV path, number of resamples (default 4000), seed (default 20240417)
     * @throws IOException if the data cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path csv = args.length > 0 ? Path.of(args[0]) : EpochChinchillaData.locate(Path.of(""));
        if (csv == null) {
            System.err.println("cannot find shared/data/" + EpochChinchillaData.FILE_NAME
                    + " above the working directory; pass the path as the first argument");
            System.exit(2);
            return;
        }
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20240417L;
        ScalingDataset data = EpochChinchillaData.load(csv);
        ChinchillaLaw form = new ChinchillaLaw();
        System.out.printf(Locale.ROOT, "data: %s, %d points; cores: %d%n", csv, data.size(),
                Runtime.getRuntime().availableProcessors());

        MultiStartFitter serial = new MultiStartFitter(form,
                MultiStartFitter.Options.defaults().withParallel(false));
        MultiStartFitter parallel = new MultiStartFitter(form, MultiStartFitter.Options.defaults());
        // One untimed warm-up pass lets the JIT compile the objective before timing; reported
        // separately so cold-start cost is visible too.
        long t0 = System.nanoTime();
        long c0 = THREADS.getCurrentThreadCpuTime();
        serial.fit(data);
        report("grid, 1 thread, cold JIT", t0, c0);

        t0 = System.nanoTime();
        c0 = THREADS.getCurrentThreadCpuTime();
        MultiStartResult fit = serial.fit(data);
        report("grid, 1 thread", t0, c0);

        t0 = System.nanoTime();
        MultiStartResult fitPar = parallel.fit(data);
        report("grid, parallel stream", t0, -1);
        if (fitPar.bestStartIndex() != fit.bestStartIndex() || fitPar.objective() != fit.objective()) {
            System.out.println("WARNING: parallel and serial grid results differ");
        }
        System.out.printf(Locale.ROOT, "optimum: %s%n  objective %.15g, best start %d, %d of %d"
                + " starts within %.0e relative, %d evaluations, status %s, |grad| %.2e%n",
                fit.best(), fit.objective(), fit.bestStartIndex(), fit.startsReachingBest(),
                fit.starts(), fit.reachTolerance(), fit.totalEvaluations(), fit.bestStatus(),
                fit.bestGradientNorm());

        BootstrapEstimator bootstrap = new BootstrapEstimator(parallel);
        t0 = System.nanoTime();
        BootstrapResult boot = bootstrap.run(data, fit, resamples, seed);
        report("bootstrap " + resamples + " resamples x " + boot.refitStarts()
                + " starts, parallel stream", t0, -1);
        System.out.println("parameter      estimate     boot SE     2.5%         97.5%");
        double[] p = fit.parameters();
        for (int k = 0; k < p.length; k++) {
            System.out.printf(Locale.ROOT, "%-10s %12.5g %12.5g %12.5g %12.5g%n",
                    boot.parameterNames().get(k), p[k], boot.standardErrors()[k],
                    boot.lower95()[k], boot.upper95()[k]);
        }
        ComputeOptimalAllocation alloc = new ComputeOptimalAllocation(fit.best());
        for (double c : new double[] {1e21, 5.76e23, 1e25}) {
            ComputeOptimalAllocation.Allocation a = alloc.at(c);
            System.out.printf(Locale.ROOT, "C=%.3g: N*=%.4g D*=%.4g D/N=%.2f L=%.4f%n", c,
                    a.parameters(), a.tokens(), a.tokensPerParameter(), a.loss());
        }
    }

    private static void report(String what, long wallStart, long cpuStart) {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        if (cpuStart >= 0) {
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "%-58s wall %7.3f s, cpu %7.3f s%n", what, wall, cpu);
        } else {
            System.out.printf(Locale.ROOT, "%-58s wall %7.3f s%n", what, wall);
        }
    }
}
