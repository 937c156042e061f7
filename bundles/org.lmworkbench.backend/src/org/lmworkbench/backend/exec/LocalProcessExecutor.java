package org.lmworkbench.backend.exec;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.lmworkbench.core.exec.BackendClassPath;
import org.lmworkbench.core.exec.BackendCommandLine;

/**
 * Runs each request as {@code java -cp <backend> org.lmworkbench.backend.cli.Main resume <run-dir>
 * --quiet ...} on this machine, at most {@code parallel} at a time; the command line is core's
 * {@link BackendCommandLine}, the same the workbench starts backends with. The child's standard
 * output and error are appended to the run's {@code log.txt}, so JVM crash reports end up next to
 * the log.
 */
public final class LocalProcessExecutor implements RunExecutor {

    private final int parallel;
    private final String java;
    private final String classpath;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /**
     * An executor running {@code parallel} children at once with this JVM's java and the class path
     * this backend runs on.
     *
     * @throws IOException when the installed backend's files cannot be found
     */
    public LocalProcessExecutor(int parallel) throws IOException {
        this(parallel, BackendCommandLine.currentJava(), BackendClassPath.of(LocalProcessExecutor.class));
    }

    /** An executor with an explicit java launcher and class path. */
    public LocalProcessExecutor(int parallel, String java, String classpath) {
        this.parallel = Math.max(1, parallel);
        this.java = java;
        this.classpath = classpath;
    }

    /** The command line of one child. */
    public List<String> command(RunRequest request) {
        return BackendCommandLine.builder(classpath)
                .java(java)
                .heap(request.jvmMemory())
                .arguments(List.of("resume", request.runFolder().toString(), "--quiet"))
                .arguments(request.extraArgs())
                .build()
                .command();
    }

    @Override
    public List<RunResult> execute(List<RunRequest> runs, Consumer<RunResult> onFinished) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (RunRequest r : runs) {
                futures.add(pool.submit(() -> {
                    RunResult result = runOne(r);
                    onFinished.accept(result);
                    return result;
                }));
            }
            List<RunResult> results = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("executor thread failed", e.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            close();
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private RunResult runOne(RunRequest request) throws InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command(request));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(request.runFolder().resolve("log.txt").toFile()));
        int code;
        try {
            Process process = builder.start();
            running.add(process);
            try {
                code = process.waitFor();
            } finally {
                running.remove(process);
            }
        } catch (IOException e) {
            code = 1;
        }
        return new RunResult(request, code, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void close() {
        // SIGTERM: each child writes a cancelled status and its checkpoint before it exits.
        running.forEach(Process::destroy);
    }
}
