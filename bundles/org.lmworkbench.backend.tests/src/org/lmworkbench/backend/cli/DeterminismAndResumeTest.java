package org.lmworkbench.backend.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.format.Npy;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.format.Npz;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;

/**
 * Reproducibility: two runs of one spec give byte-identical metrics (but for wall time), and a run
 * killed with SIGKILL and resumed ends with exactly the parameters of an uninterrupted run. While
 * the child runs, its folder is read with core's readers, as the workbench does.
 */
class DeterminismAndResumeTest {

    static final String SPEC = """
            {
              "name": "det",
              "seed": 3,
              "model": {"family": "mlp", "width": 48, "depth": 2, "activation": "tanh"},
              "data": {"source": "gaussian_mixture", "n_train": 256, "n_test": 64, "input_dim": 16, "classes": 3},
              "optimizer": {"name": "momentum", "lr": 0.05, "weight_decay": 0.001},
              "training": {"steps": %d, "batch_size": 32, "loss": "cross_entropy"},
              "probes": {"metrics_every": 5, "checkpoint_every": %d}
            }
            """;

    @TempDir
    Path dir;

    @Test
    void sameSpecGivesIdenticalMetrics() throws Exception {
        Path spec = Cli.spec(dir, "det.lmx", SPEC.formatted(60, 0));
        Cli.Result a = Cli.run("run", spec.toString(), "--out", dir.resolve("a").toString());
        Cli.Result b = Cli.run("run", spec.toString(), "--out", dir.resolve("b").toString());
        assertEquals(0, a.code(), a.toString());
        assertEquals(0, b.code(), b.toString());
        String ma = Cli.metricsWithoutWallTime(dir.resolve("a"));
        assertEquals(13, ma.lines().count(), "steps 0, 5, ..., 60");
        assertEquals(ma, Cli.metricsWithoutWallTime(dir.resolve("b")));
        assertTrue(ma.contains("\"train_acc\""), ma);
        // The check can fail: another seed gives other numbers.
        Path other = Cli.spec(dir, "other.lmx", SPEC.formatted(60, 0).replace("\"seed\": 3", "\"seed\": 4"));
        assertEquals(0, Cli.run("run", other.toString(), "--out", dir.resolve("c").toString()).code());
        assertNotEquals(ma, Cli.metricsWithoutWallTime(dir.resolve("c")));
    }

    @Test
    void killedRunResumesToTheSameParameters() throws Exception {
        killedRunResumesToTheSameParameters(SPEC);
    }

    /** Zeroth-order directions are drawn per update, so a resumed ZO-Adam run draws the same ones. */
    @Test
    void killedZeroOrderRunResumesToTheSameParameters() throws Exception {
        killedRunResumesToTheSameParameters(SPEC.replace("\"name\": \"momentum\", \"lr\": 0.05",
                "\"name\": \"zo_adam\", \"lr\": 0.001, \"zo\": {\"directions\": 2, \"distribution\": \"sphere\"}"));
    }

    private void killedRunResumesToTheSameParameters(String specText) throws Exception {
        int steps = 600;
        Path spec = Cli.spec(dir, "det.lmx", specText.formatted(steps, 50));
        Path reference = dir.resolve("reference");
        assertEquals(0, Cli.run("run", spec.toString(), "--out", reference.toString()).code());

        Path killed = dir.resolve("killed");
        Path log = dir.resolve("child.log");
        Process child = Cli.start(log, "run", spec.toString(), "--out", killed.toString(), "--threads", "1");
        RunDirectory run = new RunDirectory(killed);
        long deadline = System.nanoTime() + 120_000_000_000L;
        boolean sawRunning = false;
        while (run.checkpointSteps().size() < 2 && child.isAlive() && System.nanoTime() < deadline) {
            // Read while the child writes: every record complete, status always parseable.
            if (Files.exists(run.statusFile())) {
                RunStatus status = run.readStatus();
                sawRunning |= status.state() == RunState.RUNNING;
            }
            if (Files.exists(run.metricsFile())) {
                for (MetricsRecord r : MetricsReader.readAll(run.metricsFile())) {
                    assertTrue(r.has("train_loss") && r.step() >= 0, r.values().toString());
                }
            }
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "child ended before it could be killed:\n" + Files.readString(log));
        child.destroyForcibly().waitFor();   // SIGKILL: no shutdown hook, no final status
        assertTrue(sawRunning, "status.json never said running");
        assertEquals(RunState.RUNNING, run.readStatus().state());
        long lastCheckpoint = run.checkpointSteps().get(run.checkpointSteps().size() - 1);
        assertTrue(lastCheckpoint < steps, "killed after the end");

        Cli.Result resumed = Cli.run("resume", killed.toString());
        assertEquals(0, resumed.code(), resumed.toString());
        assertTrue(resumed.out().contains("resuming from step " + lastCheckpoint), resumed.out());
        assertEquals(RunState.COMPLETED, run.readStatus().state());

        Map<String, NpyArray> expected = Npz.read(reference.resolve("checkpoints/step-" + steps + ".npz"));
        Map<String, NpyArray> actual = Npz.read(killed.resolve("checkpoints/step-" + steps + ".npz"));
        assertEquals(expected.keySet(), actual.keySet());
        for (String key : expected.keySet()) {
            assertArrayEquals(expected.get(key).data(), actual.get(key).data(), key);
        }
        assertEquals(Cli.metricsWithoutWallTime(reference), Cli.metricsWithoutWallTime(killed));

        Cli.Result again = Cli.run("resume", killed.toString());
        assertEquals(0, again.code());
        assertTrue(again.out().contains("already completed"), again.out());
    }

    @Test
    void sigtermCancelsWithReadableFiles() throws Exception {
        Path spec = Cli.spec(dir, "det.lmx", SPEC.formatted(100000, 100));
        Path target = dir.resolve("term");
        Path log = dir.resolve("term.log");
        Process child = Cli.start(log, "run", spec.toString(), "--out", target.toString());
        RunDirectory run = new RunDirectory(target);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (run.checkpointSteps().isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), Files.readString(log));
        child.destroy();   // SIGTERM, as the workbench's Terminate
        Cli.waitFor(child, log, 60);
        RunStatus status = run.readStatus();
        assertEquals(RunState.CANCELLED, status.state(), Files.readString(log));
        List<MetricsRecord> records = MetricsReader.readAll(run.metricsFile());
        assertFalse(records.isEmpty());
        List<Long> checkpoints = run.checkpointSteps();
        assertEquals(status.lastStep(), (long) checkpoints.get(checkpoints.size() - 1), "checkpoint at the cancel step");
    }

    @Test
    void runFolderHasEverythingTheWorkbenchReads() throws Exception {
        Path spec = Cli.spec(dir, "full.lmx", SPEC.formatted(20, 10)
                .replace("\"metrics_every\": 5", "\"metrics_every\": 5, \"activations\": {\"every\": 10, \"layers\": [\"hidden2\"]}"));
        Cli.Result r = Cli.run("run", spec.toString(), "--out", dir.resolve("full").toString());
        assertEquals(0, r.code(), r.toString());
        RunDirectory run = new RunDirectory(dir.resolve("full"));
        RunStatus status = run.readStatus();
        assertEquals(RunState.COMPLETED, status.state());
        assertEquals("cpu", status.device());
        assertEquals(1, status.threads());
        assertEquals("0.35.1", status.djlVersion());
        assertTrue(status.libtorchVersion().startsWith("2.7.1"), status.libtorchVersion());
        assertEquals(20, status.lastStep());
        assertEquals(List.of(0L, 10L, 20L), run.activationSteps());
        assertEquals(List.of("hidden2"), run.activationLayers(10));
        NpyArray a = Npy.read(run.activationFile(10, "hidden2"));
        assertArrayEquals(new long[] {256, 48}, a.shape(), "probe_size defaults to 256 = n_train here");
        assertEquals(List.of(10L, 20L), run.checkpointSteps());
        MetricsRecord last = MetricsReader.readAll(run.metricsFile()).get(4);
        assertEquals(20, last.step());
        for (String key : new String[] {"train_loss", "test_loss", "train_acc", "test_acc", "grad_norm", "lr", "batch_loss"}) {
            assertTrue(Double.isFinite(last.number(key)), key + " in " + last.values());
        }
        assertTrue(last.values().getAsJsonObject("rel_change").get("hidden1").getAsDouble() > 0);
        assertTrue(Files.readString(run.logFile()).contains("run completed"));
    }
}
