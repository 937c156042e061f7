package org.lmworkbench.backend.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns SIGTERM (the workbench's Terminate, {@code kill}) into an orderly end: the JVM runs this
 * shutdown hook, which asks the training loop to stop at the next step boundary and waits until the
 * loop has written its checkpoint and a {@code cancelled} status, so everything on disk is readable.
 * SIGKILL cannot be caught; such runs stay {@code running} on disk and are resumable.
 */
final class CancellationHook implements AutoCloseable {

    private static final long GRACE_SECONDS = 30;

    private final AtomicBoolean cancel;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    /** A hook that raises {@code cancel}, the flag of the run being trained. */
    CancellationHook(AtomicBoolean cancel) {
        this.cancel = cancel;
        hook = new Thread(this::onShutdown, "lmw-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The flag the loop polls. */
    AtomicBoolean flag() {
        return cancel;
    }

    /** Called by the loop when its files are final; lets a waiting shutdown proceed. */
    void finished() {
        finished.countDown();
    }

    private void onShutdown() {
        cancel.set(true);
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
