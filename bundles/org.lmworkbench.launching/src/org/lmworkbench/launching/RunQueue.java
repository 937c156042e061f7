package org.lmworkbench.launching;

import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.exec.BackendCommandLine;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.spec.ExecutionSpec;
import org.lmworkbench.launching.RunPlanner.PlannedRun;
import org.lmworkbench.launching.internal.LaunchingPlugin;
import org.lmworkbench.workspace.preferences.BackendPreferences;

/**
 * Starts the runs of one launch as backend JVMs ({@code resume <run-dir>}, which trains a queued
 * folder from step 0), at most {@code execution.parallel} at a time; the others stay
 * {@code queued} until a slot frees. Terminating the launch marks the runs that never started
 * {@code cancelled}, so nothing is left looking as if it were about to run.
 */
final class RunQueue implements LaunchRuns {

    private final TrainingLaunch launch;
    private final IProject project;
    private final int parallel;
    private final Deque<PlannedRun> pending;
    private final List<TrainingProcess> active = new ArrayList<>();
    private final RunFolderRefresher runsRefresher;
    private int starting;
    private boolean cancelled;

    RunQueue(TrainingLaunch launch, IProject project, List<PlannedRun> runs, int parallel) {
        this.launch = launch;
        this.project = project;
        this.parallel = Math.max(1, parallel);
        this.pending = new ArrayDeque<>(runs);
        this.runsRefresher = new RunFolderRefresher(project.getFolder(RunDirectory.RUNS));
    }

    /** Starts as many runs as the limit allows and shows the new run folders in the workspace. */
    void start() {
        runsRefresher.request();
        fill();
    }

    /** True while runs wait for a slot. */
    @Override
    public synchronized boolean hasPending() {
        return !pending.isEmpty();
    }

    /** True when nothing waits and every started process has exited. */
    @Override
    public synchronized boolean isFinished() {
        return pending.isEmpty() && active.isEmpty() && starting == 0;
    }

    /** Runs waiting for a slot are marked {@code cancelled} and will not start. */
    @Override
    public void cancelPending() {
        List<PlannedRun> never;
        synchronized (this) {
            cancelled = true;
            never = new ArrayList<>(pending);
            pending.clear();
        }
        for (PlannedRun run : never) {
            markEnded(run.directory(), RunState.CANCELLED, Messages.RunQueue_cancelledBeforeStart);
        }
        if (!never.isEmpty()) {
            runsRefresher.request();
        }
        launch.queueChanged();
    }

    private void fill() {
        while (true) {
            PlannedRun next;
            synchronized (this) {
                if (cancelled || pending.isEmpty() || active.size() >= parallel) {
                    break;
                }
                // Counted as starting, so the launch never looks finished between two runs of a sweep.
                next = pending.pollFirst();
                starting++;
            }
            TrainingProcess process = null;
            try {
                process = startProcess(next);
            } catch (CoreException e) {
                LaunchingPlugin.log(e.getStatus().getMessage(), e);
                markEnded(next.directory(), RunState.FAILED, e.getStatus().getMessage());
                runsRefresher.request();
            }
            boolean stopAtOnce;
            synchronized (this) {
                starting--;
                if (process != null) {
                    active.add(process);
                }
                stopAtOnce = cancelled;
            }
            if (process != null) {
                TrainingProcess started = process;
                started.onExit().whenComplete((p, error) -> ended(started));
                if (stopAtOnce) {
                    started.terminate(); // the launch was terminated while this run was being started
                }
            }
        }
        launch.queueChanged();
    }

    private TrainingProcess startProcess(PlannedRun run) throws CoreException {
        RunDirectory dir = run.directory();
        List<String> args = new ArrayList<>(List.of("resume", dir.path().toString()));
        args.addAll(overrides(run.spec().execution()));
        BackendCommandLine line = BackendCommandLines.of(args, run.spec().execution().jvmMemory());
        File workingDir = project.getLocation().toFile();
        // The Console already titles the page "<config> [Training Run]"; the process adds which run.
        TrainingProcess process = BackendProcesses.start(line, workingDir, launch, (system, commandLine) -> {
            Map<String, String> attributes = new HashMap<>();
            attributes.put(IProcess.ATTR_PROCESS_TYPE, TrainingProcess.PROCESS_TYPE);
            attributes.put(IProcess.ATTR_CMDLINE, commandLine);
            attributes.put(TrainingProcess.ATTR_RUN_FOLDER, dir.path().toString());
            return new TrainingProcess(launch, system, dir.runId(), attributes);
        });
        IFolder folder = project.getFolder(RunDirectory.RUNS).getFolder(dir.runId());
        RunFolderRefresher refresher = new RunFolderRefresher(folder);
        new RunProgressJob(process, run.spec().training().steps(), refresher).schedule();
        return process;
    }

    /**
     * Backend options from the preferences: a device preference other than auto decides for specs
     * that leave the device to the machine (an explicit cpu or gpu in the spec wins), and a thread
     * count above zero overrides the spec's.
     */
    static List<String> overrides(ExecutionSpec execution) {
        List<String> args = new ArrayList<>();
        String device = BackendPreferences.device().toLowerCase(Locale.ROOT);
        if (execution.device() == ExecutionSpec.Device.AUTO && (device.equals("cpu") || device.equals("gpu"))) {
            args.add("--device");
            args.add(device);
        }
        int threads = BackendPreferences.threads();
        if (threads > 0) {
            args.add("--threads");
            args.add(Integer.toString(threads));
        }
        return args;
    }

    private void ended(TrainingProcess process) {
        Integer code = process.exitCodeOrNull();
        // The backend writes the final state itself; a process that died without doing so (killed,
        // crashed before it could) would otherwise look running or queued forever.
        try {
            RunStatus status = process.run().readStatus();
            if (!status.state().isTerminal()) {
                RunState state = process.isStopRequested() ? RunState.CANCELLED : RunState.INTERRUPTED;
                markEnded(process.run(), state, NLS.bind(Messages.RunQueue_exitedWithoutStatus, code));
            }
        } catch (IOException e) {
            LaunchingPlugin.log(NLS.bind(Messages.RunQueue_statusUnreadable, process.run().path()), e);
        }
        synchronized (this) {
            active.remove(process);
        }
        fill();
    }

    private static void markEnded(RunDirectory run, RunState state, String message) {
        try {
            RunStatus status = run.readStatus();
            if (!status.state().isTerminal()) {
                run.writeStatus(status.ended(state, Instant.now(), message));
            }
        } catch (IOException e) {
            LaunchingPlugin.log(NLS.bind(Messages.RunQueue_statusUnreadable, run.path()), e);
        }
    }
}
