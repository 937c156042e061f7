package org.lmworkbench.launching;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.launching.internal.LaunchingPlugin;

/**
 * One training run of a launch as the debug framework sees it: its own Console page (the run's
 * output, from the backend worker that trains it), its own entry in the Debug view and its own
 * Terminate, which asks the worker to stop this run at the next step boundary (checkpoint,
 * {@code cancelled}) without touching the other runs; a worker that has not managed within
 * {@link #GRACE_SECONDS} is killed. The exit value is the run's exit code as {@code lmw resume}
 * would have ended: 0 completed, 3 diverged, 143 cancelled, 1 failed, 2 invalid input.
 */
public final class TrainingProcess extends PlatformObject implements IProcess {

    /** Process attribute: absolute path of the run folder this process trains. */
    public static final String ATTR_RUN_FOLDER = "org.lmworkbench.launching.runFolder";
    /** Value of {@link IProcess#ATTR_PROCESS_TYPE}. */
    public static final String PROCESS_TYPE = "org.lmworkbench.training";

    /** Time a run gets to reach a step boundary and write its checkpoint. */
    static final long GRACE_SECONDS = 60;

    private final ILaunch launch;
    private final String label;
    private final Map<String, String> attributes = new ConcurrentHashMap<>();
    private final RunStreams streams = new RunStreams();
    private final Runnable cancel;
    private final CompletableFuture<TrainingProcess> exit = new CompletableFuture<>();
    private volatile boolean stopRequested;
    private volatile int exitValue;

    /**
     * Adds the run to {@code launch}.
     *
     * @param cancel asks the run's worker to stop it
     */
    TrainingProcess(ILaunch launch, String label, Map<String, String> initialAttributes, Runnable cancel) {
        this.launch = launch;
        this.label = label;
        this.cancel = cancel;
        attributes.putAll(initialAttributes);
        attributes.put(ATTR_PROCESS_TYPE, PROCESS_TYPE);
        launch.addProcess(this);
        fire(DebugEvent.CREATE);
    }

    /** The run folder this process trains. */
    public RunDirectory run() {
        return new RunDirectory(Path.of(getAttribute(ATTR_RUN_FOLDER)));
    }

    /** True once Terminate was pressed (or the run's progress entry was cancelled). */
    public boolean isStopRequested() {
        return stopRequested;
    }

    /** The exit code, or null while the run trains. */
    public Integer exitCodeOrNull() {
        return exit.isDone() ? exitValue : null;
    }

    /** Completes when the run has ended. */
    public CompletableFuture<TrainingProcess> onExit() {
        return exit;
    }

    /** A line of the run's output. */
    void output(boolean error, String line) {
        streams.line(error, line);
    }

    /** The run ended with {@code code}. */
    void ended(int code) {
        exitValue = code;
        if (exit.complete(this)) {
            setAttribute(DebugPlugin.ATTR_TERMINATE_TIMESTAMP, Long.toString(System.currentTimeMillis()));
            fire(DebugEvent.TERMINATE);
        }
    }

    @Override
    public String getLabel() {
        return label;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public IStreamsProxy getStreamsProxy() {
        return streams;
    }

    @Override
    public void setAttribute(String key, String value) {
        String old = value == null ? attributes.remove(key) : attributes.put(key, value);
        if (!java.util.Objects.equals(old, value)) {
            fire(DebugEvent.CHANGE);
        }
    }

    @Override
    public String getAttribute(String key) {
        return attributes.get(key);
    }

    @Override
    public int getExitValue() throws DebugException {
        if (!isTerminated()) {
            throw new DebugException(new Status(IStatus.ERROR, LaunchingPlugin.PLUGIN_ID,
                    DebugException.TARGET_REQUEST_FAILED, NLS.bind(Messages.TrainingProcess_stillTraining, label), null));
        }
        return exitValue;
    }

    @Override
    public boolean canTerminate() {
        return !isTerminated();
    }

    @Override
    public boolean isTerminated() {
        return exit.isDone();
    }

    @Override
    public void terminate() {
        synchronized (this) {
            if (isTerminated() || stopRequested) {
                return;
            }
            stopRequested = true;
        }
        cancel.run();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IProcess.class) {
            return adapter.cast(this);
        }
        if (adapter == ILaunch.class) {
            return adapter.cast(launch);
        }
        if (adapter == ILaunchConfiguration.class) {
            return adapter.cast(launch.getLaunchConfiguration());
        }
        return super.getAdapter(adapter);
    }

    private void fire(int kind) {
        DebugPlugin debug = DebugPlugin.getDefault();
        if (debug != null) {
            debug.fireDebugEventSet(new DebugEvent[] {new DebugEvent(this, kind)});
        }
    }
}
