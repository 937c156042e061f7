package org.lmworkbench.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workers' class-data archive: one per java and class path (jars only), recorded by one worker
 * at a time into a temporary file that becomes the archive only after that worker exited normally,
 * then mapped by every later worker; old archives do not pile up.
 */
class ClassDataSharingTest {

    @TempDir
    Path dir;

    private String classPath(String... jars) throws Exception {
        StringBuilder cp = new StringBuilder();
        for (String jar : jars) {
            Path file = dir.resolve(jar);
            if (!Files.exists(file)) {
                Files.writeString(file, jar);
            }
            cp.append(cp.isEmpty() ? "" : File.pathSeparator).append(file);
        }
        return cp.toString();
    }

    @Test
    void oneWorkerRecordsTheArchiveTheOthersMapItOnceItIsComplete() throws Exception {
        ClassDataSharing sharing = ClassDataSharing.inFolder(dir.resolve("cds"), "/usr/bin/java", classPath("a.jar", "b.jar"));
        assertTrue(sharing.isOn());
        ClassDataSharing.Session recorder = sharing.session();
        String option = recorder.jvmOptions().get(0);
        assertTrue(option.startsWith("-XX:ArchiveClassesAtExit="), option);
        assertEquals(List.of(), sharing.session().jvmOptions(), "one recorder at a time, the others start plain");

        Path recording = Path.of(option.substring(option.indexOf('=') + 1));
        Files.writeString(recording, "archive");
        recorder.exited(0);
        assertTrue(Files.isRegularFile(sharing.archive()));
        assertFalse(Files.exists(recording));
        assertEquals(List.of("-XX:SharedArchiveFile=" + sharing.archive(), "-Xlog:cds=off,cds+dynamic=off"),
                sharing.session().jvmOptions());
    }

    @Test
    void aRecordingOfAWorkerThatDidNotExitNormallyIsDropped() throws Exception {
        ClassDataSharing sharing = ClassDataSharing.inFolder(dir.resolve("cds"), "/usr/bin/java", classPath("a.jar"));
        ClassDataSharing.Session crashed = sharing.session();
        String option = crashed.jvmOptions().get(0);
        Path recording = Path.of(option.substring(option.indexOf('=') + 1));
        Files.writeString(recording, "half");
        crashed.exited(137);
        assertFalse(Files.exists(sharing.archive()));
        assertFalse(Files.exists(recording));
        assertTrue(sharing.session().jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="), "the next one records");
    }

    @Test
    void theArchiveBelongsToItsJavaAndClassPathOfJarsOnly() throws Exception {
        Path cds = dir.resolve("cds");
        String cp = classPath("a.jar", "b.jar");
        Path archive = ClassDataSharing.inFolder(cds, "/usr/bin/java", cp).archive();
        assertEquals(archive, ClassDataSharing.inFolder(cds, "/usr/bin/java", cp).archive());
        assertNotEquals(archive, ClassDataSharing.inFolder(cds, "/opt/jdk/bin/java", cp).archive());
        assertNotEquals(archive, ClassDataSharing.inFolder(cds, "/usr/bin/java", classPath("b.jar", "a.jar")).archive());
        Files.writeString(dir.resolve("a.jar"), "a jar of another build");
        assertNotEquals(archive, ClassDataSharing.inFolder(cds, "/usr/bin/java", cp).archive());
        Files.createDirectories(dir.resolve("classes"));
        assertFalse(ClassDataSharing.inFolder(cds, "/usr/bin/java", cp + File.pathSeparator + dir.resolve("classes"))
                .isOn(), "a folder on the class path: no archive");
        assertFalse(ClassDataSharing.none().isOn());
        assertEquals(List.of(), ClassDataSharing.none().session().jvmOptions());
    }

    @Test
    void onlyTheNewestArchivesAreKept() throws Exception {
        Path cds = Files.createDirectories(dir.resolve("cds"));
        for (int i = 0; i < 6; i++) {
            Path old = Files.writeString(cds.resolve("worker-00" + i + ".jsa"), "x");
            Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Path other = Files.writeString(cds.resolve("notes.txt"), "kept");
        Path current = cds.resolve("worker-005.jsa");
        ClassDataSharing.removeStale(current);
        try (var files = Files.list(cds)) {
            assertEquals(List.of("notes.txt", "worker-002.jsa", "worker-003.jsa", "worker-004.jsa", "worker-005.jsa"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.exists(other));
    }
}
