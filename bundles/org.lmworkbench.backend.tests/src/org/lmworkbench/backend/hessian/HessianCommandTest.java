package org.lmworkbench.backend.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.backend.cli.Main;
import org.lmworkbench.backend.data.TruncatedArchives;
import org.lmworkbench.core.run.SharpnessLine;

/**
 * {@code hessian <run-dir> --checkpoint <n>} on a freshly trained run: the file is written, its top
 * eigenvalue equals the training probe's sharpness at the same step (same examples, same
 * objective; the start vectors differ, so agreement is to the Lanczos tolerance), residuals,
 * trace with standard error and a normalised density are present, and bad input exits with 2.
 */
class HessianCommandTest {

    @TempDir
    Path dir;

    @Test
    void checkpointSpectrumMatchesTrainingProbe() throws IOException {
        Path spec = dir.resolve("eos.lmx");
        Files.writeString(spec, EdgeOfStabilityTest.specText(0.1, 100, 50));
        Path runDir = dir.resolve("run");
        assertEquals(0, Main.run(new String[] {"run", spec.toString(), "--out", runDir.toString()},
                quiet(), quiet()));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new HessianCommand().execute(new String[] {runDir.toString(), "--checkpoint", "100", "--top-k", "2",
            "--trace", "--density", "--density-runs", "3", "--density-steps", "30", "--trace-samples", "30"},
                quiet(), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, () -> err.toString(StandardCharsets.UTF_8));

        JsonObject json = JsonParser.parseString(Files.readString(
                runDir.resolve("probes").resolve("hessian-step-100.json"))).getAsJsonObject();
        JsonObject top = json.getAsJsonObject("top");
        double lambda = top.getAsJsonArray("eigenvalues").get(0).getAsDouble();
        List<String> lines = Files.readAllLines(runDir.resolve("probes").resolve(SharpnessLine.FILE));
        JsonObject probe = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals(100, probe.get("step").getAsInt());
        double probed = probe.getAsJsonArray("eigenvalues").get(0).getAsDouble();
        System.out.printf("hessian command: lambda1 %.10g, probe %.10g, %d HVPs%n", lambda, probed,
                json.get("hvps").getAsLong());
        assertEquals(probed, lambda, 1e-4 * probed);
        assertTrue(top.get("converged").getAsBoolean());
        assertTrue(top.getAsJsonArray("residuals").get(0).getAsDouble() < 1e-3 * lambda);
        assertEquals(20.0, json.get("threshold").getAsDouble(), 1e-12);
        assertEquals("train", json.get("mode").getAsString());

        JsonObject trace = json.getAsJsonObject("trace");
        assertTrue(trace.get("standard_error").getAsDouble() > 0);
        assertTrue(trace.get("estimate").getAsDouble() > lambda, "trace exceeds the top eigenvalue here");

        JsonObject density = json.getAsJsonObject("density");
        assertEquals(3, density.getAsJsonArray("nodes").size());
        JsonArray grid = density.getAsJsonArray("grid");
        JsonArray values = density.getAsJsonArray("values");
        double h = grid.get(1).getAsDouble() - grid.get(0).getAsDouble();
        double integral = 0;
        for (int i = 0; i < values.size(); i++) {
            integral += values.get(i).getAsDouble() * h;
        }
        assertEquals(1.0, integral, 1e-3);
        long parts = top.get("hvps").getAsLong() + trace.get("hvps").getAsLong() + density.get("hvps").getAsLong();
        assertEquals(parts, json.get("hvps").getAsLong(), "every product is accounted for");

        assertEquals(2, new HessianCommand().execute(new String[] {runDir.toString(), "--checkpoint", "7"}, quiet(), quiet()));
        assertEquals(2, new HessianCommand().execute(new String[] {runDir.toString()}, quiet(), quiet()));

        Path checkpoint = runDir.toAbsolutePath().normalize().resolve("checkpoints/step-100.npz");
        int length = TruncatedArchives.cutAfterEntries(checkpoint, 2);
        ByteArrayOutputStream cutErr = new ByteArrayOutputStream();
        assertEquals(2, new HessianCommand().execute(new String[] {runDir.toString(), "--checkpoint", "100"},
                quiet(), new PrintStream(cutErr, true, StandardCharsets.UTF_8)));
        assertEquals("hessian: " + checkpoint + ": incomplete .npz archive: the zip central directory is missing"
                + " (is the file, " + length + " bytes, cut off?)", cutErr.toString(StandardCharsets.UTF_8).trim());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
