package org.lmworkbench.core.spec;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in an experiment spec, located in the file so that an editor can put a marker
 * on it.
 *
 * @param severity whether the spec is unusable ({@link Severity#ERROR}) or merely suspicious
 * @param message  a complete, stable English sentence; it names the JSON path itself
 * @param jsonPath where in the document the problem is, for example {@code $.model.width}
 * @param line     1-based line in the file, or 0 when the problem has no place in a file
 * @param column   1-based column in the file, or 0 when unknown
 */
public record SpecProblem(Severity severity, String message, String jsonPath, int line, int column) {

    /** How bad a problem is. */
    public enum Severity {
        /** The spec cannot be run. */
        ERROR,
        /** The spec runs, but something in it is ignored or probably not meant. */
        WARNING
    }

    /** Document order; problems without a location (line 0) go last. Stable sorts keep discovery order on ties. */
    public static final Comparator<SpecProblem> BY_POSITION = Comparator
            .comparingInt((SpecProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
            .thenComparingInt(SpecProblem::column);

    /** Checks that nothing is missing. */
    public SpecProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(jsonPath, "jsonPath");
    }

    /** Creates an error located at a node. */
    public static SpecProblem error(String message, SpecNode at) {
        return new SpecProblem(Severity.ERROR, message, at.path(), at.line(), at.column());
    }

    /** Creates a warning located at a node. */
    public static SpecProblem warning(String message, SpecNode at) {
        return new SpecProblem(Severity.WARNING, message, at.path(), at.line(), at.column());
    }

    /** True for {@link Severity#ERROR}. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Renders {@code "line 4, column 7: ERROR: message"}, the form used in logs and exceptions. */
    @Override
    public String toString() {
        String where = line > 0 ? "line " + line + ", column " + column + ": " : "";
        return where + severity + ": " + message;
    }
}
