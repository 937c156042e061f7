package org.lmworkbench.backend.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.format.Npz;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.spec.Specs;

/**
 * What a run folder says must be true whatever happened to it: one process trains it at a time,
 * a damaged newest checkpoint is skipped for the previous one (and the resumed run still equals an
 * uninterrupted one), leftovers of interrupted writes are cleaned, a damaged record line is
 * reported rather than dropped unseen, and a write that fails ends the run {@code failed} with the
 * reason, never {@code running}.
 */
class RunFolderStateTest {

    static final String SPEC = """
            {"name": "state", "seed": 5,
             "model": {"family": "mlp", "width": 24, "depth": 2, "activation": "tanh"},
             "data": {"source": "gaussian_mixture", "n_train": 128, "n_test": 32, "input_dim": 8, "classes": 3},
             "optimizer": {"name": "adam", "lr": 0.01},
             "training": {"steps": %d, "batch_size": 16, "loss": "cross_entropy"},
             "probes": {"metrics_every": 5, "checkpoint_every": 20, "activations": {"every": 20, "layers": ["hidden1"]}}}
            """;

    @TempDir
    Path dir;

    @Test
    void aDamagedNewestCheckpointFallsBackToThePreviousAndTheRunStillEqualsAnUninterruptedOne() throws Exception {
        Path spec = Cli.spec(dir, "state.lmx", SPEC.formatted(60));
        Path reference = dir.resolve("reference");
        assertEquals(ExitCodes.OK, Cli.run("run", spec.toString(), "--out", reference.toString()).code());
        for (String damage : List.of("cut off", "zeroed")) {
            Path killed = dir.resolve("killed-" + damage.replace(' ', '-'));
            assertEquals(ExitCodes.OK, Cli.run("run", spec.toString(), "--out", killed.toString()).code());
            RunDirectory run = new RunDirectory(killed);
            // What a process killed while writing step 60 leaves, with the checkpoint of step 40 damaged.
            run.writeStatus(run.readStatus().started(Instant.now(), "cpu", 1, 999_999_999L).withProgress(50, 0.5));
            Files.delete(run.checkpointFile(60));
            Path step40 = run.checkpointFile(40);
            byte[] good = Files.readAllBytes(step40);
            Files.write(step40, damage.equals("zeroed") ? new byte[good.length] : java.util.Arrays.copyOf(good,
                    good.length / 2));
            Files.writeString(run.checkpointsFolder().resolve(".step-60.npz.k2j4.tmp"), "half a checkpoint");
            Files.writeString(run.activationFile(60, "hidden1").resolveSibling(".hidden1.npy.x1.tmp"), "half");
            List<String> lines = new ArrayList<>(Files.readAllLines(run.metricsFile()));
            int torn = 7; // step 30, after the checkpoint resumed from: written again
            assertTrue(lines.get(torn - 1).startsWith("{\"step\":30,"), lines.get(torn - 1));
            lines.set(torn - 1, lines.get(torn - 1).substring(0, 25));
            Files.writeString(run.metricsFile(), String.join("\n", lines.subList(0, 11)) + "\n{\"step\":55,\"tr");

            Cli.Result resumed = Cli.run("resume", killed.toString());
            assertEquals(ExitCodes.OK, resumed.code(), resumed.toString());
            assertTrue(resumed.out().contains("resuming from step 20"), resumed.out());
            assertTrue(resumed.err().contains("warning: " + run.runId() + ": skipped checkpoint checkpoints/step-40.npz: "
                    + step40 + ": "), resumed.err());
            assertTrue(resumed.err().contains("warning: " + run.metricsFile() + ":" + torn
                    + ": damaged line removed (not a JSON record): {\"step\":30,"), resumed.err());
            String log = Files.readString(run.logFile());
            assertTrue(log.contains("removed checkpoints/.step-60.npz.k2j4.tmp, left by an interrupted write"), log);
            assertTrue(log.contains("removed activations/step-60/.hidden1.npy.x1.tmp"), log);
            assertTrue(log.contains("damaged line removed"), log);
            assertEquals(RunState.COMPLETED, run.readStatus().state());
            for (long step : List.of(40L, 60L)) {
                Map<String, NpyArray> expected = Npz.read(reference.resolve("checkpoints/step-" + step + ".npz"));
                Map<String, NpyArray> actual = Npz.read(run.checkpointFile(step));
                assertEquals(expected.keySet(), actual.keySet());
                for (String key : expected.keySet()) {
                    assertArrayEquals(expected.get(key).data(), actual.get(key).data(), damage + ": " + key);
                }
            }
            assertEquals(Cli.metricsWithoutWallTime(reference), Cli.metricsWithoutWallTime(killed), damage);
            try (Stream<Path> all = Files.walk(killed)) {
                assertTrue(all.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary files left");
            }
        }
    }

    @Test
    void aDamagedLineBeforeTheCheckpointIsReportedWithItsTextInTheLog() throws Exception {
        Path spec = Cli.spec(dir, "state.lmx", SPEC.formatted(40));
        Path out = dir.resolve("torn");
        assertEquals(ExitCodes.OK, Cli.run("run", spec.toString(), "--out", out.toString()).code());
        RunDirectory run = new RunDirectory(out);
        run.writeStatus(run.readStatus().started(Instant.now(), "cpu", 1, 999_999_999L));
        Files.delete(run.checkpointFile(40));
        List<String> lines = new ArrayList<>(Files.readAllLines(run.metricsFile()));
        lines.set(2, "{\"step\":10,\"train_loss\":0.9,\u0000\u0000\u0000");
        Files.writeString(run.metricsFile(), String.join("\n", lines) + "\n");
        Cli.Result resumed = Cli.run("resume", out.toString());
        assertEquals(ExitCodes.OK, resumed.code(), resumed.toString());
        assertTrue(resumed.err().contains(run.metricsFile() + ":3: damaged line removed (not a JSON record): "
                + "{\"step\":10,\"train_loss\":0.9,"), resumed.err());
        assertTrue(Files.readString(run.logFile()).contains("{\"step\":10,\"train_loss\":0.9,"), "text kept in log.txt");
        List<MetricsRecord> records = MetricsReader.readAll(run.metricsFile());
        assertEquals(List.of(0L, 5L, 15L, 20L, 25L, 30L, 35L, 40L), records.stream().map(MetricsRecord::step).toList());
    }

    @Test
    void aTornStatusIsReplacedWithAWarningAndTheRunContinues() throws Exception {
        Path spec = Cli.spec(dir, "state.lmx", SPEC.formatted(40));
        Path out = dir.resolve("torn-status");
        assertEquals(ExitCodes.OK, Cli.run("run", spec.toString(), "--out", out.toString()).code());
        RunDirectory run = new RunDirectory(out);
        Files.delete(run.checkpointFile(40));
        Files.writeString(run.statusFile(), "{\"state\": \"runn");
        Cli.Result resumed = Cli.run("resume", out.toString());
        assertEquals(ExitCodes.OK, resumed.code(), resumed.toString());
        assertTrue(resumed.err().startsWith("warning: torn-status: replaced an unreadable status.json ("
                + run.statusFile() + ": malformed JSON"), resumed.err());
        assertTrue(resumed.out().contains("resuming from step 20"), resumed.out());
        assertEquals(RunState.COMPLETED, run.readStatus().state());
    }

    @Test
    void aSecondResumeOfARunningRunIsRefusedAndNamesTheOwner() throws Exception {
        Path spec = Cli.spec(dir, "long.lmx", SPEC.formatted(1_000_000));
        RunDirectory run = RunDirectory.create(dir.resolve("runs"), "long",
                Specs.load(spec).singleSpec());
        Path log = dir.resolve("first.log");
        Process first = Cli.start(log, "resume", run.path().toString());
        try {
            waitUntil(() -> !run.checkpointSteps().isEmpty(), first, log);
            Cli.Result second = Cli.run("resume", run.path().toString());
            assertEquals(ExitCodes.INVALID_INPUT, second.code(), second.toString());
            assertTrue(second.err().startsWith("resume: " + run.path() + ": is being trained by process " + first.pid()
                    + " on host "), second.err());
        } finally {
            first.destroy();
            Cli.waitFor(first, log, 60);
        }
        assertEquals(RunState.CANCELLED, run.readStatus().state(), Files.readString(log));
        List<Long> steps = MetricsReader.readAll(run.metricsFile()).stream().map(MetricsRecord::step).toList();
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i) > steps.get(i - 1), "one writer: steps strictly increase " + steps);
        }
        // The lock of a process killed with SIGKILL is taken over, and the log says whose it was.
        Process killed = Cli.start(log, "resume", run.path().toString());
        waitUntil(() -> run.readStatus().state() == RunState.RUNNING && run.readStatus().pid() == killed.pid(), killed, log);
        killed.destroyForcibly().waitFor();
        Process third = Cli.start(log, "resume", run.path().toString());
        try {
            String note = "took over the run folder from process " + killed.pid() + " on host ";
            waitUntil(() -> Files.readString(run.logFile()).contains(note), third, log);
        } finally {
            third.destroy();
            Cli.waitFor(third, log, 60);
        }
        // Stopped while starting or while training: either way it says it is not running.
        assertTrue(List.of(RunState.INTERRUPTED, RunState.CANCELLED).contains(run.readStatus().state()),
                run.readStatus() + "\n" + Files.readString(log));
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Condition condition, Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.holds()) {
            assertTrue(child.isAlive() && System.nanoTime() < deadline, "gave up waiting:\n" + Files.readString(log));
            Thread.sleep(20);
        }
    }

    @Test
    void twoRunsRacingIntoOneFolderLeaveOneRunAndOneClearRefusal() throws Exception {
        Path spec = Cli.spec(dir, "state.lmx", SPEC.formatted(10));
        for (int attempt = 0; attempt < 4; attempt++) {
            Path out = dir.resolve("race" + attempt);
            if (attempt % 2 == 1) {
                Files.createDirectory(out); // an empty folder made beforehand is allowed
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Cli.Result> results = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    results.add(Cli.run("run", spec.toString(), "--out", out.toString()));
                });
                t.start();
                threads.add(t);
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            List<Integer> codes = results.stream().map(Cli.Result::code).sorted().toList();
            assertEquals(List.of(ExitCodes.OK, ExitCodes.INVALID_INPUT), codes, results.toString());
            Cli.Result refused = results.stream().filter(r -> r.code() == ExitCodes.INVALID_INPUT).findFirst().orElseThrow();
            assertFalse(refused.err().contains("Exception"), refused.err());
            assertTrue(refused.err().startsWith("run: " + out.toAbsolutePath()), refused.err());
            assertEquals(RunState.COMPLETED, new RunDirectory(out).readStatus().state());
        }
    }

    @Test
    void aWriteThatFailsEndsTheRunFailedWithTheReason() throws Exception {
        // Simulated: where the checkpoints folder should be there is a file, so the first checkpoint
        // cannot be written (a full disk is tested on a small tmpfs where the machine allows mounting).
        Path spec = Cli.spec(dir, "state.lmx", SPEC.formatted(60));
        RunDirectory run = RunDirectory.create(dir.resolve("runs"), "blocked", Specs.load(spec).singleSpec());
        Files.writeString(run.checkpointsFolder(), "in the way");
        Cli.Result r = Cli.run("resume", run.path().toString());
        assertEquals(ExitCodes.INTERNAL, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("blocked: failed: cannot write the run folder: "), r.err());
        RunStatus status = run.readStatus();
        assertEquals(RunState.FAILED, status.state());
        assertTrue(status.message().startsWith("cannot write the run folder: " + run.checkpointsFolder()), status.message());
        assertTrue(Files.readString(run.logFile()).contains("\tat "), "the stack trace is in log.txt");
        assertEquals(20, MetricsReader.readAll(run.metricsFile()).get(4).step(), "the records before are kept");

        // metrics.jsonl cannot even be opened.
        RunDirectory blocked = RunDirectory.create(dir.resolve("runs"), "no-metrics", Specs.load(spec).singleSpec());
        Files.createDirectory(blocked.metricsFile());
        Cli.Result m = Cli.run("resume", blocked.path().toString());
        assertEquals(ExitCodes.INTERNAL, m.code(), m.toString());
        assertEquals(RunState.FAILED, blocked.readStatus().state());
        assertTrue(blocked.readStatus().message().contains(blocked.metricsFile().toString()), blocked.readStatus().message());
    }
}
