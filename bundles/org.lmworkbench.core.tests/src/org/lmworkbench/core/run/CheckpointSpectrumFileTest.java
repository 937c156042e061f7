package org.lmworkbench.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading and writing {@code probes/hessian-step-<n>.json}. The document is the backend's output for step 1000
 * of the example run ({@code lmw hessian <run> --checkpoint 1000 --top-k 5 --trace --density}) with
 * the SLQ nodes/weights dropped and the 512-point density grid cut to three points.
 */
class CheckpointSpectrumFileTest {

    private static final String DOCUMENT = """
            {
              "run": "example-eos", "step": 1000, "checkpoint": "checkpoints/step-1000.npz", "examples": 200,
              "mode": "train", "parameters": 5508, "lr": 0.1, "threshold": 20.0, "threshold_kind": "2/lr",
              "dtype": "float64", "loss": 5.665080196943418E-4,
              "top": {"method": "lanczos", "k": 5,
                "eigenvalues": [19.845212382899373, 19.171817227308452, 17.014284936849478, 16.27250514549135, 15.590942539783821],
                "residuals": [4.214118244760569E-11, 9.608228049393786E-10, 2.630547564998852E-6, 2.4457493672635587E-5, 7.6959871956219E-4],
                "relative_residuals": [2.1234936484690264E-12, 5.0116417945544404E-11, 1.5460817629200633E-7, 1.5029949878007606E-6, 4.936191109667582E-5],
                "tolerance": 1.0E-4, "iterations": 33, "converged": true, "hvps": 38},
              "trace": {"method": "Hutch++", "estimate": 724.3564005528174, "standard_error": 20.348581609456946,
                "probes": 8, "hvps": 20},
              "density": {"method": "slq", "runs": 10, "steps": 80, "hvps": 800, "dimension": 5508,
                "sigma": 0.19846867799235338, "grid": [-1.5894048402747694, 9.9, 21.43296180683822],
                "values": [0.0, 0.25, null]},
              "hvps": 858, "seconds": 5.613087303, "created": "2026-11-22T15:09:49.574362159Z"
            }
            """;

    @TempDir
    Path dir;

    @Test
    void readsEverySection() throws IOException {
        Path file = CheckpointSpectrumFile.fileFor(dir, 1000);
        assertEquals(dir.resolve("probes/hessian-step-1000.json"), file);
        Files.createDirectories(file.getParent());
        Files.writeString(file, DOCUMENT);
        CheckpointSpectrumFile s = CheckpointSpectrumFile.read(file);
        assertEquals("example-eos", s.run());
        assertEquals(1000, s.step());
        assertEquals(5508, s.parameters());
        assertEquals(20.0, s.threshold());
        assertEquals(5, s.top().eigenvalues().length);
        assertEquals(19.845212382899373, s.top().eigenvalues()[0]);
        assertEquals(7.6959871956219E-4, s.top().residuals()[4]);
        assertTrue(s.top().converged());
        assertEquals(38, s.top().hvps());
        assertEquals(724.3564005528174, s.trace().estimate());
        assertEquals(20.348581609456946, s.trace().standardError());
        assertEquals("Hutch++", s.trace().method());
        assertArrayEquals(new double[] {0.0, 0.25, Double.NaN}, s.density().values());
        assertEquals(10, s.density().runs());
        assertEquals(858, s.hvps());
    }

    @Test
    void writesWhatItReadsLeavingOutNonFiniteNumbers() throws IOException {
        Path source = dir.resolve("source.json");
        Files.writeString(source, DOCUMENT);
        CheckpointSpectrumFile read = CheckpointSpectrumFile.read(source);
        Path target = dir.resolve("probes/hessian-step-1000.json");
        CheckpointSpectrumFile copy = new CheckpointSpectrumFile(target, read.run(), read.step(), read.checkpoint(),
                read.examples(), read.mode(), read.parameters(), read.lr(), read.threshold(), read.thresholdKind(),
                read.dtype(), read.loss(), read.top(), read.trace(), new CheckpointSpectrumFile.Density("slq", 1, 2, 3,
                        5508, Double.NaN, new double[][] {{1, 2}}, new double[][] {{0.5, 0.5}}, 0.1,
                        new double[] {0, 1}, new double[] {Double.POSITIVE_INFINITY, 0.5}), read.hvps(),
                read.seconds(), read.created());
        copy.write();
        String text = Files.readString(target);
        assertFalse(text.contains("trace_estimate"), "a non-finite value is left out: " + text);
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        assertEquals(JsonParser.parseString(DOCUMENT).getAsJsonObject().get("top"), json.get("top"),
                "the top section is written exactly as the backend wrote it");
        CheckpointSpectrumFile back = CheckpointSpectrumFile.read(target);
        assertEquals("checkpoints/step-1000.npz", back.checkpoint());
        assertEquals("2026-11-22T15:09:49.574362159Z", back.created());
        assertArrayEquals(new double[] {Double.NaN, 0.5}, back.density().values());
        assertArrayEquals(new double[] {0.5, 0.5}, back.density().weights()[0]);
        assertEquals(read.trace(), back.trace());
    }

    @Test
    void traceAndDensityAreOptional() throws IOException {
        Path file = dir.resolve("hessian-step-5.json");
        Files.writeString(file, "{\"step\": 5, \"threshold\": null, \"top\": {\"eigenvalues\": [1.5], \"residuals\": [1e-9]}}");
        CheckpointSpectrumFile s = CheckpointSpectrumFile.read(file);
        assertNull(s.trace());
        assertNull(s.density());
        assertTrue(Double.isNaN(s.threshold()));
    }

    @Test
    void errorsNameTheJsonPath() throws IOException {
        Path file = dir.resolve("hessian-step-5.json");
        Files.writeString(file, "{\"step\": 5, \"top\": {\"eigenvalues\": [1.5, \"x\"], \"residuals\": [0, 0]}}");
        RunFileException e = assertThrows(RunFileException.class, () -> CheckpointSpectrumFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": $.top.eigenvalues[1]: expected a number"), e.getMessage());

        Files.writeString(file, "{\"step\": 5}");
        e = assertThrows(RunFileException.class, () -> CheckpointSpectrumFile.read(file));
        assertTrue(e.getMessage().endsWith("$.top: missing"), e.getMessage());

        Files.writeString(file, "{\"step\": 5, \"top\": {\"eigenvalues\": [1.5], \"residuals\": []}}");
        e = assertThrows(RunFileException.class, () -> CheckpointSpectrumFile.read(file));
        assertTrue(e.getMessage().contains("1 eigenvalues but 0 residuals"), e.getMessage());

        Files.writeString(file, "{\"step\": ");
        e = assertThrows(RunFileException.class, () -> CheckpointSpectrumFile.read(file));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    }
}
