package org.lmworkbench.backend.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lmworkbench.core.cluster.ScheduledRun;
import org.lmworkbench.core.cluster.SlurmRunMonitor;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.OptionsCommand;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.slurm.SlurmClient;
import org.lmworkbench.core.slurm.SlurmException;
import org.lmworkbench.core.slurm.SlurmProfile;
import org.lmworkbench.core.slurm.SlurmProfileJson;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code status <dir|run-dir>}: one line per run of a sweep with its state, step, job and what the
 * scheduler says about it. Runs submitted to Slurm whose status is not final are looked up with
 * squeue (sacct or scontrol once the controller has forgotten them), so a waiting run shows why it
 * waits and a run whose task ended unrecorded shows how. It only reads: the files stay as they are.
 */
final class StatusCommand extends OptionsCommand<StatusCommand.Options> {

    static final String HELP = """
            usage: lmw status <dir|run-dir> [--profile FILE] [--local]

            Lists the runs of a sweep (<dir>/runs/*) or one run folder: state, step, the Slurm job
            (array id_index) and, for a run the scheduler has not finished with, what it says: why a
            queued run waits (pending (Resources), pending (JobArrayTaskLimit), requeued ...), or
            that a task ended (CANCELLED, TIMEOUT, ...) before its run could record it. Reads only.

              --profile FILE  how to reach the cluster (see 'lmw sweep --help'); default: the Slurm
                              commands on this machine
              --local         do not ask the scheduler; show what the run folders say

            exit codes: 0 listed, 2 not a run folder or a folder with runs, 1 the scheduler did not answer""";

    /** The arguments of {@code status}. */
    static final class Options {
        @Parameters(paramLabel = "<dir>")
        String dir;

        @Option(names = "--profile", paramLabel = "FILE")
        Path profile;

        @Option(names = "--local")
        boolean local;
    }

    /** The command {@code status}. */
    public StatusCommand() {
        super("status", "<dir|run-dir>", "list a sweep's runs: state, step, Slurm job, why one waits",
                HELP, Options::new);
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws UsageException, IOException {
        Path dir = Path.of(o.dir).toAbsolutePath().normalize();
        List<RunDirectory> runs;
        if (Files.isRegularFile(new RunDirectory(dir).specFile())) {
            runs = List.of(new RunDirectory(dir));
        } else if (Files.isDirectory(dir.resolve(RunDirectory.RUNS))) {
            runs = RunDirectory.list(dir);
        } else {
            throw new UsageException(dir + ": neither a run folder (no " + RunDirectory.SPEC + ") nor a folder with "
                    + RunDirectory.RUNS + "/");
        }
        List<ScheduledRun> shown;
        if (o.local || runs.stream().noneMatch(StatusCommand::submitted)) {
            shown = runs.stream().map(r -> new ScheduledRun(r, status(r), null)).toList();
        } else {
            try {
                shown = new SlurmRunMonitor(new SlurmClient(profile(o))).poll(runs);
            } catch (SlurmException e) {
                err.println("status: the scheduler did not answer (" + e.getMessage() + "); use --local to list "
                        + "what the run folders say");
                return ExitCodes.INTERNAL;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.INTERNAL;
            }
        }
        print(shown, out);
        return ExitCodes.OK;
    }

    /** The table and a count per state. */
    static void print(List<ScheduledRun> runs, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"run", "state", "step", "job", "detail"});
        Map<String, Integer> counts = new TreeMap<>();
        for (ScheduledRun r : runs) {
            RunStatus s = r.status();
            RunState state = r.state();
            String name = state == null ? "unreadable" : state.jsonName();
            counts.merge(name, 1, Integer::sum);
            String step = s == null ? "" : s.totalSteps() > 0 ? s.lastStep() + "/" + s.totalSteps()
                    : Long.toString(s.lastStep());
            String job = s == null || s.job() == null ? "" : s.job().taskId();
            String detail = r.detail().isEmpty() && s != null && s.message() != null && state != null && state.isTerminal()
                    ? s.message() : r.detail();
            rows.add(new String[] {r.run().runId(), name, step, job, detail});
        }
        int[] width = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                line.append(String.format(Locale.ROOT, "%-" + width[i] + "s  ", row[i]));
            }
            out.println((line + row[4]).stripTrailing());
        }
        StringBuilder summary = new StringBuilder(runs.size() + (runs.size() == 1 ? " run" : " runs"));
        String separator = ": ";
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            summary.append(separator).append(c.getValue()).append(' ').append(c.getKey());
            separator = ", ";
        }
        out.println(summary);
    }

    private static SlurmProfile profile(Options o) throws UsageException {
        if (o.profile == null) {
            return SlurmProfile.local();
        }
        try {
            return SlurmProfileJson.read(o.profile);
        } catch (SlurmException e) {
            throw new UsageException("--profile: " + e.getMessage());
        }
    }

    private static boolean submitted(RunDirectory run) {
        RunStatus status = status(run);
        return status != null && status.job() != null;
    }

    private static RunStatus status(RunDirectory run) {
        try {
            return run.readStatus();
        } catch (IOException e) {
            return null;
        }
    }
}
