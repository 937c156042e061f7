package org.lmworkbench.core.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by API methods that cannot return a spec because the input is not a valid spec. It carries
 * every problem found, so callers that catch it lose nothing compared to {@link Specs#load}.
 */
public class SpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SpecProblem> problems;

    /** Creates an exception whose message lists all problems, one per line. */
    public SpecException(List<SpecProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, errors and warnings, in document order. */
    public List<SpecProblem> problems() {
        return problems;
    }

    private static String summary(List<SpecProblem> problems) {
        if (problems.isEmpty()) {
            return "invalid spec";
        }
        return problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n"));
    }
}
