package org.lmworkbench.analysis.spectral;

import java.util.Arrays;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Extremal eigenpairs of a symmetric operator by Lanczos with full reorthogonalisation.
 *
 * <p>This is the estimator Cohen et al. (2021) use for sharpness (there through ARPACK). It
 * needs far fewer operator applications than power iteration when the top eigenvalues are
 * close together, because the Krylov space captures the whole polynomial acceleration that
 * power iteration forgoes. Algorithm:
 * <ol>
 *   <li>Start from a unit Gaussian vector drawn from a seeded {@link Well19937c} (or a
 *       caller-supplied vector, e.g. the previous top eigenvector when tracking sharpness
 *       during training).</li>
 *   <li>Run {@link LanczosProcess}; after each step {@code m >= k}, diagonalise {@code T_m}
 *       (commons-math implicit QL, see {@link SymmetricTridiagonalEigen}) and stop when, for all
 *       {@code k} requested Ritz pairs, {@code |beta_m s_{m,i}| < tol * |theta_i|}, the
 *       criterion in the project's REFERENCES. Since {@code |beta_m s_{m,i}|} equals
 *       {@code ||A y_i - theta_i y_i||} in exact arithmetic, this is a relative residual test that
 *       costs no extra application. A relative test can never pass for an eigenvalue of exactly
 *       zero, so {@code |theta_i|} is floored at {@code 1.5e-8} times the largest Ritz value.</li>
 *   <li>Stop also at {@code maxIterations}; the result then has {@code converged == false}.</li>
 *   <li>Form the requested Ritz vectors and, unless disabled, verify each residual explicitly
 *       with one further application. Those applications are reported separately in
 *       {@link EigenResult#residualHvpCount()}, not in {@link EigenResult#hvpCount()}.</li>
 * </ol>
 *
 * <p>Invariant subspaces ({@code beta_m ~ 0}, e.g. when the operator has few distinct
 * eigenvalues): the Ritz values are then exact, but a single start vector sees only one vector
 * per eigenspace, so copies of a repeated eigenvalue can be missing. The solver restarts from a
 * random vector orthogonal to the basis and accepts the result only once the last such block
 * (which, from a random start, contains every distinct eigenvalue of the remaining complement)
 * cannot change the {@code k} chosen values; repeated eigenvalues are thereby resolved. If the
 * Krylov space reaches the operator dimension, the result is exact. Outside exact breakdowns, a
 * multiple eigenvalue is reported once per copy the Krylov space happens to resolve, as in
 * ARPACK.
 *
 * <p>Memory: {@code (steps + 1) n} doubles for the basis plus {@code k n} for returned
 * eigenvectors.
 *
 * <p>Instances are immutable; the {@code with...} methods return modified copies.
 */
public final class LanczosEigensolver {

    private static final double ZERO_FLOOR = 1.5e-8;

    private final int eigenpairs;
    private final EigenTarget target;
    private final double tolerance;
    private final int maxIterations;
    private final long seed;
    private final double[] startVector;
    private final boolean computeEigenvectors;
    private final boolean computeResiduals;

    private LanczosEigensolver(int eigenpairs, EigenTarget target, double tolerance,
            int maxIterations, long seed, double[] startVector, boolean computeEigenvectors,
            boolean computeResiduals) {
        this.eigenpairs = eigenpairs;
        this.target = target;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.seed = seed;
        this.startVector = startVector;
        this.computeEigenvectors = computeEigenvectors;
        this.computeResiduals = computeResiduals;
    }

    /**
     * @return a solver for the largest eigenvalue, tolerance {@code 1e-4}, at most 100 steps,
     *         seed 42, residuals verified, eigenvectors not returned
     */
    public static LanczosEigensolver defaults() {
        return new LanczosEigensolver(1, EigenTarget.LARGEST_ALGEBRAIC, 1e-4, 100, 42L, null,
                false, true);
    }

    /**
     * Returns a copy with the eigenpairs setting replaced.
     *
     * @param k number of eigenpairs wanted, at least 1
     * @return modified copy
     */
    public LanczosEigensolver withEigenpairs(int k) {
        Vectors.requirePositive(k, "eigenpairs");
        return new LanczosEigensolver(k, target, tolerance, maxIterations, seed, startVector,
                computeEigenvectors, computeResiduals);
    }

    /**
     * Returns a copy with the target setting replaced.
     *
     * @param t end of the spectrum to resolve
     * @return modified copy
     */
    public LanczosEigensolver withTarget(EigenTarget t) {
        return new LanczosEigensolver(eigenpairs, java.util.Objects.requireNonNull(t), tolerance,
                maxIterations, seed, startVector, computeEigenvectors, computeResiduals);
    }

    /**
     * Returns a copy with the tolerance setting replaced.
     *
     * @param tol relative residual tolerance, positive
     * @return modified copy
     */
    public LanczosEigensolver withTolerance(double tol) {
        if (!(tol > 0.0)) {
            throw new IllegalArgumentException("tolerance must be positive");
        }
        return new LanczosEigensolver(eigenpairs, target, tol, maxIterations, seed, startVector,
                computeEigenvectors, computeResiduals);
    }

    /**
     * Returns a copy with the max iterations setting replaced.
     *
     * @param max maximum Lanczos steps (= operator applications, = stored basis vectors); capped
     *            at the operator dimension
     * @return modified copy
     */
    public LanczosEigensolver withMaxIterations(int max) {
        Vectors.requirePositive(max, "maxIterations");
        return new LanczosEigensolver(eigenpairs, target, tolerance, max, seed, startVector,
                computeEigenvectors, computeResiduals);
    }

    /**
     * Returns a copy with the seed setting replaced.
     *
     * @param s seed of the random start vector (and of restart vectors)
     * @return modified copy
     */
    public LanczosEigensolver withSeed(long s) {
        return new LanczosEigensolver(eigenpairs, target, tolerance, maxIterations, s, startVector,
                computeEigenvectors, computeResiduals);
    }

    /**
     * Returns a copy with the start vector setting replaced.
     *
     * @param v explicit start vector (not modified, copied once when solving), or {@code null}
     *          for a seeded random start
     * @return modified copy
     */
    public LanczosEigensolver withStartVector(double[] v) {
        return new LanczosEigensolver(eigenpairs, target, tolerance, maxIterations, seed, v,
                computeEigenvectors, computeResiduals);
    }

    /**
     * Returns a copy with the eigenvectors setting replaced.
     *
     * @param on whether to return the Ritz vectors ({@code k n} doubles)
     * @return modified copy
     */
    public LanczosEigensolver withEigenvectors(boolean on) {
        return new LanczosEigensolver(eigenpairs, target, tolerance, maxIterations, seed,
                startVector, on, computeResiduals);
    }

    /**
     * Returns a copy with the explicit residuals setting replaced.
     *
     * @param on whether to verify each residual with one extra application (default on)
     * @return modified copy
     */
    public LanczosEigensolver withExplicitResiduals(boolean on) {
        return new LanczosEigensolver(eigenpairs, target, tolerance, maxIterations, seed,
                startVector, computeEigenvectors, on);
    }

    /**
     * Runs the solver.
     *
     * @param op   symmetric operator
     * @param sink progress/cancellation hook, e.g. {@link ProgressSink#NONE}
     * @return eigenpairs with residuals and HVP counts
     * @throws IllegalArgumentException if {@code k} exceeds the dimension or the step budget
     * @throws java.util.concurrent.CancellationException if the sink requested cancellation
     */
    public EigenResult solve(LinearOperator op, ProgressSink sink) {
        int n = op.dimension();
        int k = eigenpairs;
        int m = Math.min(maxIterations, n);
        if (k > n) {
            throw new IllegalArgumentException(k + " eigenpairs requested in dimension " + n);
        }
        if (k > m) {
            throw new IllegalArgumentException(k + " eigenpairs need at least " + k
                    + " iterations, maxIterations is " + maxIterations);
        }
        sink.begin("Lanczos eigensolver", m + (computeResiduals ? k : 0));
        RandomGenerator rng = new Well19937c(seed);
        LanczosProcess process = new LanczosProcess(op, m, sink);
        double[] start = startVector;
        if (start == null) {
            start = new double[n];
            Vectors.gaussian(rng, start);
        }
        process.start(start);

        SymmetricTridiagonalEigen ritz = null;
        int[] chosen = null;
        double[] estimates = new double[k];
        boolean converged = false;
        // Each breakdown closes a "block" (an invariant Krylov space); blockStart is where the
        // current one began. A random start sees every eigenspace, so its block reveals all
        // distinct eigenvalues left in the complement; a caller's start vector need not.
        int blockStart = 0;
        boolean blockIsRandom = startVector == null;
        while (process.steps() < m) {
            boolean newDirection = process.step();
            int j = process.steps();
            boolean residualsSmall = false;
            if (j >= k) {
                ritz = process.tridiagonalEigen();
                chosen = ritz.select(k, target);
                residualsSmall = testConvergence(ritz, chosen, process.beta(j - 1), estimates);
            }
            if (newDirection) {
                // After a restart the new block's Ritz values start deep inside the spectrum and
                // only move outwards; accept once its own extreme value has settled, too.
                if (residualsSmall && (blockStart == 0 || extremeConverged(
                        process.tridiagonalEigen(blockStart), process.beta(j - 1), ritz))) {
                    converged = true;
                    break;
                }
                if (j == m) {
                    break;
                }
                process.advance();
                continue;
            }
            // Invariant subspace: every Ritz value is now exact, but copies of a repeated
            // eigenvalue (or eigenvalues the start vector missed) may lie in the complement,
            // so the small residuals alone prove nothing here.
            if (j == n || (j >= k && blockIsRandom
                    && nothingMissing(ritz, chosen, process.tridiagonalEigen(blockStart)))) {
                converged = j >= k;
                break;
            }
            if (j == m || !process.restart(rng)) {
                break;
            }
            blockStart = j;
            blockIsRandom = true;
        }
        if (ritz == null) {
            // only reachable if rounding made a restart vector vanish before k steps
            throw new IllegalStateException("Krylov space collapsed after " + process.steps()
                    + " steps, fewer than the " + k + " eigenpairs requested");
        }
        return finish(op, sink, process, ritz, chosen, estimates, converged);
    }

    private boolean testConvergence(SymmetricTridiagonalEigen ritz, int[] chosen, double betaM,
            double[] estimates) {
        int m = ritz.size();
        double scale = Math.max(Math.abs(ritz.value(0)), Math.abs(ritz.value(m - 1)));
        boolean all = true;
        for (int i = 0; i < chosen.length; i++) {
            double theta = ritz.value(chosen[i]);
            estimates[i] = Math.abs(betaM * ritz.vector(chosen[i])[m - 1]);
            double threshold = tolerance * Math.max(Math.abs(theta), ZERO_FLOOR * scale);
            all &= estimates[i] < threshold;
        }
        return all;
    }

    /** Residual test for the target-end Ritz value of the current block alone. */
    private boolean extremeConverged(SymmetricTridiagonalEigen block, double betaM,
            SymmetricTridiagonalEigen ritz) {
        int e = block.select(1, target)[0];
        double theta = block.value(e);
        double scale = Math.max(Math.abs(ritz.value(0)), Math.abs(ritz.value(ritz.size() - 1)));
        double estimate = Math.abs(betaM * block.vector(e)[block.size() - 1]);
        return estimate < tolerance * Math.max(Math.abs(theta), ZERO_FLOOR * scale);
    }

    /**
     * After a breakdown of a block started from a random vector, the eigenvalues of the
     * remaining complement are among that block's Ritz values. The reported values are final if
     * none of those can displace the k-th chosen value (up to the tolerance).
     */
    private boolean nothingMissing(SymmetricTridiagonalEigen ritz, int[] chosen,
            SymmetricTridiagonalEigen lastBlock) {
        double kth = ritz.value(chosen[chosen.length - 1]);
        double scale = Math.max(Math.abs(ritz.value(0)), Math.abs(ritz.value(ritz.size() - 1)));
        double slack = tolerance * Math.max(Math.abs(kth), ZERO_FLOOR * scale);
        double top = lastBlock.value(0);
        double bottom = lastBlock.value(lastBlock.size() - 1);
        return switch (target) {
            case LARGEST_ALGEBRAIC -> top <= kth + slack;
            case SMALLEST_ALGEBRAIC -> bottom >= kth - slack;
            case LARGEST_MAGNITUDE -> Math.max(Math.abs(top), Math.abs(bottom))
                    <= Math.abs(kth) + slack;
        };
    }

    private EigenResult finish(LinearOperator op, ProgressSink sink, LanczosProcess process,
            SymmetricTridiagonalEigen ritz, int[] chosen, double[] estimates, boolean converged) {
        int k = chosen.length;
        int n = op.dimension();
        double[] values = new double[k];
        double[] residuals = new double[k];
        Arrays.fill(residuals, Double.NaN);
        double[][] vectors = computeEigenvectors ? new double[k][] : null;
        long residualHvps = 0;
        double[] y = null;
        double[] ay = computeResiduals ? new double[n] : null;
        for (int i = 0; i < k; i++) {
            values[i] = ritz.value(chosen[i]);
            if (!computeEigenvectors && !computeResiduals) {
                continue;
            }
            if (y == null || computeEigenvectors) {
                y = new double[n];
            }
            process.ritzVector(ritz.vector(chosen[i]), y);
            if (computeEigenvectors) {
                vectors[i] = y;
            }
            if (computeResiduals) {
                Vectors.checkCanceled(sink);
                Vectors.applyCounted(op, y, ay, sink);
                residualHvps++;
                residuals[i] = Vectors.residualNorm(ay, values[i], y);
            }
        }
        return new EigenResult("Lanczos", target, values, vectors, residuals, estimates.clone(),
                process.steps(), residualHvps, process.steps(), converged);
    }
}
