package org.lmworkbench.backend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.backend.exec.WorkerPoolExecutor;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.exec.ClassDataSharing;
import org.lmworkbench.core.exec.RunEnd;
import org.lmworkbench.core.exec.WorkerPool;
import org.lmworkbench.core.exec.WorkerTask;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunPlanner;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;

/**
 * Isolation in the worker pool: a run whose worker is killed (SIGKILL), crashes in native code
 * (SIGSEGV) or runs out of memory ends {@code failed} with the reason, the worker is replaced and the
 * other runs complete; cancelling one run stops only that run, at a step boundary with a checkpoint.
 */
class WorkerPoolTest {

    private static final String SPEC = """
            {"name": "%s", "seed": 0,
             "model": {"family": "mlp", "width": 16, "depth": 2, "activation": "tanh"},
             "data": {"source": "teacher_student", "n_train": %d, "n_test": 16, "input_dim": %d},
             "optimizer": {"name": "sgd", "lr": 0.01},
             "training": {"steps": %d, "batch_size": 16},
             "probes": {"metrics_every": 10, "checkpoint_every": 0},
             "execution": {"device": "cpu", "threads": 1, "jvm_memory": "%s"}}
            """;

    @TempDir
    Path dir;

    /** What the pool reported. */
    private final Map<String, RunEnd> ends = new ConcurrentHashMap<>();
    private final Map<String, Long> workers = new ConcurrentHashMap<>();

    private WorkerTask task(String name, int nTrain, int inputDim, int steps, String memory) throws Exception {
        Path spec = dir.resolve(name + ".lmx");
        Files.writeString(spec, SPEC.formatted(name, nTrain, inputDim, steps, memory));
        // A single-run spec planned as the command line's sweep does: runs/<name>-000.
        RunPlanner.PlannedRun run = new RunPlanner(spec).plan(dir.resolve("runs"), RunPlanner.SingleRunId.SPEC_NAME)
                .runs().get(0);
        return new WorkerTask(run.runId(), run.directory().path(), List.of(), run.spec().execution().jvmMemory());
    }

    /** Runs the tasks in a pool of {@code parallel}; {@code onProgress} sees every progress report. */
    private void runPool(int parallel, List<WorkerTask> tasks, BiConsumer<WorkerPool, WorkerPool.Listener> setup,
            ProgressHook onProgress) throws Exception {
        WorkerPoolExecutor commands = new WorkerPoolExecutor(parallel);
        WorkerPool[] pool = new WorkerPool[1];
        WorkerPool.Listener listener = new WorkerPool.Listener() {
            @Override
            public void assigned(WorkerTask task, long workerPid) {
                workers.put(task.runId(), workerPid);
            }

            @Override
            public void progress(WorkerTask task, long step, double loss) {
                onProgress.progress(pool[0], task, step);
            }

            @Override
            public void finished(WorkerTask task, RunEnd end) {
                ends.put(task.runId(), end);
            }
        };
        try (WorkerPool p = new WorkerPool(parallel, (heap, options) -> new ProcessBuilder(commands.command(heap, options))
                .start(), listener, Duration.ofSeconds(60), ClassDataSharing.none())) {
            pool[0] = p;
            setup.accept(p, listener);
            tasks.forEach(p::submit);
            p.shutdown();
            p.onTermination().get(300, TimeUnit.SECONDS);
        }
        assertEquals(tasks.size(), ends.size(), "every run ended once: " + ends);
    }

    @FunctionalInterface
    private interface ProgressHook {
        void progress(WorkerPool pool, WorkerTask task, long step);
    }

    private static void signal(long pid, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor());
    }

    @Test
    void killedWorkerFailsItsRunAndTheOthersComplete() throws Exception {
        List<WorkerTask> tasks = List.of(task("victim", 64, 8, 1_000_000, "512m"), task("next", 64, 8, 40, "512m"),
                task("last", 64, 8, 40, "512m"));
        boolean[] killed = {false};
        runPool(1, tasks, (p, l) -> { }, (pool, task, step) -> {
            if (task.runId().equals("victim-000") && step >= 20 && !killed[0]) {
                killed[0] = true;
                try {
                    signal(workers.get("victim-000"), "KILL");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        RunStatus victim = new RunDirectory(tasks.get(0).runFolder()).readStatus();
        assertEquals(RunState.FAILED, victim.state());
        assertTrue(victim.message().contains("killed by signal 9 (SIGKILL)"), victim.message());
        assertEquals(ExitCodes.INTERNAL, ends.get("victim-000").exitCode());
        assertTrue(Files.readString(tasks.get(0).runFolder().resolve(RunDirectory.LOG)).contains("SIGKILL"));
        for (String id : List.of("next-000", "last-000")) {
            assertEquals(RunState.COMPLETED, ends.get(id).state(), ends.toString());
        }
        assertNotEquals(workers.get("victim-000"), workers.get("next-000"), "a new worker replaced the killed one");
        assertEquals(workers.get("next-000"), workers.get("last-000"), "and trained the rest");
    }

    @Test
    void nativeCrashFailsTheRunWithTheCrashReport() throws Exception {
        List<WorkerTask> tasks = List.of(task("crash", 64, 8, 1_000_000, "512m"), task("after", 64, 8, 40, "512m"));
        boolean[] crashed = {false};
        runPool(1, tasks, (p, l) -> { }, (pool, task, step) -> {
            if (task.runId().equals("crash-000") && step >= 20 && !crashed[0]) {
                crashed[0] = true;
                try {
                    signal(workers.get("crash-000"), "SEGV"); // what a segmentation fault in libtorch looks like
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        RunDirectory crash = new RunDirectory(tasks.get(0).runFolder());
        RunStatus status = crash.readStatus();
        assertEquals(RunState.FAILED, status.state());
        assertTrue(status.message().contains("crashed in native code"), status.message());
        Path report = crash.path().resolve("hs_err_pid" + workers.get("crash-000") + ".log");
        assertTrue(Files.isRegularFile(report), "the JVM's crash report is in the run folder");
        assertTrue(status.message().contains(report.toString()), status.message());
        assertTrue(Files.readString(report).contains("SIGSEGV"));
        assertEquals(RunState.COMPLETED, ends.get("after-000").state(), ends.toString());
    }

    @Test
    void outOfMemoryFailsTheRunWithTheReason() throws Exception {
        // 60000 x 65 numbers pass the memory check before loading (its lower bound, two copies in doubles,
        // is 59.5 MiB), but with everything else the worker holds they do not fit in a 64 MiB heap.
        List<WorkerTask> tasks = List.of(task("small", 64, 8, 30, "512m"), task("huge", 60_000, 64, 30, "64m"),
                task("fine", 64, 8, 30, "512m"));
        runPool(1, tasks, (p, l) -> { }, (pool, task, step) -> { });
        RunStatus huge = new RunDirectory(tasks.get(1).runFolder()).readStatus();
        assertEquals(RunState.FAILED, huge.state());
        assertTrue(huge.message().contains("ran out of memory (maximum heap 64m, execution.jvm_memory)"),
                huge.message());
        assertTrue(huge.message().contains("OutOfMemoryError"), huge.message());
        assertEquals(RunState.COMPLETED, ends.get("small-000").state(), ends.toString());
        assertEquals(RunState.COMPLETED, ends.get("fine-000").state(), ends.toString());
        assertNotEquals(workers.get("small-000"), workers.get("huge-000"), "a run of another heap size gets its own worker");
    }

    @Test
    void cancellingOneRunStopsOnlyThatRun() throws Exception {
        List<WorkerTask> tasks = List.of(task("stop", 64, 8, 1_000_000, "512m"), task("go", 64, 8, 5000, "512m"));
        List<String> cancelled = new ArrayList<>();
        boolean[] neighbourRuns = {false};
        runPool(2, tasks, (p, l) -> { }, (pool, task, step) -> {
            neighbourRuns[0] |= task.runId().equals("go-000");
            // Cancelled while its neighbour trains, so that "only that run" means something.
            if (task.runId().equals("stop-000") && step >= 50 && neighbourRuns[0] && cancelled.isEmpty()) {
                cancelled.add(task.runId());
                assertTrue(pool.cancel("stop-000"));
            }
        });
        assertEquals(List.of("stop-000"), cancelled);
        RunDirectory stop = new RunDirectory(tasks.get(0).runFolder());
        RunStatus stopped = stop.readStatus();
        assertEquals(RunState.CANCELLED, stopped.state());
        assertEquals(ExitCodes.CANCELLED, ends.get("stop-000").exitCode());
        assertTrue(Files.isRegularFile(stop.checkpointFile(stopped.lastStep())), "checkpoint at the cancel step");
        RunStatus go = new RunDirectory(tasks.get(1).runFolder()).readStatus();
        assertEquals(RunState.COMPLETED, go.state());
        assertEquals(5000, go.lastStep());
        assertTrue(go.ended().isAfter(stopped.ended()), "the neighbour trained on after the cancel");
        assertNotEquals(workers.get("stop-000"), workers.get("go-000"), "the two ran side by side");
    }
}
