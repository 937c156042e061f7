package org.lmworkbench.backend.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.lmworkbench.core.run.RunState;

/**
 * Turns requests to stop into an orderly end at the next step boundary, with a checkpoint and a
 * final status, so that everything on disk is readable and the run resumable. SIGTERM (the
 * workbench's Terminate, {@code kill}) and SIGINT run this JVM shutdown hook, which asks the loop to
 * stop and waits until it has written its files: the run ends {@code cancelled}. A
 * {@link ParentWatch} asks the same when the process that started the run dies: the run ends
 * {@code interrupted}. SIGKILL cannot be caught; such runs stay {@code running} on disk, and
 * resuming them takes over their stale {@link org.lmworkbench.core.run.RunLock}.
 */
final class CancellationHook implements AutoCloseable {

    private static final long GRACE_SECONDS = 30;

    /** Why the loop was asked to stop: the state to end in and the message for status.json. */
    record Reason(RunState state, String message) {
    }

    private final AtomicBoolean cancel = new AtomicBoolean();
    private final AtomicReference<Reason> reason = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CancellationHook() {
        hook = new Thread(this::onShutdown, "lmw-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The flag the loop polls. */
    AtomicBoolean flag() {
        return cancel;
    }

    /** Asks the loop to stop; the first reason given is the one recorded. */
    void stop(RunState state, String message) {
        reason.compareAndSet(null, new Reason(state, message));
        cancel.set(true);
    }

    /** Why the loop was asked to stop; a plain cancellation if nobody said. */
    Reason reason() {
        Reason r = reason.get();
        return r == null ? new Reason(RunState.CANCELLED, null) : r;
    }

    /** Called by the loop when its files are final; lets a waiting shutdown proceed. */
    void finished() {
        finished.countDown();
    }

    private void onShutdown() {
        stop(RunState.CANCELLED, null);
        try {
            finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes the hook after a normal end (a JVM already shutting down refuses, which is fine). */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running; it returns as soon as finished() was called.
        }
    }
}
