package org.lmworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder moved to a trash laid out as the freedesktop.org Trash specification says. */
class FreedesktopTrashTest {

    @TempDir
    Path dir;

    @Test
    void aFolderGoesToFilesWithItsTrashInfoAndASecondOneOfTheSameNameGetsAnother() throws IOException {
        Path trashDir = dir.resolve("data/Trash");
        FreedesktopTrash trash = new FreedesktopTrash(trashDir);
        Path run = Files.createDirectories(dir.resolve("my project/runs/eos-003"));
        Files.writeString(run.resolve("status.json"), "{}");

        LocalDateTime before = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Path trashed = trash.trash(run);
        assertFalse(Files.exists(run));
        assertEquals(trashDir.resolve("files/eos-003"), trashed);
        assertEquals("{}", Files.readString(trashed.resolve("status.json")));
        List<String> info = Files.readAllLines(trashDir.resolve("info/eos-003.trashinfo"));
        assertEquals("[Trash Info]", info.get(0));
        assertEquals("Path=" + run.toString().replace(" ", "%20"), info.get(1), "the original path, URL-escaped");
        LocalDateTime deleted = LocalDateTime.parse(info.get(2).substring("DeletionDate=".length()));
        assertFalse(deleted.isBefore(before));

        Path again = Files.createDirectories(run);
        Path second = trash.trash(again);
        assertEquals(trashDir.resolve("files/eos-003.2"), second);
        assertTrue(Files.isRegularFile(trashDir.resolve("info/eos-003.2.trashinfo")));
    }

    @Test
    void aMissingItemIsAnErrorAndLeavesNoTrashInfo() throws IOException {
        FreedesktopTrash trash = new FreedesktopTrash(dir.resolve("Trash"));
        assertThrows(NoSuchFileException.class, () -> trash.trash(dir.resolve("gone")));
        assertFalse(Files.exists(dir.resolve("Trash/info/gone.trashinfo")));
    }

    @Test
    void pathsAreEscapedAsUrls() {
        assertEquals("/a%20b/%C3%A9t%C3%A9/x%25y", FreedesktopTrash.escape("/a b/\u00e9t\u00e9/x%y"));
    }
}
