package org.lmworkbench.core.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;

/**
 * What to say, and to record, when a backend worker dies while it trains a run: how it died (exit
 * code, signal, out of memory, a native crash with its problematic frame), the crash report the JVM
 * wrote (moved into the run's folder) and its last lines of output. The run is then {@code failed}
 * with that reason, or {@code cancelled} if it was being cancelled anyway, unless the worker recorded
 * an end itself before it went (SIGTERM lets a run write {@code cancelled} first).
 */
final class WorkerDeath {

    private static final Map<Integer, String> SIGNALS = Map.ofEntries(Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"),
            Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"), Map.entry(6, "SIGABRT"), Map.entry(7, "SIGBUS"),
            Map.entry(8, "SIGFPE"), Map.entry(9, "SIGKILL"), Map.entry(11, "SIGSEGV"), Map.entry(13, "SIGPIPE"),
            Map.entry(15, "SIGTERM"));
    private static final String FATAL = "A fatal error has been detected";
    private static final String OUT_OF_MEMORY = "OutOfMemoryError";
    private static final int QUOTED_LINES = 4;

    private WorkerDeath() {
    }

    /**
     * The reason, e.g. {@code the backend worker (pid 4711) crashed in native code (# C [libtorch_cpu.so+0x1f])}.
     *
     * @param exitCode the process's exit code (128 + signal for a signal), or null if it would not exit
     * @param tail     its last lines of output
     * @param heap     its maximum heap ({@code -Xmx}), blank for the default
     */
    static String describe(long pid, Integer exitCode, List<String> tail, String heap) {
        StringBuilder text = new StringBuilder("the backend worker (pid " + pid + ") ");
        boolean crashed = tail.stream().anyMatch(l -> l.contains(FATAL));
        boolean outOfMemory = tail.stream().anyMatch(l -> l.contains(OUT_OF_MEMORY));
        if (exitCode == null) {
            text.append("stopped answering and was killed");
        } else if (outOfMemory) {
            text.append("ran out of memory (").append(heap.isBlank() ? "the JVM's default maximum heap"
                    : "maximum heap " + heap + ", execution.jvm_memory").append(')');
        } else if (crashed) {
            text.append("crashed in native code");
            tail.stream().filter(l -> l.startsWith("# C ") || l.startsWith("# J ") || l.startsWith("# V "))
                    .findFirst().ifPresent(frame -> text.append(" (").append(frame.trim()).append(')'));
        } else if (exitCode > 128 && exitCode < 160) {
            int signal = exitCode - 128;
            text.append("was killed by signal ").append(signal).append(" (").append(SIGNALS.getOrDefault(signal, "?"))
                    .append(')');
            if (signal == 9) {
                text.append(", by hand or by the system's out-of-memory killer");
            }
        } else {
            text.append("exited with code ").append(exitCode);
        }
        text.append(" while training this run");
        List<String> quoted = tail.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        if (!quoted.isEmpty() && !crashed) {
            List<String> last = quoted.subList(Math.max(0, quoted.size() - QUOTED_LINES), quoted.size());
            text.append("; last output: ").append(String.join(" | ", last));
        }
        return text.toString();
    }

    /**
     * Moves the JVM's crash report of process {@code pid} ({@code hs_err_pid<pid>.log} in
     * {@code scratch}) into {@code runFolder}; returns where it is now, or null if there is none.
     */
    static Path moveCrashReport(Path scratch, long pid, Path runFolder) {
        Path report = scratch.resolve("hs_err_pid" + pid + ".log");
        if (!Files.isRegularFile(report)) {
            return null;
        }
        Path target = runFolder.resolve(report.getFileName());
        try {
            Files.move(report, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            return report;
        }
    }

    /**
     * Ends {@code task}'s run after its worker died: keeps an end the run recorded itself after
     * {@code since}, otherwise writes {@code failed} (or {@code cancelled} when {@code cancelling})
     * with {@code reason} into status.json and log.txt.
     */
    static RunEnd fail(WorkerTask task, String reason, boolean cancelling, Instant since) {
        RunDirectory run = new RunDirectory(task.runFolder());
        RunState state = cancelling ? RunState.CANCELLED : RunState.FAILED;
        try {
            RunStatus status = run.readStatus();
            boolean endedNow = status.ended() != null && !status.ended().isBefore(since);
            if (status.state().isTerminal() && endedNow) {
                return new RunEnd(status.state(), RunEnd.exitCode(status.state()), status.message());
            }
            run.writeStatus(status.ended(state, Instant.now(), reason));
        } catch (IOException | RuntimeException e) {
            reason += " (status.json could not be updated: " + e.getMessage() + ")";
        }
        try {
            Files.writeString(run.logFile(), Instant.now() + " run " + state.jsonName() + ": " + reason + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The status carries the reason.
        }
        return new RunEnd(state, RunEnd.exitCode(state), reason);
    }
}
