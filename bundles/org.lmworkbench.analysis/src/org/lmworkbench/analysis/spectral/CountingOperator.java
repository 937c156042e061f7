package org.lmworkbench.analysis.spectral;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decorator that counts how often the wrapped operator is applied.
 *
 * <p>For a Hessian operator each application is one Hessian-vector product (HVP), the unit in
 * which the cost of sharpness and density estimates is quoted (Cohen et al. 2021; Yao et al.
 * 2020). The algorithms report their own counts; this wrapper gives callers an independent
 * tally, e.g. to account for HVPs across several estimates sharing one backend. The counter is
 * atomic so a UI thread may read it while a job runs.
 */
public final class CountingOperator implements LinearOperator {

    private final LinearOperator delegate;
    private final AtomicLong count = new AtomicLong();

    /**
     * @param delegate the operator whose applications are counted
     */
    public CountingOperator(LinearOperator delegate) {
        if (delegate == null) {
            throw new IllegalArgumentException("delegate must not be null");
        }
        this.delegate = delegate;
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public void apply(double[] v, double[] out) {
        delegate.apply(v, out);
        count.incrementAndGet();
    }

    /** @return number of {@link #apply} calls since construction or the last {@link #reset()} */
    public long count() {
        return count.get();
    }

    /** Sets the count back to zero. */
    public void reset() {
        count.set(0);
    }

    /** @return the wrapped operator */
    public LinearOperator delegate() {
        return delegate;
    }
}
