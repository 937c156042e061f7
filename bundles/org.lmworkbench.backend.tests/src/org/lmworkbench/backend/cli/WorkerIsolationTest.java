package org.lmworkbench.backend.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.exec.WorkerProtocol.Finished;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.format.Npz;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunPlanner;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.opentest4j.AssertionFailedError;

/**
 * A run's results are the same bits whether it trained in a fresh process ({@code lmw resume}) or in
 * a worker that trained other runs before it (CPU, one thread): runs in one worker, two models
 * and optimizers, one with activation and sharpness probes, a run that fails half-way and one that is
 * cancelled in between, and each kind trained again afterwards. Every run closes the native arrays it
 * made.
 */
class WorkerIsolationTest {

    /** tanh MLP, momentum, MSE in float64, activations every 5 steps and the top-2 sharpness every 10. */
    static final String PROBED = """
            {"name": "probed", "seed": 5,
             "model": {"family": "mlp", "width": 24, "depth": 2, "activation": "tanh"},
             "data": {"source": "teacher_student", "n_train": 96, "n_test": 32, "input_dim": 6, "output_dim": 2,
                      "noise": 0.5, "probe_size": 16},
             "optimizer": {"name": "momentum", "lr": 0.05},
             "training": {"steps": 30, "batch_size": 16, "loss": "mse", "dtype": "float64"},
             "probes": {"metrics_every": 5, "checkpoint_every": 10, "activations": {"every": 5},
                        "sharpness": {"every": 10, "top_k": 2, "examples": 96}},
             "execution": {"device": "cpu", "threads": 1}}
            """;

    /** A small transformer on modular addition with Adam and cross-entropy in float32. */
    static final String TRANSFORMER = """
            {"name": "modular", "seed": 2,
             "model": {"family": "transformer", "width": 32, "depth": 1, "heads": 2, "embedding": 16},
             "data": {"source": "modular_arithmetic", "modulus": 11, "n_train": 80, "n_test": 20},
             "optimizer": {"name": "adam", "lr": 0.003, "weight_decay": 0.01},
             "training": {"steps": 25, "batch_size": 16, "loss": "cross_entropy"},
             "probes": {"metrics_every": 5},
             "execution": {"device": "cpu", "threads": 1}}
            """;

    /** Plain SGD for a long time, to be failed or cancelled half-way. */
    static final String PLAIN = """
            {"name": "%s", "seed": 1,
             "model": {"family": "mlp", "width": 16, "depth": 1, "activation": "relu"},
             "data": {"source": "gaussian_mixture", "n_train": 64, "n_test": 16, "input_dim": 4, "classes": 3},
             "optimizer": {"name": "sgd", "lr": 0.05},
             "training": {"steps": %d, "batch_size": 8, "loss": "cross_entropy"},
             "probes": {"metrics_every": 10, "checkpoint_every": %d},
             "execution": {"device": "cpu", "threads": 1}}
            """;

    @TempDir
    Path dir;

    @Test
    void consecutiveRunsInOneWorkerEqualFreshProcesses() throws Exception {
        Path runs = dir.resolve("project").resolve(RunDirectory.RUNS);
        RunDirectory probedFirst = plan("probed.lmx", PROBED, runs);
        RunDirectory modularFirst = plan("modular.lmx", TRANSFORMER, runs);
        RunDirectory failing = plan("failing.lmx", PLAIN.formatted("failing", 40, 10), runs);
        // Its first checkpoint, at step 10, cannot be written: the run fails half-way.
        Files.writeString(failing.path().resolve(RunDirectory.CHECKPOINTS), "in the way");
        RunDirectory cancelled = plan("long.lmx", PLAIN.formatted("long", 1_000_000, 0), runs);
        RunDirectory probedAgain = plan("probed.lmx", PROBED, runs);
        RunDirectory modularAgain = plan("modular.lmx", TRANSFORMER, runs);
        RunDirectory otherSeed = plan("seed6.lmx", PROBED.replace("\"seed\": 5", "\"seed\": 6"), runs);
        RunDirectory probedFresh = plan("probed.lmx", PROBED, runs);
        RunDirectory modularFresh = plan("modular.lmx", TRANSFORMER, runs);

        List<Finished> ends = new ArrayList<>();
        long pid;
        try (WorkerDriver worker = WorkerDriver.start(dir.resolve("worker.log"))) {
            pid = worker.awaitReady();
            for (RunDirectory run : List.of(probedFirst, modularFirst, failing, cancelled, probedAgain, modularAgain)) {
                ends.add(worker.train(run.runId(), run.path(), p -> p.step() >= 40));
            }
            assertEquals(RunState.COMPLETED, worker.train(otherSeed.runId(), otherSeed.path(), p -> false).state());
            assertEquals("", worker.strayOutput(), "nothing but events on the worker's standard output");
        }
        String log = Files.readString(dir.resolve("worker.log"));
        for (RunDirectory run : List.of(probedFirst, modularFirst, failing, cancelled, probedAgain, modularAgain)) {
            assertEquals(pid, (long) run.readStatus().pid(), run.runId() + " trained in the one worker");
        }
        assertEquals(List.of(RunState.COMPLETED, RunState.COMPLETED, RunState.FAILED, RunState.CANCELLED,
                RunState.COMPLETED, RunState.COMPLETED), ends.stream().map(Finished::state).toList(), log);
        assertEquals(List.of(ExitCodes.OK, ExitCodes.OK, ExitCodes.INTERNAL, ExitCodes.CANCELLED, ExitCodes.OK,
                ExitCodes.OK), ends.stream().map(Finished::code).toList());
        assertTrue(failing.readStatus().message().contains(RunDirectory.CHECKPOINTS), failing.readStatus().message());
        assertEquals(9, failing.readStatus().lastStep(), "the failing run trained the steps before its first checkpoint");
        RunStatus stopped = cancelled.readStatus();
        assertTrue(stopped.lastStep() >= 40 && stopped.lastStep() < 1_000_000, "cancelled at " + stopped.lastStep());
        assertTrue(Files.isRegularFile(cancelled.checkpointFile(stopped.lastStep())), "checkpoint where it stopped");
        long arrays = ends.get(0).arrays();
        assertTrue(arrays >= 0, "the worker counts its arrays");
        for (Finished end : ends) {
            assertEquals(arrays, end.arrays(), end.runId() + " left native arrays behind");
        }

        // The same folders trained by lmw resume, each in a JVM of its own.
        for (RunDirectory fresh : List.of(probedFresh, modularFresh)) {
            Path childLog = dir.resolve(fresh.runId() + ".log");
            assertEquals(0, Cli.waitFor(Cli.start(childLog, "resume", fresh.path().toString()), childLog, 300),
                    Files.readString(childLog));
            assertNotEquals(pid, (long) fresh.readStatus().pid());
        }
        assertSameResults(probedFresh, probedFirst);
        assertSameResults(probedFresh, probedAgain);
        assertSameResults(modularFresh, modularFirst);
        assertSameResults(modularFresh, modularAgain);
        // The comparison tells runs apart: another seed gives other bits.
        assertThrows(AssertionFailedError.class, () -> assertSameResults(probedFresh, otherSeed));
        assertFalse(probedFirst.activationSteps().isEmpty());
        assertTrue(Files.size(probedFirst.path().resolve(RunDirectory.PROBES).resolve(RunDirectory.SHARPNESS)) > 0);
    }

    private RunDirectory plan(String name, String text, Path runs) throws Exception {
        Path spec = dir.resolve(name);
        Files.writeString(spec, text);
        return new RunPlanner(spec).plan(runs, RunPlanner.SingleRunId.FRESH_NUMBER).runs().get(0).directory();
    }

    /** Metrics and probe records but for wall times, activations and checkpoints, bit for bit. */
    static void assertSameResults(RunDirectory expected, RunDirectory actual) throws IOException {
        String what = actual.runId() + " vs " + expected.runId();
        assertEquals(withoutTimes(expected.metricsFile()), withoutTimes(actual.metricsFile()), what);
        for (Path probe : files(expected.path().resolve(RunDirectory.PROBES))) {
            Path other = actual.path().resolve(expected.path().relativize(probe));
            assertEquals(withoutTimes(probe), withoutTimes(other), what + ": " + probe.getFileName());
        }
        List<Path> activations = files(expected.path().resolve(RunDirectory.ACTIVATIONS));
        assertEquals(activations.size(), files(actual.path().resolve(RunDirectory.ACTIVATIONS)).size(), what);
        for (Path a : activations) {
            Path other = actual.path().resolve(expected.path().relativize(a));
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(other), what + ": " + a);
        }
        assertEquals(expected.checkpointSteps(), actual.checkpointSteps(), what);
        for (long step : expected.checkpointSteps()) {
            Map<String, NpyArray> x = Npz.read(expected.checkpointFile(step));
            Map<String, NpyArray> y = Npz.read(actual.checkpointFile(step));
            assertEquals(x.keySet(), y.keySet(), what);
            for (String key : x.keySet()) {
                assertArrayEquals(x.get(key).data(), y.get(key).data(), what + ": step " + step + " " + key);
            }
        }
    }

    private static String withoutTimes(Path jsonl) throws IOException {
        return Files.readString(jsonl).replaceAll(",?\"(wall_time|seconds)\":[-0-9.eE]+", "");
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
