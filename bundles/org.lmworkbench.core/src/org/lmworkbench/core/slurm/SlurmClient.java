package org.lmworkbench.core.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submits, checks, cancels and follows job arrays through the scheduler commands of a
 * {@link SlurmProfile}. Every command goes through one {@link CommandRunner} with the profile's
 * timeout; a failing command becomes a {@link SlurmException} that carries what it printed on
 * standard error.
 *
 * <p>State comes from two places. {@link #queue} asks squeue: pending and running tasks with the
 * reason they wait, and ended ones while the controller still remembers them ({@code MinJobAge},
 * 300 s by default). {@link #tasks} adds exit codes: from sacct where the cluster keeps accounting,
 * else from {@code scontrol show job}, which knows the same tasks as squeue.
 */
public final class SlurmClient {

    private static final Pattern JOB_ID = Pattern.compile("(\\d+)(?:;.*)?");

    private static final Pattern TASK_ID = Pattern.compile("\\d+(?:_\\d+)?");

    private final SlurmProfile profile;
    private final CommandRunner runner;

    /** Whether sacct said accounting is disabled; then it is not asked again. */
    private volatile boolean accountingDisabled;

    /** A client running the profile's commands as processes. */
    public SlurmClient(SlurmProfile profile) {
        this(profile, new ProcessCommandRunner());
    }

    /** A client running the profile's commands through {@code runner}. */
    public SlurmClient(SlurmProfile profile, CommandRunner runner) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** The profile whose commands this client runs. */
    public SlurmProfile profile() {
        return profile;
    }

    /**
     * Submits a batch script and returns the job id (of the array, for an array script).
     *
     * @throws SlurmException when sbatch refuses it or prints no job id
     */
    public String submit(Path script) throws SlurmException, InterruptedException {
        return submit(script, List.of());
    }

    /**
     * Submits a batch script held: nothing of it starts until {@link #release}. This gives the
     * submitter time to record the job id where the job's tasks will look for it, without racing
     * a task that starts at once.
     *
     * @throws SlurmException when sbatch refuses it or prints no job id
     */
    public String submitHeld(Path script) throws SlurmException, InterruptedException {
        return submit(script, List.of("--hold"));
    }

    /** Lets a held job (every task of an array) be scheduled. */
    public void release(String jobId) throws SlurmException, InterruptedException {
        if (!TASK_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("'" + jobId + "' is not a job id (123) or an array task id (123_4)");
        }
        run("scontrol release", profile.scontrol(), List.of("release", jobId));
    }

    private String submit(Path script, List<String> options) throws SlurmException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--parsable"));
        args.addAll(options);
        args.add(script.toAbsolutePath().toString());
        CommandResult r = run("sbatch", profile.sbatch(), args);
        String out = r.stdout().strip();
        Matcher m = JOB_ID.matcher(out);
        if (!m.matches()) {
            throw new SlurmException("sbatch printed '" + out + "' instead of a job id [" + ShellWords.join(r.command())
                    + "]");
        }
        return m.group(1);
    }

    /**
     * Checks a script and its settings with the cluster, submitting nothing: the partition must
     * exist, be up and allow the time limit (otherwise the job would wait forever with reason
     * PartitionTimeLimit or the like), and {@code sbatch --test-only} must find the request
     * satisfiable (CPUs, memory, GPUs, array size).
     *
     * @param path where the settings live, for the problems' paths ({@link SlurmSettings#DEFAULT_PATH})
     * @throws SlurmException listing every problem found, each with its path
     */
    public void validate(SlurmSettings settings, Path script, String path) throws SlurmException, InterruptedException {
        List<SlurmProblem> problems = new ArrayList<>(settings.validate(path));
        if (!problems.isEmpty()) {
            throw new SlurmException(problems);
        }
        List<SlurmPartition> partitions = partitions();
        Optional<SlurmPartition> partition = settings.partition() == null
                ? partitions.stream().filter(SlurmPartition::isDefault).findFirst()
                : partitions.stream().filter(p -> p.name().equals(settings.partition())).findFirst();
        if (partition.isEmpty()) {
            List<String> names = partitions.stream().map(SlurmPartition::name).toList();
            problems.add(new SlurmProblem(path + ".partition", settings.partition() == null
                    ? "the cluster has no default partition; name one of " + names
                    : "the cluster has no partition '" + settings.partition() + "'; it has " + names));
        } else {
            SlurmPartition p = partition.get();
            if (!p.isUp()) {
                problems.add(new SlurmProblem(path + ".partition", "partition '" + p.name() + "' is " + p.state()
                        + ", so jobs would not start"));
            }
            if (p.maxTime() != null && settings.timeLimit().compareTo(p.maxTime()) > 0) {
                problems.add(new SlurmProblem(path + ".time", "the time limit "
                        + SlurmTime.formatDuration(settings.timeLimit()) + " exceeds partition '" + p.name()
                        + "''s maximum " + SlurmTime.formatDuration(p.maxTime())
                        + "; the tasks would wait forever"));
            }
        }
        if (problems.isEmpty()) {
            CommandResult r = runner.run(profile.commandLine(profile.sbatch(),
                    List.of("--test-only", script.toAbsolutePath().toString())), profile.timeout());
            if (!r.succeeded()) {
                problems.add(new SlurmProblem(path, "the cluster refuses the request: " + said(r)));
            }
        }
        if (!problems.isEmpty()) {
            throw new SlurmException(problems);
        }
    }

    /** The cluster's partitions. */
    public List<SlurmPartition> partitions() throws SlurmException, InterruptedException {
        return SlurmOutput.parsePartitions(run("scontrol", profile.scontrol(),
                List.of("--oneliner", "show", "partition")).stdout());
    }

    /**
     * Cancels a job, a whole array ({@code 123}) or one array task ({@code 123_4}). Cancelling
     * something that has already ended is not an error.
     */
    public void cancel(String id) throws SlurmException, InterruptedException {
        if (!TASK_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a job id (123) or an array task id (123_4)");
        }
        run("scancel", profile.scancel(), List.of(id));
    }

    /** Cancels one task of an array. */
    public void cancel(String arrayJobId, int index) throws SlurmException, InterruptedException {
        cancel(arrayJobId + "_" + index);
    }

    /**
     * The job's tasks as squeue lists them, all states included: pending ranges expanded, in no
     * particular order. Empty when the controller no longer knows the job.
     */
    public List<SlurmTask> queue(String jobId) throws SlurmException, InterruptedException {
        CommandResult r = runner.run(profile.commandLine(profile.squeue(), List.of("--noheader", "--states=all",
                "--jobs=" + jobId, "--format=" + SlurmOutput.SQUEUE_FORMAT)), profile.timeout());
        if (!r.succeeded()) {
            if (unknownJob(r)) {
                return List.of();
            }
            throw new SlurmException(r.failureMessage("squeue"));
        }
        return SlurmOutput.parseSqueue(r.stdout());
    }

    /** Every job the controller knows, as squeue lists them (all states, all users). */
    public List<SlurmTask> queueAll() throws SlurmException, InterruptedException {
        return SlurmOutput.parseSqueue(run("squeue", profile.squeue(), List.of("--noheader", "--states=all",
                "--format=" + SlurmOutput.SQUEUE_FORMAT)).stdout());
    }

    /**
     * The job's tasks with exit codes: from sacct when the cluster keeps accounting, otherwise (sacct
     * exits 1 saying accounting storage is disabled) from {@code scontrol show job}. Empty when
     * neither knows the job.
     */
    public List<SlurmTask> tasks(String jobId) throws SlurmException, InterruptedException {
        if (!accountingDisabled) {
            CommandResult r = runner.run(profile.commandLine(profile.sacct(), List.of("--jobs=" + jobId,
                    "--allocations", "--noheader", "--parsable2", "--format=" + SlurmOutput.SACCT_FORMAT)),
                    profile.timeout());
            if (r.succeeded()) {
                return SlurmOutput.parseSacct(r.stdout());
            }
            if (!(r.stdout() + r.stderr()).toLowerCase(Locale.ROOT).contains("accounting storage is disabled")) {
                throw new SlurmException(r.failureMessage("sacct"));
            }
            accountingDisabled = true;
        }
        return jobDetails(jobId);
    }

    /** {@code scontrol show job}: the tasks the controller knows, with exit codes and restart counts. */
    public List<SlurmTask> jobDetails(String jobId) throws SlurmException, InterruptedException {
        CommandResult r = runner.run(profile.commandLine(profile.scontrol(), List.of("--oneliner", "show", "job",
                jobId)), profile.timeout());
        if (!r.succeeded()) {
            if (unknownJob(r)) {
                return List.of();
            }
            throw new SlurmException(r.failureMessage("scontrol show job"));
        }
        return SlurmOutput.parseScontrolJobs(r.stdout());
    }

    private CommandResult run(String what, String executable, List<String> args)
            throws SlurmException, InterruptedException {
        CommandResult r = runner.run(profile.commandLine(executable, args), profile.timeout());
        if (!r.succeeded()) {
            throw new SlurmException(r.failureMessage(what));
        }
        return r;
    }

    /** squeue and scontrol exit 1 with "Invalid job id specified" once a job has left the controller. */
    private static boolean unknownJob(CommandResult r) {
        return r.stderr().contains("Invalid job id specified");
    }

    private static String said(CommandResult r) {
        String text = (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip().replace('\n', ' ');
        return text.isEmpty() ? "sbatch --test-only exited with " + r.exitCode() + " and said nothing" : text;
    }
}
