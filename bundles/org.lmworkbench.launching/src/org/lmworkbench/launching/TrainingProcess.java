package org.lmworkbench.launching;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.RuntimeProcess;
import org.lmworkbench.core.run.RunDirectory;

/**
 * The backend JVM of one run as the debug framework sees it (Console, Debug view, Terminate).
 * <p>
 * {@link RuntimeProcess#terminate()} sends SIGTERM, waits five seconds and then gives up on the
 * process and closes its streams. The backend answers SIGTERM by finishing the current step,
 * writing a checkpoint and {@code cancelled}, which can take longer than that on a big model, and
 * its last words ("cancelled at step ...") belong in the Console. So terminate here only asks: it
 * sends SIGTERM and returns, the streams stay open until the process exits, and only if it is still
 * alive after {@link #GRACE_SECONDS} is it killed.
 */
public final class TrainingProcess extends RuntimeProcess {

    /** Process attribute: absolute path of the run folder this process trains. */
    public static final String ATTR_RUN_FOLDER = "org.lmworkbench.launching.runFolder";
    /** Value of {@link org.eclipse.debug.core.model.IProcess#ATTR_PROCESS_TYPE}. */
    public static final String PROCESS_TYPE = "org.lmworkbench.training";

    /** Time the backend gets to reach a step boundary and write its checkpoint. */
    static final long GRACE_SECONDS = 60;

    private final Process process;
    private final RunDirectory run;
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    TrainingProcess(ILaunch launch, Process process, String label, Map<String, String> attributes, RunDirectory run) {
        super(launch, process, label, attributes);
        this.process = process;
        this.run = run;
    }

    /** The run folder this process trains. */
    public RunDirectory run() {
        return run;
    }

    /** True once Terminate was pressed (or the run's progress entry cancelled). */
    public boolean isStopRequested() {
        return stopRequested.get();
    }

    /** The exit code, or null while the process runs. */
    Integer exitCodeOrNull() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** Completes when the operating-system process has exited. */
    CompletableFuture<Process> onExit() {
        return process.onExit();
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
        process.destroy(); // SIGTERM: the backend stops at a step boundary and writes "cancelled"
        CompletableFuture.delayedExecutor(GRACE_SECONDS, TimeUnit.SECONDS).execute(() -> {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        });
    }
}
