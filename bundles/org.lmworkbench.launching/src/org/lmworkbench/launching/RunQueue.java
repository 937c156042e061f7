package org.lmworkbench.launching;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.exec.BackendCommandLine;
import org.lmworkbench.core.exec.ClassDataSharing;
import org.lmworkbench.core.exec.RunEnd;
import org.lmworkbench.core.exec.WorkerPool;
import org.lmworkbench.core.exec.WorkerProtocol;
import org.lmworkbench.core.exec.WorkerTask;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunPlanner.PlannedRun;
import org.lmworkbench.core.spec.ExecutionSpec;
import org.lmworkbench.launching.internal.LaunchingPlugin;
import org.lmworkbench.workspace.preferences.BackendPreferences;

/**
 * Trains the runs of one launch in at most {@code execution.parallel} backend workers (core's
 * {@link WorkerPool}), each a {@link WorkerProcess} of the launch started through
 * {@link BackendProcesses}; runs wait {@code queued} until a worker is free. As a worker takes a run,
 * the run gets its own {@link TrainingProcess} (Console page, Terminate) and Progress entry; a run
 * whose worker dies ends {@code failed} with the reason and the queue goes on with a new worker.
 * Terminating the launch marks the runs that never started {@code cancelled}, so nothing is left
 * looking as if it were about to run.
 */
final class RunQueue implements LaunchRuns, WorkerPool.Listener {

    private final TrainingLaunch launch;
    private final IProject project;
    private volatile List<PlannedRun> runs = List.of();
    private final WorkerPool pool;
    private final String classPath;
    private final RunFolderRefresher runsRefresher;
    private final Map<String, TrainingProcess> processes = new ConcurrentHashMap<>();
    private int waiting;
    /** Runs not ended yet; until {@link #start(List)} there are runs to come. */
    private int unfinished = Integer.MAX_VALUE;

    /**
     * A queue with at most {@code parallel} workers; nothing starts before {@link #start(List)}.
     *
     * @throws CoreException when the backend is not installed or the pool cannot be set up
     */
    RunQueue(TrainingLaunch launch, IProject project, int parallel) throws CoreException {
        this.launch = launch;
        this.project = project;
        this.classPath = BackendCommandLines.classPath();
        this.runsRefresher = new RunFolderRefresher(project.getFolder(RunDirectory.RUNS));
        try {
            this.pool = new WorkerPool(parallel, this::startWorker, this, Duration.ofSeconds(TrainingProcess.GRACE_SECONDS),
                    ClassDataSharing.forWorkers(BackendCommandLines.java(), classPath));
        } catch (IOException e) {
            throw new CoreException(LaunchingPlugin.error(e.getMessage(), e));
        }
    }

    /** Queues every run, starts the workers the limit allows and shows the new run folders. */
    void start(List<PlannedRun> planned) {
        synchronized (this) {
            runs = List.copyOf(planned);
            waiting = planned.size();
            unfinished = planned.size();
        }
        runsRefresher.request();
        for (PlannedRun run : runs) {
            List<String> args = overrides(run.spec().execution());
            String heap = BackendCommandLines.heap(run.spec().execution().jvmMemory());
            pool.submit(new WorkerTask(run.runId(), run.directory().path(), args, heap));
        }
        pool.shutdown();
        launch.queueChanged();
    }

    /** Gives up before any run was queued (the launch failed): the pool's resources are released. */
    void abandon() {
        pool.close();
    }

    /** True while runs wait for a worker. */
    @Override
    public synchronized boolean hasPending() {
        return waiting > 0;
    }

    /** True when every run has ended. */
    @Override
    public synchronized boolean isFinished() {
        return unfinished == 0;
    }

    /** Runs waiting for a worker are marked {@code cancelled} and will not start. */
    @Override
    public void cancelPending() {
        pool.cancelQueued();
        runsRefresher.request();
        launch.queueChanged();
    }

    /** Starts a worker JVM as a process of the launch and hands its system process to the pool. */
    private Process startWorker(String heap, List<String> jvmOptions) throws IOException {
        try {
            BackendCommandLine.Builder builder = BackendCommandLines.builder(List.of(WorkerProtocol.COMMAND), heap);
            jvmOptions.forEach(builder::jvmOption);
            BackendCommandLine line = builder.build();
            File workingDir = project.getLocation().toFile();
            Process[] system = new Process[1];
            BackendProcesses.start(line, workingDir, launch, (started, commandLine) -> {
                system[0] = started;
                Map<String, String> attributes = new HashMap<>();
                attributes.put(IProcess.ATTR_PROCESS_TYPE, WorkerProcess.PROCESS_TYPE);
                attributes.put(IProcess.ATTR_CMDLINE, commandLine);
                return new WorkerProcess(launch, started, NLS.bind(Messages.WorkerProcess_label, started.pid()),
                        attributes);
            });
            return system[0];
        } catch (CoreException e) {
            throw new IOException(e.getStatus().getMessage(), e);
        }
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

    @Override
    public void assigned(WorkerTask task, long workerPid) {
        synchronized (this) {
            waiting--;
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put(TrainingProcess.ATTR_RUN_FOLDER, task.runFolder().toString());
        attributes.put(IProcess.ATTR_PROCESS_ID, Long.toString(workerPid));
        // The Console already titles the page "<config> [Training Run]"; the process adds which run.
        TrainingProcess process = new TrainingProcess(launch, task.runId(), attributes, () -> pool.cancel(task.runId()));
        processes.put(task.runId(), process);
        IFolder folder = project.getFolder(RunDirectory.RUNS).getFolder(task.runId());
        long steps = runs.stream().filter(r -> r.runId().equals(task.runId())).mapToLong(r -> r.spec().training().steps())
                .findFirst().orElse(0);
        new RunProgressJob(process, steps, new RunFolderRefresher(folder)).schedule();
        launch.queueChanged();
    }

    @Override
    public void output(WorkerTask task, boolean error, String line) {
        TrainingProcess process = processes.get(task.runId());
        if (process != null) {
            process.output(error, line);
        }
    }

    @Override
    public void finished(WorkerTask task, RunEnd end) {
        TrainingProcess process = processes.get(task.runId());
        synchronized (this) {
            unfinished--;
            if (process == null) {
                waiting--; // cancelled before a worker took it
            }
        }
        if (process != null) {
            process.ended(end.exitCode());
        }
        runsRefresher.request();
        launch.queueChanged();
    }
}
