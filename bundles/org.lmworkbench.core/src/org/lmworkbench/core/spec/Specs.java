package org.lmworkbench.core.spec;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Entry point for spec files: read, validate and expand in one call. User mistakes never throw;
 * they come back as problems in a {@link SpecLoadResult}.
 */
public final class Specs {

    /** File name endings of experiment specs. */
    public static final List<String> FILE_EXTENSIONS = List.of(".lmx", ".experiment.json");

    private Specs() {
    }

    /** True if the file name says it is an experiment spec. */
    public static boolean isSpecFile(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return FILE_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /** Reads, validates and expands a spec file. An unreadable file is reported as a problem. */
    public static SpecLoadResult load(Path file) {
        SpecDocument document;
        try {
            document = new SpecReader().read(file);
        } catch (NoSuchFileException e) {
            return failure("file not found: " + file);
        } catch (IOException e) {
            return failure("cannot read " + file + ": " + e.getMessage());
        }
        return fromDocument(document);
    }

    /** Reads, validates and expands spec text. */
    public static SpecLoadResult parse(String text) {
        return fromDocument(new SpecReader().read(text));
    }

    /**
     * Loads a spec file for callers that prefer an exception.
     *
     * @throws SpecException with every problem if the file cannot be used
     */
    public static List<ResolvedRun> loadRuns(Path file) {
        return load(file).runsOrThrow();
    }

    /**
     * The name the runs of a spec file carry in their spec.json ({@code name}), by which a spec's runs
     * are told from the other runs of its project. A spec with errors still has runs from when it was
     * valid, so the name is read from the raw JSON when the spec does not resolve; the file name
     * without its extension is the last resort.
     */
    public static String name(Path file) {
        SpecLoadResult result = load(file);
        if (!result.runs().isEmpty()) {
            return result.runs().get(0).spec().name();
        }
        if (result.tree() != null && result.tree().get("name") instanceof SpecNode.StringNode name) {
            return name.value();
        }
        String name = String.valueOf(file.getFileName());
        for (String extension : FILE_EXTENSIONS) {
            if (name.toLowerCase(Locale.ROOT).endsWith(extension)) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }

    /** Validates and expands a tree that was already read (or built by a form). */
    public static SpecLoadResult fromTree(SpecNode.ObjectNode tree) {
        return fromDocument(new SpecDocument(tree, List.of()));
    }

    private static SpecLoadResult fromDocument(SpecDocument document) {
        if (document.isUnreadable()) {
            return new SpecLoadResult(null, document.problems(), List.of());
        }
        List<SpecProblem> problems = new ArrayList<>(document.problems());
        problems.addAll(new SpecValidator().validate(document.root()));
        problems.sort(SpecProblem.BY_POSITION);
        boolean errors = problems.stream().anyMatch(SpecProblem::isError);
        List<ResolvedRun> runs = errors ? List.of() : SweepExpander.expandValid(document.root());
        return new SpecLoadResult(document.root(), problems, runs);
    }

    private static SpecLoadResult failure(String message) {
        return new SpecLoadResult(null, List.of(new SpecProblem(SpecProblem.Severity.ERROR, message, JsonPaths.ROOT, 0, 0)),
                List.of());
    }
}
