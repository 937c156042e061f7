package org.lmworkbench.launching;

import java.io.File;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.lmworkbench.core.exec.BackendCommandLine;

/**
 * The one way the workbench starts a backend JVM, for training runs and analysis commands alike:
 * the command line's JVM is started through the debug framework and becomes a {@link BackendProcess}
 * of a launch, so it shows in the Console and the Debug view and Terminate stops it.
 */
public final class BackendProcesses {

    /** Wraps a started JVM as the process of a launch. */
    @FunctionalInterface
    public interface Wrapper<P extends BackendProcess> {
        /**
         * @param system      the started JVM
         * @param commandLine the command as one string, for the process's command-line attribute
         */
        P wrap(Process system, String commandLine);
    }

    private BackendProcesses() {
    }

    /**
     * Starts {@code line} in {@code workingDirectory} and wraps it, which adds it to its launch.
     *
     * @throws CoreException when the JVM cannot be started
     */
    public static <P extends BackendProcess> P start(BackendCommandLine line, File workingDirectory,
            ILaunch launch, Wrapper<P> wrapper) throws CoreException {
        launch.setAttribute(DebugPlugin.ATTR_CONSOLE_ENCODING, "UTF-8");
        Process system = DebugPlugin.exec(line.command().toArray(String[]::new), workingDirectory,
                line.environmentArray(System.getenv()));
        return wrapper.wrap(system, line.toString());
    }
}
