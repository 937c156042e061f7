package org.lmworkbench.core.slurm;

import java.util.List;

/**
 * What a finished command printed and returned.
 *
 * @param command  the command line as it was started (with the profile's prefix)
 * @param exitCode the process's exit code
 * @param stdout   standard output, decoded as UTF-8
 * @param stderr   standard error, decoded as UTF-8
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    /** Copies the command. */
    public CommandResult {
        command = List.copyOf(command);
    }

    /** True when the command exited with 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * The sentence for a failure of this command: its name, exit code and what it printed on
     * standard error (or, when that is empty, standard output), so the scheduler's own reason
     * reaches the user.
     */
    public String failureMessage(String what) {
        String said = stderr.isBlank() ? stdout.strip() : stderr.strip();
        return what + " failed (exit code " + exitCode + ")" + (said.isEmpty() ? "" : ": " + said)
                + " [" + ShellWords.join(command) + "]";
    }
}
