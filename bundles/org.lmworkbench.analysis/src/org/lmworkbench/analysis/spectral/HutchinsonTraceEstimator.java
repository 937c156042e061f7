package org.lmworkbench.analysis.spectral;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Hutchinson's trace estimator {@code tr(A) ~ (1/N) sum_i z_i^T A z_i} with Rademacher probes.
 *
 * <p>Rademacher probes give the minimum variance among i.i.d. probe distributions,
 * {@code Var(z^T A z) = 2 sum_{i != j} A_ij^2} (Hutchinson 1990); the estimate is unbiased for any
 * symmetric {@code A}. The standard error is the sample standard deviation of the {@code N}
 * quadratic forms over {@code sqrt(N)}, so it is itself an estimate and is only reported for
 * {@code N >= 2}. Cost: exactly one application per probe. Memory: two vectors.
 *
 * <p>Instances are immutable; the {@code with...} methods return modified copies.
 */
public final class HutchinsonTraceEstimator {

    private final int probes;
    private final long seed;

    private HutchinsonTraceEstimator(int probes, long seed) {
        this.probes = probes;
        this.seed = seed;
    }

    /** @return an estimator with 100 probes (PyHessian's trace budget) and seed 42 */
    public static HutchinsonTraceEstimator defaults() {
        return new HutchinsonTraceEstimator(100, 42L);
    }

    /**
     * Returns a copy with the probes setting replaced.
     *
     * @param n number of Rademacher probes = operator applications
     * @return modified copy
     */
    public HutchinsonTraceEstimator withProbes(int n) {
        Vectors.requirePositive(n, "probes");
        return new HutchinsonTraceEstimator(n, seed);
    }

    /**
     * Returns a copy with the seed setting replaced.
     *
     * @param s seed of the probe generator
     * @return modified copy
     */
    public HutchinsonTraceEstimator withSeed(long s) {
        return new HutchinsonTraceEstimator(probes, s);
    }

    /**
     * Estimates the trace.
     *
     * @param op   symmetric operator
     * @param sink progress/cancellation hook
     * @return estimate, standard error and application count
     * @throws java.util.concurrent.CancellationException if the sink requested cancellation
     */
    public TraceEstimate estimate(LinearOperator op, ProgressSink sink) {
        sink.begin("Hutchinson trace", probes);
        int n = op.dimension();
        RandomGenerator rng = new Well19937c(seed);
        double[] z = new double[n];
        double[] az = new double[n];
        SummaryStatistics stats = new SummaryStatistics();
        for (int i = 0; i < probes; i++) {
            Vectors.checkCanceled(sink);
            Vectors.rademacher(rng, z);
            Vectors.applyCounted(op, z, az, sink);
            stats.addValue(Vectors.dot(z, az));
        }
        return new TraceEstimate("Hutchinson", stats.getMean(), standardError(stats), probes,
                probes);
    }

    /** Sample standard deviation over {@code sqrt(N)}; {@code NaN} below two samples. */
    static double standardError(SummaryStatistics stats) {
        long count = stats.getN();
        return count < 2 ? Double.NaN : stats.getStandardDeviation() / Math.sqrt(count);
    }
}
