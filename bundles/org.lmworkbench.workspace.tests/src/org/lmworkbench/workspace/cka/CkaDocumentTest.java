package org.lmworkbench.workspace.cka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.testing.Fixtures;
import org.lmworkbench.core.run.SimilarityMetrics;

/**
 * The .cka document: what is written reads back the same, and every bad input is refused with a
 * message that names the JSON path and the line and column where it was written.
 */
class CkaDocumentTest {

    private static final String FIXTURES = "resources/fixtures/cka/";

    @Test
    void documentWithResultRoundTrips() throws Exception {
        CkaDocument doc = new CkaDocument();
        doc.setMode(CkaDocument.Mode.MODELS);
        doc.setRuns(List.of("runs/w64-s0", "runs/w64-s1", "runs/w128-s0"));
        doc.setLayers(List.of("hidden", "output"));
        doc.setStep(250L);
        doc.setMetric("cka-kernel=(rbf-sigma=0.8)-hsic=song-score");
        doc.setPrecision("mixed");
        doc.setThreads(3);
        JsonObject result = JsonParser.parseString("""
                {"kind": "similarity", "n": 64, "per_layer": [
                  {"layer": "hidden", "rows": ["a", "b"], "cols": ["a", "b"], "matrix": [[1.0, 0.5], [0.5, 1.0]]},
                  {"layer": "output", "rows": ["a", "b"], "cols": ["a", "b"], "matrix": [[1.0, 0.125], [0.125, 1.0]]}]}
                """).getAsJsonObject();
        doc.setResult(result);

        String json = doc.toJson();
        CkaDocument back = CkaDocumentReader.read(json, "x.cka");
        assertEquals(json, back.toJson());
        assertEquals(CkaDocument.Mode.MODELS, back.mode());
        assertEquals(doc.runs(), back.runs());
        assertEquals(List.of("hidden", "output"), back.layers());
        assertEquals(250L, back.step());
        assertEquals("cka-kernel=(rbf-sigma=0.8)-hsic=song-score", back.metric());
        assertEquals("mixed", back.precision());
        assertEquals(3, back.threads());
        assertEquals(result, back.result());
        List<SimilarityMatrices.Matrix> matrices = SimilarityMatrices.read(back.result(), "$.result", null, null);
        assertEquals(List.of("hidden", "output"), matrices.stream().map(SimilarityMatrices.Matrix::layer).toList());
        assertArrayEquals(new double[] {0.125, 1.0}, matrices.get(1).values()[1]);
    }

    @Test
    void layerModeFixtureReadsWithItsResult() throws Exception {
        CkaDocument doc = read("layers-result.cka");
        assertEquals(CkaDocument.Mode.LAYERS, doc.mode());
        assertEquals(List.of("hidden", "output"), doc.layersA());
        assertEquals(List.of("hidden"), doc.layersB());
        assertEquals(100L, doc.step());
        assertEquals(2, doc.threads());
        SimilarityMatrices.Matrix m = SimilarityMatrices.read(doc.result(), "$.result", null, null).get(0);
        assertNull(m.layer());
        assertEquals(List.of("hidden", "output"), m.rows());
        assertEquals(0.25, m.values()[1][0]);
        // Written again, it reads back to the same document.
        assertEquals(doc.toJson(), CkaDocumentReader.read(doc.toJson(), null).toJson());
    }

    @Test
    void wrongTypesNameTheirPathAndLine() throws Exception {
        String message = failure("wrong-types.cka");
        assertContains(message, "wrong-types.cka: line 4, column 22: $.runs[1] must be a string but found number 3");
        assertContains(message, "line 5, column 19: $.layers.a must be an array of strings but found string \"hidden\"");
        assertContains(message, "line 6, column 11: $.step must be a whole number but found string \"last\"");
        assertContains(message, "line 8, column 29: $.settings.precision must be \"float64\" or \"mixed\" but found"
                + " string \"float32\"");
        assertContains(message, "line 8, column 51: $.settings.threads must be between 1 and 1024 but found 0");
        assertEquals(5, message.lines().count(), message);
    }

    @Test
    void missingRunsAreNamed() throws Exception {
        String message = failure("missing-runs.cka");
        assertContains(message, "line 1, column 1: $.runs is missing");
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void unknownMetricListsTheKnownOnes() throws Exception {
        String message = failure("unknown-metric.cka");
        assertContains(message, "line 5, column 13: $.metric: unknown metric 'cka-kernel=cosine-hsic=gretton-score';"
                + " known metrics: cka-kernel=linear-hsic=gretton-score, cka-kernel=linear-hsic=song-score");
        assertContains(message, "mutual_knn-topk=10");
        assertContains(message, "line 6, column 13: $.result must be the backend's result object but found an array");
    }

    @Test
    void badValuesUnknownKeysAndTooFewRunsAreRefused() throws Exception {
        String message = failure("bad-settings.cka");
        assertContains(message, "line 2, column 14: $.version 2 is not supported; this workbench reads version 1");
        assertContains(message, "line 4, column 11: $.runs must name at least two runs in \"models\" mode but names 1");
        assertContains(message, "line 5, column 13: $.metric: sigma must be > 0 and <= ");
        assertContains(message, "line 6, column 13: $.colour is not a .cka key");
    }

    @Test
    void malformedJsonGivesItsLine() throws Exception {
        String message = failure("malformed.cka");
        assertContains(message, "malformed.cka: line 4, column 21: malformed JSON");
    }

    @Test
    void everyMetricNameParsesBackToItsFamily() {
        for (SimilarityMetrics.Choice choice : SimilarityMetrics.ALL) {
            SimilarityMetrics.Parsed parsed = SimilarityMetrics.parse(choice.defaultName());
            assertEquals(choice, parsed.choice(), choice.defaultName());
            assertEquals(choice.defaultValue(), parsed.settingValue());
        }
        assertEquals("0.25", SimilarityMetrics.parse("cka-kernel=(rbf-sigma=0.25)-hsic=song-score").settingValue());
        assertTrue(SimilarityMetrics.ALL.get(3).checkSetting("0").startsWith("sigma must be > 0"));
        assertNull(SimilarityMetrics.ALL.get(3).checkSetting("1.5"));
        assertEquals("batch must be a whole number, not '12.5'", SimilarityMetrics.ALL.get(5).checkSetting("12.5"));
        assertNull(SimilarityMetrics.ALL.get(9).checkSetting("0.95"));
        assertNull(SimilarityMetrics.parse("cka"), "documents store canonical names");
    }

    @Test
    void resultProblemsNameTheirPath() {
        JsonObject bad = JsonParser.parseString("""
                {"per_layer": [{"layer": "hidden", "rows": ["a", "b"], "cols": ["a", "b"], "matrix": [[1, 0.5]]},
                               {"layer": "output", "rows": ["a"], "cols": ["a"], "matrix": [["x"]]}]}
                """).getAsJsonObject();
        CkaFormatException e = assertThrows(CkaFormatException.class,
                () -> SimilarityMatrices.read(bad, "$.result", null, "r.cka"));
        assertContains(e.getMessage(), "r.cka: $.result.per_layer[0].matrix has 1 rows but $.result.per_layer[0].rows names 2");
        assertContains(e.getMessage(), "r.cka: $.result.per_layer[1].matrix[0][0] must be a number but found string \"x\"");
        CkaFormatException none = assertThrows(CkaFormatException.class,
                () -> SimilarityMatrices.read(new JsonObject(), "$", null, null));
        assertEquals("$ holds no similarity: expected per_layer, matrix or value", none.getMessage());
    }

    @Test
    void argumentsFollowTheMode(@TempDir Path project) {
        CkaDocument pair = new CkaDocument();
        pair.setRuns(List.of("runs/a", "runs/b"));
        pair.setLayerPair(List.of("hidden", "output"), List.of());
        Path out = project.resolve("out.json");
        assertEquals(List.of("similarity", "--metric", "cka-kernel=linear-hsic=gretton-score", "--a",
                project.resolve("runs/a").toString(), "--b", project.resolve("runs/b").toString(), "--a-layers",
                "hidden,output", "--precision", "float64", "--threads", "1", "--out", out.toString()),
                SimilarityArguments.of(pair, project, out));
        CkaDocument models = new CkaDocument();
        models.setMode(CkaDocument.Mode.MODELS);
        models.setRuns(List.of("runs/a", "runs/b", "runs/c"));
        models.setLayers(List.of("hidden"));
        models.setStep(7L);
        models.setMetric("mutual_knn-topk=5");
        assertEquals(List.of("similarity", "--metric", "mutual_knn-topk=5", "--models",
                String.join(",", project.resolve("runs/a").toString(), project.resolve("runs/b").toString(),
                        project.resolve("runs/c").toString()),
                "--layers", "hidden", "--step", "7", "--threads", "1", "--out", out.toString()),
                SimilarityArguments.of(models, project, out));
    }

    @Test
    void runLabelsKeepOnlyTheKeysThatVary(@TempDir Path dir) throws Exception {
        Path a = spec(dir, "w64-s0", "{\"name\": \"w64-s0\", \"seed\": 0, \"model\": {\"width\": 64, \"depth\": 2}}");
        Path b = spec(dir, "w64-s1", "{\"name\": \"w64-s1\", \"seed\": 1, \"model\": {\"width\": 64, \"depth\": 2}}");
        Path c = spec(dir, "w128-s0", "{\"name\": \"w128-s0\", \"seed\": 0, \"model\": {\"width\": 128, \"depth\": 2}}");
        assertEquals(List.of("seed=0 width=64", "seed=1 width=64", "seed=0 width=128"),
                RunLabelShortener.labels(List.of(a, b, c)));
        Path bare = dir.resolve("copied");
        Files.createDirectories(bare);
        // A run without a spec (activations copied from elsewhere) is labelled by its folder name.
        assertEquals("copied", RunLabelShortener.labels(List.of(a, bare)).get(1));
    }

    private static Path spec(Path dir, String id, String json) throws Exception {
        Path run = dir.resolve(id);
        Files.createDirectories(run);
        Files.writeString(run.resolve("spec.json"), json);
        return run;
    }

    private static CkaDocument read(String fixture) throws Exception {
        return CkaDocumentReader.read(Fixtures.text(FIXTURES + fixture), fixture);
    }

    private static String failure(String fixture) throws Exception {
        String text = Fixtures.text(FIXTURES + fixture);
        return assertThrows(CkaFormatException.class, () -> CkaDocumentReader.read(text, fixture)).getMessage();
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected\n  " + part + "\nin\n" + text);
    }
}
