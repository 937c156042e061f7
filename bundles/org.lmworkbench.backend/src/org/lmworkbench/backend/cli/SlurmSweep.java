package org.lmworkbench.backend.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.backend.exec.RunRequest;
import org.lmworkbench.backend.exec.RunResult;
import org.lmworkbench.backend.exec.SlurmExecutor;
import org.lmworkbench.core.cluster.ScheduledRun;
import org.lmworkbench.core.cluster.SlurmRunMonitor;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.AtomicFiles;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunPlanner;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.slurm.SlurmClient;
import org.lmworkbench.core.slurm.SlurmException;
import org.lmworkbench.core.slurm.SlurmProblem;
import org.lmworkbench.core.slurm.SlurmProfile;
import org.lmworkbench.core.slurm.SlurmProfileJson;
import org.lmworkbench.core.slurm.SlurmSettings;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ResolvedRun;

/**
 * {@code sweep --executor slurm}: the runs that are not finished (nor already waiting or running in
 * a job of their own) go to the cluster as one job array. The order makes a refusal cost nothing:
 * the options are checked by the spec's rules, the script and settings by the cluster, and only
 * then are run folders created and the array submitted. Without {@code --wait} the command returns
 * once the array is submitted (usable on a login node); with it, it follows the runs to their end.
 */
final class SlurmSweep {

    private final Path specFile;
    private final SlurmOptions options;
    private final PrintStream out;
    private final PrintStream err;

    SlurmSweep(Path specFile, SlurmOptions options, PrintStream out, PrintStream err) {
        this.specFile = specFile;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /**
     * Submits the sweep.
     *
     * @param runs      the resolved runs, in sweep order
     * @param overrides the command line's {@code --threads} and {@code --device}, applied after the
     *                  Slurm options to the first run's spec, whose execution section then sets the
     *                  job array's resources
     * @param parallel  the array's concurrency limit
     * @param extraArgs backend arguments of every run
     * @param project   the folder whose {@code runs/} receives the run folders
     * @return the exit code
     */
    int run(List<ResolvedRun> runs, TrainingOverrides overrides, int parallel, List<String> extraArgs, Path project)
            throws UsageException, IOException {
        ExperimentSpec spec = overrides.apply(options.apply(runs.get(0).spec()));
        SlurmSettings settings = spec.execution().slurmSettings().withArrayLimit(parallel);
        SlurmClient client = new SlurmClient(profile());
        Path runsFolder = project.resolve(RunDirectory.RUNS);
        try {
            List<RunRequest> requests = pending(runs, runsFolder, extraArgs, client);
            if (requests.isEmpty()) {
                out.println("nothing to submit: every run of the sweep is finished, queued or running");
                return ExitCodes.OK;
            }
            SlurmExecutor executor = new SlurmExecutor(client, settings, "execution.slurm", project, spec.name());
            executor.check(requests);
            List<Path> created = createFolders(runs, requests, runsFolder);
            String job;
            try {
                job = executor.submit(requests);
            } catch (SlurmException | IOException | RuntimeException e) {
                created.forEach(AtomicFiles::deleteQuietly);
                throw e;
            }
            out.println("submitted job array " + job + ": " + requests.size() + " runs in " + runsFolder + ", "
                    + parallel + " at a time" + (settings.partition() == null ? "" : ", partition "
                    + settings.partition()));
            out.println("'lmw status " + project + "' lists them; 'scancel " + job + "' cancels them");
            return options.await ? follow(executor, requests) : ExitCodes.OK;
        } catch (SlurmException e) {
            if (e.problems().isEmpty()) {
                err.println("sweep: " + e.getMessage());
                return ExitCodes.INTERNAL;
            }
            StringBuilder message = new StringBuilder("the Slurm settings were refused; nothing was submitted");
            for (SlurmProblem p : e.problems()) {
                message.append("\n  ").append(options.describe(p, specFile));
            }
            throw new UsageException(message.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERNAL;
        }
    }

    private SlurmProfile profile() throws UsageException {
        if (options.profile == null) {
            return SlurmProfile.local();
        }
        try {
            return SlurmProfileJson.read(options.profile);
        } catch (SlurmException e) {
            throw new UsageException("--profile: " + e.getMessage());
        }
    }

    /**
     * The runs to submit: new ones, and existing ones that are neither finished (completed,
     * diverged) nor waiting or running in a job the scheduler still has.
     */
    private List<RunRequest> pending(List<ResolvedRun> runs, Path runsFolder, List<String> extraArgs,
            SlurmClient client) throws SlurmException, InterruptedException {
        List<RunDirectory> existing = new ArrayList<>();
        for (ResolvedRun r : runs) {
            if (Files.isDirectory(runsFolder.resolve(r.runId()))) {
                existing.add(new RunDirectory(runsFolder.resolve(r.runId())));
            }
        }
        List<String> busy = new ArrayList<>();
        for (ScheduledRun s : new SlurmRunMonitor(client).poll(existing)) {
            RunState state = s.state();
            if (state == RunState.COMPLETED || state == RunState.DIVERGED) {
                out.println(s.run().runId() + ": already " + state.jsonName() + "; left alone");
                busy.add(s.run().runId());
            } else if (s.snapshot() != null && (state == RunState.QUEUED || state == RunState.RUNNING)) {
                out.println(s.run().runId() + ": already " + state.jsonName() + " as job " + s.status().job().taskId()
                        + "; left alone");
                busy.add(s.run().runId());
            }
        }
        List<RunRequest> requests = new ArrayList<>();
        for (ResolvedRun r : runs) {
            if (!busy.contains(r.runId())) {
                requests.add(new RunRequest(r.runId(), runsFolder.resolve(r.runId()), extraArgs,
                        r.spec().execution().jvmMemory()));
            }
        }
        return requests;
    }

    /** Creates the folders the requests need; returns those it made, to be removed if submission fails. */
    private List<Path> createFolders(List<ResolvedRun> runs, List<RunRequest> requests, Path runsFolder)
            throws UsageException {
        List<Path> created = new ArrayList<>();
        for (ResolvedRun r : runs) {
            Path folder = runsFolder.resolve(r.runId());
            if (requests.stream().anyMatch(q -> q.runId().equals(r.runId())) && !Files.isDirectory(folder)) {
                try {
                    RunDirectory.create(runsFolder, r.runId(), new RunPlanner(specFile).absoluteDataPath(r.spec()));
                    created.add(folder);
                } catch (IOException e) {
                    created.forEach(AtomicFiles::deleteQuietly);
                    throw new UsageException(folder + ": cannot create the run folder: " + RunCommand.describe(e));
                }
            }
        }
        return created;
    }

    /** Follows the array to its end, one line per finished run, like a local sweep. */
    private int follow(SlurmExecutor executor, List<RunRequest> requests)
            throws SlurmException, IOException, InterruptedException {
        Thread stopper = new Thread(executor::close, "lmw-sweep-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            List<RunResult> results = executor.follow(requests, r -> out.println(r.request().runId() + ": "
                    + SweepCommand.describe(r) + " (" + r.elapsed().toSeconds() + " s)"));
            return SweepCommand.summarize(results, List.of(), out);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Already stopping; the hook cancels the array.
            }
        }
    }
}
