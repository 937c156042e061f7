package org.lmworkbench.backend.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.backend.exec.RunExecutor;
import org.lmworkbench.backend.exec.RunRequest;
import org.lmworkbench.backend.exec.RunResult;
import org.lmworkbench.backend.exec.WorkerPoolExecutor;
import org.lmworkbench.core.command.CommandArguments;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.OptionsCommand;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunPlanner;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.spec.ExecutionSpec;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ResolvedRun;
import org.lmworkbench.core.spec.SpecLoadResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep <spec> --out <dir>}: creates {@code <dir>/runs/<run-id>/} for every run of the spec
 * (queued, so the workbench sees the whole sweep at once; core's {@link RunPlanner}, as the
 * workbench plans its launches) and trains them through a {@link RunExecutor}: K long-lived backend
 * workers on this machine. Existing run folders are resumed and finished ones left alone, so
 * re-running a sweep completes what is missing.
 */
final class SweepCommand extends OptionsCommand<SweepCommand.Options> {

    static final String HELP = """
            usage: lmw sweep <spec.lmx> --out <dir> [--parallel K] [--threads N] [--device auto|cpu|gpu]
                             [--executor local|slurm] [Slurm options]

            Creates <dir>/runs/<run-id>/ for every run of the spec and trains them in K backend worker
            processes (default: execution.parallel), each loading the engine once and training runs
            one after another. A failed or diverged run does not stop the others; a run that crashes
            its worker fails with the reason and the worker is replaced. Run folders that exist
            already are resumed (completed and diverged ones are left alone).

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
        super("sweep", "<spec> --out <dir>", "train every run of a sweep, K at a time",
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
        List<String> extra = o.overrides.arguments();
        Path project = Path.of(o.out).toAbsolutePath().normalize();
        Path runsFolder = project.resolve(RunDirectory.RUNS);
        RunPlanner planner = new RunPlanner(specFile);
        RunPlanner.Plan plan;
        try {
            planner.refuseOtherPoints(loaded, runsFolder);
            if (onSlurm(o, runs.get(0).spec())) {
                int parallel = o.parallel != null ? o.parallel : RunPlanner.parallel(loaded);
                return new SlurmSweep(specFile, o.slurm, out, err).run(runs, o.overrides, parallel, extra, project);
            }
            // Overrides are validated here once, so that a bad value is one message rather than one per run.
            o.overrides.apply(runs.get(0).spec());
            plan = planner.plan(loaded, runsFolder, RunPlanner.SingleRunId.SPEC_NAME);
        } catch (RunPlanner.RefusedException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException(runsFolder + ": cannot create the run folders: " + RunCommand.describe(e));
        }
        int parallel = o.parallel != null ? o.parallel : plan.parallel();
        List<RunRequest> requests = new ArrayList<>();
        for (RunPlanner.PlannedRun r : plan.runs()) {
            requests.add(new RunRequest(r.runId(), r.directory().path(), extra, r.spec().execution().jvmMemory()));
        }
        out.println("sweep of " + (requests.size() + plan.finished().size()) + " runs in " + runsFolder + ", "
                + parallel + " at a time" + (plan.finished().isEmpty() ? ""
                        : " (" + plan.finished().size() + " finished before, left alone)"));
        for (RunPlanner.FinishedRun f : plan.finished()) {
            out.println(f.directory().runId() + ": " + f.state().jsonName() + " before; left alone");
        }
        if (requests.isEmpty()) {
            return summarize(List.of(), plan.finished(), out);
        }
        return execute(new WorkerPoolExecutor(parallel), requests, plan.finished(), out);
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
    static int execute(RunExecutor executor, List<RunRequest> requests, List<RunPlanner.FinishedRun> before,
            PrintStream out) {
        Thread stopper = new Thread(executor::close, "lmw-sweep-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try (executor) {
            List<RunResult> results = executor.execute(requests, r -> out.println(r.request().runId() + ": "
                    + describe(r) + " (" + String.format(java.util.Locale.ROOT, "%.1f", r.elapsed().toMillis() / 1000.0)
                    + " s)"));
            return summarize(results, before, out);
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

    /** The summary line of a sweep's results (and of the runs left alone as finished before), and its exit code. */
    static int summarize(List<RunResult> results, List<RunPlanner.FinishedRun> before, PrintStream out) {
        int completed = 0;
        int invalid = 0;
        int diverged = 0;
        int failed = 0;
        int interrupted = 0;
        int cancelled = 0;
        for (RunPlanner.FinishedRun f : before) {
            if (f.state() == RunState.COMPLETED) {
                completed++;
            } else {
                diverged++;
            }
        }
        for (RunResult r : results) {
            switch (r.exitCode()) {
                case ExitCodes.OK -> completed++;
                case ExitCodes.INVALID_INPUT -> invalid++;
                case ExitCodes.DIVERGED -> diverged++;
                case ExitCodes.INTERRUPTED -> interrupted++;
                case ExitCodes.CANCELLED -> cancelled++;
                default -> failed++;
            }
        }
        out.println(completed + " completed, " + diverged + " diverged, " + invalid + " invalid, " + failed + " failed"
                + (interrupted > 0 ? ", " + interrupted + " interrupted" : "")
                + (cancelled > 0 ? ", " + cancelled + " cancelled" : ""));
        return failed > 0 || cancelled > 0 ? ExitCodes.INTERNAL : invalid > 0 ? ExitCodes.INVALID_INPUT
                : diverged > 0 ? ExitCodes.DIVERGED : interrupted > 0 ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    /** What a run's end means, for its line. */
    static String describe(RunResult r) {
        String detail = r.message() == null ? "" : ": " + r.message();
        return switch (r.exitCode()) {
            case ExitCodes.OK -> "completed";
            case ExitCodes.INVALID_INPUT -> "invalid input" + detail + " (see its log.txt)";
            case ExitCodes.DIVERGED -> "diverged" + detail;
            case ExitCodes.INTERRUPTED -> "interrupted" + detail + " (resumable: run the sweep again)";
            case ExitCodes.CANCELLED -> "cancelled" + detail;
            default -> "failed" + detail + " (see its log.txt)";
        };
    }
}
