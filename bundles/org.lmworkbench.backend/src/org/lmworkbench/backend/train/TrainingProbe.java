package org.lmworkbench.backend.train;

/**
 * A measurement taken during training at chosen steps (sharpness, trace, activations...). The loop
 * asks {@link #due(long)} after every optimizer step and, when true, calls {@link #run} with the
 * current state. Probes run outside the gradient collector, after the parameter update, on a
 * step-scoped manager that is closed afterwards.
 * <p>
 * Probes must not change the parameters or the optimizer state: runs must stay reproducible
 * whether or not a probe is on. A probe's failure is logged and ends the run as failed; a probe
 * that finds the loss not finite throws {@link DivergenceException}, which ends it as diverged.
 */
public interface TrainingProbe extends AutoCloseable {

    /** Short name for logs, e.g. {@code sharpness}. */
    String name();

    /**
     * Whether to run after step {@code step} (the number of completed optimizer steps; step 0 is the
     * initialisation, offered once before training starts).
     */
    boolean due(long step);

    /** Takes the measurement and writes its results (usually through {@link ProbeContext#jsonl}). */
    void run(ProbeContext context) throws Exception;

    /** Releases resources at the end of the run; the default does nothing. */
    @Override
    default void close() throws java.io.IOException {
    }
}
