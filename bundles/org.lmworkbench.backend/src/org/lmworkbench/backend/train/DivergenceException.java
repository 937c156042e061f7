package org.lmworkbench.backend.train;

/**
 * Thrown by a {@link TrainingProbe} that finds the loss at the current parameters infinite or NaN:
 * the run has diverged, and the probe's measurement (Lanczos on an infinite Hessian, say) has no
 * meaning. The training run ends {@code diverged} at {@link #step()}, as if its own divergence
 * check had seen the loss.
 */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long step;
    private final double loss;

    /**
     * @param step  completed steps of the parameters at which the loss was evaluated
     * @param loss  the non-finite loss
     * @param where what was evaluated, e.g. {@code "the loss on the 32 examples of probes.sharpness"}
     */
    public DivergenceException(long step, double loss, String where) {
        super("loss " + loss + " at step " + step + " (" + where + ")");
        this.step = step;
        this.loss = loss;
    }

    /** Completed steps of the parameters at which the loss is not finite. */
    public long step() {
        return step;
    }

    /** The loss, infinite or NaN. */
    public double loss() {
        return loss;
    }
}
