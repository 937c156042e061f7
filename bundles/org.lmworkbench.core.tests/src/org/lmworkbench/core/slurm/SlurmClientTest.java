package org.lmworkbench.core.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.spec.Fixtures;

/**
 * The client's decisions with scripted command answers: which commands it runs, and what it
 * concludes from their output and exit codes. {@link SlurmClusterTest} runs it against a real cluster.
 */
class SlurmClientTest {

    private static final Path SCRIPT = Path.of("/sweeps/a/sweep.sbatch");

    /** Answers each command line through a function and records the lines. */
    private static final class Scripted implements CommandRunner {
        final List<List<String>> calls = new ArrayList<>();
        private final Function<List<String>, CommandResult> answer;

        Scripted(Function<List<String>, CommandResult> answer) {
            this.answer = answer;
        }

        @Override
        public CommandResult run(List<String> command, Duration timeout) {
            calls.add(command);
            return answer.apply(command);
        }
    }

    private static CommandResult ok(List<String> command, String stdout) {
        return new CommandResult(command, 0, stdout, "");
    }

    private static CommandResult fail(List<String> command, int code, String stderr) {
        return new CommandResult(command, code, "", stderr);
    }

    /** A cluster with the test cluster's partitions, where sbatch --test-only says {@code testOnly}. */
    private static Scripted cluster(CommandResult testOnlyFailure) {
        return new Scripted(c -> {
            if (c.contains("partition")) {
                return ok(c, Fixtures.text("slurm/scontrol-partitions.txt"));
            }
            if (c.contains("--test-only")) {
                return testOnlyFailure != null ? testOnlyFailure
                        : new CommandResult(c, 0, "", "sbatch: Job 12 to start at 2026-12-07T20:08:59 using 1 processors");
            }
            throw new AssertionError("unexpected command " + c);
        });
    }

    @Test
    void aHeldSubmissionStartsNothingUntilItIsReleased() throws Exception {
        Scripted runner = new Scripted(c -> ok(c, c.get(0).equals("sbatch") ? "4711;cluster\n" : ""));
        SlurmClient client = new SlurmClient(SlurmProfile.local(), runner);
        assertEquals("4711", client.submitHeld(SCRIPT));
        client.release("4711");
        assertEquals(List.of(List.of("sbatch", "--parsable", "--hold", SCRIPT.toString()),
                List.of("scontrol", "release", "4711")), runner.calls);
        assertThrows(IllegalArgumentException.class, () -> client.release("4711; rm -rf ~"));
    }

    @Test
    void validSettingsPassWithTheTestOnlySubmission() throws Exception {
        Scripted runner = cluster(null);
        new SlurmClient(SlurmProfile.local(), runner).validate(SlurmSettings.withTimeLimit(Duration.ofMinutes(1))
                .inPartition("short"), SCRIPT, "execution.slurm");
        assertEquals(List.of("sbatch", "--test-only", SCRIPT.toString()), runner.calls.get(1));
    }

    @Test
    void anUnknownPartitionIsNamedWithThoseThatExist() {
        Scripted runner = cluster(null);
        SlurmException e = assertThrows(SlurmException.class, () -> new SlurmClient(SlurmProfile.local(), runner)
                .validate(SlurmSettings.withTimeLimit(Duration.ofMinutes(1)).inPartition("gpu"), SCRIPT,
                        "execution.slurm"));
        assertEquals("execution.slurm.partition: the cluster has no partition 'gpu'; it has [debug, short, urgent]",
                e.getMessage());
        assertEquals(1, runner.calls.size(), "no test submission once the partition is known to be wrong");
    }

    @Test
    void aTimeLimitAboveThePartitionsMaximumIsRefusedThoughSbatchWouldAcceptIt() {
        SlurmException e = assertThrows(SlurmException.class, () -> new SlurmClient(SlurmProfile.local(),
                cluster(null)).validate(SlurmSettings.withTimeLimit(Duration.ofMinutes(5)).inPartition("short"), SCRIPT,
                        "execution.slurm"));
        assertEquals("execution.slurm.time", e.problems().get(0).path());
        assertTrue(e.getMessage().contains("exceeds partition 'short''s maximum 0-00:01:00"), e.getMessage());
    }

    @Test
    void whatTestOnlyRefusesIsReportedInTheSchedulersWords() {
        CommandResult refusal = fail(List.of("sbatch", "--test-only"), 1,
                "allocation failure: Requested node configuration is not available\n");
        SlurmException e = assertThrows(SlurmException.class, () -> new SlurmClient(SlurmProfile.local(),
                cluster(refusal)).validate(SlurmSettings.withTimeLimit(Duration.ofMinutes(1)).withCpusPerTask(64),
                        SCRIPT, "execution.slurm"));
        assertEquals("execution.slurm: the cluster refuses the request: allocation failure: Requested node "
                + "configuration is not available", e.getMessage());
    }

    @Test
    void submitReadsTheParsableJobIdAlsoWithAClusterName() throws Exception {
        Scripted runner = new Scripted(c -> ok(c, "4242;cluster2\n"));
        SlurmProfile viaSsh = SlurmProfile.prefixed(List.of("ssh", "login"));
        assertEquals("4242", new SlurmClient(viaSsh, runner).submit(Path.of("/shared/my sweep/s.sbatch")));
        assertEquals(List.of("ssh", "login", "sbatch --parsable '/shared/my sweep/s.sbatch'"), runner.calls.get(0));
        Scripted garbage = new Scripted(c -> ok(c, "Submitted batch job 12\n"));
        assertThrows(SlurmException.class, () -> new SlurmClient(SlurmProfile.local(), garbage).submit(SCRIPT));
    }

    @Test
    void withoutAccountingSacctIsAskedOnceThenScontrolAnswers() throws Exception {
        Scripted runner = new Scripted(c -> {
            if (c.get(0).equals("sacct")) {
                return fail(c, 1, "Slurm accounting storage is disabled");
            }
            return ok(c, Fixtures.text("slurm/scontrol-ended.txt"));
        });
        SlurmClient client = new SlurmClient(SlurmProfile.local(), runner);
        assertEquals(SlurmState.TIMEOUT, client.tasks("8").stream().filter(t -> t.id().equals("8")).findFirst()
                .orElseThrow().state());
        client.tasks("8");
        assertEquals(List.of("sacct", "scontrol", "scontrol"), runner.calls.stream().map(c -> c.get(0)).toList());
    }

    @Test
    void withAccountingSacctAnswers() throws Exception {
        Scripted runner = new Scripted(c -> ok(c, Fixtures.text("slurm/sacct-array.txt")));
        List<SlurmTask> tasks = new SlurmClient(SlurmProfile.local(), runner).tasks("20");
        assertEquals(7, tasks.size());
        assertEquals(List.of("sacct", "--jobs=20", "--allocations", "--noheader", "--parsable2",
                "--format=" + SlurmOutput.SACCT_FORMAT), runner.calls.get(0));
    }

    @Test
    void anotherSacctFailureIsAnError() {
        Scripted runner = new Scripted(c -> fail(c, 1, "sacct: error: slurmdbd: Connection refused"));
        SlurmException e = assertThrows(SlurmException.class,
                () -> new SlurmClient(SlurmProfile.local(), runner).tasks("20"));
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
    }

    @Test
    void aJobTheControllerForgotHasNoTasks() throws Exception {
        Scripted runner = new Scripted(c -> fail(c, 1, "slurm_load_jobs error: Invalid job id specified\n"));
        SlurmClient client = new SlurmClient(SlurmProfile.local(), runner);
        assertEquals(List.of(), client.queue("99"));
        assertEquals(List.of(), client.jobDetails("99"));
    }

    @Test
    void cancelTakesJobAndTaskIdsOnly() throws Exception {
        Scripted runner = new Scripted(c -> ok(c, ""));
        SlurmClient client = new SlurmClient(SlurmProfile.local(), runner);
        client.cancel("12");
        client.cancel("12", 3);
        assertEquals(List.of(List.of("scancel", "12"), List.of("scancel", "12_3")), runner.calls);
        assertThrows(IllegalArgumentException.class, () -> client.cancel("12; rm -rf /"));
    }
}
