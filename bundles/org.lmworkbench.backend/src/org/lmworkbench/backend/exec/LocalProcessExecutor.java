package org.lmworkbench.backend.exec;

import java.io.IOException;
import java.nio.file.Path;
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

/**
 * Runs each request as {@code java -cp <backend> org.lmworkbench.backend.cli.Main resume <run-dir>
 * --quiet ...} on this machine, at most {@code parallel} at a time. The child's standard output and
 * error are appended to the run's {@code log.txt}, so JVM crash reports end up next to the log.
 */
public final class LocalProcessExecutor implements RunExecutor {

    private final int parallel;
    private final String java;
    private final String classpath;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /** An executor running {@code parallel} children at once with this JVM's java and the backend class path. */
    public LocalProcessExecutor(int parallel) {
        this(parallel, Path.of(System.getProperty("java.home"), "bin", "java").toString(), BackendClasspath.current());
    }

    /** An executor with an explicit java launcher and class path. */
    public LocalProcessExecutor(int parallel, String java, String classpath) {
        this.parallel = Math.max(1, parallel);
        this.java = java;
        this.classpath = classpath;
    }

    /** The command line of one child. */
    public List<String> command(RunRequest request) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("-Xmx" + request.jvmMemory());
        if (Runtime.version().feature() >= 21) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        for (String key : new String[] {"ai.djl.offline", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR"}) {
            if (System.getProperty(key) != null) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add("org.lmworkbench.backend.cli.Main");
        cmd.add("resume");
        cmd.add(request.runFolder().toString());
        cmd.add("--quiet");
        cmd.addAll(request.extraArgs());
        return cmd;
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
