package org.lmworkbench.core.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch script's text, and its behaviour run by bash on this machine as slurmd would run it
 * (SLURM_* variables set, signals sent to the shell), with a stand-in scontrol that records its
 * arguments. The real cluster runs it in {@link SlurmClusterTest}.
 */
class BatchScriptTest {

    @TempDir
    Path dir;

    private Path fakeBin;

    @BeforeEach
    void standInScontrol() throws IOException {
        fakeBin = Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("tmp"));
        Path scontrol = fakeBin.resolve("scontrol");
        Files.writeString(scontrol, "#!/bin/sh\necho \"$@\" >> '" + dir.resolve("scontrol.calls") + "'\n");
        scontrol.toFile().setExecutable(true);
    }

    private static SlurmSettings settings() {
        return SlurmSettings.withTimeLimit(Duration.ofMinutes(10)).inPartition("debug").withArrayLimit(2)
                .withSignalLead(Duration.ofSeconds(50));
    }

    private BatchScript script(List<ArrayTask> tasks) throws SlurmException {
        return new BatchScript(settings(), "sweep", dir, BatchScript.outputPatternIn(dir.resolve("slurm"), "sweep"),
                tasks, 75);
    }

    private static ArrayTask task(int index, String shell, Path log) {
        return new ArrayTask(index, List.of("bash", "-c", shell), log);
    }

    @Test
    void writesTheArrayAndItsOptionsAsSbatchDirectives() throws Exception {
        Path spaced = Files.createDirectories(dir.resolve("my sweep"));
        BatchScript s = new BatchScript(settings(), "mup sweep", spaced, BatchScript.outputPatternIn(spaced, "x"),
                List.of(task(0, "true", null), task(1, "true", null), task(2, "true", null), task(5, "true", null)),
                75);
        String text = s.text();
        for (String line : List.of("#SBATCH --job-name=\"mup sweep\"", "#SBATCH --array=0-2,5%2",
                "#SBATCH --chdir=\"" + spaced + "\"", "#SBATCH --output=\"" + spaced + "/x-%A_%a.out\"",
                "#SBATCH --open-mode=append", "#SBATCH --requeue", "#SBATCH --signal=B:USR1@50",
                "#SBATCH --partition=debug", "#SBATCH --time=0-00:10:00")) {
            assertTrue(text.contains(line + "\n"), line + " in\n" + text);
        }
        assertEquals(0, run(List.of("bash", "-n", write(s).toString()), null).exitCode(), "bash parses it");
        String quoted = new BatchScript(settings(), "it's", dir, "out-%a", List.of(task(0, "true", null)), -1).text();
        assertTrue(quoted.contains("#SBATCH --job-name=\"it's\"\n"), "sbatch reads a bare ' as an open quote");
    }

    @Test
    void refusesWhatAnSbatchLineCannotHold() {
        assertThrows(SlurmException.class, () -> new BatchScript(settings(), "a\"b", dir, "out-%a", List.of(task(0,
                "true", null)), -1));
        assertThrows(SlurmException.class, () -> new BatchScript(settings(), "x", dir, "out-%a", List.of(task(0,
                "true", null), task(0, "false", null)), -1));
        assertThrows(SlurmException.class, () -> new BatchScript(settings().withCpusPerTask(0), "x", dir, "out-%a",
                List.of(task(0, "true", null)), -1));
    }

    @Test
    void eachIndexRunsItsCommandWithOutputAppendedToItsLogAndReturnsItsExitCode() throws Exception {
        Path log = dir.resolve("run-1/log.txt");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "earlier attempt\n");
        Path file = write(script(List.of(task(0, "exit 9", null), task(1, "echo out; echo err >&2; exit 3", log))));
        CommandResult r = runTask(file, 1);
        assertEquals(3, r.exitCode());
        assertEquals("earlier attempt\nout\nerr\n", Files.readString(log));
        assertEquals(9, runTask(file, 0).exitCode());
        CommandResult unknown = runTask(file, 4);
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().contains("no command for array index 4"), unknown.stderr());
        assertFalse(Files.exists(dir.resolve("scontrol.calls")), "nothing requeued");
    }

    @Test
    void theEarlySignalBecomesTheStopFileAndAResumeExitRequeuesTheTask() throws Exception {
        Path file = write(script(List.of(task(0, "echo $$ > pid; while [ ! -e \"$LMW_EARLY_STOP_FILE\" ]; do "
                + "sleep 0.1; done; echo \"stop $LMW_EARLY_STOP_FILE\" >> marker; exit 75", null))));
        Process shell = start(file, 0);
        long taskPid = awaitPid();
        signal("USR1", shell.pid());
        assertTrue(shell.waitFor(30, TimeUnit.SECONDS));
        assertEquals(75, shell.exitValue());
        Path stopFile = dir.resolve("tmp/lmw-early-stop-9077");
        assertEquals("stop " + stopFile + "\n", Files.readString(dir.resolve("marker")));
        assertEquals("requeue 77_0\n", Files.readString(dir.resolve("scontrol.calls")));
        assertFalse(Files.exists(stopFile), "the stop file is removed when the task has ended");
        assertTrue(Files.readString(dir.resolve("job.out")).contains("time limit near"), "said in the job's output");
        assertFalse(ProcessHandle.of(taskPid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void aStopFileLeftByAnEarlierAttemptIsRemovedBeforeTheTaskStarts() throws Exception {
        Path stale = dir.resolve("tmp/lmw-early-stop-9077");
        Files.writeString(stale, "");
        Path file = write(script(List.of(task(0, "[ -e \"$LMW_EARLY_STOP_FILE\" ] && exit 9; exit 0", null))));
        assertEquals(0, runTask(file, 0).exitCode());
        assertFalse(Files.exists(dir.resolve("scontrol.calls")), "nothing requeued");
    }

    @Test
    void termFromScancelIsNotTheEarlySignalAndRequeuesNothing() throws Exception {
        Path file = write(script(List.of(task(0, "trap 'echo TERM >> marker; exit 75' TERM; echo $$ > pid; "
                + "while :; do sleep 0.1; done", null))));
        Process shell = start(file, 0);
        long taskPid = awaitPid();
        // As scancel, preemption and the time limit do: SIGTERM to the shell and to the task.
        signal("TERM", shell.pid());
        signal("TERM", taskPid);
        assertTrue(shell.waitFor(30, TimeUnit.SECONDS));
        assertEquals(75, shell.exitValue(), "the shell waited for the task and returned its code");
        assertEquals("TERM\n", Files.readString(dir.resolve("marker")));
        assertFalse(Files.exists(dir.resolve("scontrol.calls")), "no requeue after a plain SIGTERM");
    }

    @Test
    void writesAtomicallyAndCreatesTheOutputFolder() throws Exception {
        BatchScript s = script(List.of(task(0, "true", null)));
        Path file = s.write(dir.resolve("sweep/sweep.sbatch"));
        assertEquals(s.text(), Files.readString(file));
        assertTrue(Files.isDirectory(dir.resolve("slurm")), "Slurm does not create the output folder itself");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    private Path write(BatchScript s) throws Exception {
        return s.write(dir.resolve("sweep.sbatch"));
    }

    private CommandResult runTask(Path file, int index) throws Exception {
        return run(List.of("bash", file.toString()), index);
    }

    private CommandResult run(List<String> command, Integer index) throws Exception {
        Process p = builder(command, index).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        p.waitFor();
        return new CommandResult(command, p.exitValue(), out, err);
    }

    private Process start(Path file, int index) throws IOException {
        ProcessBuilder b = builder(List.of("bash", file.toString()), index);
        b.redirectOutput(dir.resolve("job.out").toFile()).redirectErrorStream(true);
        return b.start();
    }

    private ProcessBuilder builder(List<String> command, Integer index) {
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile());
        b.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        b.environment().put("TMPDIR", dir.resolve("tmp").toString());
        if (index != null) {
            b.environment().put("SLURM_JOB_ID", "9077");
            b.environment().put("SLURM_ARRAY_TASK_ID", index.toString());
            b.environment().put("SLURM_ARRAY_JOB_ID", "77");
        }
        return b;
    }

    /** The task writes its pid once its trap is set. */
    private long awaitPid() throws Exception {
        Path pid = dir.resolve("pid");
        for (int i = 0; i < 600; i++) {
            if (Files.exists(pid) && Files.readString(pid).endsWith("\n")) {
                return Long.parseLong(Files.readString(pid).strip());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the task did not start within 30 s");
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor());
    }
}
