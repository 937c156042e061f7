package org.lmworkbench.backend.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.format.Npz;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.slurm.BatchScript;

/**
 * The backend's side of a Slurm time limit, without a cluster: when the early-stop file the batch
 * script names appears, a training process stops at a step boundary, writes a checkpoint, ends
 * {@code interrupted} with exit code 75, and {@code resume} then finishes a run identical to one
 * that was never stopped. ({@code SlurmSweepTest} does the same through a real time limit.)
 */
class EarlyStopTest {

    static final String SPEC = """
            {"name": "early", "seed": 5,
             "model": {"family": "mlp", "width": 32, "depth": 2, "activation": "tanh"},
             "data": {"source": "teacher_student", "n_train": 128, "n_test": 32, "input_dim": 8},
             "optimizer": {"name": "sgd", "lr": 0.05}, "training": {"steps": %d, "batch_size": 32},
             "probes": {"metrics_every": 50}, "execution": {"device": "cpu"}}
            """;

    @TempDir
    Path dir;

    @Test
    void theStopFileEndsTheRunInterruptedAtACheckpointAndResumeCompletesItUnchanged() throws Exception {
        int steps = 20000;
        Path spec = Cli.spec(dir, "early.lmx", SPEC.formatted(steps));
        Path reference = dir.resolve("reference");
        assertEquals(0, Cli.run("run", spec.toString(), "--out", reference.toString()).code());

        Path stopped = dir.resolve("stopped");
        Path stopFile = dir.resolve("node-tmp/lmw-early-stop-17");
        Path log = dir.resolve("child.log");
        Process child = Cli.start(log, Map.of(BatchScript.EARLY_STOP_VARIABLE, stopFile.toString()), "run",
                spec.toString(), "--out", stopped.toString());
        RunDirectory run = new RunDirectory(stopped);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (lines(run) < 5 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the run ended before the stop file could appear:\n" + Files.readString(log));
        Files.createDirectories(stopFile.getParent());
        Files.writeString(stopFile, "");

        assertEquals(ExitCodes.INTERRUPTED, Cli.waitFor(child, log, 60), Files.readString(log));
        RunStatus status = run.readStatus();
        assertEquals(RunState.INTERRUPTED, status.state(), Files.readString(log));
        assertTrue(status.lastStep() > 0 && status.lastStep() < steps, status.toString());
        List<Long> checkpoints = run.checkpointSteps();
        assertEquals(List.of(status.lastStep()), checkpoints, "one checkpoint, at the step it stopped");
        assertTrue(status.message().contains("the scheduler's time limit is near"), status.message());
        MetricsReader.readAll(run.metricsFile()); // every line complete

        Cli.Result resumed = Cli.run("resume", stopped.toString());
        assertEquals(0, resumed.code(), resumed.toString());
        assertTrue(resumed.out().contains("resuming from step " + status.lastStep()), resumed.out());
        assertEquals(RunState.COMPLETED, run.readStatus().state());
        assertEquals(Cli.metricsWithoutWallTime(reference), Cli.metricsWithoutWallTime(stopped));
        Map<String, NpyArray> expected = Npz.read(reference.resolve("checkpoints/step-" + steps + ".npz"));
        Map<String, NpyArray> actual = Npz.read(stopped.resolve("checkpoints/step-" + steps + ".npz"));
        assertEquals(expected.keySet(), actual.keySet());
        for (String key : expected.keySet()) {
            assertArrayEquals(expected.get(key).data(), actual.get(key).data(), key);
        }
    }

    private static long lines(RunDirectory run) throws Exception {
        return Files.exists(run.metricsFile()) ? MetricsReader.readAll(run.metricsFile()).size() : 0;
    }
}
