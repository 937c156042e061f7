package org.lmworkbench.launching;

import java.util.Map;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IStreamsProxy;

/**
 * A backend worker JVM of a Training Run launch ({@code lmw worker}), which trains the launch's runs
 * one after another. It shows in the Debug view and Terminate stops it (the run it trains stops at a
 * step boundary first), but it has no Console page of its own: its standard streams carry the worker
 * protocol, which the launch's run queue reads, and each run's output goes to that run's
 * {@link TrainingProcess}.
 */
public final class WorkerProcess extends BackendProcess {

    /** Value of {@link org.eclipse.debug.core.model.IProcess#ATTR_PROCESS_TYPE}. */
    public static final String PROCESS_TYPE = "org.lmworkbench.worker";

    WorkerProcess(ILaunch launch, Process process, String label, Map<String, String> attributes) {
        super(launch, process, label, attributes);
    }

    /** The run queue reads the streams; the debug framework must not. */
    @Override
    protected IStreamsProxy createStreamsProxy() {
        return null;
    }

    @Override
    protected long graceSeconds() {
        return TrainingProcess.GRACE_SECONDS;
    }
}
