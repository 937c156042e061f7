package org.lmworkbench.backend.hessian;

import org.lmworkbench.analysis.spectral.LinearOperator;

/**
 * The symmetric form {@code D A D} of a preconditioned operator, {@code D = diag(d)}.
 *
 * <p>Adam's edge of stability concerns the eigenvalues of {@code P^-1 H} with a diagonal
 * preconditioner {@code P}; these equal the eigenvalues of the symmetric
 * {@code P^-1/2 H P^-1/2}, which Lanczos can handle, so {@code d = 1/sqrt(diag P)}.
 */
public final class PreconditionedOperator implements LinearOperator {

    private final LinearOperator inner;
    private final double[] d;
    private final double[] scratch;

    /**
     * @param inner the symmetric operator {@code A}
     * @param d     the diagonal of {@code D}, length {@code inner.dimension()}
     */
    public PreconditionedOperator(LinearOperator inner, double[] d) {
        if (d.length != inner.dimension()) {
            throw new IllegalArgumentException("diagonal length " + d.length + " != " + inner.dimension());
        }
        this.inner = inner;
        this.d = d.clone();
        this.scratch = new double[d.length];
    }

    /**
     * The scaling for Adam: {@code d_i = 1/sqrt(sqrt(v_i / (1 - beta2^t)) + eps)}.
     *
     * @param v     Adam's second-moment estimate (not bias-corrected), flat
     * @param beta2 second-moment decay
     * @param step  number of completed Adam steps {@code t >= 1}
     * @param eps   Adam's denominator guard
     * @return the diagonal {@code d}
     */
    public static double[] adamScaling(double[] v, double beta2, long step, double eps) {
        double correction = 1.0 - Math.pow(beta2, Math.max(1, step));
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = 1.0 / Math.sqrt(Math.sqrt(v[i] / correction) + eps);
        }
        return d;
    }

    @Override
    public int dimension() {
        return d.length;
    }

    @Override
    public void apply(double[] v, double[] out) {
        for (int i = 0; i < d.length; i++) {
            scratch[i] = d[i] * v[i];
        }
        inner.apply(scratch, out);
        for (int i = 0; i < d.length; i++) {
            out[i] *= d[i];
        }
    }
}
