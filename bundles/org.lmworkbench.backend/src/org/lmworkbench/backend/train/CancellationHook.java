package org.lmworkbench.backend.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.slurm.BatchScript;

/**
 * Turns requests to stop into an orderly end at the next step boundary, with a checkpoint and a
 * final status, so that everything on disk is readable and the run resumable. SIGTERM (the
 * workbench's Terminate, {@code kill}, scancel) and SIGINT run this JVM shutdown hook, which asks the
 * loop to stop and waits until it has written its files: the run ends {@code cancelled}. A
 * {@link ParentWatch} asks the same when the process that started the run dies: the run ends
 * {@code interrupted}. SIGKILL cannot be caught; such runs stay {@code running} on disk, and
 * resuming them takes over their stale {@link org.lmworkbench.core.run.RunLock}.
 * <p>
 * In a Slurm job the batch script names an early-stop file in {@value BatchScript#EARLY_STOP_VARIABLE},
 * which appears when the time limit is near; a watcher then asks the loop to stop, and the run ends
 * {@code interrupted}, to be continued after a requeue.
 */
final class CancellationHook implements AutoCloseable {

    private static final long GRACE_SECONDS = 30;

    /** How often the early-stop file is looked for; a step boundary comes later anyway. */
    private static final long WATCH_MILLIS = 500;

    /** The reason recorded when the early-stop file appears. */
    static final String NEAR_LIMIT = "the scheduler's time limit is near";

    /** Why the loop was asked to stop: the state to end in and the message for status.json. */
    record Reason(RunState state, String message) {
    }

    private final AtomicBoolean cancel;
    private final AtomicReference<Reason> reason = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private final Thread watcher;

    /** A hook that raises {@code cancel}, the flag of the run being trained. */
    CancellationHook(AtomicBoolean cancel) {
        this.cancel = cancel;
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

    private void watch(Path stopFile) {
        try {
            while (!cancel.get()) {
                if (Files.exists(stopFile)) {
                    stop(RunState.INTERRUPTED, NEAR_LIMIT);
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
