package org.lmworkbench.core.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Append-only JSON lines: writing, tailing, partial and corrupt lines. */
class MetricsTest {

    @TempDir
    Path dir;

    private static Map<String, Object> record(long step, double loss) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("step", step);
        values.put("train_loss", loss);
        return values;
    }

    private void appendRaw(Path file, String text) throws IOException {
        Files.writeString(file, text, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<Long> steps(List<MetricsRecord> records) {
        return records.stream().map(MetricsRecord::step).toList();
    }

    @Test
    void writtenLinesAreVisibleAtOnceAndReadBack() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        try (MetricsWriter writer = MetricsWriter.open(file)) {
            writer.append(record(0, 1.5));
            writer.append(record(10, 0.5));
            // No close or sync yet: a monitor must see the lines while the run is going.
            List<MetricsRecord> records = MetricsReader.readAll(file);
            assertEquals(List.of(0L, 10L), steps(records));
            assertEquals(0.5, records.get(1).number("train_loss"));
            assertEquals(2, records.get(1).line());
        }
        assertEquals("{\"step\":0,\"train_loss\":1.5}\n{\"step\":10,\"train_loss\":0.5}\n", Files.readString(file));
    }

    @Test
    void truncatedLastLineIsIgnoredAndTailingResumesWhenItIsCompleted() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        appendRaw(file, "{\"step\":0,\"train_loss\":1.0}\n{\"step\":10,\"train_loss\":0.9}\n{\"step\":20,\"tra");
        MetricsReader reader = new MetricsReader(file);
        assertEquals(List.of(0L, 10L), steps(reader.readNew()));
        long offset = reader.offset();
        assertEquals(file.toFile().length() - "{\"step\":20,\"tra".length(), offset, "stops after the last newline");
        assertEquals(List.of(), reader.readNew(), "nothing new while the line is incomplete");
        appendRaw(file, "in_loss\":0.8}\n{\"step\":30,\"train_loss\":0.7}\n");
        List<MetricsRecord> more = reader.readNew();
        assertEquals(List.of(20L, 30L), steps(more));
        assertEquals(0.8, more.get(0).number("train_loss"));
        assertEquals(3, more.get(0).line());
        assertEquals(List.of(), reader.readNew());
    }

    @Test
    void corruptMiddleLineNamesFileAndLineAndConsumesNothing() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        appendRaw(file, "{\"step\":0}\n{\"step\":10}\n{\"step\":20,,}\n{\"step\":30}\n");
        MetricsReader reader = new MetricsReader(file);
        RunFileException e = assertThrows(RunFileException.class, reader::readNew);
        assertEquals(3, e.line());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ":3: malformed JSON line: {\"step\":20,,}"), e.getMessage());
        assertEquals(0, reader.offset());
        assertThrows(RunFileException.class, reader::readNew);
    }

    @Test
    void lineThatIsNotAnObjectIsCorrupt() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        appendRaw(file, "{\"step\":0}\n\n[1,2]\n");
        RunFileException e = assertThrows(RunFileException.class, () -> MetricsReader.readAll(file));
        assertEquals(file + ":3: expected a JSON object but found [1,2]", e.getMessage());
    }

    @Test
    void reopeningAfterAKilledWriterDropsThePartialLineAndAppends() throws IOException {
        Path file = dir.resolve("probes/sharpness.jsonl");
        try (MetricsWriter writer = MetricsWriter.open(file)) {
            writer.append(record(0, 1.0));
        }
        appendRaw(file, "{\"step\":50,\"lamb");
        try (MetricsWriter writer = MetricsWriter.open(file)) {
            writer.append(record(50, 0.5));
        }
        assertEquals(List.of(0L, 50L), steps(MetricsReader.readAll(file)));
    }

    @Test
    void nonFiniteNumbersAndArraysSurvive() throws IOException {
        Path file = dir.resolve("sharpness.jsonl");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("step", 5);
        values.put("train_loss", Double.POSITIVE_INFINITY);
        values.put("grad_norm", Double.NaN);
        values.put("lambda", new double[] {40.5, 12.25});
        values.put("note", "line\nbreak");
        try (MetricsWriter writer = MetricsWriter.open(file)) {
            writer.append(values);
        }
        List<MetricsRecord> records = MetricsReader.readAll(file);
        assertEquals(1, records.size());
        MetricsRecord r = records.get(0);
        assertEquals(Double.POSITIVE_INFINITY, r.number("train_loss"));
        assertTrue(Double.isNaN(r.number("grad_norm")));
        assertArrayEquals(new double[] {40.5, 12.25}, r.numbers("lambda"));
        assertEquals("line\nbreak", r.string("note"));
        assertTrue(Double.isNaN(r.number("absent")));
    }

    @Test
    void missingFileHasNoRecordsYet() throws IOException {
        MetricsReader reader = new MetricsReader(dir.resolve("metrics.jsonl"));
        assertEquals(List.of(), reader.readNew());
        appendRaw(dir.resolve("metrics.jsonl"), "{\"step\":1}\n");
        assertEquals(List.of(1L), steps(reader.readNew()));
    }

    @Test
    void replacedFileIsReadFromItsStart() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        appendRaw(file, "{\"step\":1}\n{\"step\":2}\n");
        MetricsReader reader = new MetricsReader(file);
        assertEquals(2, reader.readNew().size());
        Files.writeString(file, "{\"step\":9}\n");
        assertEquals(List.of(9L), steps(reader.readNew()));
    }
}
