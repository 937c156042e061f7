package org.lmworkbench.backend.train;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a caller can do with a run while it trains: ask it to stop at the next step boundary (it then
 * writes a checkpoint and {@code cancelled}), and follow its progress. A backend process of its own
 * ({@code lmw resume}) uses a fresh one per run and is cancelled by SIGTERM; a backend worker, which
 * trains many runs one after another, cancels the one it is training when asked to.
 */
public final class RunControl {

    /** Receives the step count after every step. */
    @FunctionalInterface
    public interface ProgressListener {
        /**
         * @param step completed steps
         * @param loss the step's batch loss
         */
        void progress(long step, double loss);
    }

    private final AtomicBoolean cancel = new AtomicBoolean();
    private final AtomicReference<String> interruption = new AtomicReference<>();
    private final ProgressListener listener;

    /** A control without a progress listener. */
    public RunControl() {
        this((step, loss) -> {
        });
    }

    /** A control that tells {@code listener} about every step. */
    public RunControl(ProgressListener listener) {
        this.listener = listener;
    }

    /** Asks the run to stop at the next step boundary. */
    public void cancel() {
        cancel.set(true);
    }

    /**
     * Asks the run to stop at the next step boundary and end {@code interrupted} (not cancelled by
     * anyone: whatever drove it is gone), with {@code message} as the reason; after a
     * {@link #cancel()} the run stays cancelled.
     */
    public void interrupt(String message) {
        if (!cancel.get()) {
            interruption.compareAndSet(null, message);
        }
        cancel.set(true);
    }

    /** Why the run was interrupted, or null if it was not. */
    String interruption() {
        return interruption.get();
    }

    /** True once {@link #cancel()} or {@link #interrupt(String)} was called. */
    public boolean isCancelled() {
        return cancel.get();
    }

    /** The flag the training loop polls. */
    AtomicBoolean flag() {
        return cancel;
    }

    /** Tells the listener about a completed step. */
    void progress(long step, double loss) {
        listener.progress(step, loss);
    }
}
