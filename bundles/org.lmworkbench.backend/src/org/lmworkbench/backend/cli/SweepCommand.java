package org.lmworkbench.backend.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.backend.exec.LocalProcessExecutor;
import org.lmworkbench.backend.exec.RunExecutor;
import org.lmworkbench.backend.exec.RunRequest;
import org.lmworkbench.backend.exec.RunResult;
import org.lmworkbench.core.command.CommandArguments;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.OptionsCommand;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.ExecutionSpec;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ResolvedRun;
import org.lmworkbench.core.spec.SpecLoadResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep <spec> --out <dir>}: creates {@code <dir>/runs/<run-id>/} for every run of the spec
 * (queued, so the workbench sees the whole sweep at once) and trains them in separate processes
 * through a {@link RunExecutor}. Existing run folders are resumed, so re-running a sweep completes
 * what is missing and leaves finished runs alone.
 */
final class SweepCommand extends OptionsCommand<SweepCommand.Options> {

    static final String HELP = """
            usage: lmw sweep <spec.lmx> --out <dir> [--parallel K] [--threads N] [--device auto|cpu|gpu]
                             [--executor local|slurm] [Slurm options]

            Creates <dir>/runs/<run-id>/ for every run of the spec and trains each in its own backend
            process, K at a time (default: execution.parallel). A failed or diverged run does not stop
            the others. Run folders that exist already are resumed (completed ones are skipped).

              --out DIR       project folder; runs go to DIR/runs/
              --parallel K    concurrent runs (overrides execution.parallel)
              --threads N     intra-op CPU threads per run
              --device D      auto, cpu or gpu for every run
              --executor E    local (this machine) or slurm (default: execution.target)

            With --executor slurm the runs go to the cluster as one job array (K at a time), each task
            training its run folder on the shared file system; the command returns once the array is
            submitted, and 'lmw status <dir>' follows it. The settings are checked by the cluster
            before anything is submitted. Each option overrides its key of execution.slurm:
              --partition P   --time T (30, 2:00:00, 1-00:00:00)   --cpus N   --memory M (8G)
              --gpus G        --account A   --qos Q   --sbatch-arg X (repeatable, --constraint=a100)
              --signal-lead S seconds before the time limit at which a run checkpoints, ends
                              interrupted and is requeued to continue
              --profile FILE  how to reach the cluster: a JSON profile with the commands and a prefix
                              such as ["ssh", "login1"] (default: sbatch, squeue, ... on this machine)
              --wait          follow the runs until every one has ended; Ctrl+C cancels the array

            exit codes: 0 all completed (or submitted), 2 invalid input (in the spec, the options or
                        some run; nothing is submitted), 3 some run diverged, 1 some run failed,
                        75 some run was interrupted and not requeued (run the sweep again)""";

    /** The arguments of {@code sweep}. */
    static final class Options {
        @Parameters(paramLabel = "<spec.lmx>")
        String spec;

        @Option(names = "--out", required = true, paramLabel = "<dir>")
        String out;

        @Option(names = "--parallel", paramLabel = "K")
        Integer parallel;

        @Mixin
        TrainingOverrides overrides = new TrainingOverrides();

        @Option(names = "--executor", paramLabel = "E")
        String executor;

        @Mixin
        SlurmOptions slurm = new SlurmOptions();
    }

    /** The command {@code sweep}. */
    public SweepCommand() {
        super("sweep", "<spec> --out <dir>", "train every run of a sweep, one process each",
                HELP, Options::new);
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws UsageException, IOException {
        if (o.parallel != null) {
            CommandArguments.atLeast("--parallel", o.parallel, 1);
        }
        Path specFile = Path.of(o.spec);
        SpecLoadResult loaded = SpecLoading.load(specFile, err);
        List<ResolvedRun> runs = loaded.runs();
        int parallel = o.parallel != null ? o.parallel : runs.get(0).spec().execution().parallel();
        List<String> extra = o.overrides.arguments();
        if (onSlurm(o, runs.get(0).spec())) {
            return new SlurmSweep(specFile, o.slurm, out, err).run(runs, o.overrides, parallel, extra,
                    Path.of(o.out).toAbsolutePath().normalize());
        }
        // Overrides are validated here once, so that a bad value is one message rather than one per run.
        o.overrides.apply(runs.get(0).spec());
        Path runsFolder = Path.of(o.out).toAbsolutePath().normalize().resolve(RunDirectory.RUNS);
        List<RunRequest> requests = new ArrayList<>();
        for (ResolvedRun r : runs) {
            ExperimentSpec spec = SpecLoading.absoluteDataPath(r.spec(), specFile);
            Path folder = runsFolder.resolve(r.runId());
            if (!Files.isDirectory(folder)) {
                try {
                    RunDirectory.create(runsFolder, r.runId(), spec);
                } catch (IOException e) {
                    throw new UsageException(folder + ": cannot create the run folder: " + RunCommand.describe(e));
                }
            }
            requests.add(new RunRequest(r.runId(), folder, extra, spec.execution().jvmMemory()));
        }
        out.println("sweep of " + requests.size() + " runs in " + runsFolder + ", " + parallel + " at a time");
        return execute(new LocalProcessExecutor(parallel), requests, out);
    }

    /** Whether the sweep goes to Slurm: {@code --executor}, else the spec's {@code execution.target}. */
    private static boolean onSlurm(Options o, ExperimentSpec spec) throws UsageException {
        boolean slurm = o.executor == null ? spec.execution().target() == ExecutionSpec.Target.SLURM
                : switch (o.executor) {
                    case "slurm" -> true;
                    case "local" -> false;
                    default -> throw new UsageException("--executor: '" + o.executor + "' is not local or slurm");
                };
        if (!slurm && !o.slurm.givenOptions().isEmpty()) {
            throw new UsageException(String.join(", ", o.slurm.givenOptions()) + ": only with --executor slurm "
                    + "(or execution.target \"slurm\" in the spec)");
        }
        return slurm;
    }

    /** Runs the requests and prints one line per finished run. */
    static int execute(RunExecutor executor, List<RunRequest> requests, PrintStream out) {
        Thread stopper = new Thread(executor::close, "lmw-sweep-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try (executor) {
            List<RunResult> results = executor.execute(requests, r -> out.println(r.request().runId() + ": "
                    + describe(r.exitCode()) + " (" + r.elapsed().toSeconds() + " s)"));
            return summarize(results, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERNAL;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Already stopping; the hook closes the executor.
            }
        }
    }

    /** The summary line of a sweep's results, and its exit code. */
    static int summarize(List<RunResult> results, PrintStream out) {
        int completed = 0;
        int invalid = 0;
        int diverged = 0;
        int failed = 0;
        int interrupted = 0;
        for (RunResult r : results) {
            switch (r.exitCode()) {
                case ExitCodes.OK -> completed++;
                case ExitCodes.INVALID_INPUT -> invalid++;
                case ExitCodes.DIVERGED -> diverged++;
                case ExitCodes.INTERRUPTED -> interrupted++;
                default -> failed++;
            }
        }
        out.println(completed + " completed, " + diverged + " diverged, " + invalid + " invalid, " + failed + " failed"
                + (interrupted > 0 ? ", " + interrupted + " interrupted" : ""));
        return failed > 0 ? ExitCodes.INTERNAL : invalid > 0 ? ExitCodes.INVALID_INPUT
                : diverged > 0 ? ExitCodes.DIVERGED : interrupted > 0 ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    /** What a run's exit code means, for its line. */
    static String describe(int code) {
        return switch (code) {
            case ExitCodes.OK -> "completed";
            case ExitCodes.INVALID_INPUT -> "invalid input (see its log.txt)";
            case ExitCodes.DIVERGED -> "diverged";
            case ExitCodes.INTERRUPTED -> "interrupted (resumable: run the sweep again)";
            case 143 -> "cancelled";
            default -> "failed with exit code " + code + " (see its log.txt)";
        };
    }
}
