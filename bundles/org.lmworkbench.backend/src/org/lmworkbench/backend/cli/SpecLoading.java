package org.lmworkbench.backend.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.SpecLoadResult;
import org.lmworkbench.core.spec.SpecProblem;
import org.lmworkbench.core.spec.Specs;

/**
 * Loads spec files for the commands and reports problems like a compiler, one per line:
 * {@code file:line: message} (warnings with {@code warning:}), so editors and terminals can jump to them.
 */
final class SpecLoading {

    private SpecLoading() {
    }

    /**
     * Loads and validates {@code file}, printing warnings to {@code err}.
     *
     * @throws UsageException listing every error if the spec cannot be used
     */
    static SpecLoadResult load(Path file, PrintStream err) throws UsageException {
        SpecLoadResult result = Specs.load(file);
        StringBuilder errors = new StringBuilder();
        for (SpecProblem p : result.problems()) {
            String line = format(file, p);
            if (p.isError()) {
                errors.append(errors.isEmpty() ? "" : "\n").append(line);
            } else {
                err.println(line);
            }
        }
        if (result.hasErrors()) {
            throw new UsageException(errors.toString());
        }
        return result;
    }

    /** {@code file:line: message}, or {@code file: message} without a line. */
    static String format(Path file, SpecProblem p) {
        String where = p.line() > 0 ? file + ":" + p.line() + ": " : file + ": ";
        return where + (p.isError() ? "" : "warning: ") + p.message();
    }

    /** The spec with a relative {@code data.path} made absolute against the spec file's folder. */
    static ExperimentSpec absoluteDataPath(ExperimentSpec spec, Path specFile) {
        String path = spec.data().path();
        if (path == null || !spec.data().source().isFileBased() || Path.of(path).isAbsolute()) {
            return spec;
        }
        Path folder = specFile.toAbsolutePath().getParent();
        return spec.withValue("data.path", folder.resolve(path).normalize().toString());
    }
}
