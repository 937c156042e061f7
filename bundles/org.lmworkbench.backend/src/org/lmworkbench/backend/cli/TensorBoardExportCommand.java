package org.lmworkbench.backend.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.command.ArgumentException;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.command.OptionsCommand;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.format.FileFormatException;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.Specs;
import org.lmworkbench.core.tensorboard.TensorBoardExport;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tensorboard-export <run-dir>... --out <dir>}: writes each run as a TensorBoard event file
 * in {@code <dir>/<run-id>/}, or every run of a project ({@code --project}) or of one spec of it
 * ({@code --spec}). The mapping of metrics, probes and spec to events is {@link TensorBoardExport}'s.
 */
final class TensorBoardExportCommand extends OptionsCommand<TensorBoardExportCommand.Options> {

    static final String HELP = """
            usage: lmw tensorboard-export <run-dir>... --out <dir>
                   lmw tensorboard-export --project <dir> [--spec <spec.lmx>] --out <dir>

            Writes each run as a TensorBoard event file in <dir>/<run-id>/: every metric of
            metrics.jsonl and every probe series as scalars (float32, at their steps and times), the
            spec as a text. 'tensorboard --logdir <dir>' then shows the runs side by side.

              --out DIR       the log folder; a run's sub-folder must not hold an event file yet
              --project DIR   take every run of the project DIR (its runs/ folder)
              --spec FILE     take the runs made from this spec (its sweep), from --project or,
                              without it, from the folder the spec file is in

            exit codes: 0 written, 2 invalid input (no such run, a damaged run file, an event file
                        already in the way), 1 internal error""";

    /** The arguments of {@code tensorboard-export}. */
    static final class Options {
        @Parameters(paramLabel = "<run-dir>", arity = "0..*")
        List<String> runs = new ArrayList<>();

        @Option(names = "--out", required = true, paramLabel = "<dir>")
        String out;

        @Option(names = "--project", paramLabel = "<dir>")
        String project;

        @Option(names = "--spec", paramLabel = "<spec.lmx>")
        String spec;
    }

    /** The command {@code tensorboard-export}. */
    TensorBoardExportCommand() {
        super("tensorboard-export", "<run-dir>... --out <dir>", "write runs as TensorBoard event files",
                HELP, Options::new);
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws UsageException, IOException {
        List<Path> runs = runs(o);
        Path target = Path.of(o.out).toAbsolutePath().normalize();
        List<TensorBoardExport.Exported> written;
        try {
            written = TensorBoardExport.runs(runs, target);
        } catch (NoSuchFileException e) {
            throw new UsageException(e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "no such file"));
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(e.getFile() + ": " + e.getReason());
        } catch (FileFormatException e) {
            throw new UsageException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        for (TensorBoardExport.Exported e : written) {
            out.println(e.runId() + ": " + e.file() + " (" + e.scalars() + " scalars of " + e.tags().size() + " tags, "
                    + e.events() + " events)");
        }
        out.println(written.size() + (written.size() == 1 ? " run" : " runs") + " written to " + target
                + "; view them with: tensorboard --logdir " + target);
        return ExitCodes.OK;
    }

    private static List<Path> runs(Options o) throws UsageException, IOException {
        if (!o.runs.isEmpty() && (o.project != null || o.spec != null)) {
            throw new ArgumentException("give run folders, or --project and --spec, not both");
        }
        if (o.runs.isEmpty() && o.project == null && o.spec == null) {
            throw new ArgumentException("name at least one run folder, or --project or --spec");
        }
        List<Path> runs = new ArrayList<>();
        if (!o.runs.isEmpty()) {
            for (String r : o.runs) {
                Path dir = Path.of(r).toAbsolutePath().normalize();
                if (!Files.isDirectory(dir)) {
                    throw new UsageException(dir + ": no such run folder");
                }
                runs.add(dir);
            }
            return runs;
        }
        Path spec = o.spec == null ? null : Path.of(o.spec).toAbsolutePath().normalize();
        if (spec != null && !Files.isRegularFile(spec)) {
            throw new UsageException(spec + ": no such spec file");
        }
        Path project = o.project != null ? Path.of(o.project).toAbsolutePath().normalize() : spec.getParent();
        if (!Files.isDirectory(project)) {
            throw new UsageException(project + ": no such project folder");
        }
        String name = spec == null ? null : Specs.name(spec);
        for (RunDirectory run : RunDirectory.list(project)) {
            if (name == null || name.equals(run.specName())) {
                runs.add(run.path());
            }
        }
        if (runs.isEmpty()) {
            throw new UsageException(project.resolve(RunDirectory.RUNS) + ": no runs"
                    + (name == null ? "" : " of the spec '" + name + "'"));
        }
        return runs;
    }
}
