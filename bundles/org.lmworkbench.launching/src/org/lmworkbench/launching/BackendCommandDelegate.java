package org.lmworkbench.launching;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;

/**
 * Launches a "Backend Command" configuration: one {@code lmw <command> ...} (hessian, similarity,
 * ...) as a {@link BackendProcess}. The configurations are made on the fly by
 * {@link BackendCommands}; the type is private, so they are neither listed nor kept in the history.
 */
public final class BackendCommandDelegate extends JobLaunchDelegate {

    /** The launch configuration type id. */
    public static final String TYPE_ID = "org.lmworkbench.launching.backendCommand";
    /** Attribute: the backend arguments, starting with the command name (a list of strings). */
    public static final String ARGUMENTS = "org.lmworkbench.launching.arguments";
    /** Attribute: the working directory, an absolute path. */
    public static final String WORKING_DIRECTORY = "org.lmworkbench.launching.workingDirectory";

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        List<String> args = configuration.getAttribute(ARGUMENTS, List.of());
        String directory = configuration.getAttribute(WORKING_DIRECTORY, "");
        File workingDirectory = directory.isEmpty() ? null : new File(directory);
        BackendProcesses.start(BackendCommandLines.of(args, null), workingDirectory, launch, (system, commandLine) -> {
            Map<String, String> attributes = new HashMap<>();
            attributes.put(IProcess.ATTR_PROCESS_TYPE, BackendProcess.PROCESS_TYPE);
            attributes.put(IProcess.ATTR_CMDLINE, commandLine);
            String label = "lmw " + (args.isEmpty() ? "" : args.get(0));
            return new BackendProcess(launch, system, label, attributes);
        });
    }
}
