package org.lmworkbench.core.command;

import java.io.PrintStream;

/**
 * A command of the backend's command line, {@code lmw <name> [arguments]}, run in a plain JVM. The
 * backend lists every command in one table, which dispatches to it and prints the command list of
 * {@code lmw help} from {@link #synopsis()} and {@link #summary()}. Most commands extend
 * {@link OptionsCommand}, which parses their options with the one option parser of the product.
 */
public interface BackendCommand {

    /** The word that selects the command, e.g. {@code hessian}. */
    String name();

    /** The essential arguments in brief for the command list, e.g. {@code <run-dir> --checkpoint <n>}. */
    String synopsis();

    /** What the command does, in one line. */
    String summary();

    /** The full help text that {@code <name> --help} prints. */
    String usage();

    /**
     * Runs the command in this JVM.
     *
     * @param args the words after the command name
     * @param out  receives results and help
     * @param err  receives problems
     * @return the exit code ({@link ExitCodes})
     */
    int execute(String[] args, PrintStream out, PrintStream err);
}
