package org.lmworkbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-file replacement through a temporary file. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesContentAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("status.json");
        AtomicFiles.write(file, "first, rather long content");
        AtomicFiles.write(file, "second");
        assertEquals("second", Files.readString(file));
        assertEquals(List.of("status.json"), names());
    }

    @Test
    void createsTheFolder() throws IOException {
        Path file = dir.resolve("a/b/c.bin");
        AtomicFiles.write(file, new byte[] {1, 2, 3});
        assertEquals(3, Files.size(file));
    }

    @Test
    void resultsGetTheSamePermissionsAsAPlainlyCreatedFile() throws IOException {
        // A plain file shows what the umask allows; an owner-only result would lock out collaborators.
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path result = dir.resolve("result.json");
        AtomicFiles.write(result, "{}");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(result));
    }

    @Test
    void recognisesItsTemporaryFiles() {
        assertTrue(AtomicFiles.isTemporary(Path.of(".status.json.12345.tmp")));
        assertFalse(AtomicFiles.isTemporary(Path.of("status.json")));
    }

    @Test
    void overwriteInPlaceReplacesTheContentOfTheSameFile() throws IOException {
        Path file = dir.resolve("status.json");
        AtomicFiles.write(file, "{\"state\": \"running\", \"padding\": \"................\"}");
        Object inode = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        AtomicFiles.overwrite(file, "{\"state\": \"failed\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("{\"state\": \"failed\"}", Files.readString(file));
        assertEquals(inode, Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
                "no new file was needed");
    }

    @Test
    void aFailedWriteNamesItsFile() {
        IOException plain = new IOException("No space left on device");
        IOException named = AtomicFiles.naming(dir.resolve("metrics.jsonl"), plain);
        assertEquals(dir.resolve("metrics.jsonl") + ": No space left on device", named.getMessage());
        assertEquals(plain, named.getCause());
    }
}
