package org.lmworkbench.backend.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.lmworkbench.core.command.OptionsCommand;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunLock;
import org.lmworkbench.core.run.RunPlanner;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.SpecLoadResult;
import org.lmworkbench.core.spec.SpecSchema;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run <spec> --out <dir>}: trains the single run of a spec into the run folder {@code <dir>}. */
final class RunCommand extends OptionsCommand<RunCommand.Options> {

    static final String HELP = """
            usage: lmw run <spec.lmx> --out <run-dir> [--threads N] [--device auto|cpu|gpu]

            Trains the single run described by <spec.lmx> into the run folder <run-dir>
            (spec.json, status.json, metrics.jsonl, probes/, activations/, checkpoints/, log.txt).
            <run-dir> must not exist yet (or be empty). A spec with a sweep needs 'sweep'.

              --out DIR       the run folder to create
              --threads N     intra-op CPU threads (overrides execution.threads)
              --device D      auto (GPU if DJL sees one), cpu or gpu (overrides execution.device)

            exit codes: 0 completed, 2 invalid input, 3 diverged, 1 internal error""";

    /** The arguments of {@code run}. */
    static final class Options {
        @Parameters(paramLabel = "<spec.lmx>")
        String spec;

        @Option(names = "--out", required = true, paramLabel = "<run-dir>")
        String out;

        @Mixin
        TrainingOverrides overrides = new TrainingOverrides();
    }

    /** The command {@code run}. */
    public RunCommand() {
        super("run", "<spec> --out <run-dir>", "train the single run of a spec",
                HELP, Options::new);
    }

    @Override
    protected int run(Options o, PrintStream out, PrintStream err) throws UsageException, IOException {
        Path specFile = Path.of(o.spec);
        SpecLoadResult loaded = SpecLoading.load(specFile, err);
        if (loaded.isSweep()) {
            int line = loaded.tree().keyLocation(SpecSchema.SWEEP).line();
            throw new UsageException(specFile + ":" + line + ": the spec is a sweep of " + loaded.runs().size()
                    + " runs ($.sweep); use 'sweep " + specFile + " --out <dir>' to run them");
        }
        ExperimentSpec spec = o.overrides.apply(new RunPlanner(specFile).absoluteDataPath(loaded.runs().get(0).spec()));
        Path dir = Path.of(o.out).toAbsolutePath().normalize();
        checkTarget(dir);
        try (RunLauncher.Prepared prepared = RunLauncher.prepare(spec, null)) {
            RunDirectory run = create(dir, spec);
            try (RunLock lock = RunLauncher.lock(run)) {
                return RunLauncher.train(run, lock, prepared, out, err);
            }
        }
    }

    /** Refuses an existing non-empty folder before any work is done. */
    static void checkTarget(Path dir) throws UsageException, IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UsageException(dir + ": exists and is not empty; choose a new folder, or use 'resume "
                            + dir + "' to continue a run");
                }
            }
        } else if (Files.exists(dir)) {
            throw new UsageException(dir + ": exists and is not a folder");
        }
    }

    private static RunDirectory create(Path dir, ExperimentSpec spec) throws UsageException {
        Path parent = dir.getParent();
        try {
            Files.deleteIfExists(dir); // an empty folder the user made beforehand
            return RunDirectory.create(parent, dir.getFileName().toString(), spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(dir + ": the folder name must consist of A-Z a-z 0-9 . _ - (not starting with .)");
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Checked empty before the data was loaded: another command has created it since.
            throw new UsageException(dir + ": another process created this run folder while this one was loading its"
                    + " data; choose a new folder, or use 'resume " + dir + "' to continue that run");
        } catch (IOException e) {
            throw new UsageException(dir + ": cannot create the run folder: " + describe(e));
        }
    }

    static String describe(IOException e) {
        String kind = switch (e.getClass().getSimpleName()) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "no such file or folder";
            case "FileSystemException" -> "file system error";
            case "NotDirectoryException" -> "a parent is not a folder";
            case "FileAlreadyExistsException" -> "exists already";
            case "DirectoryNotEmptyException" -> "exists and is not empty";
            default -> e.getClass().getSimpleName();
        };
        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? " (" + f.getReason() + ")" : "";
        return kind + reason + (e.getMessage() != null && !(e instanceof java.nio.file.FileSystemException)
                ? ": " + e.getMessage() : "");
    }
}
