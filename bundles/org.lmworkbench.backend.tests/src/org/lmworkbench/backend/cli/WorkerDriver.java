package org.lmworkbench.backend.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.lmworkbench.core.exec.BackendClassPath;
import org.lmworkbench.core.exec.BackendCommandLine;
import org.lmworkbench.core.exec.WorkerProtocol;
import org.lmworkbench.core.exec.WorkerProtocol.Event;
import org.lmworkbench.core.exec.WorkerProtocol.Finished;
import org.lmworkbench.core.exec.WorkerProtocol.Progress;

/** Test helper: one {@code lmw worker} child process, driven through the protocol by hand. */
final class WorkerDriver implements AutoCloseable {

    private static final int TIMEOUT_SECONDS = 300;

    private final Process process;
    private final Writer requests;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final StringBuilder stray = new StringBuilder();

    private WorkerDriver(Process process) {
        this.process = process;
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Event e = WorkerProtocol.parseEvent(line);
                    if (e == null) {
                        synchronized (stray) {
                            stray.append(line).append('\n');
                        }
                    } else {
                        events.add(e);
                    }
                }
            } catch (IOException e) {
                // the worker is gone
            }
        }, "test-worker-events");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a worker with the backend's class path; its standard error goes to {@code log}. */
    static WorkerDriver start(Path log) throws IOException {
        BackendCommandLine line = BackendCommandLine.builder(BackendClassPath.of(Main.class))
                .arguments(List.of(WorkerProtocol.COMMAND)).build();
        return new WorkerDriver(line.processBuilder(null).redirectError(log.toFile()).start());
    }

    Process process() {
        return process;
    }

    /** Waits for the ready event and returns the worker's pid. */
    long awaitReady() throws Exception {
        WorkerProtocol.Ready ready = (WorkerProtocol.Ready) next(e -> e instanceof WorkerProtocol.Ready);
        return ready.pid();
    }

    void send(WorkerProtocol.Request request) throws IOException {
        requests.write(WorkerProtocol.encode(request) + "\n");
        requests.flush();
    }

    /** Trains a folder and waits for its end; {@code cancelWhen} decides from progress when to cancel it. */
    Finished train(String runId, Path dir, Predicate<Progress> cancelWhen) throws Exception {
        send(new WorkerProtocol.Train(runId, dir, List.of()));
        boolean cancelled = false;
        while (true) {
            Event e = next(x -> true);
            if (e instanceof Progress p && p.runId().equals(runId) && !cancelled && cancelWhen.test(p)) {
                send(new WorkerProtocol.Cancel(runId));
                cancelled = true;
            }
            if (e instanceof Finished f && f.runId().equals(runId)) {
                return f;
            }
        }
    }

    private Event next(Predicate<Event> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no event from the worker in " + TIMEOUT_SECONDS + " s; alive: "
                        + process.isAlive() + "; stray output: " + stray);
            }
            if (wanted.test(e)) {
                return e;
            }
        }
    }

    /** Lines on standard output that were not events. */
    String strayOutput() {
        synchronized (stray) {
            return stray.toString();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            send(new WorkerProtocol.Quit());
            requests.close();
        } catch (IOException e) {
            // gone already
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
