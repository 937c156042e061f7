package org.lmworkbench.workspace.cka;

import java.util.List;
import java.util.stream.Collectors;
import org.lmworkbench.core.spec.SpecProblem;

/**
 * A .cka document (or a similarity result) that cannot be used, with every problem found, each
 * naming its JSON path and, when the text was read from a file, its line and column.
 */
public final class CkaFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<SpecProblem> problems;

    /** Collects {@code problems} of the text called {@code source} (a file name, or null). */
    public CkaFormatException(String source, List<SpecProblem> problems) {
        super(render(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order they were found. */
    public List<SpecProblem> problems() {
        return problems;
    }

    private static String render(String source, List<SpecProblem> problems) {
        String prefix = source == null ? "" : source + ": ";
        return problems.stream().map(p -> prefix + where(p) + p.message()).collect(Collectors.joining("\n"));
    }

    private static String where(SpecProblem p) {
        return p.line() > 0 ? "line " + p.line() + ", column " + p.column() + ": " : "";
    }
}
