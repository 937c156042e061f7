package org.lmworkbench.workspace.runs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunFileException;

/**
 * The bounded tail reads, chunk by chunk and by streaming, exactly the records that core's
 * MetricsReader reads at once and {@link RecordFlattener} flattens from their JSON trees.
 */
class MetricsTailTest {

    @TempDir
    Path dir;

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<FlatRecord> drain(MetricsTail tail) throws IOException {
        List<FlatRecord> out = new ArrayList<>();
        do {
            out.addAll(tail.readNew());
        } while (tail.hasMore());
        return out;
    }

    @Test
    void smallChunksGiveTheRecordsOfTheWholeFileWithTheirLineNumbers() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        StringBuilder text = new StringBuilder();
        for (int step = 0; step < 200; step++) {
            text.append("{\"step\": ").append(step).append(", \"train_loss\": ").append(1.0 / (step + 1))
                    .append(step % 7 == 0 ? ", \"weight_norm\": {\"layer0\": 1.5}" : "").append("}\n");
            if (step % 50 == 0) {
                text.append("\n"); // blank lines count as lines but are no records
            }
        }
        append(file, text.toString());
        MetricsTail tail = new MetricsTail(file, 100);
        List<FlatRecord> first = tail.readNew();
        assertTrue(tail.hasMore() && first.size() < 5, "100 bytes hold a few lines, not the file");
        List<FlatRecord> all = new ArrayList<>(first);
        all.addAll(drain(tail));
        assertEquals(viaCore(file), all);
        assertEquals(204, tail.linesRead());
        assertFalse(tail.hasMore());
    }

    @Test
    void aLineLongerThanAChunkIsReadWholeAndAHalfWrittenOneWaits() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        String longLine = "{\"step\": 1, \"note\": \"" + "x".repeat(500) + "\"}\n";
        append(file, "{\"step\": 0}\n" + longLine + "{\"step\": 2, \"train_lo");
        MetricsTail tail = new MetricsTail(file, 16);
        List<FlatRecord> records = drain(tail);
        assertEquals(List.of(0L, 1L), records.stream().map(FlatRecord::step).toList());
        append(file, "ss\": 0.5}\n");
        assertEquals(0.5, tail.readNew().get(0).values().get("train_loss"));
    }

    @Test
    void aCorruptLineIsReportedAndNotConsumedAndAReplacedFileStartsOver() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        append(file, "{\"step\": 0}\n{\"step\": 1,}\n");
        MetricsTail tail = new MetricsTail(file, 1 << 20);
        RunFileException e = assertThrows(RunFileException.class, tail::readNew);
        assertEquals(2, e.line());
        assertEquals(file, e.file());
        assertThrows(RunFileException.class, tail::readNew);

        Files.writeString(file, "{\"step\": 5}\n");
        assertEquals(List.of(new FlatRecord(1, 5, Map.of())), tail.readNew());
    }

    @Test
    void backendLinesFlattenAsFromTheirJsonTrees() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        append(file, """
                {"step": 0, "train_loss": 2.5, "test_loss": 2.75, "batch_loss": 2.5, "weight_norm": {"layer0": 5.0, \
                "layer1": 4.0}, "rel_change": {"layer0": 0.0, "layer1": 0.0}, "wall_time": 0.125}
                {"step": 10, "train_loss": "NaN", "lr": 0.1, "grad_norm": 1e-3, "weight_norm": [5.5, 4.5], \
                "note": "text", "diverged": true, "nested": {"deep": {"x": 1}}, "empty": null}
                """);
        assertEquals(viaCore(file), drain(new MetricsTail(file, 1 << 20)));
    }

    /** The same file read the other way: core's reader and the tree-based flattener. */
    private static List<FlatRecord> viaCore(Path file) throws IOException {
        List<FlatRecord> out = new ArrayList<>();
        for (MetricsRecord r : MetricsReader.readAll(file)) {
            out.add(new FlatRecord(r.line(), r.step(), RecordFlattener.metrics(r)));
        }
        return out;
    }

    @Test
    void aMissingFileHasNoRecordsYet() throws IOException {
        MetricsTail tail = new MetricsTail(dir.resolve("absent.jsonl"), 100);
        assertEquals(List.of(), tail.readNew());
        assertFalse(tail.hasMore());
    }
}
