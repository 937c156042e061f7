package org.lmworkbench.backend.cli;

import java.util.List;
import java.util.Optional;
import org.lmworkbench.analysis.fit.FitCommand;
import org.lmworkbench.backend.diagnostics.DiagnosticsCommand;
import org.lmworkbench.backend.hessian.HessianCommand;
import org.lmworkbench.backend.hessian.SharpnessDimensionCommand;
import org.lmworkbench.backend.similarity.SimilarityCommand;
import org.lmworkbench.core.command.BackendCommand;

/**
 * Every command of the backend's command line, in the order {@code lmw help} lists them. A new
 * command is a class implementing {@link BackendCommand} and one line here; {@link Main} dispatches
 * through this table and prints the command list from it.
 */
public final class Commands {

    private static final List<BackendCommand> ALL = List.of(
            new RunCommand(),
            new SweepCommand(),
            new ResumeCommand(),
            new StatusCommand(),
            new HessianCommand(),
            new SharpnessDimensionCommand(),
            new SimilarityCommand(),
            new DiagnosticsCommand(),
            new FitCommand(),
            new TensorBoardExportCommand(),
            new ImportCommand());

    /** Commands the product itself starts; they work like the others but {@code lmw help} leaves them out. */
    private static final List<BackendCommand> INTERNAL = List.of(new WorkerCommand());

    private Commands() {
    }

    /** Every listed command, in listing order. */
    public static List<BackendCommand> all() {
        return ALL;
    }

    /** The command called {@code name}, listed or internal, if there is one. */
    public static Optional<BackendCommand> named(String name) {
        return java.util.stream.Stream.concat(ALL.stream(), INTERNAL.stream())
                .filter(c -> c.name().equals(name)).findFirst();
    }
}
