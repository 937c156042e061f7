package org.lmworkbench.analysis.spectral;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * The Lanczos three-term recurrence with full reorthogonalisation, shared by
 * {@link LanczosEigensolver} and {@link StochasticLanczosQuadrature}.
 *
 * <p>After {@code m} steps it holds an orthonormal basis {@code Q_m} of the Krylov space and the
 * tridiagonal {@code T_m = Q_m^T A Q_m} (diagonal {@code alpha}, off-diagonal {@code beta}), with
 * {@code A Q_m = Q_m T_m + beta_m q_{m+1} e_m^T}. Every new direction is orthogonalised against
 * the whole basis with classical Gram-Schmidt twice; in floating point the plain recurrence loses
 * orthogonality as soon as a Ritz value converges and then produces spurious copies of it, which
 * would corrupt both the eigenvalue counts and the quadrature weights. The price is storing the
 * basis: {@code O(m n)} memory, allocated one vector per step so only the steps actually taken
 * cost memory.
 *
 * <p>An (almost) invariant subspace shows up as a tiny {@code beta}. {@link #restart} then
 * continues from a fresh random vector orthogonal to the basis, recording {@code beta = 0} so
 * {@code T} becomes block diagonal; this is how repeated eigenvalues and tiny Krylov spaces are
 * still resolved.
 */
final class LanczosProcess {

    /**
     * {@code beta} below this fraction of the largest {@code ||A q_j||} seen is treated as an
     * exact breakdown: after two Gram-Schmidt passes the remaining vector is then dominated by
     * rounding noise rather than a genuinely new Krylov direction.
     */
    static final double BREAKDOWN_RTOL = 1e-10;

    private final LinearOperator op;
    private final ProgressSink sink;
    private final int n;
    private final double[][] basis;
    private final double[] alpha;
    private final double[] beta;
    private final double[] coeffs;
    private double[] work;
    private int steps;
    private double normEstimate;
    private boolean started;

    /**
     * @param op       the symmetric operator
     * @param capacity maximum number of steps (at most {@code op.dimension()})
     * @param sink     progress and cancellation hook
     */
    LanczosProcess(LinearOperator op, int capacity, ProgressSink sink) {
        this.op = op;
        this.sink = sink;
        this.n = op.dimension();
        this.basis = new double[capacity + 1][];
        this.alpha = new double[capacity];
        this.beta = new double[capacity];
        this.coeffs = new double[capacity + 1];
    }

    /**
     * Normalises a copy of {@code start} into the first basis vector and forgets any previous
     * run. Vectors allocated by earlier runs are reused, so repeated runs (stochastic Lanczos
     * quadrature) do not churn {@code O(m n)} memory through the garbage collector.
     */
    void start(double[] start) {
        if (start.length != n) {
            throw new IllegalArgumentException("start vector has length " + start.length
                    + ", operator dimension is " + n);
        }
        double norm = Vectors.norm(start);
        if (!(norm > 0.0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("start vector must be finite and non-zero");
        }
        double[] q = vectorAt(0);
        System.arraycopy(start, 0, q, 0, n);
        Vectors.scale(1.0 / norm, q);
        steps = 0;
        normEstimate = 0.0;
        started = true;
    }

    private double[] vectorAt(int j) {
        if (basis[j] == null) {
            basis[j] = new double[n];
        }
        return basis[j];
    }

    /**
     * Performs one Lanczos step: one operator application, recurrence, reorthogonalisation.
     *
     * @return {@code true} if a new direction was found, {@code false} on breakdown (invariant
     *         subspace); in both cases {@code beta(steps()-1)} holds the residual norm
     */
    boolean step() {
        if (!started) {
            throw new IllegalStateException("start() must be called first");
        }
        Vectors.checkCanceled(sink);
        int j = steps;
        double[] q = basis[j];
        if (work == null) {
            work = new double[n];
        }
        double[] w = work;
        Vectors.applyCounted(op, q, w, sink);
        normEstimate = Math.max(normEstimate, Vectors.norm(w));
        if (j > 0) {
            Vectors.axpy(-beta[j - 1], basis[j - 1], w);
        }
        double a = Vectors.dot(q, w);
        Vectors.axpy(-a, q, w);
        Vectors.orthogonalizeTwice(basis, j + 1, w, coeffs);
        double b = Vectors.norm(w);
        alpha[j] = a;
        beta[j] = b;
        steps = j + 1;
        return b > BREAKDOWN_RTOL * normEstimate;
    }

    /**
     * Makes the last residual the next basis vector; only valid after a successful
     * {@link #step()} with capacity left. The work array is swapped into the basis (no copy);
     * whatever array held that slot before becomes the next work array.
     */
    void advance() {
        double[] w = work;
        Vectors.scale(1.0 / beta[steps - 1], w);
        work = basis[steps];
        basis[steps] = w;
    }

    /**
     * Continues after a breakdown from a random vector orthogonal to the current basis.
     *
     * @return {@code false} if the basis already spans the whole space
     */
    boolean restart(RandomGenerator rng) {
        if (steps >= n) {
            return false;
        }
        double[] v = vectorAt(steps);
        Vectors.gaussian(rng, v);
        double before = Vectors.norm(v);
        Vectors.orthogonalizeTwice(basis, steps, v, coeffs);
        double after = Vectors.norm(v);
        if (after <= 1e-8 * before) {
            return false;
        }
        Vectors.scale(1.0 / after, v);
        beta[steps - 1] = 0.0;
        return true;
    }

    /** Eigendecomposition of the current {@code T_m}. */
    SymmetricTridiagonalEigen tridiagonalEigen() {
        return new SymmetricTridiagonalEigen(alpha, beta, steps);
    }

    /** Eigendecomposition of the diagonal block of {@code T_m} from row {@code from} on. */
    SymmetricTridiagonalEigen tridiagonalEigen(int from) {
        return new SymmetricTridiagonalEigen(alpha, beta, from, steps);
    }

    /**
     * Writes the Ritz vector {@code Q_m s} into {@code out}, normalised to unit length.
     *
     * @param s coefficients of length {@link #steps()}
     */
    void ritzVector(double[] s, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (int j = 0; j < steps; j++) {
            Vectors.axpy(s[j], basis[j], out);
        }
        Vectors.scale(1.0 / Vectors.norm(out), out);
    }

    int steps() {
        return steps;
    }

    /** @return {@code beta_j}, the coupling between basis vectors {@code j} and {@code j+1} */
    double beta(int j) {
        return beta[j];
    }

    /** @return the largest {@code ||A q_j||} seen, a lower bound for the spectral norm */
    double normEstimate() {
        return normEstimate;
    }
}
