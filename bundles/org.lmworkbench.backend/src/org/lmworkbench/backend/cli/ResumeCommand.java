package org.lmworkbench.backend.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.lmworkbench.backend.train.RunControl;
import org.lmworkbench.backend.train.RunLog;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.OptionsCommand;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunLock;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.MemorySize;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code resume <run-dir>}: continues a run from its newest usable checkpoint (or starts a queued
 * run from step 0; this is also how sweep executors start their runs). A completed run is left
 * alone; a run folder another process holds the {@link RunLock} of is refused. A run that cannot
 * start ends {@code failed} with the reason, never left {@code queued}.
 */
final class ResumeCommand extends OptionsCommand<ResumeCommand.Options> {

    static final String HELP = """
            usage: lmw resume <run-dir> [--threads N] [--device auto|cpu|gpu] [--quiet]

            Continues the run in <run-dir> from its newest usable checkpoint (one that is cut off or
            does not fit the run is skipped, with a warning saying why); a queued run starts at step
            0. Records written after that checkpoint by an interrupted process are dropped and
            written again, so the finished run equals one that was never interrupted; a damaged line
            elsewhere in a record file is removed and reported. A completed run is a no-op; a
            diverged run is not restarted (it would diverge again). A run folder that another
            process trains (see its .lock) is refused.

              --threads N     intra-op CPU threads for this process
              --device D      auto, cpu or gpu for this process
              --quiet         do not echo the log to standard output (log.txt still has it)

            exit codes: 0 completed (or nothing to do), 2 invalid input, 3 diverged, 1 internal error""";

    /** The arguments of {@code resume}. */
    static final class Options {
        @Parameters(paramLabel = "<run-dir>")
        String runDir;

        @Option(names = "--quiet")
        boolean quiet;

        @Mixin
        TrainingOverrides overrides = new TrainingOverrides();
    }

    private final RunControl control;

    /** The command {@code resume}, stopped by SIGTERM. */
    public ResumeCommand() {
        this(null);
    }

    /**
     * The command {@code resume} for one run of a backend worker, which trains many runs in one JVM
     * through this same path: {@code control} cancels that run.
     *
     * @param control the run's control, or null for a fresh one per execution
     */
    ResumeCommand(RunControl control) {
        super("resume", "<run-dir>", "continue a run from its newest checkpoint",
                HELP, Options::new);
        this.control = control;
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws UsageException, IOException {
        Path dir = Path.of(o.runDir).toAbsolutePath().normalize();
        RunDirectory run = new RunDirectory(dir);
        if (!Files.isRegularFile(run.specFile())) {
            throw new UsageException(dir + ": not a run folder (no " + RunDirectory.SPEC + ")");
        }
        // Taken before anything is read, so that two resumes cannot both decide to train.
        try (RunLock lock = RunLauncher.lock(run)) {
            return resume(run, lock, o, out, err);
        }
    }

    private int resume(RunDirectory run, RunLock lock, Options o, PrintStream out, PrintStream err)
            throws UsageException {
        ExperimentSpec spec;
        try {
            spec = run.readSpec();
        } catch (IOException e) {
            throw new UsageException(e.getMessage(), e);
        }
        RunStatus status = readStatus(run, spec, err);
        if (status != null && status.state() == RunState.RUNNING) {
            // This process holds the lock, so the one that wrote "running" is gone: say so at once,
            // in case this one is stopped too before it writes a status of its own.
            status = status.ended(RunState.INTERRUPTED, Instant.now(), "process " + status.pid()
                    + " stopped training without writing a final state (killed, or its machine went down)");
            try {
                run.writeFinalStatus(status);
            } catch (IOException e) {
                throw new UsageException(run.statusFile() + ": cannot write: " + e.getMessage(), e);
            }
        }
        if (status != null && status.state() == RunState.COMPLETED) {
            out.println(run.runId() + ": already completed (" + status.lastStep() + " steps); nothing to do");
            return ExitCodes.OK;
        }
        if (status != null && status.state() == RunState.DIVERGED) {
            err.println(run.runId() + ": diverged at step " + status.divergedAtStep()
                    + "; resuming would repeat the divergence (change the spec and start a new run)");
            return ExitCodes.DIVERGED;
        }
        ExperimentSpec effective = o.overrides.apply(spec);
        RunLauncher.Prepared prepared;
        try {
            prepared = RunLauncher.prepare(effective, null);
        } catch (UsageException e) {
            fail(run, status, e.getMessage(), null, err);
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            // Loading the data ran out of memory or failed otherwise: the run must not stay queued.
            String message = e instanceof OutOfMemoryError
                    ? "out of memory while loading the data (" + e.getMessage() + "; the maximum heap is "
                            + MemorySize.show(Runtime.getRuntime().maxMemory()) + "): raise execution.jvm_memory"
                    : "internal error while loading the data: " + e;
            fail(run, status, message, e, err);
            err.println(run.runId() + ": failed: " + message + " (see " + run.logFile() + ")");
            return ExitCodes.INTERNAL;
        }
        try (prepared) {
            return RunLauncher.train(run, lock, prepared, o.quiet ? null : out, err,
                    control != null ? control : new RunControl());
        }
    }

    /**
     * The run's status; null if it has none. A status.json that cannot be read (torn by a process
     * killed while it overwrote it on a full disk) is replaced by a fresh one, with a warning: the
     * checkpoints and records, not the status, say where the run is.
     */
    private static RunStatus readStatus(RunDirectory run, ExperimentSpec spec, PrintStream err) throws UsageException {
        if (!Files.exists(run.statusFile())) {
            return null;
        }
        try {
            return run.readStatus();
        } catch (IOException damaged) {
            RunStatus fresh = RunStatus.queued(Instant.now(), spec.training().steps());
            String note = "replaced an unreadable " + RunDirectory.STATUS + " (" + damaged.getMessage() + ")";
            err.println("warning: " + run.runId() + ": " + note);
            try (RunLog log = RunLog.open(run.logFile(), null)) {
                log.log(note);
            }
            try {
                run.writeFinalStatus(fresh);
            } catch (IOException e) {
                throw new UsageException(run.statusFile() + ": cannot write: " + e.getMessage(), e);
            }
            return fresh;
        }
    }

    /** Records that the run could not start, with the reason, in status.json and log.txt. */
    private static void fail(RunDirectory run, RunStatus status, String message, Throwable error, PrintStream err) {
        try (RunLog log = RunLog.open(run.logFile(), null)) {
            if (error == null) {
                log.log("cannot start: " + message);
            } else {
                log.log("cannot start: " + message, error);
            }
        }
        if (status == null) {
            return;
        }
        try {
            run.writeFinalStatus(status.ended(RunState.FAILED, Instant.now(), message));
        } catch (IOException e) {
            err.println(run.runId() + ": could not record the failure in " + RunDirectory.STATUS + ": " + e.getMessage());
        }
    }
}
