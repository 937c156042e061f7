package org.lmworkbench.analysis.eos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.RunFileException;

/** Reading {@code probes/sharpness.jsonl} as the backend writes it, while it grows, and its errors. */
class SharpnessSeriesTest {

    /** A line exactly as the backend's SharpnessProbe writes it (step 0 of the example run). */
    private static final String BACKEND_LINE = "{\"step\":0,\"eigenvalues\":[5.303664543616224,4.588960776137023],"
            + "\"residuals\":[7.164472648381608E-8,3.295401233680358E-4],\"hvps\":29,\"lr\":0.1,\"threshold\":20.0,"
            + "\"threshold_kind\":\"2/lr\",\"quantity\":\"sharpness\",\"converged\":true,\"iterations\":27,"
            + "\"examples\":200,\"mode\":\"train\",\"loss\":3.333717112434493,\"method\":\"lanczos\","
            + "\"dtype\":\"float64\",\"seconds\":0.531588854}\n";

    @TempDir
    Path dir;

    @Test
    void followsTheFileAsItGrows() throws IOException {
        Path file = dir.resolve("sharpness.jsonl");
        SharpnessSeries series = new SharpnessSeries(file);
        assertTrue(series.readNew().isEmpty(), "a missing file has no samples yet");
        Files.writeString(file, BACKEND_LINE + "{\"step\":20,\"eigenvalues\":[5.3149,5.17");
        List<SharpnessSample> first = series.readNew();
        assertEquals(1, first.size(), "the half-written second line is not read");
        assertArrayEquals(new double[] {5.303664543616224, 4.588960776137023}, first.get(0).eigenvalues());
        assertEquals(0.1, first.get(0).lr());
        assertEquals(20.0, first.get(0).threshold());
        Files.writeString(file, "3],\"lr\":0.1,\"threshold\":20.0}\n", StandardOpenOption.APPEND);
        List<SharpnessSample> second = series.readNew();
        assertEquals(1, second.size());
        assertEquals(20, second.get(0).step());
        assertEquals(5.173, second.get(0).eigenvalue(1));
        assertEquals(2, series.samples().size());
    }

    @Test
    void acceptsLambdaAndNullThresholdAndKeepsTheLastLineOfAStep() throws IOException {
        Path file = dir.resolve("sharpness.jsonl");
        Files.writeString(file, """
                {"step": 50, "lambda": [39.6, 21.2], "lr": 0.05, "threshold": 40.0}
                {"step": 0, "eigenvalues": [3.0], "lr": 0.001, "threshold": null, "threshold_kind": "none"}
                {"step": 50, "eigenvalues": [39.7], "lr": 0.05, "threshold": 40.0}
                """, StandardCharsets.UTF_8);
        List<SharpnessSample> samples = SharpnessSeries.read(file);
        assertEquals(2, samples.size());
        assertEquals(0, samples.get(0).step());
        assertTrue(Double.isNaN(samples.get(0).threshold()));
        assertEquals(39.7, samples.get(1).lambdaMax());
    }

    @Test
    void errorsNameFileAndLine() throws IOException {
        Path file = dir.resolve("sharpness.jsonl");
        Files.writeString(file, BACKEND_LINE + "{\"step\": 20, \"lr\": 0.1}\n");
        RunFileException missing = assertThrows(RunFileException.class, () -> SharpnessSeries.read(file));
        assertEquals(2, missing.line());
        assertTrue(missing.getMessage().contains(file + ":2") && missing.getMessage().contains("eigenvalues"),
                missing.getMessage());

        // The same series asked again meets the same line again instead of skipping it.
        SharpnessSeries series = new SharpnessSeries(file);
        assertThrows(RunFileException.class, series::readNew);
        RunFileException again = assertThrows(RunFileException.class, series::readNew);
        assertEquals(2, again.line());
        assertEquals(0, series.samples().size() - 1, "the good first line was kept");

        Files.writeString(file, "{\"eigenvalues\": [1.0]}\n");
        RunFileException noStep = assertThrows(RunFileException.class, () -> SharpnessSeries.read(file));
        assertTrue(noStep.getMessage().contains(":1: ") && noStep.getMessage().contains("step"), noStep.getMessage());

        Files.writeString(file, "{\"step\": 5, \"eigenvalues\": \"big\"}\n");
        RunFileException notArray = assertThrows(RunFileException.class, () -> SharpnessSeries.read(file));
        assertTrue(notArray.getMessage().contains("'eigenvalues' is not an array"), notArray.getMessage());
    }
}
