package org.lmworkbench.backend.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lmworkbench.core.slurm.BatchScript;

/**
 * Turns SIGTERM (the workbench's Terminate, {@code kill}) into an orderly end: the JVM runs this
 * shutdown hook, which asks the training loop to stop at the next step boundary and waits until the
 * loop has written its checkpoint and a {@code cancelled} status, so everything on disk is readable.
 * SIGKILL cannot be caught; such runs stay {@code running} on disk and are resumable.
 * <p>
 * In a Slurm job the batch script names an early-stop file in {@value BatchScript#EARLY_STOP_VARIABLE},
 * which appears when the time limit is near; a watcher then asks the loop to stop the same way, and
 * {@link #nearLimit()} tells the run to end {@code interrupted}, to be continued after a requeue.
 */
final class CancellationHook implements AutoCloseable {

    private static final long GRACE_SECONDS = 30;

    /** How often the early-stop file is looked for; a step boundary comes later anyway. */
    private static final long WATCH_MILLIS = 500;

    private final AtomicBoolean cancel = new AtomicBoolean();
    private final AtomicBoolean nearLimit = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private final Thread watcher;

    CancellationHook() {
        hook = new Thread(this::onShutdown, "lmw-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        String stopFile = System.getenv(BatchScript.EARLY_STOP_VARIABLE);
        if (stopFile == null || stopFile.isBlank()) {
            watcher = null;
        } else {
            watcher = new Thread(() -> watch(Path.of(stopFile)), "lmw-early-stop");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    /** True when the loop was asked to stop because the scheduler's time limit is near. */
    boolean nearLimit() {
        return nearLimit.get();
    }

    private void watch(Path stopFile) {
        try {
            while (!cancel.get()) {
                if (Files.exists(stopFile)) {
                    nearLimit.set(true);
                    cancel.set(true);
                    return;
                }
                Thread.sleep(WATCH_MILLIS);
            }
        } catch (InterruptedException e) {
            // closed: the run ended
        }
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
        if (watcher != null) {
            watcher.interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running; it returns as soon as finished() was called.
        }
    }
}
