package org.lmworkbench.core.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command lines through a prefix, and the process runner. The truth for quoting is a real shell:
 * the prefix {@code sh -c} takes one command line exactly as {@code ssh host} passes it to the
 * remote shell.
 */
class CommandLineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final List<String> AWKWARD = List.of("plain", "two words", "it's", "\"double\"", "$HOME", "`id`",
            "a\\b", "semi;colon", "star*", "", "new\nline", "tab\there", "%s", "--opt=va lue", "~", "!bang", "#hash");

    @Test
    void aPrefixedCommandReachesTheShellWordForWord() throws Exception {
        SlurmProfile profile = SlurmProfile.prefixed(List.of("sh", "-c"));
        List<String> args = new ArrayList<>(List.of("%s\\n"));
        args.addAll(AWKWARD);
        List<String> line = profile.commandLine("printf", args);
        assertEquals(3, line.size(), "prefix words plus one command line");
        CommandResult r = new ProcessCommandRunner().run(line, TIMEOUT);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(String.join("\n", AWKWARD) + "\n", r.stdout());
    }

    @Test
    void withoutAPrefixTheWordsAreTheProcessArguments() {
        assertEquals(List.of("squeue", "--jobs=12", "a b"), SlurmProfile.local().commandLine("squeue",
                List.of("--jobs=12", "a b")));
    }

    @Test
    void safeWordsStayBareForReadableLogs() {
        assertEquals("sbatch --parsable /runs/sweep.sbatch", ShellWords.join(List.of("sbatch", "--parsable",
                "/runs/sweep.sbatch")));
        assertEquals("'it'\\''s'", ShellWords.quote("it's"));
        assertEquals("''", ShellWords.quote(""));
    }

    @Test
    void aFailureCarriesTheExitCodeAndWhatTheCommandSaidOnStandardError() throws Exception {
        CommandResult r = new ProcessCommandRunner().run(List.of("sh", "-c",
                "echo partial output; echo 'sbatch: error: invalid partition specified: nope' >&2; exit 1"), TIMEOUT);
        assertFalse(r.succeeded());
        assertEquals("partial output\n", r.stdout());
        String message = r.failureMessage("sbatch");
        assertTrue(message.startsWith("sbatch failed (exit code 1): sbatch: error: invalid partition specified: nope"),
                message);
    }

    @Test
    void aCommandThatCannotStartIsNamed() {
        SlurmException e = assertThrows(SlurmException.class,
                () -> new ProcessCommandRunner().run(List.of("/nonexistent/sbatch", "x"), TIMEOUT));
        assertTrue(e.getMessage().contains("/nonexistent/sbatch"), e.getMessage());
    }

    @Test
    void aCommandOverItsTimeoutIsKilledWithWhatItStarted(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("child.pid");
        // The shell starts a long sleep and waits for it; both must be gone after the timeout.
        List<String> command = List.of("sh", "-c", "sleep 600 & echo $! > '" + pidFile + "'; echo started >&2; wait");
        SlurmException e = assertThrows(SlurmException.class,
                () -> new ProcessCommandRunner().run(command, Duration.ofMillis(1500)));
        assertTrue(e.getMessage().contains("did not finish within 1 s"), e.getMessage());
        assertTrue(e.getMessage().contains("started"), "what it said so far: " + e.getMessage());
        long child = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(child).ifPresent(h -> h.onExit().join());
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the sleep was killed");
    }

    @Test
    void largeOutputOnBothStreamsDoesNotBlockTheCommand() throws Exception {
        // 1 MB on each stream is far beyond a pipe buffer; a runner reading one stream after the
        // other would deadlock here.
        CommandResult r = new ProcessCommandRunner().run(List.of("sh", "-c",
                "head -c 1048576 /dev/zero | tr '\\0' o; head -c 1048576 /dev/zero | tr '\\0' e >&2"), TIMEOUT);
        assertEquals(0, r.exitCode());
        assertEquals(1048576, r.stdout().length());
        assertEquals(1048576, r.stderr().length());
    }
}
