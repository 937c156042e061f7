package org.lmworkbench.core.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profile files and profile lists: round trips, defaults, and located refusals. */
class SlurmProfileJsonTest {

    @TempDir
    Path dir;

    @Test
    void aProfileRoundTripsAndMissingKeysTakeTheUsualCommands() throws Exception {
        SlurmProfile remote = new SlurmProfile(List.of("ssh", "-o", "BatchMode=yes", "login1"), "/opt/slurm/bin/sbatch",
                "squeue", "scancel", "scontrol", "sacct", Duration.ofSeconds(20));
        Path file = dir.resolve("cluster.json");
        Files.writeString(file, SlurmProfileJson.write("cluster", remote));
        assertEquals(remote, SlurmProfileJson.read(file));
        Files.writeString(file, "{\"prefix\": [\"ssh\", \"login1\"]}");
        assertEquals(SlurmProfile.prefixed(List.of("ssh", "login1")), SlurmProfileJson.read(file));
        Files.writeString(file, "{}");
        assertEquals(SlurmProfile.local(), SlurmProfileJson.read(file));
    }

    @Test
    void aListKeepsItsOrderAndNames() throws Exception {
        List<SlurmProfileJson.Named> list = List.of(new SlurmProfileJson.Named("here", SlurmProfile.local()),
                new SlurmProfileJson.Named("hpc", SlurmProfile.prefixed(List.of("ssh", "hpc-login"))));
        assertEquals(list, SlurmProfileJson.readList(SlurmProfileJson.writeList(list), "prefs"));
        assertEquals(List.of(), SlurmProfileJson.readList("", "prefs"));
    }

    @Test
    void mistakesAreNamedWithTheirJsonPath() throws Exception {
        assertRefused("{\"sbatch\": \"sbatch\", \"squeu\": \"squeue\"}", "$.squeu: unknown key");
        assertRefused("{\"prefix\": \"ssh login1\"}", "$.prefix: must be an array");
        assertRefused("{\"prefix\": [\"ssh\", 3]}", "$.prefix[1]: must be a non-empty string");
        assertRefused("{\"scancel\": \"  \"}", "$.scancel: must name the scancel command");
        assertRefused("{\"timeout_seconds\": 0.5}", "$.timeout_seconds: must be a whole number");
        assertRefused("{\"sbatch\": ", "not valid JSON");
        assertRefused("[]", "$: a Slurm profile is a JSON object");
        SlurmException e = assertThrows(SlurmException.class, () -> SlurmProfileJson.readList(
                "[{\"name\": \"a\"}, {\"name\": \"a\"}]", "prefs"));
        assertEquals("prefs: $[1].name: the name 'a' is used twice", e.getMessage());
        e = assertThrows(SlurmException.class, () -> SlurmProfileJson.readList("[{\"sbatch\": \"x\"}]", "prefs"));
        assertTrue(e.getMessage().startsWith("prefs: $[0].name: every profile of a list needs a name"), e.getMessage());
    }

    private void assertRefused(String json, String words) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        SlurmException e = assertThrows(SlurmException.class, () -> SlurmProfileJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
