package org.lmworkbench.core.slurm;

import java.time.Duration;
import java.util.List;

/**
 * Runs one short scheduler command to its end and returns what it printed. The Slurm client runs
 * every command through one of these; {@link ProcessCommandRunner} is the real one.
 */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs {@code command} and waits for it.
     *
     * @throws SlurmException when it cannot be started or does not finish within {@code timeout};
     *                        a non-zero exit code is not an exception but part of the result
     * @throws InterruptedException when the calling thread is interrupted (the command is killed)
     */
    CommandResult run(List<String> command, Duration timeout) throws SlurmException, InterruptedException;
}
