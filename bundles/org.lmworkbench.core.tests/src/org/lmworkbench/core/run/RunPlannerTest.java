package org.lmworkbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.RunPlanner.Plan;
import org.lmworkbench.core.run.RunPlanner.SingleRunId;

/**
 * Run folders of a spec, as the command line and the workbench make them: fresh ids or the spec's
 * name for single runs, the sweep's ids with resume and skip rules, absolute data paths, rollback
 * of a half-made plan, and nothing at all for an invalid spec.
 */
class RunPlannerTest {

    private static final String SINGLE = """
            {"name": "one", "optimizer": {"lr": 0.1}, "model": {"family": "mlp", "width": 8},
             "data": {"source": "teacher_student", "n_train": 16, "path": null},
             "training": {"steps": 20}, "execution": {"parallel": 3, "jvm_memory": "768m"}}
            """;

    private static final String SWEEP = """
            {"name": "sw", "optimizer": {"lr": 0.1}, "model": {"family": "mlp", "width": 8},
             "data": {"source": "teacher_student", "n_train": 16},
             "training": {"steps": 20}, "sweep": {"seed": [0, 1, 2]}}
            """;

    @TempDir
    Path project;

    private Path spec(String name, String text) throws Exception {
        Path file = project.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Path runs() {
        return project.resolve(RunDirectory.RUNS);
    }

    @Test
    void singleRunGetsAFreshNumberedIdOnEveryPlan() throws Exception {
        Path spec = spec("one.lmx", SINGLE.replace(", \"path\": null", ""));
        RunPlanner planner = new RunPlanner(spec, "/p/one.lmx");
        Plan first = planner.plan(runs(), SingleRunId.FRESH_NUMBER);
        Plan second = planner.plan(runs(), SingleRunId.FRESH_NUMBER);
        assertEquals("one-000", first.runs().get(0).runId(), "numbered from 000 like the runs of a sweep");
        assertEquals("one-001", second.runs().get(0).runId());
        assertEquals(3, first.parallel());
        assertFalse(first.sweep());
        RunDirectory run = first.runs().get(0).directory();
        assertEquals(RunState.QUEUED, run.readStatus().state());
        assertEquals(20, run.readStatus().totalSteps());
        assertEquals(8, run.readSpec().model().width());
        assertEquals("768m", run.readSpec().execution().jvmMemory());
        // A deleted earlier run does not make its id come back while a later one exists.
        Files.createDirectories(runs().resolve("one-007"));
        assertEquals("one-008", planner.plan(runs(), SingleRunId.FRESH_NUMBER).runs().get(0).runId());
        assertEquals("other-000", RunDirectory.freshId(runs(), "other"));
    }

    @Test
    void singleRunUnderItsSweepIdIsFoundAgain() throws Exception {
        Path spec = spec("one.lmx", SINGLE.replace(", \"path\": null", ""));
        RunPlanner planner = new RunPlanner(spec);
        Plan first = planner.plan(runs(), SingleRunId.SPEC_NAME);
        assertEquals("one-000", first.runs().get(0).runId());
        Plan again = planner.plan(runs(), SingleRunId.SPEC_NAME);
        assertEquals("one-000", again.runs().get(0).runId());
        assertFalse(again.runs().get(0).created());
    }

    @Test
    void sweepUsesItsIdsResumesUnfinishedAndSkipsFinishedRuns() throws Exception {
        RunPlanner planner = new RunPlanner(spec("sw.lmx", SWEEP), "/p/sw.lmx");
        Plan plan = planner.plan(runs(), SingleRunId.FRESH_NUMBER);
        assertEquals(List.of("sw-000", "sw-001", "sw-002"), plan.runs().stream().map(RunPlanner.PlannedRun::runId).toList());
        assertEquals(1, plan.parallel());
        assertTrue(plan.sweep());

        RunDirectory done = plan.runs().get(0).directory();
        done.writeStatus(done.readStatus().ended(RunState.COMPLETED, Instant.now(), null));
        RunDirectory cancelled = plan.runs().get(1).directory();
        cancelled.writeStatus(cancelled.readStatus().ended(RunState.CANCELLED, Instant.now(), null));
        RunDirectory diverged = plan.runs().get(2).directory();
        diverged.writeStatus(diverged.readStatus().ended(RunState.DIVERGED, Instant.now(), "loss NaN"));

        Plan again = planner.plan(runs(), SingleRunId.FRESH_NUMBER);
        assertEquals(List.of("sw-000", "sw-002"), again.finished().stream().map(f -> f.directory().runId()).toList());
        assertEquals(List.of(RunState.COMPLETED, RunState.DIVERGED),
                again.finished().stream().map(RunPlanner.FinishedRun::state).toList());
        assertEquals(List.of("sw-001"), again.runs().stream().map(RunPlanner.PlannedRun::runId).toList());
        assertFalse(again.runs().get(0).created(), "an existing folder is resumed, not recreated");
    }

    @Test
    void aSweepRefusesAFolderOfItsIdsThatHoldsAnotherPointAndCreatesNothing() throws Exception {
        RunPlanner planner = new RunPlanner(spec("sw.lmx", SWEEP), "/p/sw.lmx");
        // A run of point seed=2 takes the id sw-001 (a re-run, or a sweep of other seeds before).
        RunDirectory third = planner.plan(runs(), SingleRunId.SPEC_NAME).runs().get(2).directory();
        Files.move(runs().resolve("sw-001"), project.resolve("elsewhere"));
        Files.move(runs().resolve("sw-000"), project.resolve("elsewhere-too"));
        Files.move(third.path(), runs().resolve("sw-001"));
        RunPlanner.RefusedException e = assertThrows(RunPlanner.RefusedException.class,
                () -> planner.plan(runs(), SingleRunId.SPEC_NAME));
        assertTrue(e.getMessage().contains("sw-001") && e.getMessage().contains("seed=2, not 1"), e.getMessage());
        assertTrue(e.errors().isEmpty(), "the spec itself is valid");
        assertFalse(Files.exists(runs().resolve("sw-000")), "nothing is created for a refused plan");
        assertFalse(Files.exists(runs().resolve("sw-002")), "nothing is created for a refused plan");
    }

    @Test
    void relativeDataPathsBecomeAbsoluteAgainstTheSpecFolder() throws Exception {
        Path data = Files.createDirectories(project.resolve("specs/data"));
        Files.writeString(data.resolve("points.csv"), "1,2\n3,4\n");
        Path spec = Files.writeString(project.resolve("specs/csv.lmx"), """
                {"name": "csv", "model": {"family": "mlp", "width": 4}, "optimizer": {"lr": 0.1},
                 "data": {"source": "csv", "path": "data/points.csv", "n_train": 1, "n_test": 1},
                 "training": {"steps": 2}}
                """);
        Plan plan = new RunPlanner(spec).plan(runs(), SingleRunId.SPEC_NAME);
        assertEquals(data.resolve("points.csv").toString(), plan.runs().get(0).directory().readSpec().data().path());
    }

    @Test
    void aPlanThatFailsHalfWayRemovesWhatItMade() throws Exception {
        RunPlanner planner = new RunPlanner(spec("sw.lmx", SWEEP));
        // The third run cannot be created: a file stands where its folder would go.
        Files.createDirectories(runs());
        Files.writeString(runs().resolve("sw-002"), "not a folder");
        assertThrows(IOException.class, () -> planner.plan(runs(), SingleRunId.SPEC_NAME));
        try (var children = Files.list(runs())) {
            assertEquals(List.of("sw-002"), children.map(p -> p.getFileName().toString()).toList(),
                    "the folders made before the failure are gone");
        }
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
        RunPlanner.RefusedException e = assertThrows(RunPlanner.RefusedException.class,
                () -> new RunPlanner(spec, "/p/bad.lmx").plan(runs(), SingleRunId.FRESH_NUMBER));
        String[] lines = e.getMessage().split("\n");
        assertEquals(3, lines.length, e.getMessage());
        assertEquals("/p/bad.lmx: the spec has 2 errors:", lines[0]);
        assertTrue(lines[1].startsWith("/p/bad.lmx:3: ") && lines[1].contains("$.model.width"), lines[1]);
        assertTrue(lines[2].startsWith("/p/bad.lmx:4: ") && lines[2].contains("$.training.loss"), lines[2]);
        assertEquals(2, e.errors().size());
        assertFalse(Files.exists(runs()));
    }
}
