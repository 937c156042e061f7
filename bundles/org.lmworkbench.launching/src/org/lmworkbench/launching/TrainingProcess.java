package org.lmworkbench.launching;

import java.util.Map;
import org.eclipse.debug.core.ILaunch;
import org.lmworkbench.core.run.RunDirectory;

/**
 * The backend JVM of one training run. Terminate asks it to stop: the backend finishes the current
 * step, writes a checkpoint and {@code cancelled}, which can take a while on a big model, so it is
 * killed only after {@link #GRACE_SECONDS}.
 */
public final class TrainingProcess extends BackendProcess {

    /** Process attribute: absolute path of the run folder this process trains. */
    public static final String ATTR_RUN_FOLDER = "org.lmworkbench.launching.runFolder";
    /** Value of {@link org.eclipse.debug.core.model.IProcess#ATTR_PROCESS_TYPE}. */
    public static final String PROCESS_TYPE = "org.lmworkbench.training";

    /** Time the backend gets to reach a step boundary and write its checkpoint. */
    static final long GRACE_SECONDS = 60;

    private final RunDirectory run;

    TrainingProcess(ILaunch launch, Process process, String label, Map<String, String> attributes, RunDirectory run) {
        super(launch, process, label, attributes, GRACE_SECONDS);
        this.run = run;
    }

    /** The run folder this process trains. */
    public RunDirectory run() {
        return run;
    }
}
