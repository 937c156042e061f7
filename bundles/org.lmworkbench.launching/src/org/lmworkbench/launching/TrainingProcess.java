package org.lmworkbench.launching;

import java.nio.file.Path;
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

    TrainingProcess(ILaunch launch, Process process, String label, Map<String, String> attributes) {
        super(launch, process, label, attributes);
    }

    @Override
    protected long graceSeconds() {
        return GRACE_SECONDS;
    }

    /** The run folder this process trains (from its attribute: it is known before the constructor returns). */
    public RunDirectory run() {
        return new RunDirectory(Path.of(getAttribute(ATTR_RUN_FOLDER)));
    }
}
