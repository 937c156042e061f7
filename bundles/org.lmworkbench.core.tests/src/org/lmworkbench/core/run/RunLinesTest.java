package org.lmworkbench.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line files of a run: metrics.jsonl, probes/sharpness.jsonl and probes/trace.jsonl, written and read back. */
class RunLinesTest {

    /** A line exactly as the backend wrote it (step 0 of the example run). */
    private static final String SHARPNESS = "{\"step\":0,\"eigenvalues\":[5.303664543616224,4.588960776137023],"
            + "\"residuals\":[7.164472648381608E-8,3.295401233680358E-4],\"hvps\":29,\"lr\":0.1,\"threshold\":20.0,"
            + "\"threshold_kind\":\"2/lr\",\"quantity\":\"sharpness\",\"converged\":true,\"iterations\":27,"
            + "\"examples\":200,\"mode\":\"train\",\"loss\":3.333717112434493,\"method\":\"lanczos\","
            + "\"dtype\":\"float64\",\"seconds\":0.531588854}\n";

    @TempDir
    Path dir;

    private MetricsRecord only(Path file) throws IOException {
        List<MetricsRecord> records = MetricsReader.readAll(file);
        assertEquals(1, records.size());
        return records.get(0);
    }

    @Test
    void sharpnessLinesAreWrittenAsTheBackendAlwaysWroteThem() throws IOException {
        SharpnessLine line = new SharpnessLine(0, new double[] {5.303664543616224, 4.588960776137023},
                new double[] {7.164472648381608E-8, 3.295401233680358E-4}, 29, 0.1, 20.0, "2/lr", "sharpness", true,
                27, 200, "train", 3.333717112434493, "lanczos", "float64", 0.531588854);
        Path file = dir.resolve(SharpnessLine.FILE);
        try (MetricsWriter w = MetricsWriter.open(file)) {
            w.append(line.values());
        }
        assertEquals(SHARPNESS, Files.readString(file));
        SharpnessLine back = SharpnessLine.read(file, only(file));
        assertArrayEquals(line.eigenvalues(), back.eigenvalues());
        assertArrayEquals(line.residuals(), back.residuals());
        assertEquals(MetricsWriter.toJson(line.values()), MetricsWriter.toJson(back.values()));
    }

    @Test
    void sharpnessLinesWithoutEigenvaluesNameTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("s.jsonl"), "{\"step\": 4, \"lr\": 0.1}\n");
        RunFileException e = assertThrows(RunFileException.class, () -> SharpnessLine.read(file, only(file)));
        assertEquals(file + ":1: sharpness record at step 4 has no 'eigenvalues' array", e.getMessage());
        Files.writeString(file, "{\"step\": 4, \"lambda\": [2.5], \"threshold\": \"NaN\"}\n");
        SharpnessLine old = SharpnessLine.read(file, only(file));
        assertArrayEquals(new double[] {2.5}, old.eigenvalues());
        assertTrue(Double.isNaN(old.threshold()) && Double.isNaN(old.lr()));
    }

    @Test
    void metricsLinesKeepTheirKeyOrder() throws IOException {
        Map<String, Double> norms = new LinkedHashMap<>();
        norms.put("hidden1", 2.0);
        Map<String, Double> changes = new LinkedHashMap<>();
        changes.put("hidden1", 0.5);
        Path file = dir.resolve("metrics.jsonl");
        try (MetricsWriter w = MetricsWriter.open(file)) {
            w.append(MetricsLine.at(10).losses(0.25, 0.5).accuracies(1.0, null).step(0.3, 1.5, 0.1)
                    .layers(norms, changes).wallTime(1.25).values());
        }
        assertEquals("{\"step\":10,\"train_loss\":0.25,\"test_loss\":0.5,\"train_acc\":1.0,\"batch_loss\":0.3,"
                + "\"grad_norm\":1.5,\"lr\":0.1,\"weight_norm\":{\"hidden1\":2.0},\"rel_change\":{\"hidden1\":0.5},"
                + "\"wall_time\":1.25}\n", Files.readString(file));
        MetricsRecord r = only(file);
        assertEquals(0.5, r.number(MetricsLine.TEST_LOSS));
        assertEquals(1.25, r.number(MetricsLine.WALL_TIME));
    }

    @Test
    void traceLinesRoundTrip() throws IOException {
        TraceLine line = new TraceLine(20, 724.5, Double.NaN, "Hutch++", 8, 20, 200, "train", 0.5);
        Path file = dir.resolve(TraceLine.FILE);
        try (MetricsWriter w = MetricsWriter.open(file)) {
            w.append(line.values());
        }
        assertTrue(Files.readString(file).contains("\"standard_error\":\"NaN\""));
        assertEquals(line.toString(), TraceLine.read(file, only(file)).toString());
    }
}
