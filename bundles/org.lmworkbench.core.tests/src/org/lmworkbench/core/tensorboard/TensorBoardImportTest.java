package org.lmworkbench.core.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunFileException;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;

/** Import of logs written by PyTorch and tensorboardX, compared with the points their script logged. */
class TensorBoardImportTest {

    @TempDir
    Path dir;

    private Path project() {
        return dir.resolve("project");
    }

    private Path torchLogs() throws IOException {
        return TbFixtures.copy(dir.resolve("logs"), TbFixtures.TORCH_A, TbFixtures.TORCH_B).resolve("torch");
    }

    private static List<String> ids(List<ImportedRun> runs) {
        return runs.stream().map(ImportedRun::runId).toList();
    }

    /** Step to value of one metric in a run's metrics.jsonl. */
    private static Map<Long, Double> series(List<MetricsRecord> lines, String metric) {
        Map<Long, Double> series = new TreeMap<>();
        lines.stream().filter(l -> l.has(metric)).forEach(l -> series.put(l.step(), l.number(metric)));
        return series;
    }

    /**
     * Checks a run against the script's points {tag: [[step, value, wall]]}: every value, the steps
     * of each metric, one line per step in order, and the times.
     */
    private static void assertSamePoints(JsonObject expected, ImportedRun run) throws IOException {
        List<MetricsRecord> lines = MetricsReader.readAll(run.folder().resolve(RunDirectory.METRICS));
        List<Long> steps = lines.stream().map(MetricsRecord::step).toList();
        assertEquals(steps.stream().sorted().distinct().toList(), steps, "one line per step, ascending");
        RunStatus status = RunStatus.read(run.folder().resolve(RunDirectory.STATUS));
        assertEquals(RunState.COMPLETED, status.state());

        Map<Long, Double> wallByStep = new TreeMap<>();
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, JsonElement> tag : expected.entrySet()) {
            String metric = run.record().metrics().get(tag.getKey());
            assertEquals(MetricNames.sanitise(tag.getKey()), metric);
            Map<Long, Double> want = new TreeMap<>();
            for (JsonElement p : tag.getValue().getAsJsonArray()) {
                JsonArray a = p.getAsJsonArray();
                want.put(a.get(0).getAsLong(), a.get(1).getAsDouble());
                wallByStep.merge(a.get(0).getAsLong(), a.get(2).getAsDouble(), Math::max);
                first = Math.min(first, a.get(2).getAsDouble());
                last = Math.max(last, a.get(2).getAsDouble());
            }
            assertEquals(want, series(lines, metric), tag.getKey());
        }
        assertEquals(new ArrayList<>(wallByStep.keySet()), steps);
        double started = status.started().getEpochSecond() + status.started().getNano() / 1e9;
        assertEquals(first, started, 2e-6);
        assertEquals(last, status.ended().getEpochSecond() + status.ended().getNano() / 1e9, 2e-6);
        for (MetricsRecord line : lines) {
            assertEquals(wallByStep.get(line.step()), started + line.number("wall_time"), 2e-6, "wall time at " + line.step());
        }
        assertEquals(steps.get(steps.size() - 1).longValue(), status.lastStep());
        assertEquals(run.record(), ImportRecord.read(run.folder()), "import.json reads back");
    }

    @Test
    void pyTorchLogsGiveExactlyThePointsTheScriptLogged() throws IOException {
        Path logs = torchLogs();
        TensorBoardImport.Result result = TensorBoardImport.logs(logs, project());
        assertEquals(List.of("run_a", "run_b"), ids(result.runs()));
        JsonObject expected = TbFixtures.json("torch-expected.json").getAsJsonObject();
        for (ImportedRun run : result.runs()) {
            assertSamePoints(expected.getAsJsonObject(run.runId()), run);
        }
        ImportRecord a = result.runs().get(0).record();
        assertEquals(Map.of("histogram", 5, "text", 1), a.skipped(), "histograms and the text are counted, not imported");
        assertEquals("loss_train", a.metrics().get("loss/train"));
        assertEquals(ImportRecord.TENSORBOARD, a.format());
        assertEquals(logs.toAbsolutePath(), a.source());
        assertEquals(List.of(logs.resolve(TbFixtures.TORCH_A.substring("torch/".length())).toAbsolutePath()), a.files());
        assertEquals(0, a.replaced());
        ImportRecord b = result.runs().get(1).record();
        assertEquals(5, b.replaced(), "steps 5..9 were logged twice; the later values count");
        assertEquals(15, b.steps());
        assertEquals(List.of("run_a", "run_b"), RunDirectory.list(project()).stream().map(RunDirectory::runId).toList());
        assertFalse(Files.exists(result.runs().get(0).folder().resolve(RunDirectory.SPEC)), "an imported run has no spec");
    }

    @Test
    void tensorboardXLogGivesThePointsToo() throws IOException {
        Path logs = TbFixtures.copy(dir.resolve("logs"), TbFixtures.TENSORBOARDX).resolve("tensorboardx");
        TensorBoardImport.Result result = TensorBoardImport.logs(logs, project());
        assertEquals(List.of("tensorboardx"), ids(result.runs()));
        assertSamePoints(TbFixtures.json("tensorboardx-expected.json").getAsJsonObject().getAsJsonObject("."),
                result.runs().get(0));
        assertEquals(Map.of("text", 1), result.runs().get(0).record().skipped());
    }

    @Test
    void singleEventFileIsOneRunNamedByItsFolder() throws IOException {
        Path file = torchLogs().resolve(TbFixtures.TORCH_B.substring("torch/".length()));
        TensorBoardImport.Result result = TensorBoardImport.logs(file, project());
        assertEquals(List.of("run_b"), ids(result.runs()));
        assertSamePoints(TbFixtures.json("torch-expected.json").getAsJsonObject().getAsJsonObject("run_b"),
                result.runs().get(0));
    }

    @Test
    void tornLastRecordImportsTheRecordsBeforeItAndSaysSo() throws IOException {
        Path file = torchLogs().resolve(TbFixtures.TORCH_B.substring("torch/".length()));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
        ImportedRun run = TensorBoardImport.logs(file, project()).runs().get(0);
        assertEquals(List.of(file.toAbsolutePath()), run.record().tornFiles());
        // The last event logged step 14; everything before it is there.
        JsonObject expected = TbFixtures.json("torch-expected.json").getAsJsonObject().getAsJsonObject("run_b");
        JsonArray loss = expected.getAsJsonArray("loss");
        loss.remove(loss.size() - 1);
        assertSamePoints(expected, run);
    }

    @Test
    void damagedFileLeavesTheProjectUntouched() throws IOException {
        Path logs = torchLogs();
        Path file = logs.resolve(TbFixtures.TORCH_B.substring("torch/".length()));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);
        EventFileException e = assertThrows(EventFileException.class, () -> TensorBoardImport.logs(logs, project()));
        assertEquals(file.toAbsolutePath(), e.file().toAbsolutePath());
        assertFalse(Files.exists(project().resolve(RunDirectory.RUNS)), "run_a, read before, is not written either");
    }

    @Test
    void takenRunIdsGetASuffixAndTheFirstImportStaysAsItWas() throws IOException {
        Path logs = torchLogs();
        ImportedRun first = TensorBoardImport.logs(logs, project()).runs().get(0);
        byte[] before = Files.readAllBytes(first.folder().resolve(RunDirectory.METRICS));
        TensorBoardImport.Result again = TensorBoardImport.logs(logs, project());
        assertEquals(List.of("run_a-2", "run_b-2"), ids(again.runs()));
        assertEquals(Arrays.toString(before), Arrays.toString(Files.readAllBytes(first.folder().resolve(RunDirectory.METRICS))));
        assertEquals(Files.readString(first.folder().resolve(RunDirectory.METRICS)),
                Files.readString(again.runs().get(0).folder().resolve(RunDirectory.METRICS)));
    }

    @Test
    void folderWithoutEventFilesIsAnError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(empty.resolve("notes.txt"), "no events here");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> TensorBoardImport.logs(empty, project()));
        assertTrue(e.getMessage().contains("no TensorBoard event files"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> TensorBoardImport.logs(dir.resolve("missing"), project()));
    }

    @Test
    void logWithoutScalarsIsAnError() throws IOException {
        Path logs = dir.resolve("logs");
        try (EventFileWriter w = EventFileWriter.create(logs, 1795000000, "test")) {
            w.write(Event.summary(1795000000, 0, List.of(new SummaryValue.Text("notes", "only words"))));
            w.commit();
        }
        RunFileException e = assertThrows(RunFileException.class, () -> TensorBoardImport.logs(logs, project()));
        assertTrue(e.getMessage().endsWith("no scalar values in 1 event file(s); they hold {text=1}"), e.getMessage());
    }

    @Test
    void exportThenImportGivesTheRunsValuesAsFloat32() throws IOException {
        Path run = TbFixtures.runEos(dir);
        TensorBoardExport.run(run, dir.resolve("tb").resolve("eos"));
        ImportedRun imported = TensorBoardImport.logs(dir.resolve("tb"), project()).runs().get(0);
        assertEquals("eos", imported.runId());
        List<MetricsRecord> original = MetricsReader.readAll(run.resolve(RunDirectory.METRICS));
        List<MetricsRecord> back = MetricsReader.readAll(imported.folder().resolve(RunDirectory.METRICS));
        Map<Long, Double> trainLoss = series(back, "train_loss");
        Map<Long, Double> hidden1 = series(back, "weight_norm_hidden1");
        assertEquals(original.size(), trainLoss.size());
        for (MetricsRecord r : original) {
            assertEquals((double) (float) r.number("train_loss"), trainLoss.get(r.step()));
            assertEquals((double) (float) r.values().getAsJsonObject("weight_norm").get("hidden1").getAsDouble(),
                    hidden1.get(r.step()));
        }
        List<MetricsRecord> sharpness = MetricsReader.readAll(run.resolve("probes/sharpness.jsonl"));
        Map<Long, Double> lambda1 = series(back, "sharpness_lambda_1");
        for (MetricsRecord r : sharpness) {
            assertEquals((double) (float) r.numbers("eigenvalues")[0], lambda1.get(r.step()));
        }
        assertEquals(Map.of("text", 1), imported.record().skipped(), "the spec text");
    }

    /**
     * Scalars as tensors in forms no fixture writer used: float64 and float16 in tensor_content,
     * with the scalars plugin named only on a tag's first value (as tf.summary does). The events
     * are built with DynamicMessage from the independent descriptors.
     */
    @Test
    void tensorContentScalarsAndPluginNamedOnceAreRead() throws Exception {
        Descriptor event = IndependentReader.EVENT;
        Descriptor summary = event.findFieldByName("summary").getMessageType();
        Descriptor value = summary.findFieldByName("value").getMessageType();
        Descriptor tensor = value.findFieldByName("tensor").getMessageType();
        Descriptor metadata = value.findFieldByName("metadata").getMessageType();
        Descriptor plugin = metadata.findFieldByName("plugin_data").getMessageType();
        FieldDescriptor dtype = tensor.findFieldByName("dtype");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        double[] doubles = {0.1, 1e-300};
        for (int step = 0; step < 2; step++) {
            DynamicMessage.Builder v64 = DynamicMessage.newBuilder(value).setField(value.findFieldByName("tag"), "f64")
                    .setField(value.findFieldByName("tensor"), DynamicMessage.newBuilder(tensor)
                            .setField(dtype, dtype.getEnumType().findValueByName("DT_DOUBLE"))
                            .setField(tensor.findFieldByName("tensor_content"), ByteString.copyFrom(ByteBuffer.allocate(8)
                                    .order(ByteOrder.LITTLE_ENDIAN).putDouble(doubles[step]).array())).build());
            DynamicMessage.Builder v16 = DynamicMessage.newBuilder(value).setField(value.findFieldByName("tag"), "f16")
                    .setField(value.findFieldByName("tensor"), DynamicMessage.newBuilder(tensor)
                            .setField(dtype, dtype.getEnumType().findValueByName("DT_HALF"))
                            .setField(tensor.findFieldByName("tensor_content"), ByteString.copyFrom(new byte[] {0x00,
                                    (byte) (step == 0 ? 0x3e : 0xc0)})).build()); // 1.5 and -2.0 in IEEE half
            if (step == 0) {
                DynamicMessage scalars = DynamicMessage.newBuilder(metadata).setField(metadata.findFieldByName("plugin_data"),
                        DynamicMessage.newBuilder(plugin).setField(plugin.findFieldByName("plugin_name"), "scalars").build())
                        .build();
                v64.setField(value.findFieldByName("metadata"), scalars);
                v16.setField(value.findFieldByName("metadata"), scalars);
            }
            DynamicMessage e = DynamicMessage.newBuilder(event)
                    .setField(event.findFieldByName("wall_time"), 1795000000.0 + step)
                    .setField(event.findFieldByName("step"), (long) step * 10)
                    .setField(event.findFieldByName("summary"), DynamicMessage.newBuilder(summary)
                            .addRepeatedField(summary.findFieldByName("value"), v64.build())
                            .addRepeatedField(summary.findFieldByName("value"), v16.build()).build())
                    .build();
            TfRecords.write(file, e.toByteArray());
        }
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.write(logs.resolve("events.out.tfevents.1795000000.tf.1.v2"), file.toByteArray());
        ImportedRun run = TensorBoardImport.logs(logs, project()).runs().get(0);
        List<MetricsRecord> lines = MetricsReader.readAll(run.folder().resolve(RunDirectory.METRICS));
        assertEquals(Map.of(0L, 0.1, 10L, 1e-300), series(lines, "f64"));
        assertEquals(Map.of(0L, 1.5, 10L, -2.0), series(lines, "f16"));
        assertEquals(Instant.ofEpochSecond(1795000000), RunStatus.read(run.folder().resolve(RunDirectory.STATUS)).started());
    }
}
