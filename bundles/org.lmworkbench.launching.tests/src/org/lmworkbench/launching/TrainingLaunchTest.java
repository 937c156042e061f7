package org.lmworkbench.launching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.testing.TestWorkspace;

/**
 * A Training Run launch of a sweep, headless, with real backend workers: two runs side by side,
 * each with its own process in the launch (its own output and Terminate) besides the two worker
 * processes; terminating one run cancels it at a step boundary with a checkpoint while its neighbour
 * trains on to completion, and the launch ends when both have.
 */
class TrainingLaunchTest {

    private static final long TIMEOUT_MS = 180_000;

    private static final String SWEEP = """
            {"name": "pair", "seed": 0,
             "model": {"family": "mlp", "width": 16, "depth": 1, "activation": "tanh"},
             "data": {"source": "teacher_student", "n_train": 64, "n_test": 16, "input_dim": 8},
             "optimizer": {"name": "sgd", "lr": 0.01},
             "training": {"steps": 1000, "batch_size": 16},
             "probes": {"metrics_every": 50},
             "execution": {"device": "cpu", "threads": 1, "parallel": 2, "jvm_memory": "512m"},
             "sweep": {"training.steps": [1000000, 5000]}}
            """;

    private IProject project;

    @BeforeEach
    void createProject() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("launch");
        project.create(null);
        project.open(null);
    }

    @AfterEach
    void cleanUp() throws Exception {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch launch : manager.getLaunches()) {
            if (!launch.isTerminated()) {
                launch.terminate();
            }
            waitUntil("the launch to end", launch::isTerminated);
            manager.removeLaunch(launch);
        }
        waitUntil("every child JVM to exit", () -> ProcessHandle.current().descendants().findAny().isEmpty());
        TestWorkspace.deleteProjects();
    }

    @Test
    void terminatingOneRunCancelsOnlyThatRun() throws Exception {
        IFile spec = project.getFile("pair.lmx");
        TestWorkspace.writeFile(spec, SWEEP);
        ILaunchConfigurationWorkingCopy config = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(LaunchAttributes.TYPE_ID).newInstance(null, "pair");
        config.setAttribute(LaunchAttributes.SPEC, spec.getFullPath().toPortableString());
        TrainingLaunch launch = (TrainingLaunch) config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());

        Path runs = project.getLocation().toFile().toPath().resolve(RunDirectory.RUNS);
        RunDirectory stopped = new RunDirectory(runs.resolve("pair-000"));
        RunDirectory neighbour = new RunDirectory(runs.resolve("pair-001"));
        waitUntil("both runs training", () -> launch.trainingProcesses().length == 2
                && metricsLines(stopped) >= 2 && metricsLines(neighbour) >= 2);
        assertEquals(2, Arrays.stream(launch.getProcesses()).filter(WorkerProcess.class::isInstance).count(),
                "two workers for parallel 2");
        TrainingProcess first = process(launch, "pair-000");
        TrainingProcess second = process(launch, "pair-001");
        assertEquals(stopped.path().toString(), first.getAttribute(TrainingProcess.ATTR_RUN_FOLDER));

        first.terminate();
        waitUntil("the terminated run to end", first::isTerminated);
        assertEquals(ExitCodes.CANCELLED, first.getExitValue());
        RunStatus cancelled = stopped.readStatus();
        assertEquals(RunState.CANCELLED, cancelled.state());
        assertTrue(Files.isRegularFile(stopped.checkpointFile(cancelled.lastStep())), "checkpoint where it stopped");
        assertEquals(RunState.RUNNING, neighbour.readStatus().state(), "the neighbour trains on");
        assertTrue(!second.isTerminated() && !launch.isTerminated());

        waitUntil("the launch to end", launch::isTerminated);
        RunStatus completed = neighbour.readStatus();
        assertEquals(RunState.COMPLETED, completed.state());
        assertEquals(5000, completed.lastStep());
        assertTrue(completed.ended().isAfter(cancelled.ended()));
        assertEquals(ExitCodes.OK, second.getExitValue());
        String output = second.getStreamsProxy().getOutputStreamMonitor().getContents();
        assertTrue(output.contains("starting pair-001") && output.contains("completed pair-001"), output);
        assertTrue(!output.contains("pair-000"), "each run's Console has only that run's output");
        for (var p : launch.getProcesses()) {
            assertTrue(p.isTerminated(), p.getLabel());
        }
    }

    private static TrainingProcess process(TrainingLaunch launch, String runId) {
        return Arrays.stream(launch.trainingProcesses()).filter(p -> p.getLabel().equals(runId)).findFirst()
                .orElseThrow(() -> new AssertionError("no process for " + runId + " in " + List.of(launch.getProcesses())));
    }

    private static long metricsLines(RunDirectory run) {
        try {
            return Files.exists(run.metricsFile()) ? MetricsReader.readAll(run.metricsFile()).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
