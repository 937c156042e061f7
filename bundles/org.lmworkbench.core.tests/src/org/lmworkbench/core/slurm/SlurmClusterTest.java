package org.lmworkbench.core.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real Slurm cluster (see {@link TestCluster}): job arrays with a concurrency limit,
 * scancel, validation before submission, a prefixed profile, and the time limit with its early
 * signal and a self-requeue. Slurm's time limits are whole minutes, checked about every 30 s, so
 * the time-limit job is submitted first and checked last, while the other tests run; the class
 * takes about as long as that job (65 to 95 s).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmClusterTest {

    private static final int RESUME = 75;

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    private static TestCluster cluster;

    private static SlurmClient client;

    private static String timeLimitJob;

    private static final Set<String> submitted = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void submitTheTimeLimitJobFirst() throws Exception {
        cluster = TestCluster.connect();
        if (!cluster.available()) {
            return;
        }
        client = cluster.require();
        Path work = Files.createDirectories(dir.resolve("limit"));
        // Task 0 notes when its stop file appears and every SIGTERM, and carries on, so it meets the
        // limit; task 1 stops when its stop file appears, with the resume code, is requeued by the
        // script, and finishes on its rerun.
        List<ArrayTask> tasks = List.of(shell(0, "trap 'date +%s >> term-0' TERM; while :; do "
                + "if [ -e \"$LMW_EARLY_STOP_FILE\" ] && [ ! -e early-0 ]; then date +%s > early-0; fi; sleep 0.2; done"),
                shell(1, "if [ \"${SLURM_RESTART_COUNT:-0}\" -gt 0 ]; then echo resumed >> marks-1; exit 0; fi; "
                        + "while [ ! -e \"$LMW_EARLY_STOP_FILE\" ]; do sleep 0.2; done; echo stop >> marks-1; exit "
                        + RESUME));
        SlurmSettings settings = SlurmSettings.withTimeLimit(Duration.ofMinutes(1)).inPartition("short")
                .withSignalLead(Duration.ofSeconds(50));
        timeLimitJob = submit(settings, work, tasks);
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
    void anArrayNeverRunsMoreTasksThanItsLimitAndAllComplete() throws Exception {
        Path work = Files.createDirectories(dir.resolve("limit2"));
        List<ArrayTask> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(shell(i, "date +%s%N > start-" + i + "; sleep 1; date +%s%N > end-" + i));
        }
        String job = submit(SlurmSettings.withTimeLimit(Duration.ofMinutes(5)).withArrayLimit(2), work, tasks);
        int mostRunning = 0;
        boolean heldByTheLimit = false;
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<SlurmTask> seen;
        do {
            seen = client.queue(job);
            int running = (int) seen.stream().filter(t -> t.state() == SlurmState.RUNNING).count();
            mostRunning = Math.max(mostRunning, running);
            heldByTheLimit |= seen.stream().anyMatch(t -> "JobArrayTaskLimit".equals(t.reason()));
            Thread.sleep(100);
        } while (!(seen.size() == 6 && seen.stream().allMatch(t -> t.state().isFinished()))
                && System.nanoTime() < deadline);
        assertEquals(2, mostRunning, "squeue never showed more than 2 running, and showed 2 at once");
        assertTrue(heldByTheLimit, "pending tasks waited with reason JobArrayTaskLimit");
        // The tasks' own clocks, independent of polling: at no moment did three run together.
        List<long[]> spans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            spans.add(new long[] {Long.parseLong(read(work.resolve("start-" + i))),
                    Long.parseLong(read(work.resolve("end-" + i)))});
        }
        for (long[] s : spans) {
            long overlapping = spans.stream().filter(o -> o[0] <= s[0] && s[0] < o[1]).count();
            assertTrue(overlapping <= 2, overlapping + " tasks ran at once");
        }
        Map<String, SlurmTask> done = byId(client.tasks(job));
        for (int i = 0; i < 6; i++) {
            SlurmTask t = done.get(job + "_" + i);
            assertEquals(SlurmState.COMPLETED, t.state(), t.toString());
            assertEquals(0, t.exitCode(), t.toString());
        }
    }

    @Test
    @Order(2)
    void scancelOfARunningTaskEndsItCancelledAndLeavesTheOthersRunning() throws Exception {
        Path work = Files.createDirectories(dir.resolve("cancel"));
        String job = submit(SlurmSettings.withTimeLimit(Duration.ofMinutes(5)), work,
                List.of(shell(0, "sleep 300"), shell(1, "sleep 300")));
        await(job, tasks -> tasks.size() == 2 && tasks.stream().allMatch(t -> t.state() == SlurmState.RUNNING));
        client.cancel(job, 1);
        Map<String, SlurmTask> t = byId(await(job, ts -> state(ts, job + "_1") == SlurmState.CANCELLED));
        assertEquals(SlurmState.RUNNING, t.get(job + "_0").state());
        client.cancel(job);
        await(job, ts -> ts.stream().allMatch(x -> x.state() == SlurmState.CANCELLED));
        assertEquals(Set.of(SlurmState.CANCELLED), client.tasks(job).stream().map(SlurmTask::state)
                .collect(Collectors.toSet()));
    }

    @Test
    @Order(3)
    void validationRefusesUnknownPartitionsImpossibleResourcesAndLongLimitsBeforeSubmitting() throws Exception {
        Path work = Files.createDirectories(dir.resolve("invalid"));
        Set<String> before = ids(client.queueAll());
        SlurmSettings base = SlurmSettings.withTimeLimit(Duration.ofMinutes(1));
        assertRefused(base.inPartition("nosuch"), work, "execution.slurm.partition", "no partition 'nosuch'");
        assertRefused(base.withCpusPerTask(64), work, "execution.slurm",
                "Requested node configuration is not available");
        assertRefused(SlurmSettings.withTimeLimit(Duration.ofMinutes(5)).inPartition("short"), work,
                "execution.slurm.time", "exceeds partition 'short''s maximum");
        // What is valid passes the same check, which submits nothing either.
        client.validate(base.inPartition("short"), script(base.inPartition("short"), work, List.of(shell(0, "true")))
                .write(work.resolve("valid.sbatch")), SlurmSettings.DEFAULT_PATH);
        assertEquals(before, ids(client.queueAll()), "no job appeared");
    }

    @Test
    @Order(4)
    void aPrefixedProfileSubmitsThroughOneCommandLine() throws Exception {
        Path work = Files.createDirectories(dir.resolve("it's a sweep"));
        BatchScript script = script(SlurmSettings.withTimeLimit(Duration.ofMinutes(1)), work,
                List.of(new ArrayTask(0, List.of("sh", "-c", "echo \"$1\" > out.txt", "sh", "two words; $HOME"),
                        null)));
        Path file = script.write(work.resolve("sweep.sbatch"));
        SlurmClient prefixed = new SlurmClient(SlurmProfile.prefixed(List.of("sh", "-c")));
        prefixed.validate(SlurmSettings.withTimeLimit(Duration.ofMinutes(1)), file, SlurmSettings.DEFAULT_PATH);
        String job = prefixed.submit(file);
        submitted.add(job);
        await(job, ts -> !ts.isEmpty() && ts.stream().allMatch(t -> t.state().isFinished()));
        assertEquals(SlurmState.COMPLETED, prefixed.tasks(job).get(0).state());
        assertEquals("two words; $HOME\n", Files.readString(work.resolve("out.txt")));
    }

    @Test
    @Order(100)
    void theTimeLimitSendsTheEarlySignalFirstThenEndsTimeoutAndASelfRequeueResumes() throws Exception {
        Map<String, SlurmTask> t = byId(await(timeLimitJob, ts -> ts.size() == 2
                && ts.stream().allMatch(x -> x.state().isFinished())));
        SlurmTask limited = t.get(timeLimitJob + "_0");
        assertEquals(SlurmState.TIMEOUT, limited.state(), limited.toString());
        assertEquals("TimeLimit", limited.reason());
        long early = Long.parseLong(read(dir.resolve("limit/early-0")));
        List<Long> terms = read(dir.resolve("limit/term-0")).lines().map(Long::parseLong).toList();
        assertEquals(1, terms.size(), "one SIGTERM, from the limit: " + terms);
        assertTrue(terms.get(0) - early >= 10, "the stop file appeared well before the limit: " + early + ", " + terms);
        SlurmTask resumed = byId(client.tasks(timeLimitJob)).get(timeLimitJob + "_1");
        assertEquals(SlurmState.COMPLETED, resumed.state(), resumed.toString());
        assertEquals(1, resumed.restarts(), "requeued once by its script");
        assertEquals("stop\nresumed\n", Files.readString(dir.resolve("limit/marks-1")));
    }

    private static ArrayTask shell(int index, String command) {
        return new ArrayTask(index, List.of("bash", "-c", command), null);
    }

    private static BatchScript script(SlurmSettings settings, Path work, List<ArrayTask> tasks) throws SlurmException {
        return new BatchScript(settings, "lmw-test", work, BatchScript.outputPatternIn(work, "job"), tasks, RESUME);
    }

    private static String submit(SlurmSettings settings, Path work, List<ArrayTask> tasks) throws Exception {
        Path file = script(settings, work, tasks).write(work.resolve("sweep.sbatch"));
        client.validate(settings, file, SlurmSettings.DEFAULT_PATH);
        String job = client.submit(file);
        submitted.add(job);
        return job;
    }

    private static void assertRefused(SlurmSettings settings, Path work, String path, String words) throws Exception {
        Path file = script(settings, work, List.of(shell(0, "true"))).write(work.resolve("refused.sbatch"));
        SlurmException e = assertThrows(SlurmException.class,
                () -> client.validate(settings, file, SlurmSettings.DEFAULT_PATH));
        assertEquals(path, e.problems().get(0).path(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    /** Polls squeue until the job's tasks satisfy {@code done}; fails with the last answer after {@link #WAIT}. */
    private static List<SlurmTask> await(String job, Predicate<List<SlurmTask>> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<SlurmTask> tasks = client.queue(job);
        while (!done.test(tasks)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + job + " did not get there in " + WAIT.toSeconds() + " s: " + tasks);
            }
            Thread.sleep(200);
            tasks = client.queue(job);
        }
        return tasks;
    }

    private static SlurmState state(List<SlurmTask> tasks, String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).map(SlurmTask::state).findFirst().orElse(null);
    }

    private static Map<String, SlurmTask> byId(List<SlurmTask> tasks) {
        return tasks.stream().collect(Collectors.toMap(SlurmTask::id, Function.identity()));
    }

    private static Set<String> ids(List<SlurmTask> tasks) {
        return tasks.stream().map(SlurmTask::id).collect(Collectors.toSet());
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file).strip();
    }
}
