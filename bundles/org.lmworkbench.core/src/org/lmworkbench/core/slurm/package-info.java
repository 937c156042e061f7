/**
 * A small client for a Slurm cluster, in plain Java: the scheduler commands (sbatch, squeue,
 * scontrol, scancel, sacct) run as processes, optionally through a prefix such as
 * {@code ssh login-host} ({@link org.lmworkbench.core.slurm.SlurmProfile}).
 * <ul>
 * <li>{@link org.lmworkbench.core.slurm.SlurmSettings}: partition, time limit, CPUs, memory, GPUs,
 * account, QOS, extra sbatch arguments, the array's concurrency limit and the early signal, with
 * located problems ({@code execution.slurm.partition: ...});</li>
 * <li>{@link org.lmworkbench.core.slurm.BatchScript}: one job array per sweep, one command per array
 * index, written atomically;</li>
 * <li>{@link org.lmworkbench.core.slurm.SlurmClient}: validate before submitting, submit, cancel,
 * and per-task state from squeue, scontrol or sacct
 * ({@link org.lmworkbench.core.slurm.SlurmTask}).</li>
 * </ul>
 * The package knows no run folders or specs; {@link org.lmworkbench.core.spec} builds its settings
 * from a spec and {@link org.lmworkbench.core.cluster} follows runs with it.
 * <p>
 * Facts about Slurm 22.05 this package relies on: job ids are printed by {@code sbatch --parsable};
 * a pending array range is one record ({@code 123_[2-5%2]}); the controller forgets ended jobs after
 * {@code MinJobAge} (300 s by default), after which only sacct (with accounting) knows them; sacct
 * exits 1 with "accounting storage is disabled" on clusters without accounting;
 * {@code sbatch --test-only} refuses unknown partitions and unsatisfiable resources but not a time
 * limit above the partition's maximum (such a job would pend forever), which is checked separately;
 * {@code --signal=B:USR1@lead} reaches the batch shell at the controller's first periodic check (every
 * 30 s) at which the time left is at most lead + 30 s, so lead to lead + 30 s before the limit,
 * which is enforced at the first check after it (SIGTERM to every process of the job, SIGKILL
 * KillWait seconds later): the task has lead to lead + 60 s to stop; a task requeued by {@code scontrol requeue} is pending
 * with reason BeginTime until the credential expiry has passed, then runs again with
 * {@code SLURM_RESTART_COUNT} set; {@code sbatch --hold} submits with reason JobHeldUser, and
 * {@code scontrol release <job>} releases every task of an array.
 */
package org.lmworkbench.core.slurm;
