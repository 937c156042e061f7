package org.lmworkbench.workspace.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmworkbench.core.run.RunDirectory;

/**
 * Which runs the Runs view follows: a fixed list of run folders, or every run of a project
 * (optionally only those of one spec), looked up again on each poll so that runs of a sweep appear
 * as they start.
 *
 * @param runs        explicit run folders, or empty
 * @param project     project folder whose {@code runs/} are listed, or null
 * @param specName    for a project: only runs of the spec with this name (its sweep), or null for all
 * @param description what is followed, for the status line
 */
public record RunQuery(List<Path> runs, Path project, String specName, String description) {

    /** Follows nothing. */
    public static final RunQuery NONE = new RunQuery(List.of(), null, null, "");

    /** Copies the list. */
    public RunQuery {
        runs = List.copyOf(runs);
    }

    /** The given run folders. */
    public static RunQuery of(List<Path> runFolders, String description) {
        return new RunQuery(runFolders, null, null, description);
    }

    /** All runs of a project. */
    public static RunQuery project(Path project, String description) {
        return new RunQuery(List.of(), project, null, description);
    }

    /** The runs of one spec of a project: its single run or its sweep. */
    public static RunQuery spec(Path project, String specName, String description) {
        return new RunQuery(List.of(), project, specName, description);
    }

    /**
     * The candidate run folders that exist now: the given ones, or every run of the project sorted
     * by id. For a spec query, {@link #accepts(Map)} then keeps those made from the spec.
     */
    public List<Path> resolve() throws IOException {
        if (project == null) {
            return runs.stream().filter(Files::isDirectory).toList();
        }
        List<Path> out = new ArrayList<>();
        for (RunDirectory run : RunDirectory.list(project)) {
            out.add(run.path());
        }
        return out;
    }

    /**
     * True if a run with these spec.json values belongs to the query. For a spec, that is a run whose
     * resolved spec carries the spec's name: {@code SweepExpander} keeps the name in every run of a
     * sweep (only the run id gets a number, {@code eos-007}), and the name is there however the run
     * folder was named. A run without a readable spec.json cannot be told to belong.
     */
    public boolean accepts(Map<String, Object> specValues) {
        return specName == null || specName.equals(specValues.get("name"));
    }

    /** True if this query follows nothing. */
    public boolean isEmpty() {
        return project == null && runs.isEmpty();
    }
}
