package org.lmworkbench.backend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;

/** A sweep runs each point in its own process; a diverging run does not stop the others. */
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
}
