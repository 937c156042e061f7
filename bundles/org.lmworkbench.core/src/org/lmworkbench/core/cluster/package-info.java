/**
 * Runs trained by a cluster scheduler: a run folder's {@code status.json} names the job that trains
 * it ({@link org.lmworkbench.core.run.SchedulerJob}), the scheduler says whether that job waits,
 * runs or ended ({@link org.lmworkbench.core.cluster.SlurmRunMonitor}), and the two together give
 * the state a user sees ({@link org.lmworkbench.core.cluster.ScheduledRun}): a queued run with the
 * reason it waits, a requeued run about to continue, or a run whose task ended (scancel, time limit,
 * node failure) before its backend could record it. The last answer is kept beside the status as
 * {@code scheduler.json} ({@link org.lmworkbench.core.cluster.SchedulerSnapshot}).
 * <p>
 * Layers: {@link org.lmworkbench.core.slurm} (the scheduler's commands, knowing no run folders) sits
 * below {@link org.lmworkbench.core.spec} and {@link org.lmworkbench.core.run}; this package uses
 * them all.
 */
package org.lmworkbench.core.cluster;
