package org.lmworkbench.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** The result documents of the diagnostics and similarity commands, written and read back. */
class ResultDocumentsTest {

    @TempDir
    Path dir;

    @Test
    void diagnosticsRoundTripWithSkippedParts() throws IOException {
        Map<String, Double> change = new LinkedHashMap<>();
        change.put("hidden1.weight", 0.25);
        change.put("hidden1.bias", Double.NaN);
        Path file = new RunDirectory(dir).diagnosticsFile(20);
        DiagnosticsFile d = new DiagnosticsFile(file, "diag", 20, "mlp", 120, change, 0.3,
                Map.of("hidden1", new DiagnosticsFile.KernelAlignment(0.9, 0.8)),
                new DiagnosticsFile.FeatureAnsatz(null, List.of(
                        new DiagnosticsFile.LayerCorrelation("hidden1", 0.7, null),
                        new DiagnosticsFile.LayerCorrelation("hidden2", Double.NaN, "no bias"))),
                DiagnosticsFile.Collapse.skipped("neural collapse needs a classification task and a hidden layer"),
                new DiagnosticsFile.Fact(null, 1e-3, List.of(
                        new DiagnosticsFile.LayerFact("hidden1", 5, 0.99, 0.995, 0.996, 0.05, null),
                        DiagnosticsFile.LayerFact.skipped("embedding", 5000, "5000 inputs, above 1024"))));
        d.write();
        String text = Files.readString(dir.resolve("diagnostics/step-20.json"));
        assertTrue(text.contains("\"hidden2\": \"skipped: no bias\""), text);
        assertTrue(text.contains("\"hidden1.bias\": NaN"), "non-finite numbers are bare, as Python writes them: " + text);
        DiagnosticsFile back = DiagnosticsFile.read(file);
        assertEquals(d.toJson(), back.toJson());
        assertEquals("no bias", back.featureAnsatz().layers().get(1).skipped());
        assertTrue(Double.isNaN(back.weightChange().get("hidden1.bias")));
        assertEquals(0.3, back.overallWeightChange());
        assertEquals(0.996, back.fact().layers().get(0).psd());
        assertEquals("5000 inputs, above 1024", back.fact().layers().get(1).skipped());
    }

    @Test
    void diagnosticsWrittenBeforeTheFactSectionSayItWasNotMeasured() throws IOException {
        Path file = new RunDirectory(dir).diagnosticsFile(3);
        DiagnosticsFile d = new DiagnosticsFile(file, "old", 3, "mlp", 10, Map.of(), 0.1, Map.of(),
                new DiagnosticsFile.FeatureAnsatz("the neural feature ansatz probe supports mlp models", List.of()),
                DiagnosticsFile.Collapse.skipped("none"), DiagnosticsFile.Fact.skipped("x"));
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(d.toJson()).getAsJsonObject();
        json.remove("features_at_convergence");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.toString());
        assertTrue(DiagnosticsFile.read(file).fact().skipped().startsWith("not measured"));
    }

    private static SimilarityFile pairOfModels() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("kernel", "linear");
        settings.put("debiased", true);
        settings.put("batch", 256);
        return new SimilarityFile("cka-kernel=linear-hsic=song-score", "cka", settings, 20)
                .matrix(List.of("hidden1", "hidden2"), List.of("hidden1"), new double[][] {{1.0}, {0.5}})
                .input("a", new SimilarityFile.Input("runs/a", "run", 10L,
                        List.of(new SimilarityFile.Layer("hidden1", "runs/a/activations/step-10/hidden1.npy",
                                new long[] {20, 4}))))
                .timings(new SimilarityFile.Timings("gram", "float64", 0.1, 0.2, 0.3, 0.6));
    }

    @Test
    void similarityRoundTrip() throws IOException {
        SimilarityFile doc = pairOfModels();
        Path file = dir.resolve("cka.json");
        doc.write(file);
        SimilarityFile back = SimilarityFile.read(file);
        assertEquals(doc.toJson(), back.toJson());
        assertNull(back.value());
        SimilarityFile.Matrix m = back.matrices().get(0);
        assertEquals(List.of("hidden1", "hidden2"), m.rows());
        assertArrayEquals(new double[] {0.5}, m.values()[1]);
        assertEquals(10L, back.inputs().get("a").step());
        assertEquals(true, back.settings().get("debiased"));

        SimilarityFile perLayer = new SimilarityFile("cca-score", "cca-score", Map.of(), 8)
                .layerMatrix("l1", List.of("a", "b"), List.of("a", "b"), new double[][] {{1, 0.2}, {0.2, 1}})
                .layerMatrix("l2", List.of("a", "b"), List.of("a", "b"), new double[][] {{1, 0.4}, {0.4, 1}});
        perLayer.write(file);
        assertEquals(List.of("l1", "l2"), SimilarityFile.read(file).matrices().stream()
                .map(SimilarityFile.Matrix::layer).toList());
    }

    @Test
    void similarityErrorsNameTheJsonPath() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"),
                "{\"metric\": \"cka\", \"rows\": [\"a\"], \"cols\": [\"b\"], \"matrix\": [[1, 2]]}");
        RunFileException e = assertThrows(RunFileException.class, () -> SimilarityFile.read(file));
        assertEquals(file + ": $.matrix[0]: 2 values but $.cols names 1", e.getMessage());
        Files.writeString(file, "{\"metric\": \"cka\"}");
        e = assertThrows(RunFileException.class, () -> SimilarityFile.read(file));
        assertEquals(file + ": $: holds no similarity: expected per_layer, matrix or value", e.getMessage());
    }
}
