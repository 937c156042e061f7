package org.lmworkbench.backend.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.lmworkbench.core.cluster.ScheduledRun;
import org.lmworkbench.core.cluster.SlurmRunMonitor;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.exec.BackendClassPath;
import org.lmworkbench.core.exec.BackendCommandLine;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.run.SchedulerJob;
import org.lmworkbench.core.slurm.ArrayTask;
import org.lmworkbench.core.slurm.BatchScript;
import org.lmworkbench.core.slurm.SlurmClient;
import org.lmworkbench.core.slurm.SlurmException;
import org.lmworkbench.core.slurm.SlurmSettings;

/**
 * Runs a sweep as one Slurm job array: task {@code i} trains run {@code i} with the backend's
 * {@code resume <run-dir>}, the command line core's {@link BackendCommandLine} builds with this
 * installation's Java and class path (the cluster's nodes share the file system, so the paths hold
 * there), its output appended to the run's {@code log.txt}. The array's {@code %K} is the settings'
 * limit. Before anything is submitted the cluster checks the settings ({@link SlurmClient#validate});
 * the array is then submitted held, each run's {@code status.json} records its job and index, and
 * only then is the array released, so no task can start before its run knows its job.
 * <p>
 * The batch script and Slurm's own output ({@code <name>-<job>_<index>.out}, where the scheduler
 * writes why it ended a task) go to the sweep's {@code slurm/} folder. A run that stops at the
 * early signal ends {@code interrupted} with exit code {@link ExitCodes#INTERRUPTED}, and the script
 * requeues its task, which resumes from the checkpoint.
 */
public final class SlurmExecutor implements RunExecutor {

    /** The folder of a sweep that holds the batch scripts and Slurm's output files. */
    public static final String SLURM_FOLDER = "slurm";

    private final SlurmClient client;
    private final SlurmSettings settings;
    private final String settingsPath;
    private final Path sweepFolder;
    private final String jobName;
    private final String java;
    private final String classpath;
    private final Duration poll;
    private volatile String submitted;
    private volatile boolean followed;

    /**
     * An executor submitting with this JVM's Java and the class path the backend runs on.
     *
     * @param settingsPath where the settings came from, for the paths of refused settings
     *                     ({@code execution.slurm})
     * @param sweepFolder  the folder whose {@code slurm/} subfolder receives scripts and output
     * @param jobName      the array's name in squeue
     * @throws IOException when the installed backend's files cannot be found
     */
    public SlurmExecutor(SlurmClient client, SlurmSettings settings, String settingsPath, Path sweepFolder,
            String jobName) throws IOException {
        this(client, settings, settingsPath, sweepFolder, jobName, BackendCommandLine.currentJava(),
                BackendClassPath.of(SlurmExecutor.class), Duration.ofSeconds(2));
    }

    /** An executor with an explicit Java, class path and polling interval. */
    public SlurmExecutor(SlurmClient client, SlurmSettings settings, String settingsPath, Path sweepFolder,
            String jobName, String java, String classpath, Duration poll) {
        this.client = client;
        this.settings = settings;
        this.settingsPath = settingsPath;
        this.sweepFolder = sweepFolder.toAbsolutePath();
        this.jobName = jobName;
        this.java = java;
        this.classpath = classpath;
        this.poll = poll;
    }

    /** The command of the task that trains {@code request}, as the batch script runs it. */
    public List<String> command(RunRequest request) {
        BackendCommandLine line = BackendCommandLine.builder(classpath)
                .java(java)
                .heap(request.jvmMemory())
                .arguments(List.of("resume", request.runFolder().toAbsolutePath().toString(), "--quiet"))
                .arguments(request.extraArgs())
                .build();
        if (line.environment().isEmpty()) {
            return line.command();
        }
        // The task's environment is the node's, not this process's (the submission may go through ssh).
        List<String> command = new ArrayList<>(List.of("env"));
        line.environment().forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(line.command());
        return command;
    }

    /** The batch script of {@code runs}: index {@code i} trains the {@code i}-th run. */
    public BatchScript script(List<RunRequest> runs) throws SlurmException {
        List<ArrayTask> tasks = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunRequest r = runs.get(i);
            tasks.add(new ArrayTask(i, command(r), new RunDirectory(r.runFolder()).logFile()));
        }
        Path folder = sweepFolder.resolve(SLURM_FOLDER);
        return new BatchScript(settings, jobName, sweepFolder, BatchScript.outputPatternIn(folder, jobName), tasks,
                ExitCodes.INTERRUPTED);
    }

    /**
     * Writes the batch script of {@code runs} into the sweep's {@code slurm/} folder and has the
     * cluster check it and the settings; submits nothing. The run folders need not exist yet.
     *
     * @return the script
     * @throws SlurmException naming every refused setting (with {@code settingsPath}), or what the
     *                        scheduler said when a command failed
     */
    public Path check(List<RunRequest> runs) throws SlurmException, IOException, InterruptedException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to submit");
        }
        Path folder = sweepFolder.resolve(SLURM_FOLDER);
        boolean existed = Files.isDirectory(folder);
        Path file = script(runs).write(folder.resolve(jobName + ".sbatch"));
        try {
            client.validate(settings, file, settingsPath);
        } catch (SlurmException | InterruptedException e) {
            // A refused request leaves nothing behind.
            Files.deleteIfExists(file);
            if (!existed) {
                Files.deleteIfExists(folder);
            }
            throw e;
        }
        return file;
    }

    /**
     * Checks the settings with the cluster ({@link #check}), then submits the runs as one job array
     * and records the job in each run's status; nothing is submitted when the cluster refuses the
     * settings.
     *
     * @return the array's job id
     * @throws SlurmException naming every refused setting (with {@code settingsPath}), or what the
     *                        scheduler said when a command failed
     */
    public String submit(List<RunRequest> runs) throws SlurmException, IOException, InterruptedException {
        Path file = check(runs);
        Path folder = file.getParent();
        String job = client.submitHeld(file);
        submitted = job;
        try {
            for (int i = 0; i < runs.size(); i++) {
                RunDirectory run = new RunDirectory(runs.get(i).runFolder());
                run.writeStatus(run.readStatus().submitted(SchedulerJob.slurm(job, i)));
            }
            // Named after the job, like its output files; Slurm keeps its own copy of what it runs.
            Files.move(file, folder.resolve(jobName + "-" + job + ".sbatch"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            client.cancel(job);
            throw e;
        }
        client.release(job);
        return job;
    }

    /** The id of the job array this executor submitted, or null before {@link #submit}. */
    public String jobId() {
        return submitted;
    }

    @Override
    public List<RunResult> execute(List<RunRequest> runs, Consumer<RunResult> onFinished) throws InterruptedException {
        try {
            submit(runs);
            return follow(runs, onFinished);
        } catch (SlurmException | IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Follows submitted runs until each has ended for good (an interrupted run that was requeued
     * shows as queued or running again, and is followed on), recording what the scheduler says as
     * it goes ({@link SlurmRunMonitor#update}).
     */
    public List<RunResult> follow(List<RunRequest> runs, Consumer<RunResult> onFinished)
            throws SlurmException, IOException, InterruptedException {
        followed = true;
        SlurmRunMonitor monitor = new SlurmRunMonitor(client);
        List<RunDirectory> folders = runs.stream().map(r -> new RunDirectory(r.runFolder())).toList();
        RunResult[] results = new RunResult[runs.size()];
        Set<Integer> open = new HashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            open.add(i);
        }
        while (!open.isEmpty()) {
            List<ScheduledRun> now = monitor.update(folders);
            for (int i = 0; i < runs.size(); i++) {
                ScheduledRun r = now.get(i);
                if (open.contains(i) && r.state() != null && r.state().isTerminal()) {
                    results[i] = new RunResult(runs.get(i), exitCode(r.state()), elapsed(r.status()));
                    open.remove(i);
                    onFinished.accept(results[i]);
                }
            }
            if (!open.isEmpty()) {
                Thread.sleep(poll.toMillis());
            }
        }
        followed = false;
        return List.of(results);
    }

    /** The backend's exit code for a run's final state. */
    static int exitCode(RunState state) {
        return switch (state) {
            case COMPLETED -> ExitCodes.OK;
            case DIVERGED -> ExitCodes.DIVERGED;
            case INTERRUPTED -> ExitCodes.INTERRUPTED;
            case CANCELLED -> 143;
            default -> ExitCodes.INTERNAL;
        };
    }

    private static Duration elapsed(RunStatus status) {
        if (status == null || status.started() == null) {
            return Duration.ZERO;
        }
        Instant end = status.ended() != null ? status.ended() : Instant.now();
        return Duration.between(status.started(), end);
    }

    /** Cancels the job array while it is being followed (Ctrl+C of {@code lmw sweep --wait}). */
    @Override
    public void close() {
        String job = submitted;
        if (job != null && followed) {
            try {
                client.cancel(job);
            } catch (SlurmException e) {
                System.err.println("could not cancel job " + job + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
