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
 * Facts about Slurm 22.05 this package relies on: job ids are printed by {@code sbatch --parsable};
 * a pending array range is one record ({@code 123_[2-5%2]}); the controller forgets ended jobs after
 * {@code MinJobAge} (300 s by default), after which only sacct (with accounting) knows them; sacct
 * exits 1 with "accounting storage is disabled" on clusters without accounting;
 * {@code sbatch --test-only} refuses unknown partitions and unsatisfiable resources but not a time
 * limit above the partition's maximum (such a job would pend forever), which is checked separately.
 */
package org.lmworkbench.core.slurm;
