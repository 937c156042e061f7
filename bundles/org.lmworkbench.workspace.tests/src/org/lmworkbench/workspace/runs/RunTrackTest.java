package org.lmworkbench.workspace.runs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.workspace.runs.MetricTable.Series;
import org.lmworkbench.workspace.runs.ViewSettings.XAxis;

/**
 * Following a growing metrics.jsonl poll by poll gives the same series as reading the finished
 * file at once, and a replaced file is read again from its start.
 */
class RunTrackTest {

    @TempDir
    Path dir;

    private static String line(int step) {
        double loss = 1.0 / (1 + step);
        return String.format(Locale.ROOT,
                "{\"step\": %d, \"train_loss\": %.17g, \"lr\": %s, \"weight_norm\": {\"layer0\": %d, \"layer1\": %d},"
                        + " \"wall_time\": %.3f}%n",
                step, loss, step == 0 ? "null" : "0.1", 10 + step, 20 + step, step * 0.01);
    }

    private void append(Path file, String text) throws IOException {
        Files.writeString(file, text, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The series computed a second way: whole-file read, values taken straight from the records. */
    private static double[][] wholeFile(Path file, String key) throws IOException {
        List<MetricsRecord> records = MetricsReader.readAll(file).stream()
                .filter(r -> Double.isFinite(RecordFlattener.metrics(r).getOrDefault(key, Double.NaN))).toList();
        double[] x = records.stream().mapToDouble(MetricsRecord::step).toArray();
        double[] y = records.stream().mapToDouble(r -> RecordFlattener.metrics(r).get(key)).toArray();
        return new double[][] {x, y};
    }

    @Test
    void incrementalReadingGivesTheSeriesOfTheWholeFile() throws IOException {
        Path run = Files.createDirectories(dir.resolve("runs/eos-000"));
        Path metrics = run.resolve("metrics.jsonl");
        StringBuilder first = new StringBuilder();
        for (int step = 0; step <= 100; step += 10) {
            first.append(line(step));
        }
        append(metrics, first.toString());
        // A chunk of 300 bytes holds about two lines: the backlog takes several polls.
        RunTrack track = new RunTrack(run, 300);
        int polls = 0;
        int read = 0;
        do {
            read += track.poll();
            polls++;
        } while (track.hasBacklog());
        assertEquals(11, read);
        assertTrue(polls > 3, "read in " + polls + " polls");

        // A poll sees a half-written line only once it is complete.
        String next = line(110);
        append(metrics, next.substring(0, 20));
        assertEquals(0, track.poll());
        append(metrics, next.substring(20));
        for (int step = 120; step <= 300; step += 10) {
            append(metrics, line(step));
            if (step % 50 == 0) {
                track.poll();
            }
        }
        do {
            track.poll();
        } while (track.hasBacklog());

        assertEquals(31, track.metricsLines());
        for (String key : List.of("train_loss", "lr", "weight_norm[layer1]")) {
            double[][] expected = wholeFile(metrics, key);
            Series s = track.series(key, XAxis.STEP);
            assertArrayEquals(expected[0], s.x(), key);
            assertArrayEquals(expected[1], s.y(), key);
        }
        assertEquals(30, track.series("lr", XAxis.STEP).size(), "lr is null at step 0: a gap, not a point");
        // Keys in the order they first appear: lr is null at step 0 and first seen at step 10.
        assertEquals(List.of("train_loss", "weight_norm[layer0]", "weight_norm[layer1]", "lr"), track.keys());
        Series wall = track.series("train_loss", XAxis.WALL_TIME);
        assertEquals(3.0, wall.x()[30], 1e-12);
        assertEquals(300, wall.steps()[30]);
    }

    @Test
    void aReplacedFileIsReadAgainFromItsStart() throws IOException {
        Path run = Files.createDirectories(dir.resolve("runs/r"));
        Path metrics = run.resolve("metrics.jsonl");
        append(metrics, line(0) + line(10) + line(20));
        RunTrack track = new RunTrack(run);
        track.poll();
        Files.writeString(metrics, line(0));
        track.poll();
        assertEquals(1, track.resets());
        assertArrayEquals(new double[] {0}, track.series("train_loss", XAxis.STEP).x());
    }

    @Test
    void sharpnessSeriesAreOfferedBesideTheMetrics() throws IOException {
        Path run = Files.createDirectories(dir.resolve("runs/s"));
        append(run.resolve("metrics.jsonl"), line(0));
        Files.createDirectories(run.resolve("probes"));
        append(run.resolve("probes/sharpness.jsonl"),
                "{\"step\": 0, \"eigenvalues\": [5.0, 2.0], \"threshold\": 40.0}\n"
                        + "{\"step\": 50, \"eigenvalues\": [12.5, 3.0], \"threshold\": 40.0}\n");
        RunTrack track = new RunTrack(run);
        track.poll();
        assertTrue(track.keys().containsAll(List.of("train_loss", "lambda_1", "lambda_2", "threshold")));
        assertArrayEquals(new double[] {5.0, 12.5}, track.series("lambda_1", XAxis.STEP).y());
        assertArrayEquals(new double[] {0, 50}, track.series("lambda_1", XAxis.STEP).x());
    }

    @Test
    void aCorruptLineIsReportedWithFileAndLine() throws IOException {
        Path run = Files.createDirectories(dir.resolve("runs/c"));
        append(run.resolve("metrics.jsonl"), line(0) + "{not json\n");
        RunTrack track = new RunTrack(run);
        track.poll();
        assertTrue(track.error().contains("metrics.jsonl") && track.error().contains("2"), track.error());
        assertEquals(0, track.poll(), "the reader stops before the bad line until it is fixed");
    }

    @Test
    void sharpnessDimensionAndZeroOrderBandAreSeries() throws IOException {
        Path run = Files.createDirectories(dir.resolve("runs/zo-000/probes"));
        append(run.resolve("sharpness.jsonl"), "{\"step\": 0, \"eigenvalues\": [2.0], \"threshold\": \"NaN\","
                + " \"trace\": 15.0, \"trace_low\": 62.7, \"zo_threshold\": 66.7, \"inside_band\": false}\n"
                + "{\"step\": 50, \"eigenvalues\": [3.0], \"threshold\": \"NaN\", \"trace\": 61.0,"
                + " \"trace_low\": 60.7, \"zo_threshold\": 66.7, \"inside_band\": true}\n");
        append(run.resolve("sharpness_dimension.jsonl"), "{\"step\": 0, \"sharpness_dimension\": 12.5,"
                + " \"standard_error\": 0.25, \"method\": \"exact\"}\n{\"step\": 100, \"sharpness_dimension\": 11.0,"
                + " \"standard_error\": 0.5, \"method\": \"exact\"}\n");
        RunTrack track = new RunTrack(run.getParent());
        assertEquals(4, track.poll());
        assertTrue(track.keys().containsAll(List.of("lambda_1", "trace", "trace_low", "zo_threshold",
                RecordFlattener.SHARPNESS_DIMENSION, RecordFlattener.SHARPNESS_DIMENSION_SE)), track.keys().toString());
        assertArrayEquals(new double[] {15, 61}, track.series("trace", ViewSettings.XAxis.STEP).y(), 0);
        assertArrayEquals(new double[] {0, 100},
                track.series(RecordFlattener.SHARPNESS_DIMENSION, ViewSettings.XAxis.STEP).x(), 0);
        assertArrayEquals(new double[] {12.5, 11.0},
                track.series(RecordFlattener.SHARPNESS_DIMENSION, ViewSettings.XAxis.STEP).y(), 0);
        assertArrayEquals(new double[] {0.25, 0.5},
                track.series(RecordFlattener.SHARPNESS_DIMENSION_SE, ViewSettings.XAxis.STEP).y(), 0);
    }
}
