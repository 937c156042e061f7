package org.lmworkbench.core.spec;

import java.util.List;

/**
 * What {@link Specs} made of a spec file: the problems found and, when there are no errors, the
 * runs it describes. Warnings do not prevent runs.
 *
 * @param tree     the document as read, for editors; null if it could not be read
 * @param problems every error and warning, sorted by position
 * @param runs     the runs in sweep order; empty when there are errors
 */
public record SpecLoadResult(SpecNode.ObjectNode tree, List<SpecProblem> problems, List<ResolvedRun> runs) {

    /** Freezes the lists. */
    public SpecLoadResult {
        problems = List.copyOf(problems);
        runs = List.copyOf(runs);
    }

    /** True if at least one problem is an error. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(SpecProblem::isError);
    }

    /** Only the errors. */
    public List<SpecProblem> errors() {
        return problems.stream().filter(SpecProblem::isError).toList();
    }

    /** Only the warnings. */
    public List<SpecProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** True if the file has a {@code sweep}. */
    public boolean isSweep() {
        return tree != null && tree.get(SpecSchema.SWEEP) != null;
    }

    /**
     * The runs, for callers that prefer an exception.
     *
     * @throws SpecException if there are errors
     */
    public List<ResolvedRun> runsOrThrow() {
        if (hasErrors()) {
            throw new SpecException(problems);
        }
        return runs;
    }

    /**
     * The spec of a file that describes exactly one run.
     *
     * @throws SpecException         if there are errors
     * @throws IllegalStateException if the file is a sweep
     */
    public ExperimentSpec singleSpec() {
        List<ResolvedRun> all = runsOrThrow();
        if (isSweep()) {
            throw new IllegalStateException("the spec is a sweep of " + all.size() + " runs, not a single run");
        }
        return all.get(0).spec();
    }
}
