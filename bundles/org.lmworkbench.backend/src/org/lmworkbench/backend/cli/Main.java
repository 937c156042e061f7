package org.lmworkbench.backend.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;
import org.lmworkbench.core.command.BackendCommand;
import org.lmworkbench.core.command.ExitCodes;

/**
 * The backend's command line, run in a plain JVM (never inside the workbench's OSGi runtime):
 * {@code lmw <command> [arguments]} for every command of {@link Commands}, {@code lmw help} for
 * the list and {@code lmw help <command>} (or {@code <command> --help}) for one. Exit codes: 0 done,
 * 2 invalid input, 3 diverged, 1 internal error (see {@link ExitCodes}). CLI.md documents it for
 * users.
 */
public final class Main {

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
        if (args.length == 0) {
            err.println(help());
            return ExitCodes.INVALID_INPUT;
        }
        String name = args[0];
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            if (args.length > 1) {
                Optional<BackendCommand> command = Commands.named(args[1]);
                if (command.isPresent()) {
                    out.println(command.get().usage());
                    return ExitCodes.OK;
                }
                return unknown(args[1], err);
            }
            out.println(help());
            return ExitCodes.OK;
        }
        Optional<BackendCommand> command = Commands.named(name);
        if (command.isEmpty()) {
            return unknown(name, err);
        }
        return command.get().execute(Arrays.copyOfRange(args, 1, args.length), out, err);
    }

    private static int unknown(String name, PrintStream err) {
        err.println("lmw: unknown command '" + name + "'\n\n" + help());
        return ExitCodes.INVALID_INPUT;
    }

    /** The command list, from the table. */
    static String help() {
        int width = 0;
        for (BackendCommand c : Commands.all()) {
            width = Math.max(width, c.name().length() + 1 + c.synopsis().length());
        }
        StringBuilder b = new StringBuilder("usage: lmw <command> [arguments]\n\ncommands:\n");
        for (BackendCommand c : Commands.all()) {
            String call = c.name() + " " + c.synopsis();
            b.append("  ").append(call).append(" ".repeat(width - call.length() + 2)).append(c.summary()).append('\n');
        }
        return b.append("\n'lmw <command> --help' or 'lmw help <command>' describes a command. Exit codes: 0 done,\n"
                + "2 invalid input, 3 diverged, 1 internal error.").toString();
    }
}
