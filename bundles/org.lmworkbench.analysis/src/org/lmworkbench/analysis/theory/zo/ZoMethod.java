package org.lmworkbench.analysis.theory.zo;

/**
 * The zeroth-order update rules whose stability {@link ZoCriticalStep} predicts, all driven by the
 * two-point estimate {@code g} averaged over the directions of a step.
 */
public enum ZoMethod {
    /** ZO-GD: {@code x <- x - eta g}. */
    GD,
    /** ZO-GDM, heavy-ball momentum: {@code m <- beta m + g; x <- x - eta m}. */
    GDM,
    /**
     * ZO-Adam with its preconditioner {@code P = diag(sqrt(v) + eps)} frozen:
     * {@code m <- beta1 m + (1 - beta1) g; x <- x - eta P^-1 m}. Spectra passed for it are those of
     * {@code P^-1 H}; bias correction of {@code m} is ignored (it tends to 1).
     */
    ADAM
}
