package org.lmworkbench.backend.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.backend.cli.Main;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;

/**
 * The Hessian probes inside whole training runs, in the settings researchers use every day: the
 * Hessian over a prefix of the training set measured at many steps, and a run whose loss explodes
 * between two steps so that a probe is the first to see it.
 */
class HessianProbeRunTest {

    @TempDir
    Path dir;

    private int run(Path spec, Path out, StringBuilder err) {
        Engines.pytorch(1);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", spec.toString(), "--out", out.toString()},
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        err.append(e.toString(StandardCharsets.UTF_8)).append(o.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void sharpnessOnASubsetIsMeasuredAtEveryProbeStep() throws Exception {
        Path spec = Files.writeString(dir.resolve("subset.lmx"), """
                {"name": "subset", "model": {"width": 16, "depth": 2},
                 "data": {"n_train": 64, "n_test": 16, "input_dim": 8},
                 "optimizer": {"name": "sgd", "lr": 0.1}, "training": {"steps": 10, "batch_size": 16},
                 "probes": {"metrics_every": 5, "sharpness": {"every": 3, "examples": 32},
                            "trace": {"every": 6, "samples": 4}}}
                """);
        StringBuilder err = new StringBuilder();
        Path out = dir.resolve("subset");
        assertEquals(ExitCodes.OK, run(spec, out, err), err.toString());
        RunDirectory run = new RunDirectory(out);
        List<MetricsRecord> lines = MetricsReader.readAll(run.sharpnessFile());
        assertEquals(List.of(0L, 3L, 6L, 9L), lines.stream().map(MetricsRecord::step).toList());
        for (MetricsRecord r : lines) {
            assertEquals(32, r.number("examples"), r.values().toString());
            assertTrue(r.values().getAsJsonArray("eigenvalues").get(0).getAsDouble() > 0, r.values().toString());
        }
        assertEquals(List.of(0L, 6L), MetricsReader.readAll(run.traceFile()).stream().map(MetricsRecord::step).toList());
        assertEquals(RunState.COMPLETED, run.readStatus().state());
    }

    @Test
    void aLossThatExplodesAtAProbeStepIsDivergenceNotAFailure() throws Exception {
        // The divergence threshold is out of reach, so only non-finite numbers stop the run; with
        // lr 20 the loss overflows between two steps, and the probe after the update sees it first.
        Path spec = Files.writeString(dir.resolve("explode.lmx"), """
                {"name": "explode", "model": {"width": 16, "depth": 2},
                 "data": {"n_train": 64, "n_test": 16, "input_dim": 8},
                 "optimizer": {"name": "gd", "lr": 20}, "training": {"steps": 30, "divergence_threshold": 1e300},
                 "probes": {"metrics_every": 1, "sharpness": {"every": 1, "examples": 64}}}
                """);
        StringBuilder err = new StringBuilder();
        Path out = dir.resolve("explode");
        assertEquals(ExitCodes.DIVERGED, run(spec, out, err), err.toString());
        RunStatus status = new RunDirectory(out).readStatus();
        assertEquals(RunState.DIVERGED, status.state(), status.toString());
        long at = status.divergedAtStep();
        assertTrue(at > 0 && at < 30, status.toString());
        assertTrue(status.message().contains("Hessian probes"), status.message());
        List<MetricsRecord> metrics = MetricsReader.readAll(new RunDirectory(out).metricsFile());
        MetricsRecord last = metrics.get(metrics.size() - 1);
        assertEquals(at, last.step());
        assertTrue(last.values().get("diverged").getAsBoolean(), last.values().toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }
}
