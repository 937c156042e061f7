package org.lmworkbench.core.exec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.lmworkbench.core.exec.WorkerProtocol.Event;
import org.lmworkbench.core.exec.WorkerProtocol.Finished;
import org.lmworkbench.core.exec.WorkerProtocol.Output;
import org.lmworkbench.core.exec.WorkerProtocol.Progress;

/**
 * The parent's side of one {@code lmw worker} process: it sends requests, reads events on one
 * thread and the worker's standard error on another, and turns the end of each run, orderly or
 * not, into a {@link RunEnd}. The worker's own error output (JVM warnings, a crash notice) and any
 * stray line on its standard output belong to the run it is training: they go to that run's
 * listener and log.txt, and the last lines are kept to explain a death.
 */
final class BackendWorker {

    private static final int TAIL_LINES = 20;
    private static final long EXIT_WAIT_SECONDS = 30;

    /** A run sent to the worker, until its end is known. */
    private static final class Assignment {
        final WorkerTask task;
        final WorkerPool.Listener listener;
        final CompletableFuture<RunEnd> end = new CompletableFuture<>();
        final Instant sent = Instant.now().minusMillis(1);
        volatile boolean cancelRequested;
        volatile String lastError;

        Assignment(WorkerTask task, WorkerPool.Listener listener) {
            this.task = task;
            this.listener = listener;
        }
    }

    private final Process process;
    private final String heap;
    private final Path scratch;
    private final Writer requests;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Object lock = new Object();
    private final java.util.Set<String> cancels = new java.util.HashSet<>();
    private final Thread errorReader;
    private final Thread eventReader;
    private Assignment current;
    private boolean eventsEnded;

    /**
     * Takes over a started worker process.
     *
     * @param heap    the heap it was started with, for matching runs to workers
     * @param scratch folder its crash reports are written to ({@code -XX:ErrorFile})
     */
    BackendWorker(Process process, String heap, Path scratch) {
        this.process = process;
        this.heap = heap;
        this.scratch = scratch;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.errorReader = daemon("lmw-worker-stderr-" + process.pid(), () -> readErrors(process.getErrorStream()));
        this.eventReader = daemon("lmw-worker-events-" + process.pid(), () -> readEvents(process.getInputStream()));
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    long pid() {
        return process.pid();
    }

    String heap() {
        return heap;
    }

    /** True while the worker can take a run. */
    boolean isAlive() {
        synchronized (lock) {
            return process.isAlive() && !eventsEnded;
        }
    }

    /**
     * Trains {@code task} and waits for its end: the worker's report, or the worker's death (then the
     * run is marked {@code failed} with the reason, unless it recorded an end itself).
     */
    RunEnd train(WorkerTask task, WorkerPool.Listener listener) throws InterruptedException {
        Assignment assignment = new Assignment(task, listener);
        boolean dead;
        synchronized (lock) {
            current = assignment;
            assignment.cancelRequested = cancels.remove(task.runId());
            dead = eventsEnded;
        }
        try {
            if (dead) {
                assignment.end.complete(death(assignment));
            } else {
                send(WorkerProtocol.encode(new WorkerProtocol.Train(task.runId(), task.runFolder(), task.args())));
            }
            return assignment.end.get();
        } catch (ExecutionException e) {
            return WorkerDeath.fail(task, "the worker's report could not be read: " + e.getCause(), false,
                    assignment.sent);
        } finally {
            synchronized (lock) {
                current = null;
            }
        }
    }

    /**
     * Asks the worker to stop {@code runId} at its next step boundary. The request may come before
     * the run was sent: the worker then stops it as soon as it starts it.
     */
    void cancel(String runId) {
        synchronized (lock) {
            cancels.add(runId);
            if (current != null && current.task.runId().equals(runId)) {
                current.cancelRequested = true;
            }
        }
        send(WorkerProtocol.encode(new WorkerProtocol.Cancel(runId)));
    }

    /** True while the worker trains {@code runId}. */
    boolean isTraining(String runId) {
        synchronized (lock) {
            return current != null && current.task.runId().equals(runId) && !current.end.isDone();
        }
    }

    /** Tells the worker to exit once idle and closes its input. */
    void quit() {
        send(WorkerProtocol.encode(new WorkerProtocol.Quit()));
        try {
            requests.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    /** Kills the worker (SIGKILL); the run it trains ends through {@link #train}. */
    void kill() {
        process.destroyForcibly();
    }

    /** Waits up to {@code seconds} for the process to exit. */
    boolean awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    private void send(String line) {
        synchronized (requests) {
            try {
                requests.write(line);
                requests.write('\n');
                requests.flush();
            } catch (IOException e) {
                // The worker is gone; its death is handled when its output ends.
            }
        }
    }

    private void readEvents(InputStream stdout) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Event event = WorkerProtocol.parseEvent(line);
                Assignment assignment;
                synchronized (lock) {
                    assignment = current;
                }
                if (event == null) {
                    // Native code may print to standard output; such a line belongs to the run.
                    workerLine(line, assignment);
                } else if (assignment != null) {
                    handle(event, assignment);
                }
            }
        } catch (IOException e) {
            // The pipe broke: same as the end of output.
        }
        Assignment assignment;
        synchronized (lock) {
            eventsEnded = true;
            assignment = current;
        }
        if (assignment != null && !assignment.end.isDone()) {
            assignment.end.complete(death(assignment));
        }
    }

    private void handle(Event event, Assignment a) {
        try {
            dispatch(event, a);
        } catch (RuntimeException e) {
            // A listener's failure must not stop the reading of the worker's events.
            synchronized (tail) {
                tail.addLast("listener failed: " + e);
            }
        }
    }

    private void dispatch(Event event, Assignment a) {
        String runId = a.task.runId();
        switch (event) {
            case Output o when o.runId().equals(runId) -> {
                if (o.error() && !o.text().isBlank()) {
                    a.lastError = o.text();
                }
                a.listener.output(a.task, o.error(), o.text());
            }
            case Progress p when p.runId().equals(runId) -> a.listener.progress(a.task, p.step(), p.loss());
            case Finished f when f.runId().equals(runId) -> {
                String message = f.message() != null ? f.message() : f.code() == 0 ? null : a.lastError;
                a.end.complete(new RunEnd(f.state(), f.code(), message));
            }
            default -> {
                // ready, started, or an event of a run this side no longer waits for
            }
        }
    }

    private void readErrors(InputStream stderr) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Assignment assignment;
                synchronized (lock) {
                    assignment = current;
                }
                workerLine(line, assignment);
            }
        } catch (IOException e) {
            // The pipe broke: nothing more to read.
        }
    }

    /** A line of the worker's own output: kept for a death report and given to the run it trains. */
    private void workerLine(String line, Assignment assignment) {
        synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
        if (assignment != null && !assignment.end.isDone()) {
            appendToLog(assignment.task, line);
            try {
                assignment.listener.output(assignment.task, true, line);
            } catch (RuntimeException e) {
                // The line is in the run's log; the listener's failure must not stop the reading.
            }
        }
    }

    private static void appendToLog(WorkerTask task, String line) {
        try {
            Files.writeString(task.runFolder().resolve("log.txt"), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The run folder may be gone; the listener has the line.
        }
    }

    /** The end of a run whose worker died before reporting it. */
    private RunEnd death(Assignment assignment) {
        Integer exitCode = null;
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                // Output closed but the process lingers: it cannot train anything any more.
                process.destroyForcibly();
                process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            }
            exitCode = process.isAlive() ? null : process.exitValue();
            errorReader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> lastLines;
        synchronized (tail) {
            lastLines = new ArrayList<>(tail);
        }
        String reason = WorkerDeath.describe(process.pid(), exitCode, lastLines, heap);
        Path report = WorkerDeath.moveCrashReport(scratch, process.pid(), assignment.task.runFolder());
        if (report != null) {
            reason += "; crash report: " + report;
        }
        return WorkerDeath.fail(assignment.task, reason, assignment.cancelRequested, assignment.sent);
    }
}
