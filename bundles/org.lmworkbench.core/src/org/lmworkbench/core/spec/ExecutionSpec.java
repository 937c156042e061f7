package org.lmworkbench.core.spec;

import java.time.Duration;
import java.util.List;
import org.lmworkbench.core.slurm.SlurmSettings;
import org.lmworkbench.core.slurm.SlurmTime;

/**
 * Where and how a run executes ({@code "execution"} in a spec).
 *
 * @param device    compute device; {@code auto} uses a GPU when one is usable
 * @param threads   intra-op CPU threads of one run
 * @param parallel  runs of a sweep executed at the same time (on Slurm: the job array's limit)
 * @param jvmMemory maximum heap of the backend JVM, in {@code -Xmx} syntax such as {@code 4g}
 * @param target    where the runs train: this machine or a Slurm cluster
 * @param slurm     the resources of the job array when the target is Slurm
 */
public record ExecutionSpec(Device device, int threads, int parallel, String jvmMemory, Target target,
        Slurm slurm) {

    /** Compute device. */
    public enum Device implements SpecEnum {
        /** GPU if available, otherwise CPU. */
        AUTO,
        /** CPU only. */
        CPU,
        /** GPU; the run fails if none is usable. */
        GPU
    }

    /** Where the runs of a spec train. */
    public enum Target implements SpecEnum {
        /** Backend processes on this machine. */
        LOCAL,
        /** One Slurm job array per sweep, each task training its run folder on a shared file system. */
        SLURM
    }

    /**
     * The resources of each task of a sweep's job array ({@code "execution.slurm"}).
     *
     * @param partition  the partition, or null for the cluster's default
     * @param time       the time limit of each task in Slurm's form ({@code 30}, {@code 2:00:00}, {@code 1-00:00:00})
     * @param cpus       CPUs per task
     * @param memory     memory per task as sbatch {@code --mem} takes it ({@code 8G}), or null for the cluster's default
     * @param gpus       GPUs per task, requested when the device is not {@code cpu}
     * @param account    the account to charge, or null
     * @param qos        the quality of service, or null
     * @param extraArgs  further sbatch options, one per element
     * @param signalLead seconds before the time limit at which a run checkpoints and stops to be
     *                   requeued; 0 for none
     */
    public record Slurm(String partition, String time, int cpus, String memory, int gpus, String account, String qos,
            List<String> extraArgs, int signalLead) {

        /** Copies the list. */
        public Slurm {
            extraArgs = extraArgs == null ? List.of() : List.copyOf(extraArgs);
        }
    }

    /** A run's execution on this machine, with no Slurm resources of its own. */
    public ExecutionSpec(Device device, int threads, int parallel, String jvmMemory) {
        this(device, threads, parallel, jvmMemory, Target.LOCAL, defaultSlurm(threads));
    }

    /** The Slurm resources every key of which is left at its default; CPUs follow the thread count. */
    static Slurm defaultSlurm(int threads) {
        return new Slurm(null, "1:00:00", threads, null, 0, null, null, List.of(), 60);
    }

    /**
     * The job array's settings for these resources: the array's limit is {@link #parallel()}, GPUs
     * are asked for unless the device is {@code cpu}.
     *
     * @throws IllegalArgumentException when the time limit is not in one of Slurm's forms
     */
    public SlurmSettings slurmSettings() {
        Duration limit = SlurmTime.parseDuration(slurm.time()).orElse(Duration.ZERO);
        return new SlurmSettings(slurm.partition(), limit, slurm.cpus(), slurm.memory(),
                device == Device.CPU ? 0 : slurm.gpus(), SlurmSettings.GpuOption.GRES, null, slurm.account(),
                slurm.qos(), slurm.extraArgs(), parallel, Duration.ofSeconds(slurm.signalLead()));
    }
}
