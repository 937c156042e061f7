package org.lmworkbench.workspace.runs.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;

/**
 * Summaries read from run folders: the final, least and greatest value of each metric as the file
 * holds them (checked against the file read line by line here), status and meta values, and files
 * read again only when their size or time stamp changed.
 */
class RunSummariesTest {

    @TempDir
    Path project;

    @Test
    void metricValuesAreThoseOfTheFile() throws IOException {
        RunDirectory run = TableRuns.run(project, "w-000", "w", 64, 0, 2.0, 0.5, 0.75, Double.NaN);
        TableRuns.tag(run, "diverged-late");
        RunSummary s = new RunSummaries().read(run.path());

        // The truth, from the file itself.
        List<Double> loss = new ArrayList<>();
        List<Double> acc = new ArrayList<>();
        for (String line : Files.readAllLines(run.metricsFile())) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            loss.add(o.get("train_loss").isJsonPrimitive() && o.get("train_loss").getAsJsonPrimitive().isNumber()
                    ? o.get("train_loss").getAsDouble() : Double.NaN);
            acc.add(o.get("test_acc").getAsDouble());
        }
        MetricStats l = s.metric("train_loss");
        assertEquals(4, l.count());
        assertTrue(Double.isNaN(l.last()), "a diverged run's final loss is NaN, not the last finite one");
        assertEquals(loss.stream().filter(Double::isFinite).mapToDouble(d -> d).min().getAsDouble(), l.min(), 0);
        assertEquals(2.0, l.max(), 0);
        assertEquals(30, l.lastStep());
        assertEquals(0.5, l.get(MetricStats.Stat.BEST, MetricStats.higherIsBetter("train_loss")), 0);
        MetricStats a = s.metric("test_acc");
        assertEquals(acc.get(acc.size() - 1), a.last(), 0);
        assertEquals(acc.stream().mapToDouble(d -> d).max().getAsDouble(),
                a.get(MetricStats.Stat.BEST, MetricStats.higherIsBetter("test_acc")), 0, "accuracy: best is highest");
        assertFalse(s.metrics().containsKey("wall_time"), "time is not a metric");

        assertEquals(RunState.COMPLETED, s.state());
        assertEquals("w-000", s.id());
        assertEquals(30, s.steps());
        assertEquals(Duration.ofSeconds(60 + 64), s.duration());
        assertEquals("cpu", s.device());
        assertEquals(64.0, s.spec().get("model.width"));
        assertEquals("w", s.spec().get("name"));
        assertEquals(List.of("diverged-late"), s.meta().tags());
        assertFalse(s.imported());
    }

    @Test
    void unchangedFilesAreNotReadAgainAndAppendedLinesAreReadAlone() throws IOException {
        RunDirectory run = TableRuns.run(project, "w-000", "w", 64, 0, 2.0, 1.0);
        RunSummaries summaries = new RunSummaries();
        summaries.read(run.path());
        long reads = summaries.filesRead();
        assertEquals(3, reads, "status, spec and metrics (no meta.json, no probes)");
        summaries.read(run.path());
        assertEquals(reads, summaries.filesRead(), "nothing changed, nothing read");

        Files.writeString(run.metricsFile(), "{\"step\": 20, \"train_loss\": 0.25}\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Files.setLastModifiedTime(run.metricsFile(), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        RunSummary grown = summaries.read(run.path());
        assertEquals(reads + 1, summaries.filesRead(), "only metrics.jsonl, which grew");
        assertEquals(3, grown.metric("train_loss").count());
        assertEquals(0.25, grown.metric("train_loss").last(), 0);
        assertEquals(0.25, grown.metric("train_loss").min(), 0);

        run.writeMeta(run.readMeta().withName("baseline"));
        assertEquals("baseline", summaries.read(run.path()).name(), "a new meta.json is read");

        // A replaced (shorter) file is read from its start.
        Files.writeString(run.metricsFile(), "{\"step\": 0, \"train_loss\": 9}\n");
        RunSummary replaced = summaries.read(run.path());
        assertEquals(1, replaced.metric("train_loss").count());
        assertEquals(9, replaced.metric("train_loss").max(), 0);
    }

    @Test
    void aCorruptLineIsReportedWithFileAndLineAndTheRestIsShown() throws IOException {
        RunDirectory run = TableRuns.run(project, "w-000", "w", 64, 0, 2.0, 1.0);
        Files.writeString(run.metricsFile(), "{\"step\": 20, \"train_loss\": \n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        RunSummary s = new RunSummaries().read(run.path());
        assertEquals(1, s.errors().size());
        assertTrue(s.errors().get(0).contains(run.metricsFile() + ":3"), s.errors().get(0));
        assertEquals(RunState.COMPLETED, s.state());
    }

    @Test
    void anImportedRunHasNoSpecAndSaysSo() throws IOException {
        Path folder = Files.createDirectories(project.resolve("runs/tb"));
        Files.writeString(folder.resolve("status.json"), """
                {"state": "completed", "created": "2026-01-01T00:00:00Z", "last_step": 5, "total_steps": 5}
                """);
        Files.writeString(folder.resolve("import.json"), "{}");
        Files.writeString(folder.resolve("metrics.jsonl"), "{\"step\": 5, \"loss\": 1.5}\n");
        RunSummary s = new RunSummaries().read(folder);
        assertTrue(s.imported());
        assertTrue(s.spec().isEmpty());
        assertEquals(1.5, s.metric("loss").last(), 0);
        assertEquals(5, s.steps());
    }
}
