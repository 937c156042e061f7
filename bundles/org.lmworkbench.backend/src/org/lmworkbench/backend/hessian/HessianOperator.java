package org.lmworkbench.backend.hessian;

import org.lmworkbench.analysis.spectral.LinearOperator;

/**
 * The Hessian of a training loss as a {@link LinearOperator} on the flat parameter vector, the
 * form the spectral algorithms (Lanczos, power iteration, Hutchinson, SLQ) consume.
 *
 * <p>The vectors are float64 ({@code double[]}) whatever the model's dtype; for a float32 model
 * each application rounds the direction to float32 and widens the product, so the operator is
 * symmetric and exact only to float32 accuracy. Every application is one exact Hessian-vector
 * product and is counted here, so the count reported next to an estimate is the number of
 * products actually computed (including any residual checks an algorithm does).
 *
 * <p>Closing the operator frees the gradient graph kept by the underlying product.
 */
public final class HessianOperator implements LinearOperator, AutoCloseable {

    private final HessianVectorProduct product;
    private long applications;

    /** @param product the Hessian-vector product to expose */
    public HessianOperator(HessianVectorProduct product) {
        this.product = product;
    }

    @Override
    public int dimension() {
        return product.layout().dimension();
    }

    @Override
    public void apply(double[] v, double[] out) {
        product.apply(v, out);
        applications++;
    }

    /** @return the number of Hessian-vector products computed through this operator */
    public long hvpCount() {
        return applications;
    }

    /** @return the underlying product (for its loss, gradient and layout) */
    public HessianVectorProduct product() {
        return product;
    }

    @Override
    public void close() {
        product.close();
    }
}
