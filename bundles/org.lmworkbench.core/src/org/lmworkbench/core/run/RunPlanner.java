package org.lmworkbench.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ResolvedRun;
import org.lmworkbench.core.spec.SpecLoadResult;
import org.lmworkbench.core.spec.SpecProblem;
import org.lmworkbench.core.spec.Specs;

/**
 * Turns a spec file into run folders, for the command line ({@code lmw run}, {@code lmw sweep}) and
 * the workbench's launches alike. The spec is validated first and nothing is created when it has
 * errors; every run then gets {@code runs/<run-id>/} with its resolved spec and a {@code queued}
 * status, and the backend's {@code resume} starts each folder from step 0.
 * <p>
 * Run ids: a sweep's runs are {@code <name>-000, -001, ...}, and a sweep planned again finds its
 * folders: completed and diverged runs are left alone (a diverged run would only diverge again),
 * the others are resumed, and a folder that holds a run of another point (a re-run or a single run
 * that took the id before the sweep grew to it) refuses the plan before anything is made. A
 * single-run spec is planned either under its sweep id {@code <name>-000} (the command line's sweep
 * of one run, which then resumes like a sweep) or under a fresh {@link RunDirectory#freshId} (the
 * workbench, where pressing Run again starts a new run). Relative data paths are made
 * absolute against the spec file's folder before they are written into a run's spec. A plan that
 * fails half-way removes the folders it made, so no queued run is left that nobody starts.
 */
public final class RunPlanner {

    /** Problems listed in a refusal; the rest are counted. */
    public static final int MAX_LISTED_PROBLEMS = 5;

    /** How the single run of a spec without a sweep is named. */
    public enum SingleRunId {
        /** {@code runs/<name>-000}, found again when planned again. */
        SPEC_NAME,
        /** A new {@code runs/<name>-NNN} on every plan. */
        FRESH_NUMBER
    }

    /**
     * A run to start.
     *
     * @param directory its folder
     * @param spec      the spec it trains (data path absolute)
     * @param created   true if this plan made the folder, false if it exists and is resumed
     */
    public record PlannedRun(RunDirectory directory, ExperimentSpec spec, boolean created) {
        /** The run id, the folder's name. */
        public String runId() {
            return directory.runId();
        }
    }

    /**
     * A run of the spec that has ended for good and is not started again.
     *
     * @param directory its folder
     * @param state     {@link RunState#COMPLETED} or {@link RunState#DIVERGED}
     */
    public record FinishedRun(RunDirectory directory, RunState state) {
    }

    /**
     * A plan.
     *
     * @param runs     the runs to start, in sweep order
     * @param finished runs left alone because they have ended for good
     * @param parallel how many may run at once ({@code execution.parallel} of the first run, at least 1)
     * @param sweep    true if the spec has a sweep
     */
    public record Plan(List<PlannedRun> runs, List<FinishedRun> finished, int parallel, boolean sweep) {
        /** Freezes the lists. */
        public Plan {
            runs = List.copyOf(runs);
            finished = List.copyOf(finished);
        }
    }

    /** The spec has errors; nothing was created. The message lists them with file, line and JSON path. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        private final String file;
        private final transient List<SpecProblem> errors;

        RefusedException(String file, List<SpecProblem> errors) {
            super(describe(file, errors, MAX_LISTED_PROBLEMS));
            this.file = file;
            this.errors = List.copyOf(errors);
        }

        /** A refusal that is not about the spec's own text (no problems to list). */
        RefusedException(String message) {
            super(message);
            this.file = null;
            this.errors = List.of();
        }

        /** The errors, in document order; empty when the spec is valid but the run folders refuse it. */
        public List<SpecProblem> errors() {
            return errors;
        }

        /**
         * The first {@code limit} errors, one per line as {@link RunPlanner#locate} prints them, for a
         * caller that words the summary itself.
         */
        public String problemLines(int limit) {
            StringBuilder text = new StringBuilder();
            errors.stream().limit(limit).forEach(p -> text.append(text.isEmpty() ? "" : "\n").append(locate(file, p)));
            return text.toString();
        }
    }

    private final Path specFile;
    private final String displayName;

    /**
     * @param specFile    the spec on disk
     * @param displayName how messages name the file (a workspace path, or the path as typed)
     */
    public RunPlanner(Path specFile, String displayName) {
        this.specFile = specFile;
        this.displayName = displayName;
    }

    /** A planner that names the file by its path. */
    public RunPlanner(Path specFile) {
        this(specFile, specFile.toString());
    }

    /**
     * Reads and validates the spec.
     *
     * @throws RefusedException when it has errors
     */
    public SpecLoadResult load() throws RefusedException {
        SpecLoadResult loaded = Specs.load(specFile);
        check(loaded);
        return loaded;
    }

    /**
     * Refuses a loaded spec with errors.
     *
     * @throws RefusedException when it has errors
     */
    public void check(SpecLoadResult loaded) throws RefusedException {
        if (loaded.hasErrors()) {
            throw new RefusedException(displayName, loaded.errors());
        }
    }

    /** Loads, validates and plans into {@code runsFolder}. */
    public Plan plan(Path runsFolder, SingleRunId single) throws RefusedException, IOException {
        return plan(load(), runsFolder, single);
    }

    /**
     * Creates (or finds) the run folders of a loaded spec in {@code runsFolder}.
     *
     * @throws RefusedException when the spec has errors
     * @throws IOException      when a folder cannot be created; folders made by this call are removed again
     */
    public Plan plan(SpecLoadResult loaded, Path runsFolder, SingleRunId single) throws RefusedException, IOException {
        check(loaded);
        List<ResolvedRun> runs = loaded.runs();
        int parallel = parallel(loaded);
        boolean sweep = loaded.isSweep();
        refuseOtherPoints(loaded, runsFolder); // before anything is created
        List<PlannedRun> planned = new ArrayList<>();
        List<FinishedRun> finished = new ArrayList<>();
        try {
            for (ResolvedRun r : runs) {
                ExperimentSpec spec = absoluteDataPath(r.spec());
                if (!sweep && single == SingleRunId.FRESH_NUMBER) {
                    String id = RunDirectory.freshId(runsFolder, spec.name());
                    planned.add(new PlannedRun(RunDirectory.create(runsFolder, id, spec), spec, true));
                    continue;
                }
                Path folder = runsFolder.resolve(r.runId());
                if (!Files.isDirectory(folder)) {
                    planned.add(new PlannedRun(RunDirectory.create(runsFolder, r.runId(), spec), spec, true));
                    continue;
                }
                RunDirectory existing = new RunDirectory(folder);
                RunState state = endedForGood(existing);
                if (state != null) {
                    finished.add(new FinishedRun(existing, state));
                } else {
                    planned.add(new PlannedRun(existing, spec, false));
                }
            }
        } catch (IOException | RuntimeException e) {
            for (PlannedRun p : planned) {
                if (p.created()) {
                    AtomicFiles.deleteQuietly(p.directory().path());
                }
            }
            throw e;
        }
        return new Plan(planned, finished, parallel, sweep);
    }

    /** How many runs of a loaded, valid spec may train at once (its {@code execution.parallel}, at least 1). */
    public static int parallel(SpecLoadResult loaded) {
        return Math.max(1, loaded.runs().get(0).spec().execution().parallel());
    }

    /**
     * Refuses a sweep whose run ids are taken by folders that hold runs of other points: resuming
     * (or skipping) such a run would put the wrong run in the sweep's place. Executors that make
     * their folders themselves (a cluster's) call it before they make any.
     *
     * @throws RefusedException naming the folder and the first swept key that differs
     */
    public void refuseOtherPoints(SpecLoadResult loaded, Path runsFolder) throws RefusedException {
        if (loaded.isSweep()) {
            for (ResolvedRun r : loaded.runs()) {
                checkSamePoint(runsFolder.resolve(r.runId()), r);
            }
        }
    }

    private void checkSamePoint(Path folder, ResolvedRun run) throws RefusedException {
        RunDirectory existing = new RunDirectory(folder);
        if (!Files.isRegularFile(existing.specFile())) {
            return;
        }
        ExperimentSpec held;
        try {
            held = existing.readSpec();
        } catch (IOException | RuntimeException e) {
            return; // resume reports an unreadable spec.json with the file's name
        }
        String difference = run.differenceFrom(held);
        if (difference != null) {
            throw new RefusedException(displayName + ": " + folder + " holds a run of another point of the sweep ("
                    + difference + "); move or rename it, or rename the spec");
        }
    }

    /** The spec with a relative {@code data.path} made absolute against the spec file's folder. */
    public ExperimentSpec absoluteDataPath(ExperimentSpec spec) {
        String path = spec.data().path();
        if (path == null || !spec.data().source().isFileBased() || Path.of(path).isAbsolute()) {
            return spec;
        }
        Path folder = specFile.toAbsolutePath().getParent();
        return spec.withValue("data.path", folder.resolve(path).normalize().toString());
    }

    /** The terminal state that keeps a run from being started again, or null if it may be (re)started. */
    private static RunState endedForGood(RunDirectory run) {
        try {
            RunState state = run.readStatus().state();
            return state == RunState.COMPLETED || state == RunState.DIVERGED ? state : null;
        } catch (IOException e) {
            return null; // resume says what is wrong with the folder
        }
    }

    /**
     * One problem as compilers print them: {@code file:line: message}, with {@code warning: } before
     * a warning's message and the JSON path after a message that does not name it.
     */
    public static String locate(String file, SpecProblem p) {
        StringBuilder text = new StringBuilder(file);
        if (p.line() > 0) {
            text.append(':').append(p.line());
        }
        text.append(": ").append(p.isError() ? "" : "warning: ").append(p.message());
        if (!p.message().contains(p.jsonPath())) {
            text.append(" (").append(p.jsonPath()).append(')');
        }
        return text.toString();
    }

    /**
     * A refusal: {@code <file>: the spec has N error(s):} and the first {@code limit} problems, one
     * per line as {@link #locate} prints them, then how many more there are.
     */
    public static String describe(String file, List<SpecProblem> errors, int limit) {
        StringBuilder text = new StringBuilder(file + ": the spec has " + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + ":");
        errors.stream().limit(limit).forEach(p -> text.append('\n').append(locate(file, p)));
        if (errors.size() > limit) {
            text.append("\n... and ").append(errors.size() - limit).append(" more");
        }
        return text.toString();
    }
}
