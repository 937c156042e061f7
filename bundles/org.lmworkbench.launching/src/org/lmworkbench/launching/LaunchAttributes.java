package org.lmworkbench.launching;

/**
 * Ids and attributes of the "Training Run" launch configuration type. A configuration names only
 * its spec file: every setting, including the execution section (device, threads, parallel runs,
 * JVM memory), lives in the spec, so the command line, a cluster job and the workbench all launch
 * the same thing.
 */
public final class LaunchAttributes {

    /** The launch configuration type id. */
    public static final String TYPE_ID = "org.lmworkbench.ui.launch.trainingRun";

    /** Workspace-relative path of the spec file (e.g. {@code /example-eos/example-eos.lmx}). */
    public static final String SPEC = "org.lmworkbench.ui.launch.spec";

    private LaunchAttributes() {
    }
}
