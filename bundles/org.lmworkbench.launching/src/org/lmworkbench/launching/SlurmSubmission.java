package org.lmworkbench.launching;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.exec.BackendCommandLine;
import org.lmworkbench.core.run.AtomicFiles;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.slurm.SlurmClient;
import org.lmworkbench.core.slurm.SlurmException;
import org.lmworkbench.core.slurm.SlurmProfileJson;
import org.lmworkbench.core.slurm.SlurmProfileJson.Named;
import org.lmworkbench.core.spec.ExecutionSpec;
import org.lmworkbench.core.spec.ResolvedRun;
import org.lmworkbench.core.spec.SpecLoadResult;
import org.lmworkbench.launching.internal.LaunchingPlugin;
import org.lmworkbench.workspace.preferences.SlurmProfiles;

/**
 * The runs of a Training Run launch whose spec says {@code execution.target: "slurm"}. The
 * submission is the backend's own, {@code lmw sweep <spec> --out <project> --executor slurm
 * --profile <profile>}, started as a process of the launch (its output in the Console, refusals
 * there and in the launch's error), so the workbench and the command line submit identically. Then
 * each submitted run becomes a {@link SlurmTaskProcess} and a {@link SlurmMonitorJob} follows them
 * with squeue until each has ended. Terminate cancels the array (scancel), a run's Terminate its task.
 */
final class SlurmSubmission implements LaunchRuns {

    private final TrainingLaunch launch;
    private final IProject project;
    private final Path specFile;
    private final List<String> runIds;
    private final Named profile;
    private final SlurmClient client;
    private final List<SlurmTaskProcess> tasks = new CopyOnWriteArrayList<>();
    private volatile boolean submitting = true;
    private volatile SlurmMonitorJob monitor;

    private SlurmSubmission(TrainingLaunch launch, IProject project, Path specFile, List<String> runIds,
            Named profile) {
        this.launch = launch;
        this.project = project;
        this.specFile = specFile;
        this.runIds = List.copyOf(runIds);
        this.profile = profile;
        this.client = new SlurmClient(profile.profile());
    }

    /** True when the spec's runs go to a Slurm cluster. */
    static boolean isFor(SpecLoadResult loaded) {
        return loaded.runs().get(0).spec().execution().target() == ExecutionSpec.Target.SLURM;
    }

    /**
     * The submission of a launch to the profile its configuration names (the first profile when it
     * names none).
     *
     * @throws CoreException when there is no such profile
     */
    static SlurmSubmission of(TrainingLaunch launch, ILaunchConfiguration configuration, IProject project,
            Path specFile, SpecLoadResult loaded) throws CoreException {
        String name = configuration.getAttribute(LaunchAttributes.SLURM_PROFILE, "");
        Named profile;
        if (name.isBlank()) {
            List<Named> all = SlurmProfiles.all();
            profile = all.isEmpty() ? SlurmProfiles.named("") : all.get(0);
        } else {
            profile = SlurmProfiles.named(name);
        }
        return new SlurmSubmission(launch, project, specFile, loaded.runs().stream().map(ResolvedRun::runId).toList(),
                profile);
    }

    /**
     * Submits and waits for the submission (a few seconds): the backend checks the settings with the
     * cluster and submits nothing when they are refused. Then the runs are followed in the background.
     *
     * @throws CoreException with the backend's last words when it refused or failed
     */
    void submit(IProgressMonitor progress) throws CoreException {
        BackendProcess process;
        try {
            Path profileFile = writeProfile();
            BackendCommandLine line = BackendCommandLines.of(List.of("sweep", specFile.toString(), "--out",
                    projectFolder().toString(), "--executor", "slurm", "--profile", profileFile.toString()), null);
            process = BackendProcesses.start(line, projectFolder().toFile(), launch, (system, commandLine) -> {
                Map<String, String> attributes = new HashMap<>();
                attributes.put(IProcess.ATTR_PROCESS_TYPE, BackendProcess.PROCESS_TYPE);
                attributes.put(IProcess.ATTR_CMDLINE, commandLine);
                return new BackendProcess(launch, system, NLS.bind(Messages.SlurmSubmission_process, profile.name()),
                        attributes);
            });
            BackendCommands.waitFor(process, progress);
        } finally {
            submitting = false;
        }
        new RunFolderRefresher(project.getFolder(RunDirectory.RUNS)).request();
        Integer code = process.exitCodeOrNull();
        if (process.isStopRequested()) {
            launch.queueChanged(); // terminated while submitting: whatever was submitted is left to the cluster
            return;
        }
        if (code == null || code != 0) {
            launch.queueChanged();
            throw new CoreException(LaunchingPlugin.error(NLS.bind(Messages.SlurmSubmission_failed,
                    new Object[] {profile.name(), code, BackendCommands.tail(process)}), null));
        }
        follow();
    }

    /** Every run the submission left with a live job becomes a process of the launch, followed by the monitor. */
    private void follow() {
        for (String id : runIds) {
            RunDirectory run = new RunDirectory(projectFolder().resolve(RunDirectory.RUNS).resolve(id));
            try {
                RunStatus status = run.readStatus();
                if (status.job() != null && (!status.state().isTerminal() || status.state() == RunState.INTERRUPTED)) {
                    tasks.add(new SlurmTaskProcess(launch, this, run, status.job()));
                }
            } catch (IOException e) {
                LaunchingPlugin.log(NLS.bind(Messages.SlurmSubmission_statusUnreadable, run.path()), e);
            }
        }
        if (tasks.isEmpty()) {
            launch.queueChanged();
            return;
        }
        SlurmMonitorJob job = new SlurmMonitorJob(this, client, new RunFolderRefresher(project.getFolder(
                RunDirectory.RUNS)));
        monitor = job;
        job.schedule();
    }

    /** The runs being followed, as processes of the launch. */
    List<SlurmTaskProcess> tasks() {
        return tasks;
    }

    /** The launch these runs belong to. */
    TrainingLaunch launch() {
        return launch;
    }

    /** The spec's name and the arrays its runs are in, for the Progress view. */
    String describe() {
        Set<String> jobs = new LinkedHashSet<>();
        tasks.forEach(t -> jobs.add(t.job().jobId()));
        return NLS.bind(Messages.SlurmSubmission_describe, new Object[] {specFile.getFileName(), String.join(", ", jobs),
                profile.name()});
    }

    @Override
    public boolean hasPending() {
        return submitting || tasks.stream().anyMatch(t -> !t.isTerminated() && !t.isCancelRequested());
    }

    @Override
    public boolean isFinished() {
        return !submitting && tasks.stream().allMatch(SlurmTaskProcess::isTerminated);
    }

    /** Cancels every array with a run still going (one scancel each); the monitor records how each run ended. */
    @Override
    public void cancelPending() {
        Set<String> jobs = new LinkedHashSet<>();
        for (SlurmTaskProcess t : tasks) {
            if (!t.isTerminated()) {
                jobs.add(t.job().jobId());
                t.cancelledWithTheArray();
            }
        }
        jobs.forEach(this::cancel);
        SlurmMonitorJob m = monitor;
        if (m != null) {
            m.askNow();
        }
        launch.queueChanged();
    }

    /** scancel of a job or task; a failure is logged, the monitor keeps following the run. */
    void cancel(String id) {
        try {
            client.cancel(id);
        } catch (SlurmException e) {
            LaunchingPlugin.log(NLS.bind(Messages.SlurmSubmission_cancelFailed, id, profile.name()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path projectFolder() {
        return project.getLocation().toFile().toPath();
    }

    /** The profile as a file for {@code lmw sweep --profile}, in this bundle's metadata folder. */
    private Path writeProfile() throws CoreException {
        Path file = LaunchingPlugin.stateFolder().resolve("slurm-profiles")
                .resolve(profile.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
        try {
            AtomicFiles.write(file, SlurmProfileJson.write(profile.name(), profile.profile()));
        } catch (IOException e) {
            throw new CoreException(LaunchingPlugin.error(NLS.bind(Messages.SlurmSubmission_profileFile, file), e));
        }
        return file;
    }
}
