package org.lmworkbench.launching;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    /** Time an analysis command gets to stop after Terminate before it is killed. */
    private static final long GRACE_SECONDS = 10;

    /*
     * The superclass constructor adds this process to its launch, and from then on the Console or
     * the Debug view may call canTerminate() or terminate() before a field of this class is
     * assigned; the superclass in turn forgets the system process once it has seen it end. So the
     * process is read from here when set, else from the superclass, and the flag is a primitive.
     */
    private volatile Process system;
    private volatile boolean stopRequested;

    /** Wraps a started backend JVM and adds it to {@code launch}. */
    public BackendProcess(ILaunch launch, Process process, String label, Map<String, String> attributes) {
        super(launch, process, label, attributes);
        this.system = process;
    }

    private Process system() {
        Process process = system;
        return process != null ? process : getSystemProcess();
    }

    /** How long the process may take to stop after SIGTERM before it is killed. */
    protected long graceSeconds() {
        return GRACE_SECONDS;
    }

    /** True once Terminate was pressed (or the job that waits for the process was cancelled). */
    public boolean isStopRequested() {
        return stopRequested;
    }

    /** The exit code, or null while the process runs. */
    public Integer exitCodeOrNull() {
        Process process = system();
        return process.isAlive() ? null : process.exitValue();
    }

    /** Completes when the operating-system process has exited. */
    public CompletableFuture<Process> onExit() {
        return system().onExit();
    }

    @Override
    public boolean canTerminate() {
        return !isTerminated() && system().isAlive();
    }

    @Override
    public void terminate() {
        Process process = system();
        synchronized (this) {
            if (isTerminated() || !process.isAlive() || stopRequested) {
                return;
            }
            stopRequested = true;
        }
        process.destroy(); // SIGTERM: the backend stops at a safe point
        CompletableFuture.delayedExecutor(graceSeconds(), TimeUnit.SECONDS).execute(() -> {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        });
    }
}
