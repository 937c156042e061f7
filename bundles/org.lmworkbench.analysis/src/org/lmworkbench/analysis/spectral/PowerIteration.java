package org.lmworkbench.analysis.spectral;

import java.util.Objects;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Dominant eigenpairs by power iteration with deflation, following PyHessian
 * ({@code hessian.eigenvalues}, Yao et al. 2020).
 *
 * <p>For each of the {@code k} eigenvalues: start from a seeded Gaussian vector, and repeat
 * {@code v <- orthonormalise(v, found); w = A v; theta = v.w; v <- w/||w||} for at most
 * {@code maxIterationsPerEigenvalue} (default 100) applications. Found eigenvectors are
 * projected out of every iterate (projection deflation), so eigenvalue {@code i} is the
 * dominant one on the complement of the first {@code i - 1}. Power iteration converges to the
 * eigenvalues of largest <em>magnitude</em>, hence the result's target is always
 * {@link EigenTarget#LARGEST_MAGNITUDE}; its rate is {@code |lambda_2 / lambda_1|} per step, which
 * is why it needs many more applications than {@link LanczosEigensolver} on small gaps.
 *
 * <p>Stopping rules ({@link StoppingRule}): PyHessian's relative change of the eigenvalue
 * estimate (default, tolerance {@code 1e-3}), or the relative residual
 * {@code ||A v - theta v|| < tol |theta|}, which makes the accuracy comparable with Lanczos. For
 * eigenvalues after the first, the residual rule is applied to the deflated operator (see
 * {@link EigenResult#residualEstimates()}), because errors in earlier eigenvectors put a floor
 * under the residual with respect to {@code A}; {@link EigenResult#residualNorms()} always
 * reports the latter, so later pairs may show residuals somewhat above {@code tol |theta|}.
 * Both are checked with the product {@code A v} the step computes anyway, and the reported
 * pair is {@code (theta, v)} with {@code theta = v.Av}, so the residual norm
 * {@code ||A v - theta v||} in the result is exact and free: {@link EigenResult#residualHvpCount()}
 * is always 0 here. (PyHessian returns the next iterate {@code Av/||Av||} instead, whose
 * residual it never evaluates.)
 *
 * <p>Instances are immutable; the {@code with...} methods return modified copies.
 */
public final class PowerIteration {

    /** When a single eigenvalue's iteration stops. */
    public enum StoppingRule {
        /** PyHessian: {@code |theta_t - theta_{t-1}| / (|theta_{t-1}| + 1e-6) < tol}. */
        EIGENVALUE_CHANGE,
        /**
         * {@code ||A v - theta v|| < tol |theta|}, the Lanczos criterion; for eigenvalues after
         * the first, {@code A} is the deflated operator.
         */
        RELATIVE_RESIDUAL
    }

    private final int eigenpairs;
    private final double tolerance;
    private final int maxIterationsPerEigenvalue;
    private final long seed;
    private final StoppingRule rule;
    private final boolean computeEigenvectors;

    private PowerIteration(int eigenpairs, double tolerance, int maxIterationsPerEigenvalue,
            long seed, StoppingRule rule, boolean computeEigenvectors) {
        this.eigenpairs = eigenpairs;
        this.tolerance = tolerance;
        this.maxIterationsPerEigenvalue = maxIterationsPerEigenvalue;
        this.seed = seed;
        this.rule = rule;
        this.computeEigenvectors = computeEigenvectors;
    }

    /**
     * @return PyHessian defaults: one eigenvalue, eigenvalue-change tolerance {@code 1e-3}, at
     *         most 100 applications per eigenvalue, seed 42, eigenvectors not returned
     */
    public static PowerIteration defaults() {
        return new PowerIteration(1, 1e-3, 100, 42L, StoppingRule.EIGENVALUE_CHANGE, false);
    }

    /**
     * Returns a copy with the eigenpairs setting replaced.
     *
     * @param k number of eigenpairs (deflation steps)
     * @return modified copy
     */
    public PowerIteration withEigenpairs(int k) {
        Vectors.requirePositive(k, "eigenpairs");
        return new PowerIteration(k, tolerance, maxIterationsPerEigenvalue, seed, rule,
                computeEigenvectors);
    }

    /**
     * Returns a copy with the tolerance setting replaced.
     *
     * @param tol tolerance of the stopping rule, positive
     * @return modified copy
     */
    public PowerIteration withTolerance(double tol) {
        if (!(tol > 0.0)) {
            throw new IllegalArgumentException("tolerance must be positive");
        }
        return new PowerIteration(eigenpairs, tol, maxIterationsPerEigenvalue, seed, rule,
                computeEigenvectors);
    }

    /**
     * Returns a copy with the max iterations per eigenvalue setting replaced.
     *
     * @param max application budget per eigenvalue
     * @return modified copy
     */
    public PowerIteration withMaxIterationsPerEigenvalue(int max) {
        Vectors.requirePositive(max, "maxIterationsPerEigenvalue");
        return new PowerIteration(eigenpairs, tolerance, max, seed, rule, computeEigenvectors);
    }

    /**
     * Returns a copy with the seed setting replaced.
     *
     * @param s seed of the random start vectors
     * @return modified copy
     */
    public PowerIteration withSeed(long s) {
        return new PowerIteration(eigenpairs, tolerance, maxIterationsPerEigenvalue, s, rule,
                computeEigenvectors);
    }

    /**
     * Returns a copy with the stopping rule setting replaced.
     *
     * @param r stopping rule
     * @return modified copy
     */
    public PowerIteration withStoppingRule(StoppingRule r) {
        return new PowerIteration(eigenpairs, tolerance, maxIterationsPerEigenvalue, seed,
                Objects.requireNonNull(r), computeEigenvectors);
    }

    /**
     * Returns a copy with the eigenvectors setting replaced.
     *
     * @param on whether to return the eigenvectors
     * @return modified copy
     */
    public PowerIteration withEigenvectors(boolean on) {
        return new PowerIteration(eigenpairs, tolerance, maxIterationsPerEigenvalue, seed, rule,
                on);
    }

    /**
     * Runs power iteration with deflation.
     *
     * @param op   symmetric operator
     * @param sink progress/cancellation hook
     * @return the dominant eigenpairs in the order found, with exact residuals
     * @throws java.util.concurrent.CancellationException if the sink requested cancellation
     */
    public EigenResult solve(LinearOperator op, ProgressSink sink) {
        int n = op.dimension();
        int k = eigenpairs;
        if (k > n) {
            throw new IllegalArgumentException(k + " eigenpairs requested in dimension " + n);
        }
        sink.begin("Power iteration", (long) k * maxIterationsPerEigenvalue);
        RandomGenerator rng = new Well19937c(seed);
        // found eigenvectors are needed for deflation even when not returned
        double[][] found = new double[k][];
        double[] coeffs = new double[k];
        double[] values = new double[k];
        double[] residuals = new double[k];
        double[] estimates = new double[k];
        double[] scratch = k > 1 ? new double[n] : null;
        boolean allConverged = true;
        long hvps = 0;
        double[] w = new double[n];
        for (int e = 0; e < k; e++) {
            double[] v = new double[n];
            Vectors.gaussian(rng, v);
            double previous = Double.NaN;
            double theta = 0.0;
            double residual = Double.NaN;
            double deflatedResidual = Double.NaN;
            boolean converged = false;
            for (int it = 0; it < maxIterationsPerEigenvalue; it++) {
                Vectors.checkCanceled(sink);
                Vectors.orthogonalizeTwice(found, e, v, coeffs);
                double norm = Vectors.norm(v);
                if (!(norm > 0.0)) {
                    // deflated space exhausted or A v vanished there: v is an exact null vector
                    Vectors.gaussian(rng, v);
                    Vectors.orthogonalizeTwice(found, e, v, coeffs);
                    norm = Vectors.norm(v);
                }
                Vectors.scale(1.0 / norm, v);
                Vectors.applyCounted(op, v, w, sink);
                hvps++;
                theta = Vectors.dot(v, w);
                residual = Vectors.residualNorm(w, theta, v);
                if (rule == StoppingRule.RELATIVE_RESIDUAL) {
                    deflatedResidual = e == 0 ? residual : deflatedResidual(found, e, w, theta,
                            v, scratch, coeffs);
                    converged = deflatedResidual < tolerance * Math.abs(theta)
                            || deflatedResidual == 0.0;
                } else {
                    deflatedResidual = residual;
                    converged = it > 0
                            && Math.abs(theta - previous) / (Math.abs(previous) + 1e-6) < tolerance;
                }
                if (converged || it == maxIterationsPerEigenvalue - 1) {
                    break; // keep v: (theta, v) is the consistent pair with known residual
                }
                previous = theta;
                double[] t = v;
                v = w;
                w = t;
            }
            values[e] = theta;
            residuals[e] = residual;
            estimates[e] = deflatedResidual;
            found[e] = v;
            allConverged &= converged;
        }
        return new EigenResult("Power iteration", EigenTarget.LARGEST_MAGNITUDE, values,
                computeEigenvectors ? found : null, residuals, estimates, hvps, 0,
                (int) hvps, allConverged);
    }

    /**
     * Residual of the deflated operator {@code P A P}, {@code P} projecting out the vectors found
     * so far: {@code ||P (A v - theta v)||} for {@code v} already orthogonal to them. This is what
     * the iteration can drive to zero; the residual with respect to {@code A} itself keeps a
     * floor of roughly {@code (lambda_j - theta)} times the angle error of earlier eigenvectors.
     */
    private static double deflatedResidual(double[][] found, int count, double[] w, double theta,
            double[] v, double[] scratch, double[] coeffs) {
        System.arraycopy(w, 0, scratch, 0, w.length);
        Vectors.orthogonalizeTwice(found, count, scratch, coeffs);
        return Vectors.residualNorm(scratch, theta, v);
    }

    /** @return the configured stopping rule */
    public StoppingRule stoppingRule() {
        return rule;
    }

    @Override
    public String toString() {
        return "PowerIteration[k=" + eigenpairs + ", tol=" + tolerance + ", rule=" + rule
                + ", maxPerEigenvalue=" + maxIterationsPerEigenvalue + ", seed=" + seed + "]";
    }
}
