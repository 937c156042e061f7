package org.lmworkbench.core.slurm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to reach a Slurm cluster: the scheduler commands and an optional prefix that runs them
 * elsewhere. With the prefix {@code ssh login-host} the words of each command are joined into one
 * correctly quoted command line, which is what ssh passes to the remote shell; any prefix that takes
 * one command line as its last argument works the same way ({@code bash -lc} to get a login
 * environment with the cluster's modules, for example). Without a prefix the commands run here.
 *
 * @param prefix   words put in front of every command, for example {@code [ssh, login-host]}; empty
 *                 to run the commands on this machine
 * @param sbatch   the sbatch command (a name found on the PATH where it runs, or a full path)
 * @param squeue   the squeue command
 * @param scancel  the scancel command
 * @param scontrol the scontrol command
 * @param sacct    the sacct command
 * @param timeout  how long one command may take before it is killed and reported
 */
public record SlurmProfile(List<String> prefix, String sbatch, String squeue, String scancel, String scontrol,
        String sacct, Duration timeout) {

    /** Commands time out after this unless a profile says otherwise; ssh to a busy login node can be slow. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Checks the values. */
    public SlurmProfile {
        prefix = List.copyOf(prefix);
        for (String command : new String[] {sbatch, squeue, scancel, scontrol, sacct}) {
            if (command == null || command.isBlank()) {
                throw new IllegalArgumentException("every Slurm command of a profile needs a name");
            }
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the command timeout must be positive, not " + timeout);
        }
    }

    /** The commands by their usual names, run on this machine. */
    public static SlurmProfile local() {
        return prefixed(List.of());
    }

    /** The commands by their usual names, each run through {@code prefix}. */
    public static SlurmProfile prefixed(List<String> prefix) {
        return new SlurmProfile(prefix, "sbatch", "squeue", "scancel", "scontrol", "sacct", DEFAULT_TIMEOUT);
    }

    /** The same profile with another timeout. */
    public SlurmProfile withTimeout(Duration newTimeout) {
        return new SlurmProfile(prefix, sbatch, squeue, scancel, scontrol, sacct, newTimeout);
    }

    /**
     * The process command line that runs {@code executable} with {@code args}: the words as they are
     * without a prefix, or the prefix followed by one quoted command line.
     */
    public List<String> commandLine(String executable, List<String> args) {
        List<String> words = new ArrayList<>(args.size() + 1);
        words.add(executable);
        words.addAll(args);
        if (prefix.isEmpty()) {
            return words;
        }
        List<String> line = new ArrayList<>(prefix);
        line.add(ShellWords.join(words));
        return line;
    }
}
