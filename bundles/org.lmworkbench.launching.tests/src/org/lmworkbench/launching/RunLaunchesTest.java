package org.lmworkbench.launching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.testing.TestWorkspace;

/**
 * Resume and re-run with the real backend: a run terminated part-way is resumed to completion from
 * its checkpoint through the launching layer, and a re-run trains the same spec in a new folder.
 * The backend is deterministic on the CPU, so the re-run's metrics must equal those of the resumed
 * run value for value: this shows both that the resume continued exactly where the run stopped and
 * that the re-run trained the same spec.
 */
class RunLaunchesTest {

    private static final long TIMEOUT_MS = 240_000;
    private static final int STEPS = 10_000;
    private static final int EVERY = 1_000;

    private static final String SPEC = """
            {
              "name": "relaunch",
              "seed": 3,
              "model": {"family": "mlp", "width": 8, "depth": 2, "activation": "tanh"},
              "data": {"source": "teacher_student", "n_train": 32, "n_test": 32, "input_dim": 4, "output_dim": 2,
                       "probe_size": 8},
              "optimizer": {"name": "gd", "lr": 0.05},
              "training": {"steps": %d, "loss": "mse"},
              "probes": {"metrics_every": %d},
              "execution": {"device": "cpu", "threads": 1, "parallel": 1, "jvm_memory": "512m"}
            }
            """.formatted(STEPS, EVERY);

    private IProject project;

    @BeforeEach
    void createProject() throws CoreException {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("relaunch");
        project.create(null);
        project.open(null);
    }

    @AfterEach
    void cleanUp() throws Exception {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch launch : manager.getLaunches()) {
            if (!launch.isTerminated()) {
                launch.terminate();
                waitUntil("the launch to end", launch::isTerminated);
            }
            manager.removeLaunch(launch);
        }
        TestWorkspace.deleteProjects();
    }

    @Test
    void aTerminatedRunIsResumedToCompletionAndAReRunTrainsTheSameSpecAgain() throws Exception {
        IFile spec = project.getFile("relaunch.lmx");
        spec.create(new ByteArrayInputStream(SPEC.getBytes(StandardCharsets.UTF_8)), true, null);
        ILaunchConfigurationWorkingCopy config = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(LaunchAttributes.TYPE_ID).newInstance(null, "relaunch");
        config.setAttribute(LaunchAttributes.SPEC, spec.getFullPath().toPortableString());
        ILaunch first = config.launch(ILaunchManager.RUN_MODE, null);
        RunDirectory run = new RunDirectory(location().resolve("runs/relaunch-000"));
        IFolder folder = project.getFolder("runs/relaunch-000");
        assertEquals("not stopped", problemKind(RunLaunches.resumeProblem(run)), "a queued or running run is not resumed");

        waitUntil("the first metrics line", () -> lines(run) >= 1);
        first.terminate();
        waitUntil("the backend to stop", first::isTerminated);
        RunStatus stopped = run.readStatus();
        assertEquals(RunState.CANCELLED, stopped.state());
        assertTrue(stopped.lastStep() < STEPS, "stopped part-way: " + stopped.lastStep());
        assertNull(RunLaunches.resumeProblem(run), "cancelled with a checkpoint: it can be resumed");

        List<ILaunch> resumed = RunLaunches.resume(List.of(folder), null);
        assertEquals(1, resumed.size());
        assertEquals(RunFoldersDelegate.TYPE_ID, resumed.get(0).getLaunchConfiguration().getType().getIdentifier());
        assertInstanceOf(TrainingLaunch.class, resumed.get(0), "the same queue, progress and Terminate as a Training Run");
        waitUntil("the resumed run to end", resumed.get(0)::isTerminated);
        RunStatus done = run.readStatus();
        assertEquals(RunState.COMPLETED, done.state());
        assertEquals(STEPS, done.lastStep());
        List<Long> everyLoggedStep = LongStream.rangeClosed(0, STEPS / EVERY).map(i -> i * EVERY).boxed().toList();
        assertEquals(everyLoggedStep, MetricsReader.readAll(run.metricsFile()).stream().map(MetricsRecord::step).toList(),
                "each logged step once, in order, across the two processes");
        assertNotNull(RunLaunches.resumeProblem(run), "a completed run is not resumed again");

        RunLaunches.Rerun again = RunLaunches.rerun(folder, null);
        assertEquals("relaunch-001", again.folder().getName(), "a new run of the spec, numbered after the others");
        waitUntil("the re-run to end", again.launch()::isTerminated);
        RunDirectory second = new RunDirectory(again.folder().getLocation().toPath());
        assertEquals(RunState.COMPLETED, second.readStatus().state());
        assertEquals(run.readSpec(), second.readSpec(), "the same spec.json");
        assertEquals(withoutWallTime(run), withoutWallTime(second),
                "an uninterrupted run of the same spec gives the resumed run's values exactly");
    }

    @Test
    void importedRunsAndRunsWithoutCheckpointsAreNotOffered() throws Exception {
        Path imported = Files.createDirectories(location().resolve("runs/tb"));
        Files.writeString(imported.resolve("status.json"), """
                {"state": "completed", "created": "2026-01-01T00:00:00Z", "last_step": 3, "total_steps": 3}
                """);
        RunDirectory run = new RunDirectory(imported);
        assertEquals("no spec", problemKind(RunLaunches.resumeProblem(run)));
        assertEquals("no spec", problemKind(RunLaunches.rerunProblem(run)));
        project.refreshLocal(IProject.DEPTH_INFINITE, null);
        CoreException e = assertThrows(CoreException.class, () -> RunLaunches.rerun(project.getFolder("runs/tb"), null));
        assertTrue(e.getStatus().getMessage().contains("tb has no spec.json"), e.getStatus().getMessage());

        RunDirectory cancelled = RunDirectory.create(location().resolve("runs"), "bare-000",
                org.lmworkbench.core.spec.ExperimentSpec.withDefaults("bare", 0.1));
        cancelled.writeStatus(cancelled.readStatus().ended(RunState.CANCELLED, java.time.Instant.now(), null));
        assertEquals("no checkpoint", problemKind(RunLaunches.resumeProblem(cancelled)));
        assertNull(RunLaunches.rerunProblem(cancelled));
    }

    private static String problemKind(String problem) {
        if (problem == null) {
            return null;
        }
        for (String kind : List.of("no spec", "no checkpoint")) {
            if (problem.contains(kind)) {
                return kind;
            }
        }
        return problem.contains("only a cancelled") ? "not stopped" : problem;
    }

    private Path location() {
        return project.getLocation().toPath();
    }

    private static long lines(RunDirectory run) {
        try {
            return Files.exists(run.metricsFile()) ? MetricsReader.readAll(run.metricsFile()).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String withoutWallTime(RunDirectory run) throws IOException {
        return Files.readString(run.metricsFile()).replaceAll(",?\"wall_time\":[-0-9.eE]+", "");
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }
}
