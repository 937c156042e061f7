package org.lmworkbench.backend.cli;

import ai.djl.ndarray.NDManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.backend.train.RunControl;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.exec.WorkerProtocol;
import org.lmworkbench.core.exec.WorkerProtocol.Cancel;
import org.lmworkbench.core.exec.WorkerProtocol.Finished;
import org.lmworkbench.core.exec.WorkerProtocol.Quit;
import org.lmworkbench.core.exec.WorkerProtocol.Request;
import org.lmworkbench.core.exec.WorkerProtocol.Train;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;

/**
 * The body of {@code lmw worker}: requests are read on a thread of their own, so that a
 * {@code cancel} reaches the run being trained; runs are trained one after another on the calling
 * thread through {@link ResumeCommand}, the very path of {@code lmw resume}, each with its own
 * {@link RunControl}, its output sent as events (and its error lines added to its log.txt, where a
 * backend process of its own would have them). Whatever a run leaves in libtorch's global settings
 * is reset by the run path itself ({@code Engines.prepareRun}); every native array a run makes
 * belongs to managers the run closes, which the {@code arrays} count of each finished event shows.
 * <p>
 * The worker never outlives its parent: when standard input ends, the run in progress stops at its
 * next step boundary (checkpoint, {@code interrupted}, like a backend process of its own whose
 * parent died) and the worker exits. SIGTERM does the same, ending the run {@code cancelled},
 * through the run's shutdown hook.
 */
final class Worker {

    private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

    private final PrintStream events;
    private final PrintStream diagnostics;
    private final BlockingQueue<Request> work = new LinkedBlockingQueue<>();
    private final Set<String> cancelledEarly = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private String currentRun;
    private RunControl currentControl;
    private volatile boolean closing;
    /** The process that started this worker, captured at once: after its death the worker has another parent. */
    private final Optional<ProcessHandle> parent = ProcessHandle.current().parent();

    /**
     * @param events      where events go (the process's standard output)
     * @param diagnostics where the worker's own problems go (standard error)
     */
    Worker(PrintStream events, PrintStream diagnostics) {
        this.events = events;
        this.diagnostics = diagnostics;
    }

    /** Serves requests from {@code requests} until quit or end of input; returns the exit code. */
    int serve(InputStream requests) {
        try {
            Engines.pytorch();
        } catch (RuntimeException | LinkageError e) {
            diagnostics.println("worker: cannot load the PyTorch engine: " + e);
            return ExitCodes.INTERNAL;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closing = true, "lmw-worker-stop"));
        send(new WorkerProtocol.Ready(ProcessHandle.current().pid()));
        Thread reader = new Thread(() -> read(requests), "lmw-worker-requests");
        reader.setDaemon(true);
        reader.start();
        while (true) {
            Request next;
            try {
                next = work.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.OK;
            }
            if (next instanceof Quit || closing) {
                return ExitCodes.OK;
            }
            if (next instanceof Train train) {
                train(train);
            }
        }
    }

    private void read(InputStream requests) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(requests, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Request request = WorkerProtocol.parseRequest(line);
                    if (request instanceof Cancel cancel) {
                        cancel(cancel.runId());
                    } else {
                        work.add(request);
                    }
                } catch (WorkerProtocol.ProtocolException e) {
                    diagnostics.println("worker: ignored a request: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            diagnostics.println("worker: standard input failed: " + e);
        }
        // No more input: the parent is gone (or closed the pipe). Nothing new starts, the run in
        // progress stops at its next step boundary, and the worker exits.
        closing = true;
        String why = parentEnded() ? "the process that started this run (pid " + parent.get().pid() + ") has ended"
                : "the worker's requests ended (its standard input was closed)";
        synchronized (lock) {
            if (currentControl != null) {
                currentControl.interrupt(why);
            }
        }
        work.clear();
        work.add(new Quit());
    }

    /** True if the parent has ended; its pipe closes as it dies, so it is given a moment to be gone. */
    private boolean parentEnded() {
        if (parent.isEmpty()) {
            return false;
        }
        try {
            parent.get().onExit().get(2, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !parent.get().isAlive();
        } catch (ExecutionException e) {
            return !parent.get().isAlive();
        }
    }

    private void cancel(String runId) {
        synchronized (lock) {
            if (runId.equals(currentRun)) {
                currentControl.cancel();
            } else {
                cancelledEarly.add(runId);
            }
        }
    }

    private void train(Train request) {
        String runId = request.runId();
        long[] lastProgress = {0};
        RunControl control = new RunControl((step, loss) -> {
            long now = System.nanoTime();
            if (now - lastProgress[0] >= PROGRESS_INTERVAL_NANOS) {
                lastProgress[0] = now;
                send(new WorkerProtocol.Progress(runId, step, loss));
            }
        });
        synchronized (lock) {
            currentRun = runId;
            currentControl = control;
            if (cancelledEarly.remove(runId) || closing) {
                control.cancel();
            }
        }
        send(new WorkerProtocol.Started(runId));
        RunDirectory run = new RunDirectory(request.dir());
        List<String> args = new ArrayList<>();
        args.add(request.dir().toString());
        args.addAll(request.args());
        int code;
        try (PrintStream out = new PrintStream(new RunOutput(runId, false, null), true, StandardCharsets.UTF_8);
                PrintStream err = new PrintStream(new RunOutput(runId, true, run), true,
                        StandardCharsets.UTF_8)) {
            code = new ResumeCommand(control).execute(args.toArray(String[]::new), out, err);
        }
        synchronized (lock) {
            currentRun = null;
            currentControl = null;
        }
        RunState state = RunState.FAILED;
        String message = null;
        try {
            RunStatus status = run.readStatus();
            state = status.state();
            message = status.message();
        } catch (IOException | RuntimeException e) {
            message = "status.json cannot be read: " + e.getMessage();
        }
        send(new Finished(runId, state, code, message, openArrays()));
    }

    /** Native arrays alive in this JVM, counted from the root of every manager. */
    private static long openArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            NDManager system = probe.getParentManager();
            return system == null ? -1 : system.getManagedArrays().size();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void send(WorkerProtocol.Event event) {
        String line = WorkerProtocol.encode(event);
        synchronized (events) {
            events.println(line);
            events.flush();
        }
    }

    /** One stream of a run: each line becomes an output event, and error lines also go to its log. */
    private final class RunOutput extends java.io.OutputStream {
        private final String runId;
        private final boolean error;
        private final RunDirectory run;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        RunOutput(String runId, boolean error, RunDirectory run) {
            this.runId = runId;
            this.error = error;
            this.run = run;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                emit();
            } else {
                line.write(b);
            }
        }

        @Override
        public void close() {
            if (line.size() > 0) {
                emit();
            }
        }

        private void emit() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            send(new WorkerProtocol.Output(runId, error, text));
            if (run != null && java.nio.file.Files.isRegularFile(run.specFile())) {
                try {
                    java.nio.file.Files.writeString(run.logFile(), text + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                } catch (IOException e) {
                    // The folder may be gone or unwritable; the line still reached the event stream.
                }
            }
        }
    }
}
