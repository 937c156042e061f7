package org.lmworkbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** meta.json: the user's name, tags and notes of a run, read back as written, checked on the way in. */
class RunMetaTest {

    @TempDir
    Path run;

    @Test
    void aRunWithoutTheFileHasNothingSaidAboutIt() throws IOException {
        RunMeta meta = RunMeta.read(run);
        assertTrue(meta.isEmpty());
        assertEquals("eos-003", meta.displayName("eos-003"));
    }

    @Test
    void writtenValuesAreInTheFileUnderTheirKeysAndReadBack() throws IOException {
        RunMeta meta = RunMeta.EMPTY.withName("  baseline, lr 0.05 ").withTags(RunMeta.parseTags("eos, baseline,,eos"))
                .withNotes("first line\nsecond line");
        meta.write(run);
        // Read the file with a plain JSON parser, not with the class under test.
        JsonObject o = JsonParser.parseString(Files.readString(run.resolve("meta.json"))).getAsJsonObject();
        assertEquals("baseline, lr 0.05", o.get("name").getAsString());
        assertEquals(2, o.getAsJsonArray("tags").size(), "repeats and empty entries are dropped");
        assertEquals("eos", o.getAsJsonArray("tags").get(0).getAsString());
        assertEquals("baseline", o.getAsJsonArray("tags").get(1).getAsString());
        assertEquals("first line\nsecond line", o.get("notes").getAsString());
        assertEquals(meta, new RunDirectory(run).readMeta());
        assertEquals("eos, baseline", meta.tagList());
        assertEquals("baseline, lr 0.05", meta.displayName("eos-003"));
        try (Stream<Path> files = Files.list(run)) {
            assertEquals(List.of("meta.json"), files.map(f -> f.getFileName().toString()).toList(), "no temp file left");
        }
    }

    @Test
    void blankValuesAreRemovedAndKeysOfNewerVersionsSurviveAnEdit() throws IOException {
        Files.writeString(run.resolve("meta.json"), """
                {"name": "old", "tags": ["a"], "colour": "#ff0000", "pinned": true}
                """);
        RunMeta meta = RunMeta.read(run).withName(" ").withTags(List.of());
        meta.write(run);
        JsonObject o = JsonParser.parseString(Files.readString(run.resolve("meta.json"))).getAsJsonObject();
        assertNull(o.get("name"));
        assertNull(o.get("tags"));
        assertEquals("#ff0000", o.get("colour").getAsString());
        assertTrue(o.get("pinned").getAsBoolean());
    }

    @Test
    void badFilesAreReportedWithFileAndJsonPath() throws IOException {
        Path file = run.resolve("meta.json");
        Files.writeString(file, "{\"tags\": [\"ok\", 3]}");
        RunFileException e = assertThrows(RunFileException.class, () -> RunMeta.read(run));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("$.tags[1]"), e.getMessage());

        Files.writeString(file, "{\"name\": 5}");
        e = assertThrows(RunFileException.class, () -> RunMeta.read(run));
        assertTrue(e.getMessage().contains("$.name"), e.getMessage());

        Files.writeString(file, "{\"name\": \"x\",");
        e = assertThrows(RunFileException.class, () -> RunMeta.read(run));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());

        Files.writeString(file, "{\"tags\": [\"a,b\"]}");
        e = assertThrows(RunFileException.class, () -> RunMeta.read(run));
        assertTrue(e.getMessage().contains("$.tags") && e.getMessage().contains("comma"), e.getMessage());
    }

    @Test
    void valuesThatCannotBeStoredAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RunMeta.EMPTY.withName("two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> RunMeta.EMPTY.withName("x".repeat(201)));
        assertThrows(IllegalArgumentException.class, () -> RunMeta.parseTags("ok, " + "t".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> RunMeta.parseTags("tab\there"));
    }

    @Test
    void freshRunIdsStartAtZeroAndContinueAfterTheHighest() throws IOException {
        Path runs = run.resolve("runs");
        assertEquals("eos-000", RunDirectory.freshId(runs, "eos"), "no runs folder yet");
        Files.createDirectories(runs.resolve("eos-000"));
        assertEquals("eos-001", RunDirectory.freshId(runs, "eos"));
        Files.createDirectories(runs.resolve("eos-007"));
        Files.createDirectories(runs.resolve("eos-1"));
        Files.createDirectories(runs.resolve("eos-long-003"));
        Files.createDirectories(runs.resolve(".eos-099-staging"));
        assertEquals("eos-008", RunDirectory.freshId(runs, "eos"), "one past the highest, gaps are not filled");
        assertEquals("eos-long-004", RunDirectory.freshId(runs, "eos-long"));
        assertEquals("e.s-000", RunDirectory.freshId(runs, "e.s"), "the name is matched literally");
    }
}
