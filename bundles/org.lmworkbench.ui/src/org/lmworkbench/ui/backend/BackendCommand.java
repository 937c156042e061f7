package org.lmworkbench.ui.backend;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;
import org.lmworkbench.launching.BackendLauncher;
import org.lmworkbench.ui.internal.Messages;
import org.lmworkbench.ui.internal.UiPlugin;

/**
 * Runs one backend command (hessian, similarity, ...) in a child JVM from inside a Job and waits
 * for it: output goes to the "Learning Mechanics Backend" console, cancelling the monitor
 * terminates the process, and a non-zero exit becomes a CoreException carrying the last lines of
 * output (the backend prints what was wrong there, with file and line).
 */
public final class BackendCommand {

    private static final String CONSOLE_NAME = "Learning Mechanics Backend";
    private static final int TAIL_LINES = 12;

    private BackendCommand() {
    }

    /**
     * Runs {@code lmw <args>} and returns when it has exited with code 0.
     *
     * @param args       backend arguments, starting with the command name
     * @param workingDir working directory of the child, or null
     * @param monitor    checked every 100 ms; cancelling it destroys the process
     * @throws CoreException            when the process cannot start or exits non-zero
     * @throws OperationCanceledException when the monitor was cancelled
     */
    public static void run(List<String> args, File workingDir, IProgressMonitor monitor) throws CoreException {
        ProcessBuilder builder = BackendLauncher.processBuilder(args, null, workingDir).redirectErrorStream(true);
        MessageConsoleStream out = console().newMessageStream();
        Deque<String> tail = new ArrayDeque<>();
        Process process;
        try {
            out.println("$ lmw " + String.join(" ", args));
            process = builder.start();
        } catch (IOException e) {
            throw new CoreException(UiPlugin.error(NLS.bind(Messages.BackendCommand_startFailed, args.get(0)), e));
        }
        Thread pump = new Thread(() -> pump(process, out, tail), "lmw " + args.get(0) + " output");
        pump.setDaemon(true);
        pump.start();
        try {
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (monitor != null && monitor.isCanceled()) {
                    process.destroy();
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                    throw new OperationCanceledException();
                }
            }
            pump.join(2000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        }
        int code = process.exitValue();
        if (code != 0) {
            String detail;
            synchronized (tail) {
                detail = String.join("\n", tail);
            }
            throw new CoreException(UiPlugin.error(
                    NLS.bind(Messages.BackendCommand_failed, new Object[] {args.get(0), code, detail}), null));
        }
    }

    private static void pump(Process process, MessageConsoleStream out, Deque<String> tail) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process ended while we were reading; its exit code tells the caller the rest
        }
    }

    /** The shared backend console, created on first use. */
    public static MessageConsole console() {
        var manager = ConsolePlugin.getDefault().getConsoleManager();
        for (IConsole existing : manager.getConsoles()) {
            if (CONSOLE_NAME.equals(existing.getName()) && existing instanceof MessageConsole message) {
                return message;
            }
        }
        MessageConsole created = new MessageConsole(CONSOLE_NAME, null);
        manager.addConsoles(new IConsole[] {created});
        return created;
    }
}
