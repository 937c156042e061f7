package org.lmworkbench.launching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunPlanner;

/** What a launch tells the user: the refusal of an invalid spec, and a run's progress entry. */
class LaunchTextsTest {

    @TempDir
    Path project;

    @Test
    void refusalNamesFileLineAndPath() throws Exception {
        Path spec = project.resolve("bad.lmx");
        Files.writeString(spec, """
                {
                  "name": "bad", "optimizer": {"lr": 0.1},
                  "model": {"family": "mlp", "width": -4},
                  "training": {"steps": 20, "loss": "hinge"}
                }
                """);
        RunPlanner planner = new RunPlanner(spec, "/p/bad.lmx");
        RunPlanner.RefusedException e = assertThrows(RunPlanner.RefusedException.class,
                () -> planner.plan(project.resolve(RunDirectory.RUNS), RunPlanner.SingleRunId.FRESH_NUMBER));
        String[] lines = TrainingRunDelegate.refusal("/p/bad.lmx", e).split("\n");
        assertEquals(3, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("Cannot launch /p/bad.lmx: the spec has 2 error"), lines[0]);
        assertTrue(lines[1].startsWith("/p/bad.lmx:3: ") && lines[1].contains("$.model.width"), lines[1]);
        assertTrue(lines[2].startsWith("/p/bad.lmx:4: ") && lines[2].contains("$.training.loss"), lines[2]);
        assertFalse(Files.exists(project.resolve(RunDirectory.RUNS)));
    }

    @Test
    void progressReadsStepTotalLossAndTimeLeft() {
        RunProgress progress = new RunProgress(100);
        assertEquals("step 0/100", progress.describe());
        long s = 1_000_000_000L;
        progress.observe(0, 2.0, 0);
        progress.observe(10, 1.0, 5 * s); // JVM start and step 0 are not part of the rate
        progress.observe(20, 0.5, 6 * s);
        assertEquals(8, progress.etaSeconds()); // 10 steps/s, 80 to go
        assertEquals("step 20/100 \u00b7 loss 0.5 \u00b7 about 0:08 left", progress.describe());
        assertEquals("1:01:05", RunProgress.duration(3665));
        assertEquals("12:05", RunProgress.duration(725));
    }
}
