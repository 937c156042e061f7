package org.lmworkbench.backend.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.lmworkbench.backend.train.RunControl;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.OptionsCommand;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunFileException;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.spec.ExperimentSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code resume <run-dir>}: continues a run from its newest checkpoint (or starts a queued run from
 * step 0; this is also how sweep executors start their runs). A completed run is left alone.
 */
final class ResumeCommand extends OptionsCommand<ResumeCommand.Options> {

    static final String HELP = """
            usage: lmw resume <run-dir> [--threads N] [--device auto|cpu|gpu] [--quiet]

            Continues the run in <run-dir> from its newest checkpoint; a queued run starts at step 0.
            Records written after that checkpoint by an interrupted process are dropped and written
            again, so the finished run equals one that was never interrupted. A completed run is a
            no-op; a diverged run is not restarted (it would diverge again).

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
        RunStatus status;
        ExperimentSpec spec;
        try {
            status = Files.exists(run.statusFile()) ? run.readStatus() : null;
            spec = run.readSpec();
        } catch (RunFileException e) {
            throw new UsageException(e.getMessage());
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
        if (status != null && status.state() == RunState.RUNNING && isAlive(status.pid())) {
            throw new UsageException(dir + ": is still running in process " + status.pid());
        }
        ExperimentSpec effective = o.overrides.apply(spec);
        RunLauncher.Prepared prepared;
        try {
            prepared = RunLauncher.prepare(effective, null);
        } catch (UsageException e) {
            if (status != null) {
                run.writeStatus(status.ended(RunState.FAILED, Instant.now(), e.getMessage()));
            }
            throw e;
        }
        try (prepared) {
            return RunLauncher.train(run, prepared, o.quiet ? null : out, err,
                    control != null ? control : new RunControl());
        }
    }

    private static boolean isAlive(Long pid) {
        if (pid == null || pid == ProcessHandle.current().pid()) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive();
    }
}
