package org.lmworkbench.launching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.cluster.ScheduledRun;
import org.lmworkbench.core.cluster.SchedulerSnapshot;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.slurm.SlurmProfile;
import org.lmworkbench.core.slurm.SlurmProfileJson.Named;
import org.lmworkbench.core.slurm.SlurmState;
import org.lmworkbench.testing.SlurmTestCluster;
import org.lmworkbench.testing.TestWorkspace;
import org.lmworkbench.workspace.ExperimentProjects;
import org.lmworkbench.workspace.preferences.BackendPreferences;
import org.lmworkbench.workspace.preferences.SlurmProfiles;

/**
 * A Training Run whose spec targets Slurm, launched through a Slurm profile of the preferences
 * against the real cluster (see {@link SlurmTestCluster}): the submission is a process of the
 * launch, each run becomes an entry whose state follows the scheduler (pending with its reason,
 * running, completed) and whose {@code scheduler.json} the labels read, Terminate of one run or of
 * the launch is scancel, and settings the cluster refuses fail the launch before anything runs.
 */
class SlurmLaunchTest {

    private static final Duration WAIT = Duration.ofSeconds(150);

    private static final String SPEC = """
            {"name": "%s", "seed": 1,
             "model": {"family": "mlp", "width": 16, "depth": 1},
             "data": {"source": "teacher_student", "n_train": 64, "n_test": 16, "input_dim": 8},
             "optimizer": {"name": "sgd", "lr": 0.05}, "training": {"steps": %d, "batch_size": 16},
             "probes": {"metrics_every": 100},
             "execution": {"device": "cpu", "parallel": 1, "jvm_memory": "512m", "target": "slurm",
               "slurm": {"partition": "%s", "time": "10"}},
             "sweep": {"seed": [1, 2, 3]}}
            """;

    private static SlurmTestCluster cluster;
    private IProject project;
    private final List<ILaunch> launches = new ArrayList<>();

    @BeforeAll
    static void connect() throws Exception {
        cluster = SlurmTestCluster.connect();
    }

    @BeforeEach
    void projectAndProfile() throws Exception {
        cluster.require();
        project = ExperimentProjects.createExampleProject("slurm-" + UUID.randomUUID().toString().substring(0, 6),
                null);
        TestWorkspace.waitForBuild();
        SlurmProfiles.store(List.of(new Named("other cluster", SlurmProfile.prefixed(List.of("false"))),
                new Named("test cluster", SlurmProfile.local())));
    }

    @AfterEach
    void cleanUp() throws Exception {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        launches.addAll(Arrays.asList(manager.getLaunches()));
        for (ILaunch launch : launches) {
            if (!launch.isTerminated()) {
                launch.terminate();
                SlurmTestCluster.await("the launch to end", WAIT, launch::isTerminated);
            }
            manager.removeLaunch(launch);
        }
        TestWorkspace.deleteProjects();
        BackendPreferences.node().remove(SlurmProfiles.KEY);
        BackendPreferences.node().flush();
    }

    @Test
    void aSweepLaunchedToTheProfileGoesFromPendingToRunningToCompleted() throws Exception {
        String name = "states-" + UUID.randomUUID().toString().substring(0, 6);
        TrainingLaunch launch = launch(writeSpec(name, 2000, "debug"));
        assertTrue(Arrays.stream(launch.getProcesses()).anyMatch(p -> p instanceof BackendProcess
                && p.getLabel().equals("lmw sweep on Slurm (test cluster)")), "the submission is a process of the launch");
        List<SlurmTaskProcess> tasks = tasks(launch);
        assertEquals(3, tasks.size(), "one entry per run");
        Map<String, List<String>> seen = new LinkedHashMap<>();
        tasks.forEach(t -> seen.put(t.run().runId(), new ArrayList<>()));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!launch.isTerminated() && System.nanoTime() < deadline) {
            for (SlurmTaskProcess t : tasks) {
                List<String> states = seen.get(t.run().runId());
                String now = t.state() + (t.getLabel().contains("pending (JobArrayTaskLimit)") ? " pending" : "");
                if (t.state() != null && (states.isEmpty() || !states.get(states.size() - 1).equals(now))) {
                    states.add(now);
                }
            }
            Thread.sleep(100);
        }
        assertTrue(launch.isTerminated(), "the launch ended when its runs did: " + seen);
        for (SlurmTaskProcess t : tasks) {
            List<String> states = seen.get(t.run().runId());
            if (!states.get(states.size() - 1).equals(String.valueOf(t.state()))) {
                states.add(String.valueOf(t.state()));
            }
        }
        for (SlurmTaskProcess t : tasks) {
            assertEquals(RunState.COMPLETED, t.run().readStatus().state(), t.run().runId());
            assertEquals(0, t.getExitValue());
        }
        // Each run goes forward only (the first may already run when the monitor first asks) and
        // completes; runs 1 and 2 wait behind the limit of one at a time, and the last waits behind
        // two runs, long enough for the monitor (every 3 s) to see why.
        List<String> order = List.of("QUEUED", "RUNNING", "COMPLETED");
        for (SlurmTaskProcess t : tasks) {
            List<String> states = seen.get(t.run().runId());
            for (int i = 1; i < states.size(); i++) {
                assertTrue(order.indexOf(states.get(i - 1).split(" ")[0]) <= order.indexOf(states.get(i).split(" ")[0]),
                        "forward only: " + seen);
            }
            assertEquals("COMPLETED", states.get(states.size() - 1), seen.toString());
        }
        for (int i = 1; i < 3; i++) {
            assertTrue(seen.get(tasks.get(i).run().runId()).get(0).startsWith("QUEUED"), seen.toString());
        }
        List<String> waited = seen.get(tasks.get(2).run().runId());
        int pending = waited.indexOf("QUEUED pending");
        assertTrue(pending >= 0, "run 2 waits with the scheduler's reason: " + seen);
        assertTrue(waited.indexOf("RUNNING") > pending, "then runs: " + seen);
        // What the labels read afterwards: the run's own final state wins over the scheduler's last answer.
        RunDirectory last = tasks.get(2).run();
        ScheduledRun shown = new ScheduledRun(last, last.readStatus(), SchedulerSnapshot.read(last));
        assertTrue(shown.snapshot() != null, "the scheduler's last answer is kept beside the status");
        assertEquals(RunState.COMPLETED, shown.state());
        assertEquals("", shown.detail());
        assertTrue(project.getFolder("runs/" + tasks.get(2).run().runId()).getFile(SchedulerSnapshot.FILE).exists(),
                "and is in the workspace");
    }

    @Test
    void terminateOfARunOrOfTheLaunchIsScancel() throws Exception {
        String name = "cancel-" + UUID.randomUUID().toString().substring(0, 6);
        TrainingLaunch launch = launch(writeSpec(name, 2_000_000, "debug"));
        List<SlurmTaskProcess> tasks = tasks(launch);
        SlurmTestCluster.await("run 0 to train", WAIT, () -> lines(tasks.get(0).run()) >= 2);
        tasks.get(0).terminate(); // the Debug view's Terminate on one run
        SlurmTestCluster.await("run 0 to end", WAIT, () -> tasks.get(0).isTerminated());
        assertEquals(RunState.CANCELLED, tasks.get(0).run().readStatus().state());
        SlurmTestCluster.await("run 1 to train", WAIT, () -> lines(tasks.get(1).run()) >= 2);
        assertEquals(RunState.QUEUED, tasks.get(2).run().readStatus().state(), "run 2 still waits");

        launch.terminate();
        SlurmTestCluster.await("the launch to end", WAIT, launch::isTerminated);
        assertEquals(RunState.CANCELLED, tasks.get(1).run().readStatus().state(), "cancelled while it trained");
        assertEquals(RunState.CANCELLED, tasks.get(2).run().readStatus().state(), "cancelled while it waited");
        assertTrue(tasks.get(2).run().readStatus().message().contains("CANCELLED in the scheduler"),
                tasks.get(2).run().readStatus().message());
    }

    @Test
    void disconnectingOrClosingTheWorkbenchLeavesTheRunsToTheCluster() throws Exception {
        String name = "leave-" + UUID.randomUUID().toString().substring(0, 6);
        TrainingLaunch launch = launch(writeSpec(name, 2_000_000, "debug"));
        List<SlurmTaskProcess> tasks = tasks(launch);
        String job = tasks.get(0).job().jobId();
        try {
            SlurmTestCluster.await("run 0 to train", WAIT, () -> lines(tasks.get(0).run()) >= 2);
            assertTrue(launch.canDisconnect(), "what the debug framework does at shutdown instead of Terminate");
            launch.disconnect();
            SlurmTestCluster.await("the launch to end", WAIT, launch::isTerminated);
            assertTrue(tasks.stream().allMatch(SlurmTaskProcess::isDisconnected));
            Thread.sleep(2 * SlurmMonitorJob.POLL_MILLIS);
            assertEquals(RunState.RUNNING, tasks.get(0).run().readStatus().state(), "it trains on");
            assertEquals(SlurmState.RUNNING, cluster.require().queue(job).stream().filter(t -> t.index() == 0)
                    .findFirst().orElseThrow().state());
        } finally {
            cluster.require().cancel(job);
        }
    }

    @Test
    void settingsTheClusterRefusesFailTheLaunchWithTheBackendsWordsAndSubmitNothing() throws Exception {
        String name = "refused-" + UUID.randomUUID().toString().substring(0, 6);
        IFile spec = writeSpec(name, 100, "nosuch");
        CoreException e = assertThrows(CoreException.class, () -> launch(spec));
        String message = e.getStatus().getMessage();
        assertTrue(message.startsWith("The sweep was not submitted to Slurm profile 'test cluster' (exit code 2)"),
                message);
        assertTrue(message.contains("no partition 'nosuch'"), message);
        assertEquals(List.of(), cluster.jobsNamed(name));
        assertFalse(Files.exists(projectFolder().resolve(RunDirectory.RUNS).resolve(name + "-000")),
                "no run folder was made");
    }

    private IFile writeSpec(String name, int steps, String partition) throws CoreException {
        IFile file = project.getFile(name + ".lmx");
        TestWorkspace.writeFile(file, SPEC.formatted(name, steps, partition));
        return file;
    }

    private TrainingLaunch launch(IFile spec) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationWorkingCopy config = manager.getLaunchConfigurationType(LaunchAttributes.TYPE_ID)
                .newInstance(null, manager.generateLaunchConfigurationName(spec.getName()));
        config.setAttribute(LaunchAttributes.SPEC, spec.getFullPath().toString());
        config.setAttribute(LaunchAttributes.SLURM_PROFILE, "test cluster");
        ILaunch launch = config.launch(ILaunchManager.RUN_MODE, null);
        launches.add(launch);
        return (TrainingLaunch) launch;
    }

    private static List<SlurmTaskProcess> tasks(ILaunch launch) {
        List<SlurmTaskProcess> tasks = new ArrayList<>();
        for (IProcess p : launch.getProcesses()) {
            if (p instanceof SlurmTaskProcess t) {
                tasks.add(t);
            }
        }
        tasks.sort((a, b) -> a.run().runId().compareTo(b.run().runId()));
        return tasks;
    }

    private Path projectFolder() {
        return project.getLocation().toFile().toPath();
    }

    private static long lines(RunDirectory run) {
        try {
            return Files.exists(run.metricsFile()) ? MetricsReader.readAll(run.metricsFile()).size() : 0;
        } catch (Exception e) {
            return 0;
        }
    }
}
