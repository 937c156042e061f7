package org.lmworkbench.backend.exec;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.lmworkbench.core.exec.BackendClassPath;
import org.lmworkbench.core.exec.BackendCommandLine;
import org.lmworkbench.core.exec.ClassDataSharing;
import org.lmworkbench.core.exec.RunEnd;
import org.lmworkbench.core.exec.WorkerPool;
import org.lmworkbench.core.exec.WorkerProtocol;
import org.lmworkbench.core.exec.WorkerTask;

/**
 * Runs the requests on this machine in at most {@code parallel} long-lived backend workers (core's
 * {@link WorkerPool}): each worker JVM loads the engine once and trains runs one after another
 * through the backend's {@code resume} path. The worker command line is core's
 * {@link BackendCommandLine}, the same the workbench starts backends with. A run's output goes to its
 * {@code log.txt}; a run that crashes its worker fails with the reason and the others go on.
 */
public final class WorkerPoolExecutor implements RunExecutor {

    /** How long a cancelled run may take to reach a step boundary and write its checkpoint. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(60);

    private final int parallel;
    private final String java;
    private final String classpath;
    private volatile WorkerPool pool;

    /**
     * An executor with this JVM's java and the class path this backend runs on.
     *
     * @throws IOException when the installed backend's files cannot be found
     */
    public WorkerPoolExecutor(int parallel) throws IOException {
        this(parallel, BackendCommandLine.currentJava(), BackendClassPath.of(WorkerPoolExecutor.class));
    }

    /** An executor with an explicit java launcher and class path. */
    public WorkerPoolExecutor(int parallel, String java, String classpath) {
        this.parallel = Math.max(1, parallel);
        this.java = java;
        this.classpath = classpath;
    }

    /** The command line of one worker. */
    public List<String> command(String heap, List<String> jvmOptions) {
        BackendCommandLine.Builder line = BackendCommandLine.builder(classpath).java(java).heap(heap);
        jvmOptions.forEach(line::jvmOption);
        return line.arguments(List.of(WorkerProtocol.COMMAND)).build().command();
    }

    @Override
    public List<RunResult> execute(List<RunRequest> runs, Consumer<RunResult> onFinished) throws InterruptedException {
        Map<String, RunRequest> requests = new ConcurrentHashMap<>();
        Map<String, Long> started = new ConcurrentHashMap<>();
        Map<String, RunResult> results = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(runs.size());
        WorkerPool.Listener listener = new WorkerPool.Listener() {
            @Override
            public void assigned(WorkerTask task, long workerPid) {
                started.put(task.runId(), System.nanoTime());
            }

            @Override
            public void finished(WorkerTask task, RunEnd end) {
                long start = started.getOrDefault(task.runId(), System.nanoTime());
                RunResult result = new RunResult(requests.get(task.runId()), end.exitCode(),
                        Duration.ofNanos(System.nanoTime() - start), end.message());
                results.put(task.runId(), result);
                onFinished.accept(result);
                done.countDown();
            }
        };
        WorkerPool workers;
        try {
            workers = new WorkerPool(parallel, this::start, listener, CANCEL_GRACE,
                    ClassDataSharing.forWorkers(java, classpath));
        } catch (IOException e) {
            throw new IllegalStateException("cannot set up the backend workers: " + e.getMessage(), e);
        }
        pool = workers;
        try {
            for (RunRequest r : runs) {
                requests.put(r.runId(), r);
                workers.submit(new WorkerTask(r.runId(), r.runFolder(), r.extraArgs(), r.jvmMemory()));
            }
            workers.shutdown();
            done.await();
            workers.onTermination().join();
        } catch (InterruptedException e) {
            close();
            throw e;
        }
        List<RunResult> ordered = new ArrayList<>();
        for (RunRequest r : runs) {
            ordered.add(results.get(r.runId()));
        }
        return ordered;
    }

    private Process start(String heap, List<String> jvmOptions) throws IOException {
        return new ProcessBuilder(command(heap, jvmOptions)).start();
    }

    /** Cancels every run (each stops at a step boundary with a checkpoint) and lets the workers exit. */
    @Override
    public void close() {
        WorkerPool workers = pool;
        if (workers != null) {
            workers.close();
        }
    }
}
