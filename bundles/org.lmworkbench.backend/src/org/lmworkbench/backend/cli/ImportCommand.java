package org.lmworkbench.backend.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.OptionsCommand;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.format.FileFormatException;
import org.lmworkbench.core.tensorboard.CsvImport;
import org.lmworkbench.core.tensorboard.EventFileException;
import org.lmworkbench.core.tensorboard.ImportRecord;
import org.lmworkbench.core.tensorboard.ImportedRun;
import org.lmworkbench.core.tensorboard.TensorBoardImport;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import <tfevents-dir|file.csv> --project <dir>}: existing runs (TensorBoard logs, CSV
 * tables) become run folders of a project, beside trained runs. How logs and tables are read is
 * {@link TensorBoardImport}'s and {@link CsvImport}'s.
 */
final class ImportCommand extends OptionsCommand<ImportCommand.Options> {

    static final String HELP = """
            usage: lmw import <log-dir|event-file|table.csv> --project <dir>

            Imports existing runs into the project <dir> as runs/<run-id>/ folders (metrics.jsonl, a
            completed status.json and import.json, which says from where; no spec.json).
            - A TensorBoard log folder: every folder of event files (names containing 'tfevents') is a
              run, named by its path below <log-dir> ('exp/seed1' gives exp_seed1); scalars become
              metrics named after their tags, every character but letters, digits and _ made _
              ('loss/train' gives loss_train). Texts, histograms and images are counted, not imported.
            - A CSV file: a header with a 'step' column, an optional 'wall_time' column and one column
              per metric; the run is named after the file.
            A run id that is taken gets -2, -3, ... appended: an import never touches an existing run.
            Every file is read before the first run is written.

              --project DIR   the project folder; runs go to DIR/runs/

            exit codes: 0 imported, 2 invalid input (no such file, a damaged event file or table,
                        no scalar at all), 1 internal error""";

    /** The arguments of {@code import}. */
    static final class Options {
        @Parameters(paramLabel = "<log-dir|file.csv>")
        String source;

        @Option(names = "--project", required = true, paramLabel = "<dir>")
        String project;
    }

    /** The command {@code import}. */
    ImportCommand() {
        super("import", "<tfevents-dir|csv> --project <dir>", "import TensorBoard logs or CSV tables as runs",
                HELP, Options::new);
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws UsageException, IOException {
        Path source = Path.of(o.source).toAbsolutePath().normalize();
        Path project = Path.of(o.project).toAbsolutePath().normalize();
        if (Files.exists(project) && !Files.isDirectory(project)) {
            throw new UsageException(project + ": exists and is not a folder");
        }
        try {
            if (isCsv(source)) {
                report(List.of(CsvImport.file(source, project)), out, err);
            } else {
                TensorBoardImport.Result result = TensorBoardImport.logs(source, project);
                report(result.runs(), out, err);
                for (Path folder : result.withoutScalars()) {
                    err.println("warning: " + folder + ": no scalar values; no run was made for it");
                }
            }
        } catch (NoSuchFileException e) {
            throw new UsageException(e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "no such file"));
        } catch (FileFormatException | EventFileException e) {
            throw new UsageException(e.getMessage());
        }
        return ExitCodes.OK;
    }

    static boolean isCsv(Path source) {
        return Files.isRegularFile(source) && source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static void report(List<ImportedRun> runs, PrintStream out, PrintStream err) {
        for (ImportedRun run : runs) {
            ImportRecord r = run.record();
            out.println(run.runId() + ": " + run.folder() + " (" + r.metrics().size() + " metrics, " + r.steps()
                    + " steps, " + r.points() + " values)");
            if (r.skippedCount() > 0) {
                err.println("warning: " + run.runId() + ": not imported (not scalars): " + r.skipped());
            }
            if (r.replaced() > 0) {
                err.println("warning: " + run.runId() + ": " + r.replaced()
                        + " values were logged again at the same step; the later ones were kept");
            }
            for (Path torn : r.tornFiles()) {
                err.println("warning: " + torn + ": ends inside a record (still being written?); the records before it"
                        + " were imported");
            }
        }
        out.println(runs.size() + (runs.size() == 1 ? " run" : " runs") + " imported");
    }
}
