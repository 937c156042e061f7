package org.lmworkbench.analysis.spectral;

/**
 * A symmetric linear map {@code v -> A v} on {@code R^n}, known only through its action.
 *
 * <p>This is the single abstraction every algorithm in this package is written against. In
 * production it is backed by exact Hessian-vector products of a training loss (one application
 * costs roughly two passes over the data), in tests by a dense matrix. The algorithms therefore
 * treat {@link #apply} as the expensive step and count every call; all other work is
 * {@code O(n)} or {@code O(m n)} vector arithmetic.
 *
 * <p>Contract:
 * <ul>
 *   <li>The operator is assumed symmetric ({@code u.(Av) == (Au).v}); Lanczos, the trace
 *       estimators and quadrature are only meaningful under that assumption and do not check it.</li>
 *   <li>{@code v} and {@code out} both have length {@link #dimension()} and are distinct arrays;
 *       implementations must not modify {@code v} and must overwrite every entry of {@code out}
 *       (callers reuse work arrays, so {@code out} may contain stale data on entry).</li>
 *   <li>Implementations need not be thread-safe: the algorithms call {@code apply} from one
 *       thread, sequentially.</li>
 * </ul>
 */
public interface LinearOperator {

    /** @return the dimension {@code n} of the space the operator acts on (number of parameters) */
    int dimension();

    /**
     * Computes {@code out = A v}.
     *
     * @param v   input vector of length {@link #dimension()}, not modified
     * @param out output vector of length {@link #dimension()}, fully overwritten; never the same
     *            array as {@code v}
     */
    void apply(double[] v, double[] out);
}
