package org.lmworkbench.backend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.format.Npz;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;

/**
 * The machine turns against a run: the disk fills up or runs out of inodes (a small tmpfs, where
 * this machine lets the test mount one), the heap is too small, the sweep that started the runs is
 * killed with SIGKILL. Each time every run ends with a final state that tells the truth, and no
 * process is left behind.
 */
class HostileEnvironmentTest {

    /** A checkpoint of about 330 KB every ten steps: a 2 MB disk is full after a few. */
    static final String DISK_FILLER = """
            {"name": "filler", "model": {"width": 256, "depth": 2},
             "data": {"n_train": 64, "n_test": 16, "input_dim": 64},
             "optimizer": {"name": "gd", "lr": 0.05}, "training": {"steps": 400},
             "probes": {"metrics_every": 5, "checkpoint_every": 10}}
            """;

    @TempDir
    Path dir;

    @Test
    void aFullDiskEndsTheRunFailedWithTheReasonAndNothingHalfWritten() throws Exception {
        checkFullDisk("size=2m", "no space left on the device: ");
    }

    @Test
    void noInodesLeftEndsTheRunFailedAndTheStatusIsStillWritten() throws Exception {
        // No new file at all: the final status must be written into status.json's own blocks.
        checkFullDisk("size=64m,nr_inodes=14", "no space left on the device: ");
    }

    private void checkFullDisk(String options, String reason) throws Exception {
        Path mount = Files.createDirectory(dir.resolve("small-disk"));
        String problem = mount(mount, options);
        Assumptions.assumeTrue(problem == null, "cannot mount a tmpfs on this machine (" + problem
                + "); RunFolderStateTest covers a failing write by simulation");
        try {
            Path spec = Cli.spec(dir, "filler.lmx", DISK_FILLER);
            Path out = mount.resolve("run");
            Cli.Result r = Cli.run("run", spec.toString(), "--out", out.toString());
            assertEquals(ExitCodes.INTERNAL, r.code(), r.toString());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("run: failed: " + reason), r.err());
            RunDirectory run = new RunDirectory(out);
            RunStatus status = run.readStatus();
            assertEquals(RunState.FAILED, status.state());
            assertTrue(status.message().startsWith(reason), status.message());
            assertTrue(status.lastStep() > 0 && status.lastStep() < 400, status.toString());
            List<Long> checkpoints = run.checkpointSteps();
            assertFalse(checkpoints.isEmpty());
            for (long step : checkpoints) {
                assertEquals(step, Npz.read(run.checkpointFile(step)).get("meta/step").toDoubles()[0], "complete");
            }
            assertFalse(MetricsReader.readAll(run.metricsFile()).isEmpty(), "metrics readable");
            try (Stream<Path> all = Files.walk(out)) {
                assertTrue(all.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no half-written file");
            }
            assertEquals("", Files.readString(out.resolve(".lock")), "the folder was released");
        } finally {
            run("umount", mount.toString());
        }
    }

    @Test
    void aHeapTooSmallForTheDataEndsTheRunFailedWithTheMemoryItNeeds() throws Exception {
        // Sweep workers get execution.jvm_memory as their heap: 64m cannot hold these examples.
        Path spec = Cli.spec(dir, "heap.lmx", """
                {"name": "heap", "model": {"width": 8, "depth": 1},
                 "data": {"n_train": 400000, "n_test": 100, "input_dim": 32},
                 "optimizer": {"lr": 0.1}, "training": {"steps": 2},
                 "execution": {"jvm_memory": "64m"},
                 "sweep": {"seed": [1]}}
                """);
        Cli.Result r = Cli.run("sweep", spec.toString(), "--out", dir.resolve("project").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.toString());
        RunDirectory run = RunDirectory.list(dir.resolve("project")).get(0);
        RunStatus status = run.readStatus();
        assertEquals(RunState.FAILED, status.state(), Files.readString(run.logFile()));
        assertTrue(status.message().contains("$.data.n_train 400000") && status.message().contains("of Java heap"),
                status.message());
        assertFalse(Files.readString(run.logFile()).contains("OutOfMemoryError"), Files.readString(run.logFile()));
    }

    @Test
    void killingASweepWithSigkillLeavesNoWorkerBehindAndNoRunClaimingToRun() throws Exception {
        Path spec = Cli.spec(dir, "sweep.lmx", """
                {"name": "orphans", "model": {"width": 16, "depth": 2},
                 "data": {"n_train": 64, "n_test": 16, "input_dim": 8},
                 "optimizer": {"name": "sgd", "lr": 0.05}, "training": {"steps": 10000000, "batch_size": 8},
                 "probes": {"metrics_every": 50, "checkpoint_every": 200},
                 "sweep": {"seed": [1, 2, 3]}}
                """);
        Path project = dir.resolve("project");
        Path log = dir.resolve("sweep.log");
        Process sweep = Cli.start(log, "sweep", spec.toString(), "--out", project.toString(), "--parallel", "2");
        List<ProcessHandle> workers;
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (running(project) < 2) {
                assertTrue(sweep.isAlive() && System.nanoTime() < deadline, Files.readString(log));
                Thread.sleep(50);
            }
            workers = sweep.toHandle().descendants().toList();
            assertEquals(2, workers.size(), workers.toString());
        } finally {
            sweep.destroyForcibly(); // SIGKILL: the sweep's own shutdown hook does not run
        }
        sweep.waitFor();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (workers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        assertTrue(workers.stream().noneMatch(ProcessHandle::isAlive), "orphaned workers: " + workers);
        List<RunDirectory> runs = RunDirectory.list(project);
        assertEquals(3, runs.size());
        int interrupted = 0;
        for (RunDirectory run : runs) {
            RunStatus status = run.readStatus();
            assertTrue(status.state() == RunState.INTERRUPTED || status.state() == RunState.QUEUED,
                    run.runId() + ": " + status + "\n" + (Files.exists(run.logFile()) ? Files.readString(run.logFile()) : ""));
            if (status.state() == RunState.INTERRUPTED) {
                interrupted++;
                assertTrue(status.message().startsWith("the process that started this run (pid " + sweep.pid()
                        + ") has ended"), status.message());
                assertTrue(run.checkpointSteps().contains(status.lastStep()), "checkpoint at the step it stopped at");
                MetricsReader.readAll(run.metricsFile());
            }
        }
        assertEquals(2, interrupted);
    }

    private static int running(Path project) throws IOException {
        int n = 0;
        for (RunDirectory run : RunDirectory.list(project)) {
            if (Files.exists(run.statusFile()) && run.readStatus().state() == RunState.RUNNING
                    && !run.checkpointSteps().isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** Mounts a tmpfs; the reason it cannot, or null. */
    private static String mount(Path at, String options) throws Exception {
        return run("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString());
    }

    private static String run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        return p.exitValue() == 0 ? null : String.join(" ", command) + ": " + output;
    }
}
