package org.lmworkbench.launching;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ResolvedRun;
import org.lmworkbench.core.spec.SpecLoadResult;
import org.lmworkbench.core.spec.SpecProblem;
import org.lmworkbench.core.spec.Specs;

/**
 * Turns a spec file into run folders, the way the backend's {@code sweep} command does: the spec is
 * validated first (nothing is created when it has errors), every run gets
 * {@code <project>/runs/<run-id>/} with its resolved spec and a {@code queued} status, and the
 * backend's {@code resume} then starts each folder from step 0. Plain Java, no workspace: the
 * delegate refreshes the workspace afterwards.
 * <p>
 * Run ids follow the backend: a sweep's runs are {@code <name>-000, -001, ...} and an existing folder
 * is resumed (completed and diverged ones are skipped, as {@code sweep} does). A single-run spec gets
 * a fresh {@code <name>-NNN} on every launch, so pressing Run again starts a new run instead of
 * colliding with the last one.
 */
final class RunPlanner {

    /** Problems listed in a refusal; the Problems view has the rest. */
    static final int MAX_LISTED_PROBLEMS = 5;

    /** A run to start: its folder and the spec it trains. */
    record PlannedRun(RunDirectory directory, ExperimentSpec spec, boolean created) {
        String runId() {
            return directory.runId();
        }
    }

    /** The spec cannot be launched; the message names file, line and JSON path of the problems. */
    static final class InvalidSpecException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidSpecException(String message) {
            super(message);
        }
    }

    /** The plan: runs to start, and how many existing runs were left alone because they are finished. */
    record Plan(List<PlannedRun> runs, int skipped, int parallel) {
    }

    private final Path specFile;
    private final String displayName;
    private final Path runsFolder;

    /**
     * @param specFile    the spec on disk
     * @param displayName how messages name the file (its workspace path)
     * @param project     the project folder on disk; runs go to its {@code runs/}
     */
    RunPlanner(Path specFile, String displayName, Path project) {
        this.specFile = specFile;
        this.displayName = displayName;
        this.runsFolder = project.resolve(RunDirectory.RUNS);
    }

    /** Validates the spec; throws before anything is written when it cannot be run. */
    SpecLoadResult validate() throws InvalidSpecException {
        SpecLoadResult loaded = Specs.load(specFile);
        if (loaded.hasErrors()) {
            throw new InvalidSpecException(describe(displayName, loaded.errors()));
        }
        return loaded;
    }

    /** Validates, then creates (or finds) the run folders. */
    Plan plan() throws InvalidSpecException, IOException {
        SpecLoadResult loaded = validate();
        List<ResolvedRun> runs = loaded.runs();
        int parallel = Math.max(1, runs.get(0).spec().execution().parallel());
        List<PlannedRun> planned = new ArrayList<>();
        int skipped = 0;
        try {
            if (!loaded.isSweep()) {
                ExperimentSpec spec = absoluteDataPath(runs.get(0).spec());
                String id = freshRunId(runsFolder, spec.name());
                planned.add(new PlannedRun(RunDirectory.create(runsFolder, id, spec), spec, true));
                return new Plan(planned, 0, parallel);
            }
            for (ResolvedRun r : runs) {
                ExperimentSpec spec = absoluteDataPath(r.spec());
                Path folder = runsFolder.resolve(r.runId());
                if (!Files.isDirectory(folder)) {
                    planned.add(new PlannedRun(RunDirectory.create(runsFolder, r.runId(), spec), spec, true));
                } else if (isFinished(new RunDirectory(folder))) {
                    skipped++;
                } else {
                    planned.add(new PlannedRun(new RunDirectory(folder), spec, false));
                }
            }
        } catch (IOException | RuntimeException e) {
            // A half-made sweep would sit in the Project Explorer as queued runs nobody starts.
            for (PlannedRun p : planned) {
                if (p.created()) {
                    deleteQuietly(p.directory().path());
                }
            }
            throw e;
        }
        return new Plan(planned, skipped, parallel);
    }

    /**
     * {@code <name>-NNN} with NNN one past the highest index any {@code <name>-<digits>} folder has,
     * so ids sort in launch order and never reuse a deleted run's id while later ones exist.
     */
    static String freshRunId(Path runsFolder, String name) throws IOException {
        Pattern numbered = Pattern.compile(Pattern.quote(name) + "-(\\d{1,9})");
        int highest = 0;
        if (Files.isDirectory(runsFolder)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(runsFolder)) {
                for (Path child : children) {
                    Matcher m = numbered.matcher(child.getFileName().toString());
                    if (m.matches()) {
                        highest = Math.max(highest, Integer.parseInt(m.group(1)));
                    }
                }
            }
        }
        return String.format("%s-%03d", name, highest + 1);
    }

    /** Completed and diverged runs are left alone, as the backend's sweep does. */
    private static boolean isFinished(RunDirectory run) {
        try {
            RunStatus status = run.readStatus();
            return status.state() == RunState.COMPLETED || status.state() == RunState.DIVERGED;
        } catch (IOException e) {
            return false; // resume will say what is wrong with the folder
        }
    }

    /** Relative data paths are relative to the spec file's folder, as for the command line. */
    private ExperimentSpec absoluteDataPath(ExperimentSpec spec) {
        String path = spec.data().path();
        if (path == null || !spec.data().source().isFileBased() || Path.of(path).isAbsolute()) {
            return spec;
        }
        Path folder = specFile.toAbsolutePath().getParent();
        return spec.withValue("data.path", folder.resolve(path).normalize().toString());
    }

    /**
     * The refusal text: a summary line, then one {@code file:line: message (JSON path)} line per
     * problem, like the backend prints them.
     */
    static String describe(String file, List<SpecProblem> errors) {
        StringBuilder text = new StringBuilder(
                org.eclipse.osgi.util.NLS.bind(Messages.RunPlanner_invalidSpec, file, errors.size()));
        errors.stream().limit(MAX_LISTED_PROBLEMS).forEach(p -> {
            text.append('\n').append(file);
            if (p.line() > 0) {
                text.append(':').append(p.line());
            }
            text.append(": ").append(p.message());
            if (!p.message().contains(p.jsonPath())) {
                text.append(" (").append(p.jsonPath()).append(')');
            }
        });
        if (errors.size() > MAX_LISTED_PROBLEMS) {
            text.append('\n').append(org.eclipse.osgi.util.NLS.bind(Messages.RunPlanner_moreProblems,
                    errors.size() - MAX_LISTED_PROBLEMS));
        }
        return text.toString();
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort; the folder is still marked queued and can be deleted by hand
        }
    }
}
