package org.lmworkbench.launching;

/**
 * Ids and attributes of the "Training Run" launch configuration type. A configuration names its
 * spec file: every setting, including the execution section (device, threads, parallel runs, JVM
 * memory, target and Slurm resources), lives in the spec, so the command line, a cluster job and
 * the workbench all launch the same thing; only the Slurm profile, which says how this machine
 * reaches the cluster, belongs to the configuration.
 */
public final class LaunchAttributes {

    /** The launch configuration type id. */
    public static final String TYPE_ID = "org.lmworkbench.ui.launch.trainingRun";

    /** Workspace-relative path of the spec file (e.g. {@code /example-eos/example-eos.lmx}). */
    public static final String SPEC = "org.lmworkbench.ui.launch.spec";

    /**
     * The name of the Slurm profile (Preferences) that a spec with {@code execution.target: "slurm"}
     * is submitted through; empty for the first profile. Where the cluster is reached from is the
     * machine's business, not the spec's.
     */
    public static final String SLURM_PROFILE = "org.lmworkbench.launching.slurmProfile";

    private LaunchAttributes() {
    }
}
