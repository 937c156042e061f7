package org.lmworkbench.backend.cli;

import java.io.PrintStream;
import org.lmworkbench.core.command.BackendCommand;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.exec.WorkerProtocol;

/**
 * {@code worker}: a long-lived backend that loads the engine once and trains the run folders it is
 * sent, one after another, each exactly as {@code resume} would ({@link Worker}). Sweeps on this
 * machine (the command line's and the workbench's) feed K of them; it is not meant to be typed, so
 * {@code lmw help} does not list it.
 */
final class WorkerCommand implements BackendCommand {

    static final String HELP = """
            usage: lmw worker

            Internal: trains run folders sent as JSON lines on standard input and reports on standard
            output, until told to quit or until standard input ends (the parent is gone). Sweeps start
            it; see org.lmworkbench.core.exec.WorkerProtocol for the protocol.

            exit codes: 0 after quit or end of input, 1 if the engine cannot be loaded""";

    @Override
    public String name() {
        return WorkerProtocol.COMMAND;
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String summary() {
        return "internal: train run folders sent on standard input";
    }

    @Override
    public String usage() {
        return HELP;
    }

    @Override
    public int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(HELP);
            return ExitCodes.OK;
        }
        if (args.length > 0) {
            err.println(name() + ": takes no arguments, got '" + args[0] + "'");
            return ExitCodes.INVALID_INPUT;
        }
        // Events go to the real standard output; anything else printed there would break the protocol.
        System.setOut(System.err);
        return new Worker(out, err).serve(System.in);
    }
}
