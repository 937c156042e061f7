package org.lmworkbench.launching;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDisconnect;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.cluster.ScheduledRun;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.SchedulerJob;

/**
 * One run of a Slurm launch as the debug framework sees it: an entry in the Debug view whose
 * Terminate cancels the run's array task (scancel), without an operating-system process here. It
 * ends when the run's state, as status.json and the scheduler give it, is final. Its output is the
 * run's {@code log.txt}; the Console has none.
 * <p>
 * Disconnect stops following the run and leaves it to the cluster; the debug framework does that
 * to every launch when the workbench shuts down (rather than terminate it), so closing the
 * workbench never cancels a sweep on a cluster.
 */
final class SlurmTaskProcess extends PlatformObject implements IProcess, IDisconnect {

    /** Value of {@link IProcess#ATTR_PROCESS_TYPE}. */
    static final String PROCESS_TYPE = "org.lmworkbench.slurmTask";

    private final ILaunch launch;
    private final SlurmSubmission submission;
    private final RunDirectory run;
    private final SchedulerJob job;
    private final Map<String, String> attributes = new HashMap<>();
    private volatile RunState state;
    private volatile String detail = "";
    private volatile boolean terminated;
    private volatile boolean cancelRequested;
    private volatile boolean disconnected;

    SlurmTaskProcess(ILaunch launch, SlurmSubmission submission, RunDirectory run, SchedulerJob job) {
        this.launch = launch;
        this.submission = submission;
        this.run = run;
        this.job = job;
        attributes.put(IProcess.ATTR_PROCESS_TYPE, PROCESS_TYPE);
        attributes.put(TrainingProcess.ATTR_RUN_FOLDER, run.path().toString());
        launch.addProcess(this);
        fire(DebugEvent.CREATE);
    }

    /** The run folder. */
    RunDirectory run() {
        return run;
    }

    /** The array task that trains the run. */
    SchedulerJob job() {
        return job;
    }

    /** The last state the monitor saw, or null before it looked. */
    RunState state() {
        return state;
    }

    /** Takes the monitor's view of the run; ends this process when the run has ended for good. */
    void update(ScheduledRun scheduled) {
        RunState shown = scheduled.state();
        String words = scheduled.detail();
        boolean changed = shown != state || !words.equals(detail);
        state = shown;
        detail = words;
        if (shown != null && shown.isTerminal() && !terminated) {
            terminated = true;
            fire(DebugEvent.TERMINATE);
        } else if (changed) {
            fire(DebugEvent.CHANGE);
        }
    }

    @Override
    public String getLabel() {
        String words = state == null ? "" : detail.isEmpty() ? state.jsonName() : state.jsonName() + ", " + detail;
        if (disconnected) {
            words = NLS.bind(Messages.SlurmTaskProcess_disconnected, words);
        }
        return NLS.bind(Messages.SlurmTaskProcess_label, new Object[] {run.runId(), job.taskId(), words});
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public IStreamsProxy getStreamsProxy() {
        return null;
    }

    @Override
    public void setAttribute(String key, String value) {
        attributes.put(key, value);
    }

    @Override
    public String getAttribute(String key) {
        return attributes.get(key);
    }

    /** The backend's exit code for the run's final state (0 completed, 3 diverged, 75 interrupted, 143 cancelled). */
    @Override
    public int getExitValue() throws DebugException {
        if (!terminated || disconnected) {
            throw new DebugException(new Status(IStatus.ERROR, DebugPlugin.getUniqueIdentifier(),
                    DebugException.TARGET_REQUEST_FAILED, NLS.bind(Messages.SlurmTaskProcess_notEnded, run.runId()),
                    null));
        }
        return switch (state) {
            case COMPLETED -> ExitCodes.OK;
            case DIVERGED -> ExitCodes.DIVERGED;
            case INTERRUPTED -> ExitCodes.INTERRUPTED;
            case CANCELLED -> 143;
            default -> ExitCodes.INTERNAL;
        };
    }

    @Override
    public boolean canTerminate() {
        return !terminated && !cancelRequested;
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    /** scancel of the run's task; the run records {@code cancelled} itself, or the monitor does for it. */
    @Override
    public void terminate() {
        if (!canTerminate()) {
            return;
        }
        cancelRequested = true;
        submission.cancel(job.taskId());
        fire(DebugEvent.CHANGE);
    }

    @Override
    public boolean canDisconnect() {
        return !terminated;
    }

    /** Stops following the run here; it goes on on the cluster ({@code lmw status} still follows it). */
    @Override
    public void disconnect() {
        if (terminated) {
            return;
        }
        disconnected = true;
        terminated = true;
        fire(DebugEvent.TERMINATE);
    }

    @Override
    public boolean isDisconnected() {
        return disconnected;
    }

    /** True once Terminate was pressed for this run or its launch. */
    boolean isCancelRequested() {
        return cancelRequested;
    }

    /** The launch's Terminate cancels the whole array at once; this run needs no scancel of its own. */
    void cancelledWithTheArray() {
        cancelRequested = true;
    }

    private void fire(int kind) {
        DebugPlugin plugin = DebugPlugin.getDefault();
        if (plugin != null) {
            plugin.fireDebugEventSet(new DebugEvent[] {new DebugEvent(this, kind)});
        }
    }
}
