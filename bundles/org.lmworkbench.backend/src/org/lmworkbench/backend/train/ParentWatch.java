package org.lmworkbench.backend.train;

import java.nio.file.Path;
import java.util.Optional;
import org.lmworkbench.core.run.RunState;

/**
 * Stops a run at its next step boundary when the process that started it dies, so that a sweep
 * or workbench killed with SIGKILL leaves no orphaned training processes behind: the run ends
 * {@code interrupted}, with a checkpoint, and can be resumed.
 *
 * <p>Only a parent that is a Java process is watched: the sweep command and the workbench start
 * backend processes, and both are JVMs. A run started from a shell is left alone, so that
 * {@code nohup lmw run ... &} survives the shell that started it. The parent is polled twice a
 * second from a daemon thread; {@link ProcessHandle#isAlive()} compares start times, so a reused
 * process id does not pass for the parent.
 */
final class ParentWatch implements AutoCloseable {

    private static final long POLL_MILLIS = 500;

    private final Thread thread;

    private ParentWatch(Thread thread) {
        this.thread = thread;
    }

    /**
     * Starts watching the parent of this process, if it is a JVM.
     *
     * @param hook receives the request to stop
     * @param log  receives one line when the parent is gone
     */
    static ParentWatch start(CancellationHook hook, RunLog log) {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent().filter(ParentWatch::isJvm);
        if (parent.isEmpty()) {
            return new ParentWatch(null);
        }
        ProcessHandle watched = parent.get();
        Thread thread = new Thread(() -> {
            try {
                while (watched.isAlive()) {
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
            String message = "the process that started this run (pid " + watched.pid() + ") has ended";
            log.log(message + "; stopping at the next step");
            hook.stop(RunState.INTERRUPTED, message);
        }, "lmw-parent-watch");
        thread.setDaemon(true);
        thread.start();
        return new ParentWatch(thread);
    }

    private static boolean isJvm(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString())
                .map(name -> name.equals("java") || name.equals("java.exe")).orElse(false);
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
