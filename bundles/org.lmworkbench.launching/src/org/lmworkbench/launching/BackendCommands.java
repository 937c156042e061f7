package org.lmworkbench.launching;

import java.io.File;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.launching.internal.LaunchingPlugin;

/**
 * Runs one backend command (hessian, similarity, ...) from a Job and waits for it. The command is
 * launched like any other process of the workbench (a launch of the private "Backend Command"
 * type): it has its Console page and its entry in the Debug view, and Terminate stops it.
 * Cancelling the caller's monitor terminates the process; a process terminated by the user ends the
 * call as cancelled too, and a non-zero exit becomes a CoreException carrying the last lines of
 * output (the backend prints what was wrong there, with file and line).
 */
public final class BackendCommands {

    private static final int TAIL_LINES = 12;
    private static final long POLL_MILLIS = 100;

    private BackendCommands() {
    }

    /**
     * Runs {@code lmw <args>} and returns when it has exited with code 0.
     *
     * @param name             what the Console and the Debug view call the launch
     * @param args             backend arguments, starting with the command name
     * @param workingDirectory working directory of the child, or null
     * @param monitor          checked while the process runs; cancelling it terminates the process
     * @return the finished launch (it stays in the launch manager until the user removes it)
     * @throws CoreException              when the process cannot start or exits non-zero
     * @throws OperationCanceledException when the monitor was cancelled or the user terminated the process
     */
    public static ILaunch run(String name, List<String> args, File workingDirectory, IProgressMonitor monitor)
            throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(BackendCommandDelegate.TYPE_ID);
        ILaunchConfigurationWorkingCopy configuration = type.newInstance(null,
                manager.generateLaunchConfigurationName(name));
        configuration.setAttribute(BackendCommandDelegate.ARGUMENTS, List.copyOf(args));
        if (workingDirectory != null) {
            configuration.setAttribute(BackendCommandDelegate.WORKING_DIRECTORY, workingDirectory.getAbsolutePath());
        }
        ILaunch launch = configuration.launch(ILaunchManager.RUN_MODE, null);
        BackendProcess process = processOf(launch);
        waitFor(process, monitor);
        int code = process.exitCodeOrNull() == null ? -1 : process.exitCodeOrNull();
        if (process.isStopRequested()) {
            throw new OperationCanceledException();
        }
        if (code != 0) {
            throw new CoreException(LaunchingPlugin.error(NLS.bind(Messages.BackendCommands_failed,
                    new Object[] {args.get(0), code, tail(process)}), null));
        }
        return launch;
    }

    private static BackendProcess processOf(ILaunch launch) throws CoreException {
        for (IProcess p : launch.getProcesses()) {
            if (p instanceof BackendProcess backend) {
                return backend;
            }
        }
        throw new CoreException(LaunchingPlugin.error(Messages.BackendCommands_noProcess, null));
    }

    /** Waits until the process has exited and the debug framework has seen it, terminating it on cancel. */
    static void waitFor(BackendProcess process, IProgressMonitor monitor) {
        boolean interrupted = false;
        while (!process.isTerminated()) {
            if (monitor != null && monitor.isCanceled()) {
                process.terminate();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
                process.terminate();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines the process printed on either stream. */
    static String tail(IProcess process) {
        String out = process.getStreamsProxy() == null ? ""
                : process.getStreamsProxy().getOutputStreamMonitor().getContents()
                        + process.getStreamsProxy().getErrorStreamMonitor().getContents();
        Deque<String> lines = new ArrayDeque<>();
        for (String line : out.split("\\R")) {
            if (!line.isBlank()) {
                lines.addLast(line);
                if (lines.size() > TAIL_LINES) {
                    lines.removeFirst();
                }
            }
        }
        return String.join("\n", lines);
    }
}
