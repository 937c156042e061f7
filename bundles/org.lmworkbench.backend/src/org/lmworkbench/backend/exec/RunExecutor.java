package org.lmworkbench.backend.exec;

import java.util.List;
import java.util.function.Consumer;

/**
 * Executes the runs of a sweep, each through the backend's {@code resume} path and outside the
 * calling JVM, so that a crash, an out-of-memory error or a divergence stays in that run; a run that
 * fails never stops the others. {@link WorkerPoolExecutor} trains them on this machine in K
 * long-lived backend workers; {@link SlurmExecutor} submits one job array whose tasks train their
 * run folders with {@code resume <run-dir>} on a shared file system.
 */
public interface RunExecutor extends AutoCloseable {

    /**
     * Runs every request to its end and returns the results in request order.
     *
     * @param onFinished called (from any thread) as each run ends, for progress output
     * @throws InterruptedException if the calling thread is interrupted; running children are stopped
     */
    List<RunResult> execute(List<RunRequest> runs, Consumer<RunResult> onFinished) throws InterruptedException;

    /** Stops anything still running. */
    @Override
    void close();
}
