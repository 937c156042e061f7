package org.lmworkbench.backend.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.format.Npz;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.slurm.SlurmClient;
import org.lmworkbench.core.slurm.SlurmState;
import org.lmworkbench.core.slurm.SlurmTask;
import org.lmworkbench.testing.SlurmTestCluster;

/**
 * {@code lmw sweep --executor slurm} against a real cluster (see {@link SlurmTestCluster}): the
 * concurrency limit of a job array, scancel of one run and of a sweep, a diverging run amid others,
 * options the cluster refuses before anything is submitted, and a run that meets the {@code short}
 * partition's one-minute limit, stops at the early signal, is requeued and completes identically to
 * an uninterrupted run.
 * <p>
 * The time-limited run stands for a run longer than its limit by being paused: its first attempt is
 * stopped (SIGSTOP) after its first steps and continued (SIGCONT) when its batch script reports the
 * early signal in the job's output. A spec that simply trains long enough would have to outlast
 * Slurm's 30 s check on the fastest machine and, on a busy one, need several requeues of a minute
 * each; paused, the test neither depends on the machine's speed nor trains for minutes. It is
 * submitted first (with its uninterrupted reference) and checked last, while the other tests run;
 * the class takes about as long as that run: the early signal 29 to 59 s after the start (lead 1 s),
 * the requeue's delay, and the second attempt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmSweepTest {

    private static final Duration WAIT = Duration.ofSeconds(150);

    /** A few seconds of training: the second attempt finishes well within its minute even on a busy machine. */
    private static final int LIMITED_STEPS = 10_000;

    private static final String SPEC = """
            {"name": "%s", "seed": 5,
             "model": {"family": "mlp", "width": 32, "depth": 2, "activation": "tanh"},
             "data": {"source": "teacher_student", "n_train": 128, "n_test": 32, "input_dim": 8},
             "optimizer": {"name": "%s", "lr": 0.05}, "training": {"steps": %d, "batch_size": 32,
               "divergence_threshold": 1000},
             "probes": {"metrics_every": %d},
             "execution": {"device": "cpu", "parallel": %d, "jvm_memory": "512m", "target": "slurm",
               "slurm": {"partition": "debug", "time": "10", "signal_lead": 1}}%s}
            """;

    @TempDir
    static Path dir;

    private static SlurmTestCluster cluster;
    private static SlurmClient client;
    private static final Set<String> submitted = ConcurrentHashMap.newKeySet();
    private static String limitedJob;
    private static Thread pauser;
    private static final List<String> pauses = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void submitTheTimeLimitedRunAndItsReferenceFirst() throws Exception {
        cluster = SlurmTestCluster.connect();
        if (!cluster.available()) {
            return;
        }
        client = cluster.require();
        String name = "limit-" + unique();
        Path spec = spec(name, "sgd", LIMITED_STEPS, 250, 1, "");
        limitedJob = submit(spec, dir.resolve("limited"), "--partition", "short", "--time", "1");
        submit(spec, dir.resolve("reference"));
        RunDirectory limited = RunDirectory.list(dir.resolve("limited")).get(0);
        Path jobOutput = dir.resolve("limited/slurm/" + name + "-" + limitedJob + "_0.out");
        pauser = new Thread(() -> pauseUntilTheEarlySignal(limited, jobOutput), "pause the limited run");
        pauser.setDaemon(true);
        pauser.start();
    }

    /** Stops the first attempt after its first steps and continues it once the batch script reports the early signal. */
    private static void pauseUntilTheEarlySignal(RunDirectory run, Path jobOutput) {
        try {
            SlurmTestCluster.await("the limited run to train", WAIT, () -> lines(run) >= 2);
            long pid = run.readStatus().pid();
            signal("STOP", pid);
            pauses.add("paused " + pid + " at step " + run.readStatus().lastStep());
            SlurmTestCluster.await("the early signal", WAIT, () -> contains(jobOutput, "time limit near"));
            signal("CONT", pid);
            pauses.add("continued " + pid);
            SlurmTestCluster.await("the run to stop", WAIT, () -> state(run) == RunState.INTERRUPTED);
            pauses.add("interrupted at step " + run.readStatus().lastStep());
        } catch (Exception | AssertionError e) {
            pauses.add("failed: " + e);
        }
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor(), name);
    }

    private static boolean contains(Path file, String words) {
        try {
            return Files.exists(file) && Files.readString(file).contains(words);
        } catch (Exception e) {
            return false;
        }
    }

    @BeforeEach
    void requireTheCluster() {
        cluster.require();
    }

    @AfterAll
    static void cancelLeftovers() throws Exception {
        if (client != null) {
            for (String job : submitted) {
                client.cancel(job);
            }
        }
    }

    @Test
    @Order(1)
    void sixRunsTwoAtATimeAllCompleteAndNeverMoreThanTwoRun() throws Exception {
        Path project = dir.resolve("six");
        String job = submit(spec("six-" + unique(), "gd", 300, 50, 2, ", \"sweep\": {\"seed\": [0, 1, 2, 3, 4, 5]}"),
                project);
        int mostRunning = 0;
        boolean heldByTheLimit = false;
        List<RunDirectory> runs = RunDirectory.list(project);
        assertEquals(6, runs.size());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!runs.stream().allMatch(SlurmSweepTest::finished) && System.nanoTime() < deadline) {
            List<SlurmTask> tasks = client.queue(job);
            mostRunning = Math.max(mostRunning, (int) tasks.stream().filter(t -> t.state() == SlurmState.RUNNING)
                    .count());
            heldByTheLimit |= tasks.stream().anyMatch(t -> "JobArrayTaskLimit".equals(t.reason()));
            Thread.sleep(100);
        }
        List<RunStatus> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            RunStatus s = runs.get(i).readStatus();
            assertEquals(RunState.COMPLETED, s.state(), runs.get(i).runId() + ": " + s);
            assertEquals(job + "_" + i, s.job().taskId(), "the job and index are in status.json");
            statuses.add(s);
        }
        assertTrue(mostRunning <= 2, "squeue showed " + mostRunning + " running at once");
        assertTrue(heldByTheLimit, "pending tasks waited with reason JobArrayTaskLimit");
        // The runs' own clocks, independent of polling: at no moment did three train together.
        for (RunStatus s : statuses) {
            long together = statuses.stream().filter(o -> !o.started().isAfter(s.started())
                    && o.ended().isAfter(s.started())).count();
            assertTrue(together <= 2, together + " runs trained at once: " + statuses);
        }
        String log = Files.readString(runs.get(3).logFile());
        assertTrue(log.contains("run completed"), "the task's output is the run's log:\n" + log);

        Cli.Result status = Cli.run("status", project.toString());
        assertEquals(ExitCodes.OK, status.code(), status.toString());
        assertTrue(status.out().contains(runs.get(5).runId() + "  completed  300/300  " + job + "_5"), status.out());
        assertTrue(status.out().endsWith("6 runs: 6 completed\n"), status.out());
    }

    @Test
    @Order(2)
    void scancelOfARunningRunLeavesItCancelledAndReadableAndOfTheSweepCancelsTheRest() throws Exception {
        Path project = dir.resolve("cancel");
        String job = submit(spec("cancel-" + unique(), "sgd", 2_000_000, 100, 2, ", \"sweep\": {\"seed\": [0, 1]}"),
                project);
        List<RunDirectory> runs = RunDirectory.list(project);
        SlurmTestCluster.await("both runs to train", WAIT, () -> runs.stream().allMatch(r -> lines(r) >= 3));
        client.cancel(job, 0);
        SlurmTestCluster.await("run 0 to end", WAIT, () -> finished(runs.get(0)));
        RunStatus cancelled = runs.get(0).readStatus();
        assertEquals(RunState.CANCELLED, cancelled.state(), cancelled.toString());
        List<MetricsRecord> records = MetricsReader.readAll(runs.get(0).metricsFile());
        assertTrue(records.size() >= 3 && records.stream().allMatch(r -> r.has("train_loss")), records.toString());
        assertTrue(runs.get(0).checkpointSteps().contains(cancelled.lastStep()), "checkpoint at the cancel step");
        assertEquals(RunState.RUNNING, runs.get(1).readStatus().state(), "its neighbour trains on");

        client.cancel(job);
        SlurmTestCluster.await("run 1 to end", WAIT, () -> finished(runs.get(1)));
        assertEquals(RunState.CANCELLED, runs.get(1).readStatus().state());
        Cli.Result status = Cli.run("status", project.toString());
        assertTrue(status.out().endsWith("2 runs: 2 cancelled\n"), status.out());
    }

    @Test
    @Order(3)
    void aDivergingRunDoesNotStopTheArray() throws Exception {
        Path project = dir.resolve("diverge");
        String name = "diverge-" + unique();
        Path spec = spec(name, "gd", 60, 10, 1, ", \"sweep\": {\"optimizer.lr\": [0.05, 500.0, 0.1]}");
        Cli.Result r = Cli.run("sweep", spec.toString(), "--out", project.toString(), "--wait");
        List<RunDirectory> runs = RunDirectory.list(project);
        runs.forEach(run -> jobOf(run));
        assertEquals(ExitCodes.DIVERGED, r.code(), r.toString());
        assertTrue(r.out().contains("2 completed, 1 diverged"), r.out());
        assertEquals(List.of(RunState.COMPLETED, RunState.DIVERGED, RunState.COMPLETED),
                runs.stream().map(SlurmSweepTest::state).toList());
        String job = runs.get(0).readStatus().job().jobId();
        // --wait ends with the runs' final statuses; the tasks' JVMs and batch shells exit just after.
        SlurmTestCluster.await("the tasks to end", WAIT, () -> tasksEnded(job));
        Map<String, SlurmTask> tasks = client.tasks(job).stream().collect(Collectors.toMap(SlurmTask::id,
                Function.identity()));
        assertEquals(SlurmState.FAILED, tasks.get(job + "_1").state(), "the diverged task exits with code 3");
        assertEquals(3, tasks.get(job + "_1").exitCode());
        assertEquals(SlurmState.COMPLETED, tasks.get(job + "_2").state(), "the task after it ran all the same");
    }

    private static boolean tasksEnded(String job) {
        try {
            return client.tasks(job).stream().allMatch(t -> t.state().isFinished());
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    @Order(4)
    void optionsTheClusterRefusesAreAnErrorBeforeAnythingIsSubmitted() throws Exception {
        String name = "refused-" + unique();
        Path spec = spec(name, "gd", 10, 10, 1, "");
        Path project = dir.resolve("refused");
        assertRefused(spec, project, "--partition: the cluster has no partition 'nosuch'", "--partition", "nosuch");
        assertRefused(spec, project, "--time: the time limit 0-00:05:00 exceeds partition 'short''s maximum",
                "--partition", "short", "--time", "5");
        assertRefused(spec, project, "the cluster refuses the request", "--cpus", "64");
        assertRefused(spec, project, "the cluster refuses the request", "--device", "gpu", "--gpus", "1");
        assertRefused(spec, project, "--sbatch-arg: '--array=0-3' sets --array", "--sbatch-arg", "--array=0-3");
        assertEquals(List.of(), cluster.jobsNamed(name), "no job appeared");
        assertFalse(Files.exists(project.resolve(RunDirectory.RUNS)), "no run folder was made");
    }

    @Test
    @Order(100)
    void aRunAtItsTimeLimitEndsInterruptedAndTheRequeueCompletesItUnchanged() throws Exception {
        pauser.join(WAIT.toMillis());
        assertEquals(3, pauses.size(), "paused, continued and interrupted: " + pauses);
        assertTrue(pauses.get(2).startsWith("interrupted at step"), "status.json said interrupted: " + pauses);
        RunDirectory limited = RunDirectory.list(dir.resolve("limited")).get(0);
        RunDirectory reference = RunDirectory.list(dir.resolve("reference")).get(0);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!(state(limited) == RunState.COMPLETED && finished(reference)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        RunStatus status = limited.readStatus();
        assertEquals(RunState.COMPLETED, status.state(), status + "\n" + Files.readString(limited.logFile()));
        assertEquals(RunState.COMPLETED, reference.readStatus().state(), Files.readString(reference.logFile()));
        String log = Files.readString(limited.logFile());
        assertTrue(log.contains("run interrupted: the scheduler's time limit is near; stopped after step"), log);
        assertTrue(log.contains("resuming from step"), log);
        List<Long> checkpoints = limited.checkpointSteps();
        assertTrue(checkpoints.size() >= 2 && checkpoints.get(0) > 0 && checkpoints.get(0) < LIMITED_STEPS,
                "a checkpoint where it stopped: " + checkpoints);
        SlurmTask task = client.tasks(limitedJob).get(0);
        assertTrue(task.restarts() >= 1, "requeued by its batch script: " + task);

        assertEquals(Cli.metricsWithoutWallTime(reference.path()), Cli.metricsWithoutWallTime(limited.path()));
        Map<String, NpyArray> expected = Npz.read(reference.checkpointFile(LIMITED_STEPS));
        Map<String, NpyArray> actual = Npz.read(limited.checkpointFile(LIMITED_STEPS));
        assertEquals(expected.keySet(), actual.keySet());
        for (String key : expected.keySet()) {
            assertArrayEquals(expected.get(key).data(), actual.get(key).data(), key);
        }
    }

    private static Path spec(String name, String optimizer, int steps, int metricsEvery, int parallel, String sweep)
            throws Exception {
        return Cli.spec(Files.createDirectories(dir.resolve("specs")), name + ".lmx",
                SPEC.formatted(name, optimizer, steps, metricsEvery, parallel, sweep));
    }

    /** Submits without waiting and returns the array's job id, read from the first run's status. */
    private static String submit(Path spec, Path project, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("sweep", spec.toString(), "--out", project.toString()));
        args.addAll(List.of(options));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        RunDirectory first = RunDirectory.list(project).get(0);
        String job = jobOf(first);
        assertTrue(r.out().contains("submitted job array " + job), r.out());
        return job;
    }

    private static String jobOf(RunDirectory run) {
        try {
            String job = run.readStatus().job().jobId();
            submitted.add(job);
            return job;
        } catch (Exception e) {
            throw new AssertionError(run + " names no job", e);
        }
    }

    private static void assertRefused(Path spec, Path project, String words, String... options) {
        List<String> args = new ArrayList<>(List.of("sweep", spec.toString(), "--out", project.toString()));
        args.addAll(List.of(options));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.toString());
        assertTrue(r.err().contains("nothing was submitted") && r.err().contains(words), r.err());
    }

    private static RunState state(RunDirectory run) {
        try {
            return run.readStatus().state();
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean finished(RunDirectory run) {
        RunState state = state(run);
        return state != null && state.isTerminal();
    }

    private static long lines(RunDirectory run) {
        try {
            return Files.exists(run.metricsFile()) ? MetricsReader.readAll(run.metricsFile()).size() : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
