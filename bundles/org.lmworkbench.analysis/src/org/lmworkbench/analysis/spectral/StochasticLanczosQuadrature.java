package org.lmworkbench.analysis.spectral;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Spectral density estimation by stochastic Lanczos quadrature (SLQ; Ghorbani, Krishnan &amp; Xiao
 * 2019, as implemented in PyHessian's {@code density}).
 *
 * <p>For each of {@code runs} independent Rademacher start vectors {@code v} (normalised),
 * {@code steps} Lanczos steps with full reorthogonalisation give {@code T_m}; its eigenvalues
 * {@code theta_j} are Gauss quadrature nodes and the squared first components {@code tau_j^2} of
 * its unit eigenvectors the weights, so that {@code sum_j tau_j^2 f(theta_j) ~ v^T f(A) v}, exact
 * for polynomials of degree up to {@code 2m - 1}. Averaging over runs estimates
 * {@code tr f(A) / n}, i.e. integrals against the empirical spectral measure
 * {@code (1/n) sum_i delta(lambda_i)}. Defaults are the published 10 runs x 80 steps.
 *
 * <p>A run stops early when the Krylov space becomes invariant (for example when
 * {@code steps >= n}); the quadrature is then exact for that start vector, so no restart is made
 * (a restart vector would not belong to the start vector's measure). Reorthogonalisation matters:
 * without it, converged nodes are duplicated with split weights (Ghorbani et al., Appendix).
 * Cost: at most {@code runs * steps} applications; memory {@code steps + 1} vectors, reused per
 * run.
 *
 * <p>Instances are immutable; the {@code with...} methods return modified copies.
 */
public final class StochasticLanczosQuadrature {

    private final int runs;
    private final int steps;
    private final long seed;

    private StochasticLanczosQuadrature(int runs, int steps, long seed) {
        this.runs = runs;
        this.steps = steps;
        this.seed = seed;
    }

    /** @return 10 runs x 80 steps, seed 42 (Ghorbani et al. 2019 / PyHessian defaults) */
    public static StochasticLanczosQuadrature defaults() {
        return new StochasticLanczosQuadrature(10, 80, 42L);
    }

    /**
     * Returns a copy with the runs setting replaced.
     *
     * @param n number of independent start vectors ({@code n_v})
     * @return modified copy
     */
    public StochasticLanczosQuadrature withRuns(int n) {
        Vectors.requirePositive(n, "runs");
        return new StochasticLanczosQuadrature(n, steps, seed);
    }

    /**
     * Returns a copy with the steps setting replaced.
     *
     * @param m Lanczos steps per run, capped at the dimension
     * @return modified copy
     */
    public StochasticLanczosQuadrature withSteps(int m) {
        Vectors.requirePositive(m, "steps");
        return new StochasticLanczosQuadrature(runs, m, seed);
    }

    /**
     * Returns a copy with the seed setting replaced.
     *
     * @param s seed of the start vectors
     * @return modified copy
     */
    public StochasticLanczosQuadrature withSeed(long s) {
        return new StochasticLanczosQuadrature(runs, steps, s);
    }

    /**
     * Computes the quadrature nodes and weights of every run.
     *
     * @param op   symmetric operator
     * @param sink progress/cancellation hook
     * @return per-run nodes and weights with the application count
     * @throws java.util.concurrent.CancellationException if the sink requested cancellation
     */
    public SpectralQuadrature estimate(LinearOperator op, ProgressSink sink) {
        int n = op.dimension();
        int m = Math.min(steps, n);
        sink.begin("Stochastic Lanczos quadrature", (long) runs * m);
        RandomGenerator rng = new Well19937c(seed);
        double[][] nodes = new double[runs][];
        double[][] weights = new double[runs][];
        long hvps = 0;
        double[] start = new double[n];
        LanczosProcess process = new LanczosProcess(op, m, sink);
        for (int r = 0; r < runs; r++) {
            Vectors.rademacher(rng, start);
            process.start(start);
            while (process.step() && process.steps() < m) {
                process.advance();
            }
            hvps += process.steps();
            SymmetricTridiagonalEigen eig = process.tridiagonalEigen();
            int size = eig.size();
            nodes[r] = new double[size];
            weights[r] = new double[size];
            for (int j = 0; j < size; j++) {
                double first = eig.vector(j)[0];
                nodes[r][j] = eig.value(j);
                weights[r][j] = first * first;
            }
        }
        return new SpectralQuadrature(nodes, weights, n, hvps);
    }
}
