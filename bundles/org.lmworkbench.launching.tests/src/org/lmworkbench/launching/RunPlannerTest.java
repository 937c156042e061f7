package org.lmworkbench.launching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.launching.RunPlanner.Plan;

/**
 * Run folders of a launch, without the workbench: fresh ids for single runs, the backend's ids and
 * resume/skip rules for sweeps, and nothing at all for an invalid spec.
 */
class RunPlannerTest {

    private static final String SINGLE = """
            {"name": "one", "optimizer": {"lr": 0.1}, "model": {"family": "mlp", "width": 8},
             "data": {"source": "teacher_student", "n_train": 16, "path": null},
             "training": {"steps": 20}, "execution": {"parallel": 3, "jvm_memory": "768m"}}
            """;

    @TempDir
    Path project;

    private Path spec(String name, String text) throws Exception {
        Path file = project.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void singleRunGetsAFreshNumberedIdOnEveryLaunch() throws Exception {
        Path spec = spec("one.lmx", SINGLE.replace(", \"path\": null", ""));
        RunPlanner planner = new RunPlanner(spec, "/p/one.lmx", project);
        Plan first = planner.plan();
        Plan second = planner.plan();
        assertEquals("one-001", first.runs().get(0).runId());
        assertEquals("one-002", second.runs().get(0).runId());
        assertEquals(3, first.parallel());
        RunDirectory run = first.runs().get(0).directory();
        assertEquals(RunState.QUEUED, run.readStatus().state());
        assertEquals(20, run.readStatus().totalSteps());
        assertEquals(8, run.readSpec().model().width());
        assertEquals("768m", run.readSpec().execution().jvmMemory());
        // A deleted earlier run does not make its id come back while a later one exists.
        Files.createDirectories(project.resolve("runs/one-007"));
        assertEquals("one-008", RunPlanner.freshRunId(project.resolve("runs"), "one"));
        assertEquals("other-001", RunPlanner.freshRunId(project.resolve("runs"), "other"));
    }

    @Test
    void sweepUsesTheBackendsIdsResumesUnfinishedAndSkipsFinishedRuns() throws Exception {
        Path spec = spec("sw.lmx", """
                {"name": "sw", "optimizer": {"lr": 0.1}, "model": {"family": "mlp", "width": 8},
                 "data": {"source": "teacher_student", "n_train": 16},
                 "training": {"steps": 20}, "sweep": {"seed": [0, 1, 2]}}
                """);
        RunPlanner planner = new RunPlanner(spec, "/p/sw.lmx", project);
        Plan plan = planner.plan();
        assertEquals(List.of("sw-000", "sw-001", "sw-002"), plan.runs().stream().map(RunPlanner.PlannedRun::runId).toList());
        assertEquals(1, plan.parallel());

        RunDirectory done = plan.runs().get(0).directory();
        done.writeStatus(done.readStatus().ended(RunState.COMPLETED, Instant.now(), null));
        RunDirectory cancelled = plan.runs().get(1).directory();
        cancelled.writeStatus(cancelled.readStatus().ended(RunState.CANCELLED, Instant.now(), null));

        Plan again = planner.plan();
        assertEquals(1, again.skipped());
        assertEquals(List.of("sw-001", "sw-002"), again.runs().stream().map(RunPlanner.PlannedRun::runId).toList());
        assertFalse(again.runs().get(0).created(), "an existing folder is resumed, not recreated");
    }

    @Test
    void invalidSpecNamesFileLineAndPathAndCreatesNothing() throws Exception {
        Path spec = spec("bad.lmx", """
                {
                  "name": "bad", "optimizer": {"lr": 0.1},
                  "model": {"family": "mlp", "width": -4},
                  "training": {"steps": 20, "loss": "hinge"}
                }
                """);
        RunPlanner.InvalidSpecException e = assertThrows(RunPlanner.InvalidSpecException.class,
                () -> new RunPlanner(spec, "/p/bad.lmx", project).plan());
        String[] lines = e.getMessage().split("\n");
        assertEquals(3, lines.length, e.getMessage());
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
