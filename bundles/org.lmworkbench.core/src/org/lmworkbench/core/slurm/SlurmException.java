package org.lmworkbench.core.slurm;

import java.util.List;

/**
 * A scheduler command failed, timed out or printed something unreadable, or settings were refused
 * before anything was submitted. The message is complete: it names the command or the setting and
 * carries what the scheduler said on standard error.
 */
public class SlurmException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<SlurmProblem> problems;

    /** A failure described by its message alone. */
    public SlurmException(String message) {
        this(message, null);
    }

    /** A failure with its cause. */
    public SlurmException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    /** Settings refused for these problems (at least one); the message lists them all. */
    public SlurmException(List<SlurmProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The refused settings, each with its path; empty when the failure is not about settings. */
    public List<SlurmProblem> problems() {
        return problems;
    }

    private static String describe(List<SlurmProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems to report");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder b = new StringBuilder(problems.size() + " problems in the Slurm settings:");
        for (SlurmProblem p : problems) {
            b.append("\n  ").append(p);
        }
        return b.toString();
    }
}
