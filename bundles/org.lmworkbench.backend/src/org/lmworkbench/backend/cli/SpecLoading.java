package org.lmworkbench.backend.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.SpecLoadResult;
import org.lmworkbench.core.spec.SpecProblem;
import org.lmworkbench.core.spec.Specs;

/**
 * Loads spec files for the commands and reports problems like a compiler, one per line:
 * {@code file:line: message} (warnings with {@code warning:}), so editors and terminals can jump to
 * them; a spec with errors then ends the command with one line saying how many.
 */
final class SpecLoading {

    private SpecLoading() {
    }

    /**
     * Loads and validates {@code file}, printing every problem to {@code err}.
     *
     * @throws UsageException saying how many errors the spec has, if it cannot be used
     */
    static SpecLoadResult load(Path file, PrintStream err) throws UsageException {
        SpecLoadResult result = Specs.load(file);
        long errors = 0;
        for (SpecProblem p : result.problems()) {
            err.println(format(file, p));
            errors += p.isError() ? 1 : 0;
        }
        if (result.hasErrors()) {
            throw new UsageException(file + ": the spec has " + errors + (errors == 1 ? " error" : " errors")
                    + "; nothing was run");
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
