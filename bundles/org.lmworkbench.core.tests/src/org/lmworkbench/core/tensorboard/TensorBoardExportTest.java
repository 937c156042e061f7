package org.lmworkbench.core.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.DynamicMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export of a run folder, checked against truth written by Python: the points the mapping must
 * give (computed by the fixture script from the run's files), read back with an independent
 * reader, and the bytes TensorBoard's own EventFileWriter wrote for the same events.
 */
class TensorBoardExportTest {

    @TempDir
    Path dir;

    private static IndependentPoint point(String tag, long step, float value, double wall) {
        return new IndependentPoint(tag, step, value, wall);
    }

    /** One scalar as the independent reader sees it; float bits compared, so NaN equals NaN. */
    private record IndependentPoint(String tag, long step, float value, double wall) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IndependentPoint p && tag.equals(p.tag) && step == p.step
                    && Float.floatToIntBits(value) == Float.floatToIntBits(p.value)
                    && Double.doubleToLongBits(wall) == Double.doubleToLongBits(p.wall);
        }

        @Override
        public int hashCode() {
            return tag.hashCode();
        }
    }

    private static List<IndependentPoint> expectedPoints() throws IOException {
        List<IndependentPoint> points = new ArrayList<>();
        for (JsonElement e : TbFixtures.json("run-eos-expected.json").getAsJsonObject().getAsJsonArray("points")) {
            JsonArray p = e.getAsJsonArray();
            points.add(point(p.get(0).getAsString(), p.get(1).getAsLong(), (float) p.get(2).getAsDouble(),
                    p.get(3).getAsDouble()));
        }
        return points;
    }

    @Test
    void exportReadBackByAnIndependentReaderGivesEveryPoint() throws Exception {
        Path run = TbFixtures.runEos(dir);
        TensorBoardExport.Exported exported = TensorBoardExport.run(run, dir.resolve("tb"));

        List<DynamicMessage> events = IndependentReader.events(Files.readAllBytes(exported.file()));
        DynamicMessage header = events.get(0);
        JsonObject expected = TbFixtures.json("run-eos-expected.json").getAsJsonObject();
        assertEquals("brain.Event:2", IndependentReader.get(header, "file_version"));
        assertEquals(expected.get("header_wall_time").getAsDouble(), (double) IndependentReader.get(header, "wall_time"));
        assertEquals(TensorBoardExport.WRITER,
                IndependentReader.get((DynamicMessage) IndependentReader.get(header, "source_metadata"), "writer"));

        List<IndependentPoint> points = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (DynamicMessage event : events.subList(1, events.size())) {
            DynamicMessage summary = (DynamicMessage) IndependentReader.get(event, "summary");
            for (Object o : (List<?>) IndependentReader.get(summary, "value")) {
                DynamicMessage value = (DynamicMessage) o;
                String tag = (String) IndependentReader.get(value, "tag");
                if (IndependentReader.has(value, "simple_value")) {
                    points.add(point(tag, (long) IndependentReader.get(event, "step"),
                            (float) IndependentReader.get(value, "simple_value"),
                            (double) IndependentReader.get(event, "wall_time")));
                } else {
                    DynamicMessage plugin = (DynamicMessage) IndependentReader.get(
                            (DynamicMessage) IndependentReader.get(value, "metadata"), "plugin_data");
                    assertEquals("text", IndependentReader.get(plugin, "plugin_name"));
                    DynamicMessage tensor = (DynamicMessage) IndependentReader.get(value, "tensor");
                    assertEquals("DT_STRING", ((EnumValueDescriptor) IndependentReader.get(tensor, "dtype")).getName());
                    texts.add(tag + "=" + ((ByteString) ((List<?>) IndependentReader.get(tensor, "string_val")).get(0))
                            .toStringUtf8());
                }
            }
        }
        assertEquals(expectedPoints(), points);
        String spec = Files.readString(run.resolve("spec.json")).strip();
        assertEquals(List.of("spec=```json\n" + spec + "\n```"), texts);
        assertEquals(points.size(), exported.scalars());
        assertEquals(events.size(), exported.events());
        assertTrue(exported.tags().containsAll(List.of("train_loss", "weight_norm/hidden1", "sharpness/lambda_1",
                "sharpness/lambda_2", "sharpness/residual_1", "trace/trace", "trace/standard_error")), exported.tags().toString());
        assertFalse(exported.tags().contains("sharpness/converged"), "flags are not scalars");
    }

    @Test
    void nonFiniteProbeValuesSurvive() throws Exception {
        Path run = TbFixtures.runEos(dir);
        TensorBoardExport.Exported exported = TensorBoardExport.run(run, dir.resolve("tb"));
        List<SummaryValue> at200 = EventFileReader.readAll(exported.file()).stream()
                .filter(e -> e.step() == 200).flatMap(e -> e.values().stream())
                .filter(v -> v.tag().startsWith("trace/")).toList();
        assertTrue(at200.contains(new SummaryValue.Scalar("trace/trace", Double.NaN)), at200.toString());
        assertTrue(at200.contains(new SummaryValue.Scalar("trace/standard_error", Double.POSITIVE_INFINITY)));
    }

    @Test
    void bytesAreThoseOfTensorBoardsEventFileWriter() throws IOException {
        Path run = TbFixtures.runEos(dir);
        RunEvents events = new RunEvents(run);
        Path file;
        // The only difference from an export is the writer TensorBoard names in the first event.
        try (EventFileWriter writer = EventFileWriter.create(dir.resolve("same"), events.start(),
                "tensorboard.summary.writer.event_file_writer")) {
            events.forEach(writer::write);
            file = writer.commit();
        }
        assertArrayEquals(TbFixtures.bytes(TbFixtures.EVENTFILEWRITER), Files.readAllBytes(file));
    }

    @Test
    void fileIsNamedAsTensorBoardNamesItAndNoTemporaryFileRemains() throws IOException {
        Path out = dir.resolve("tb");
        TensorBoardExport.Exported exported = TensorBoardExport.run(TbFixtures.runEos(dir), out);
        String pid = Long.toString(ProcessHandle.current().pid());
        assertTrue(exported.file().getFileName().toString().matches("events\\.out\\.tfevents\\.\\d{10}\\.[^.]+.*\\."
                + pid + "\\.\\d+"), exported.file().toString());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(exported.file()), files.toList());
        }
    }

    @Test
    void folderThatHoldsAnEventFileIsRefused() throws IOException {
        Path run = TbFixtures.runEos(dir);
        Path out = dir.resolve("tb");
        TensorBoardExport.run(run, out);
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> TensorBoardExport.run(run, out));
        assertTrue(e.getMessage().contains("TensorBoard would merge"), e.getMessage());
    }

    @Test
    void severalRunsGoIntoOneFolderEachNamedByRunId() throws IOException {
        Path a = TbFixtures.runEos(dir.resolve("p1"));
        Path b = Files.move(TbFixtures.runEos(dir.resolve("p2")), dir.resolve("p2").resolve("run-eos-2"));
        Path out = dir.resolve("tb");
        List<TensorBoardExport.Exported> exported = TensorBoardExport.runs(List.of(a, b), out);
        assertEquals(List.of("run-eos", "run-eos-2"), exported.stream().map(TensorBoardExport.Exported::runId).toList());
        assertEquals(out.resolve("run-eos"), exported.get(0).file().getParent());
        assertEquals(out.resolve("run-eos-2"), exported.get(1).file().getParent());
        assertEquals(exported.get(0).scalars(), exported.get(1).scalars());
    }

    @Test
    void twoRunsOfTheSameIdAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path a = TbFixtures.runEos(dir.resolve("p1"));
        Path b = TbFixtures.runEos(dir.resolve("p2"));
        Path out = dir.resolve("tb");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorBoardExport.runs(List.of(a, b), out));
        assertTrue(e.getMessage().contains("'run-eos'"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void folderWithoutStatusIsNotARun() throws IOException {
        Path notRun = Files.createDirectories(dir.resolve("nothing"));
        IOException e = assertThrows(IOException.class, () -> TensorBoardExport.run(notRun, dir.resolve("tb")));
        assertTrue(e.getMessage().contains("status.json"), e.getMessage());
    }

    @Test
    void queuedRunWithoutMetricsGivesTheSpecOnly() throws IOException {
        Path run = TbFixtures.runEos(dir);
        Files.delete(run.resolve("metrics.jsonl"));
        Files.walk(run.resolve("probes")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        TensorBoardExport.Exported exported = TensorBoardExport.run(run, dir.resolve("tb"));
        assertEquals(2, exported.events());
        assertEquals(0, exported.scalars());
        List<Event> events = EventFileReader.readAll(exported.file());
        assertEquals("spec", events.get(1).values().get(0).tag());
        assertTrue(((SummaryValue.Text) events.get(1).values().get(0)).text().contains("\"example-eos\""));
        assertEquals(new String(Files.readAllBytes(run.resolve("spec.json")), StandardCharsets.UTF_8).strip(),
                ((SummaryValue.Text) events.get(1).values().get(0)).text().replace("```json\n", "").replace("\n```", ""));
    }
}
