package org.lmworkbench.launching;

/**
 * The runs of a {@link TrainingLaunch} and how they progress, whether they train on this machine
 * ({@link RunQueue}) or on a Slurm cluster ({@link SlurmSubmission}): some runs have no process of
 * their own yet, so the launch asks this whether it is over and tells it when Terminate is pressed.
 */
interface LaunchRuns {

    /** True while runs wait for a slot or for the scheduler; Terminate is then possible even without a process. */
    boolean hasPending();

    /** True when no run waits and nothing that was started is still going. */
    boolean isFinished();

    /** Terminate: runs that have not started will not start, and are recorded as cancelled. */
    void cancelPending();
}
