package org.lmworkbench.backend.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.lmworkbench.core.command.UsageException;
import org.lmworkbench.core.run.RunPlanner;
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

    /** {@code file:line: message}, or {@code file: message} without a line, as {@link RunPlanner} words it. */
    static String format(Path file, SpecProblem p) {
        return RunPlanner.locate(file.toString(), p);
    }
}
