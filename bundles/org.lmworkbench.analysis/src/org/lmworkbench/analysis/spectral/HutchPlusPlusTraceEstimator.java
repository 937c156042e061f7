package org.lmworkbench.analysis.spectral;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Hutch++ trace estimator (Meyer, Musco, Musco &amp; Woodruff 2021, Algorithm 1).
 *
 * <p>With a budget of {@code m} applications: draw {@code s = floor(m/3)} Rademacher vectors,
 * sketch {@code Y = A S}, orthonormalise {@code Q = orth(Y)}; compute
 * {@code tr(Q^T A Q)} exactly with {@code s} more applications; estimate the trace of the
 * deflated remainder {@code (I - QQ^T) A (I - QQ^T)} by Hutchinson with the remaining
 * {@code g = m - 2s} probes. Because Hessian spectra are dominated by a few outliers, removing
 * the top of the spectrum exactly shrinks the variance from {@code O(||A||_F^2)} to that of the
 * remainder, giving {@code O(1/m)} rather than {@code O(1/sqrt(m))} relative error for PSD
 * matrices.
 *
 * <p>The QR factorisation is done by classical Gram-Schmidt twice on the sketch columns in
 * place (no {@code n x s} dense matrix is materialised, and {@code S} itself is never stored);
 * columns whose remainder falls below {@code 1e-12} of their original norm are dropped as
 * numerically dependent, so a rank-deficient sketch is fine. Applications actually used are
 * always exactly the budget {@code m}. Memory: {@code s + 2} vectors.
 *
 * <p>Instances are immutable; the {@code with...} methods return modified copies.
 */
public final class HutchPlusPlusTraceEstimator {

    private static final double RANK_RTOL = 1e-12;

    private final int budget;
    private final long seed;

    private HutchPlusPlusTraceEstimator(int budget, long seed) {
        this.budget = budget;
        this.seed = seed;
    }

    /** @return an estimator with a budget of 99 applications and seed 42 */
    public static HutchPlusPlusTraceEstimator defaults() {
        return new HutchPlusPlusTraceEstimator(99, 42L);
    }

    /**
     * Returns a copy with the budget setting replaced.
     *
     * @param m total operator applications, at least 3 (one sketch, one range, one probe)
     * @return modified copy
     */
    public HutchPlusPlusTraceEstimator withBudget(int m) {
        if (m < 3) {
            throw new IllegalArgumentException("Hutch++ needs a budget of at least 3, got " + m);
        }
        return new HutchPlusPlusTraceEstimator(m, seed);
    }

    /**
     * Returns a copy with the seed setting replaced.
     *
     * @param s seed of the sketch and probe generator
     * @return modified copy
     */
    public HutchPlusPlusTraceEstimator withSeed(long s) {
        return new HutchPlusPlusTraceEstimator(budget, s);
    }

    /**
     * Estimates the trace.
     *
     * @param op   symmetric operator
     * @param sink progress/cancellation hook
     * @return estimate, standard error of the stochastic part and application count
     * @throws java.util.concurrent.CancellationException if the sink requested cancellation
     */
    public TraceEstimate estimate(LinearOperator op, ProgressSink sink) {
        sink.begin("Hutch++ trace", budget);
        int n = op.dimension();
        int s = budget / 3;
        int g = budget - 2 * s;
        RandomGenerator rng = new Well19937c(seed);
        double[] z = new double[n];
        double[] az = new double[n];
        double[] coeffs = new double[s];
        long hvps = 0;

        // Sketch and orthonormalise column by column: Q grows as columns survive.
        double[][] q = new double[s][];
        int rank = 0;
        for (int i = 0; i < s; i++) {
            Vectors.checkCanceled(sink);
            Vectors.rademacher(rng, z);
            double[] y = new double[n];
            Vectors.applyCounted(op, z, y, sink);
            hvps++;
            double before = Vectors.norm(y);
            Vectors.orthogonalizeTwice(q, rank, y, coeffs);
            double after = Vectors.norm(y);
            if (after > RANK_RTOL * before && after > 0.0) {
                Vectors.scale(1.0 / after, y);
                q[rank++] = y;
            }
        }

        // Exact trace on the range of Q: one application per surviving column.
        double rangeTrace = 0.0;
        for (int i = 0; i < rank; i++) {
            Vectors.checkCanceled(sink);
            Vectors.applyCounted(op, q[i], az, sink);
            rangeTrace += Vectors.dot(q[i], az);
            hvps++;
        }
        // Columns dropped as dependent leave budget unspent; spend it on extra probes below so
        // the total is always exactly the budget.
        int spare = s - rank;

        // Hutchinson on the complement (I - QQ^T) A (I - QQ^T): project each probe, then apply.
        SummaryStatistics stats = new SummaryStatistics();
        for (int i = 0; i < g + spare; i++) {
            Vectors.checkCanceled(sink);
            Vectors.rademacher(rng, z);
            Vectors.orthogonalizeTwice(q, rank, z, coeffs);
            Vectors.applyCounted(op, z, az, sink);
            hvps++;
            stats.addValue(Vectors.dot(z, az));
        }
        double stochastic = stats.getMean();
        return new TraceEstimate("Hutch++", rangeTrace + stochastic,
                HutchinsonTraceEstimator.standardError(stats), (int) stats.getN(), hvps);
    }
}
