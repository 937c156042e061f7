package org.lmworkbench.core.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;

/**
 * Trains runs on this machine in K long-lived backend workers ({@code lmw worker}), so that a sweep
 * pays for JVM start, class loading and the libtorch load K times instead of once per run. Each
 * worker trains one run at a time through the backend's {@code resume} path; runs are taken in
 * submission order by whichever worker is free.
 * <p>
 * Isolation stays where it matters. A run that crashes its worker (native crash, out of memory,
 * killed) ends {@code failed} with the reason (exit code or signal, the JVM's crash report moved into
 * the run's folder, the last lines of output), the worker is replaced, and the other runs go on; a
 * diverged run ends like any other. {@link #cancel(String)} stops one run at a step boundary
 * ({@code cancelled}, checkpoint written) without touching its neighbours, and a worker that does not
 * manage within the grace period is killed. Workers exit when their parent dies (their input ends).
 * <p>
 * How a worker process is started is the caller's: the command line starts a plain process, the
 * workbench starts it through its launch so that it shows in the Debug view.
 */
public final class WorkerPool implements AutoCloseable {

    /** Starts one worker process ({@code lmw worker}) with pipes for its standard streams. */
    @FunctionalInterface
    public interface Launcher {
        /**
         * @param heap       maximum heap ({@code -Xmx} syntax), blank for the default
         * @param jvmOptions options the pool needs on the worker's JVM (crash report location, ...)
         * @return the started process
         * @throws IOException when it cannot be started
         */
        Process start(String heap, List<String> jvmOptions) throws IOException;
    }

    /** Hears about the runs; called from the pool's threads. */
    public interface Listener {
        /** {@code task} was handed to a worker. */
        default void assigned(WorkerTask task, long workerPid) {
        }

        /** A line of the run's output ({@code error} for its error stream and the worker's own). */
        default void output(WorkerTask task, boolean error, String line) {
        }

        /** The run has completed {@code step} steps (reported a few times a second at most). */
        default void progress(WorkerTask task, long step, double loss) {
        }

        /** The run ended; called exactly once per submitted task. */
        void finished(WorkerTask task, RunEnd end);
    }

    /** Message of a run cancelled before any worker took it. */
    public static final String CANCELLED_BEFORE_START = "cancelled before it started";

    private static final long QUIT_WAIT_SECONDS = 60;

    private final int parallel;
    private final Launcher launcher;
    private final Listener listener;
    private final Duration cancelGrace;
    private final List<String> jvmOptions;
    private final ClassDataSharing sharing;
    private final Path scratch;
    private final Deque<WorkerTask> queue = new ArrayDeque<>();
    /** Runs taken by a slot, with their worker once they have one. */
    private final Map<String, BackendWorker> training = new HashMap<>();
    private final java.util.Set<String> cancelRequests = new java.util.HashSet<>();
    private final List<Thread> slots = new ArrayList<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private boolean shutdown;
    private int busySlots;

    /**
     * @param parallel    at most this many workers at a time (at least 1)
     * @param launcher    starts a worker process
     * @param listener    hears about every run
     * @param cancelGrace how long a cancelled run may take to reach a step boundary before its worker is killed
     * @param sharing     the class-data-sharing archive of the workers, or {@link ClassDataSharing#none()}
     * @throws IOException when the pool's scratch folder cannot be made
     */
    public WorkerPool(int parallel, Launcher launcher, Listener listener, Duration cancelGrace,
            ClassDataSharing sharing) throws IOException {
        this.parallel = Math.max(1, parallel);
        this.launcher = launcher;
        this.listener = listener;
        this.cancelGrace = cancelGrace;
        this.sharing = sharing;
        this.scratch = Files.createTempDirectory("lmw-workers-");
        List<String> options = new ArrayList<>();
        // Crash reports go where the pool finds them and moves them into the crashed run's folder; a
        // worker is a long-lived JVM that holds libtorch, so a core dump would be huge and is not made.
        options.add("-XX:ErrorFile=" + scratch.resolve("hs_err_pid%p.log"));
        options.add("-XX:-CreateCoredumpOnCrash");
        // After an OutOfMemoryError the JVM (and libtorch's state in it) cannot be trusted for the
        // next run: the worker exits, its run fails with the reason, and a fresh worker takes over.
        options.add("-XX:+ExitOnOutOfMemoryError");
        this.jvmOptions = List.copyOf(options);
    }

    /** Queues a run; a worker takes it when one is free. */
    public void submit(WorkerTask task) {
        synchronized (this) {
            if (shutdown) {
                throw new IllegalStateException("the pool takes no more runs");
            }
            queue.addLast(task);
            if (slots.size() < parallel && busySlots + queue.size() > slots.size()) {
                Thread slot = new Thread(this::serveSlot, "lmw-worker-slot-" + slots.size());
                slot.setDaemon(true);
                slots.add(slot);
                slot.start();
            }
            notifyAll();
        }
    }

    /** No more runs will be submitted: each worker quits once the queue is empty. */
    public void shutdown() {
        synchronized (this) {
            shutdown = true;
            notifyAll();
            if (slots.isEmpty()) {
                terminated.complete(null);
            }
        }
    }

    /**
     * Cancels run {@code runId}: a queued run is marked {@code cancelled} and never starts; a running
     * one stops at its next step boundary, and its worker is killed if it has not after the grace period.
     *
     * @return false if the pool does not know the run (any more)
     */
    public boolean cancel(String runId) {
        WorkerTask dropped = null;
        BackendWorker worker;
        synchronized (this) {
            for (Iterator<WorkerTask> it = queue.iterator(); it.hasNext();) {
                WorkerTask task = it.next();
                if (task.runId().equals(runId)) {
                    it.remove();
                    dropped = task;
                    break;
                }
            }
            if (dropped == null) {
                if (!training.containsKey(runId)) {
                    return false;
                }
                // Taken by a slot; if it has no worker yet, the slot passes the request on.
                cancelRequests.add(runId);
            }
            worker = training.get(runId);
        }
        if (dropped != null) {
            listener.finished(dropped, cancelledBeforeStart(dropped));
        } else if (worker != null) {
            requestCancel(worker, runId);
        }
        return true;
    }

    private void requestCancel(BackendWorker worker, String runId) {
        worker.cancel(runId);
        CompletableFuture.delayedExecutor(cancelGrace.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (worker.isTraining(runId)) {
                worker.kill();
            }
        });
    }

    /** Cancels every queued run. */
    public void cancelQueued() {
        List<WorkerTask> dropped;
        synchronized (this) {
            dropped = new ArrayList<>(queue);
            queue.clear();
        }
        for (WorkerTask task : dropped) {
            listener.finished(task, cancelledBeforeStart(task));
        }
    }

    /** Cancels every run, queued or running. */
    public void cancelAll() {
        cancelQueued();
        List<String> running;
        synchronized (this) {
            running = new ArrayList<>(training.keySet());
        }
        running.forEach(this::cancel);
    }

    /** Completes when the pool is shut down and every worker has been told to quit. */
    public CompletableFuture<Void> onTermination() {
        return terminated;
    }

    /**
     * Cancels everything, waits up to the grace period for the runs to stop and the workers to exit,
     * and deletes the scratch folder when nothing is left in it.
     */
    @Override
    public void close() {
        cancelAll();
        shutdown();
        try {
            terminated.get(cancelGrace.toMillis() + TimeUnit.SECONDS.toMillis(5), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Workers still alive end when their input closes with this process.
        }
        try {
            Files.deleteIfExists(scratch);
        } catch (IOException e) {
            // A crash report of an idle worker stays for the user to read.
        }
    }

    private void serveSlot() {
        BackendWorker worker = null;
        try {
            WorkerTask task;
            while ((task = next()) != null) {
                RunEnd end;
                try {
                    if (worker == null || !worker.isAlive() || !worker.heap().equals(task.heap())) {
                        retire(worker);
                        worker = null;
                        worker = startWorker(task.heap());
                    }
                    boolean cancelled;
                    synchronized (this) {
                        training.put(task.runId(), worker);
                        cancelled = cancelRequests.contains(task.runId());
                    }
                    if (cancelled) {
                        requestCancel(worker, task.runId());
                    }
                    listener.assigned(task, worker.pid());
                    end = worker.train(task, listener);
                } catch (IOException e) {
                    end = WorkerDeath.fail(task, "no backend worker could be started: " + e.getMessage(), false,
                            Instant.now());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    end = WorkerDeath.fail(task, "interrupted", true, Instant.now());
                } catch (RuntimeException e) {
                    // A listener's failure must not leave the run without an end, nor the pool without this slot.
                    end = WorkerDeath.fail(task, "the run could not be handed to a worker: " + e, false, Instant.now());
                } finally {
                    synchronized (this) {
                        training.remove(task.runId());
                        cancelRequests.remove(task.runId());
                        busySlots--;
                    }
                }
                listener.finished(task, end);
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
        } finally {
            retire(worker);
            synchronized (this) {
                slots.remove(Thread.currentThread());
                if (slots.isEmpty() && shutdown) {
                    terminated.complete(null);
                }
            }
        }
    }

    private BackendWorker startWorker(String heap) throws IOException {
        ClassDataSharing.Session session = sharing.session();
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(session.jvmOptions());
        Process process;
        try {
            process = launcher.start(heap, options);
        } catch (IOException | RuntimeException e) {
            session.exited(-1);
            throw e;
        }
        process.onExit().thenAccept(p -> session.exited(p.exitValue()));
        return new BackendWorker(process, heap, scratch);
    }

    /** The next run, waiting while the queue is empty; null once the pool is shut down and drained. */
    private synchronized WorkerTask next() {
        while (queue.isEmpty() && !shutdown) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        WorkerTask task = queue.pollFirst();
        if (task != null) {
            busySlots++;
            training.put(task.runId(), null);
        }
        return task;
    }

    private static void retire(BackendWorker worker) {
        if (worker == null) {
            return;
        }
        worker.quit();
        try {
            // A worker that writes a class-data archive on exit takes a moment; wait so it is complete.
            if (!worker.awaitExit(QUIT_WAIT_SECONDS)) {
                worker.kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.kill();
        }
    }

    private static RunEnd cancelledBeforeStart(WorkerTask task) {
        RunDirectory run = new RunDirectory(task.runFolder());
        try {
            RunStatus status = run.readStatus();
            if (!status.state().isTerminal()) {
                run.writeStatus(status.ended(RunState.CANCELLED, Instant.now(), CANCELLED_BEFORE_START));
            }
        } catch (IOException | RuntimeException e) {
            // The folder may be gone; the run did not start either way.
        }
        return new RunEnd(RunState.CANCELLED, RunEnd.exitCode(RunState.CANCELLED), CANCELLED_BEFORE_START);
    }
}
