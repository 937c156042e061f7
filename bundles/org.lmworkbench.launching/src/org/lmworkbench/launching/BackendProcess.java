package org.lmworkbench.launching;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.RuntimeProcess;

/**
 * A backend JVM as the debug framework sees it (Console, Debug view, Terminate).
 * <p>
 * {@link RuntimeProcess#terminate()} sends SIGTERM, waits five seconds and then gives up on the
 * process and closes its streams. The backend answers SIGTERM by finishing what it is doing (a
 * training run writes a checkpoint and {@code cancelled}), which can take longer than that, and
 * its last words belong in the Console. So terminate here only asks: it sends SIGTERM and returns,
 * the streams stay open until the process exits, and only if it is still alive after the grace
 * period is it killed.
 */
public class BackendProcess extends RuntimeProcess {

    /** Value of {@link org.eclipse.debug.core.model.IProcess#ATTR_PROCESS_TYPE} of backend commands. */
    public static final String PROCESS_TYPE = "org.lmworkbench.backend";

    private final Process process;
    private final long graceSeconds;
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    /**
     * Wraps a started backend JVM and adds it to {@code launch}.
     *
     * @param graceSeconds how long the process may take to stop after SIGTERM before it is killed
     */
    public BackendProcess(ILaunch launch, Process process, String label, Map<String, String> attributes,
            long graceSeconds) {
        super(launch, process, label, attributes);
        this.process = process;
        this.graceSeconds = graceSeconds;
    }

    /** True once Terminate was pressed (or the job that waits for the process was cancelled). */
    public boolean isStopRequested() {
        return stopRequested.get();
    }

    /** The exit code, or null while the process runs. */
    public Integer exitCodeOrNull() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** Completes when the operating-system process has exited. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** The operating-system process id, for tools that follow the backend's own files. */
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean canTerminate() {
        return !isTerminated() && process.isAlive();
    }

    @Override
    public void terminate() {
        if (isTerminated() || !process.isAlive() || !stopRequested.compareAndSet(false, true)) {
            return;
        }
        process.destroy(); // SIGTERM: the backend stops at a safe point
        CompletableFuture.delayedExecutor(graceSeconds, TimeUnit.SECONDS).execute(() -> {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        });
    }
}
