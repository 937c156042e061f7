package org.lmworkbench.backend.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import org.lmworkbench.analysis.fit.FitCommand;
import org.lmworkbench.backend.cli.args.CommandArgsException;
import org.lmworkbench.backend.diagnostics.DiagnosticsCommand;
import org.lmworkbench.backend.hessian.HessianCommand;
import org.lmworkbench.backend.similarity.SimilarityCommand;

/**
 * The backend's command line, run in a plain JVM (never inside the workbench's OSGi runtime):
 * {@code run}, {@code sweep}, {@code resume}, and the analyses {@code hessian}, {@code similarity},
 * {@code diagnostics} and {@code fit}. Exit codes: 0 done, 2 invalid input, 3 diverged, 1 internal
 * error (see {@link ExitCodes}). CLI.md documents it for users.
 */
public final class Main {

    static final String HELP = """
            usage: lmw-backend <command> [options]

            commands:
              run <spec> --out <run-dir>          train the single run of a spec
              sweep <spec> --out <dir>            train every run of a sweep, one process each
              resume <run-dir>                    continue a run from its newest checkpoint
              hessian <run-dir> --checkpoint <n>  Hessian spectrum of a checkpoint
              similarity ...                      representation similarity of activations
              diagnostics <run-dir> --checkpoint <n>  feature-learning diagnostics of a run
              fit --form <name> --csv <file> ...  fit a scaling law to points of a CSV

            '<command> --help' describes a command. Exit codes: 0 done, 2 invalid input,
            3 diverged, 1 internal error.""";

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs a command in this JVM and returns its exit code (used by tests and {@link #main}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(HELP);
            return args.length == 0 ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "run" -> RunCommand.run(rest, out, err);
                case "sweep" -> SweepCommand.run(rest, out, err);
                case "resume" -> ResumeCommand.run(rest, out, err);
                case "hessian" -> HessianCommand.run(rest, out, err);
                case "similarity" -> SimilarityCommand.run(rest, out, err);
                case "diagnostics" -> DiagnosticsCommand.run(rest, out, err);
                case "fit" -> FitCommand.run(rest, out, err);
                default -> throw new UsageException("unknown command '" + args[0] + "'\n\n" + HELP);
            };
        } catch (UsageException | CommandArgsException e) {
            err.println(e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (IOException e) {
            err.println("error: " + e);
            return ExitCodes.INTERNAL;
        } catch (RuntimeException | Error e) {
            err.println("internal error: " + e);
            e.printStackTrace(err);
            return ExitCodes.INTERNAL;
        }
    }
}
