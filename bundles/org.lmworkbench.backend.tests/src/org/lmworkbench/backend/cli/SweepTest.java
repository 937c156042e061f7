package org.lmworkbench.backend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;

/**
 * A sweep trains its runs in backend workers: a diverging run does not stop the others, and killing
 * the sweep (SIGKILL, no chance to clean up) leaves no worker behind; their runs stop at a step
 * boundary with a checkpoint.
 */
class SweepTest {

    @TempDir
    Path dir;

    @Test
    void divergedRunDoesNotStopTheOthers() throws Exception {
        Path spec = Cli.spec(dir, "sw.lmx", """
                {"name": "sw", "model": {"width": 16, "depth": 1},
                 "data": {"n_train": 64, "n_test": 16, "input_dim": 8},
                 "optimizer": {"name": "gd", "lr": 0.1},
                 "training": {"steps": 40, "divergence_threshold": 1000},
                 "probes": {"metrics_every": 10},
                 "sweep": {"optimizer.lr": [0.05, 500.0]}}
                """);
        Cli.Result r = Cli.run("sweep", spec.toString(), "--out", dir.resolve("project").toString(), "--parallel", "2");
        assertEquals(ExitCodes.DIVERGED, r.code(), r.toString());
        var runs = RunDirectory.list(dir.resolve("project"));
        assertEquals(2, runs.size());
        assertEquals(RunState.COMPLETED, runs.get(0).readStatus().state(), r.toString());
        assertEquals(RunState.DIVERGED, runs.get(1).readStatus().state(), r.toString());
        assertTrue(runs.get(1).readStatus().divergedAtStep() != null);
        assertTrue(r.out().contains("1 completed, 1 diverged"), r.out());

        // Sweeping again completes nothing new and leaves finished runs alone.
        Cli.Result again = Cli.run("sweep", spec.toString(), "--out", dir.resolve("project").toString());
        assertEquals(ExitCodes.DIVERGED, again.code(), again.toString());
        assertEquals(RunState.COMPLETED, runs.get(0).readStatus().state());
    }

    @Test
    void killedSweepLeavesNoWorkerBehind() throws Exception {
        Path spec = Cli.spec(dir, "long.lmx", """
                {"name": "long", "model": {"width": 16, "depth": 1},
                 "data": {"n_train": 64, "n_test": 16, "input_dim": 8},
                 "optimizer": {"name": "sgd", "lr": 0.01}, "training": {"steps": 1000000, "batch_size": 16},
                 "probes": {"metrics_every": 100},
                 "execution": {"device": "cpu", "threads": 1},
                 "sweep": {"seed": [0, 1, 2]}}
                """);
        Path log = dir.resolve("sweep.log");
        Process sweep = Cli.start(log, "sweep", spec.toString(), "--out", dir.resolve("project").toString(),
                "--parallel", "2");
        RunDirectory first = new RunDirectory(dir.resolve("project/runs/long-000"));
        RunDirectory second = new RunDirectory(dir.resolve("project/runs/long-001"));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!(isTraining(first) && isTraining(second)) && sweep.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(sweep.isAlive() && isTraining(first) && isTraining(second), Files.readString(log));
        List<Long> workers = List.of(first.readStatus().pid(), second.readStatus().pid());
        sweep.destroyForcibly().waitFor();

        long gone = System.nanoTime() + 60_000_000_000L;
        while (workers.stream().anyMatch(SweepTest::alive) && System.nanoTime() < gone) {
            Thread.sleep(100);
        }
        for (long pid : workers) {
            assertTrue(!alive(pid), "worker " + pid + " outlived the killed sweep");
        }
        for (RunDirectory run : List.of(first, second)) {
            RunStatus status = run.readStatus();
            // Like a backend process of its own whose parent died: stopped at a step, not cancelled by anyone.
            assertEquals(RunState.INTERRUPTED, status.state(), run.runId());
            assertTrue(status.message().startsWith("the process that started this run (pid " + sweep.pid() + ") has ended"),
                    status.message());
            assertTrue(Files.isRegularFile(run.checkpointFile(status.lastStep())), run.runId());
        }
        assertEquals(RunState.QUEUED, new RunDirectory(dir.resolve("project/runs/long-002")).readStatus().state(),
                "the third run never started");
    }

    private static boolean isTraining(RunDirectory run) {
        try {
            RunStatus status = run.readStatus();
            return status.state() == RunState.RUNNING && status.lastStep() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
