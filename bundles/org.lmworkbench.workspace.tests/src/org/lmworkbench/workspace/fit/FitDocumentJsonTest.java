package org.lmworkbench.workspace.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The *.fit document: what is written reads back identically (settings, targets and a full
 * result with bootstrap resamples), and every bad value is rejected with its JSON path.
 */
class FitDocumentJsonTest {

    private static final String MINIMAL = """
            {"version": 1, "source": {"csv": "data/points.csv", "x": ["n"]}, "form": "power_law"}
            """;

    private static FitDocument fullDocument() {
        FitDocument doc = new FitDocument(new FitDocument.Source("csv", "data/chin.csv",
                List.of("Model Size", "Training FLOP"), "loss", true), "chinchilla",
                new FitDocument.Settings(2.5e-3, "small", 3, -42, 5));
        doc.extrapolate().add(new double[] {7e10, 1.4e12});
        List<String> names = List.of("E", "A", "B", "alpha", "beta");
        double[] p = {1.8, 480.5, 2100.25, 0.3478, 0.3658};
        double[][] resamples = {{1.7, 400, 1900, 0.33, 0.35}, {1.9, 560, 2300, 0.36, 0.38},
            {1.81, 481, 2101, 0.348, 0.366}};
        doc.setResult(new FitResultModel("chinchilla", names, p, new double[] {0.1, 80, 200, 0.015,
            0.015}, new double[] {1.7, 400, 1900, 0.33, 0.35}, new double[] {1.9, 560, 2300, 0.36,
            0.38}, 1.018e-3, 45, 3, List.of(new FitResultModel.Point("7", new double[] {4e8, 8e9},
                2.9, 2.85, Math.log(2.85 / 2.9)), new FitResultModel.Point("9",
                new double[] {1e9, 2e10}, 2.5, Double.NaN, Double.NaN)), resamples,
                List.of()));
        return doc;
    }

    @Test
    void writtenDocumentReadsBackIdentically() throws Exception {
        FitDocument doc = fullDocument();
        String text = FitDocumentWriter.write(doc);
        FitDocument back = FitDocumentJson.read(text);
        assertEquals(doc.source(), back.source());
        assertEquals(doc.form(), back.form());
        assertEquals(doc.settings(), back.settings());
        assertEquals(1, back.extrapolate().size());
        assertArrayEquals(doc.extrapolate().get(0), back.extrapolate().get(0));
        FitResultModel a = doc.result();
        FitResultModel b = back.result();
        assertEquals(a.names(), b.names());
        assertArrayEquals(a.params(), b.params());
        assertArrayEquals(a.stderr(), b.stderr());
        assertArrayEquals(a.lower95(), b.lower95());
        assertArrayEquals(a.upper95(), b.upper95());
        assertEquals(a.objective(), b.objective());
        assertEquals(a.starts(), b.starts());
        assertEquals(a.startsAtBest(), b.startsAtBest());
        assertEquals(a.resamples().length, b.resamples().length);
        for (int r = 0; r < a.resamples().length; r++) {
            assertArrayEquals(a.resamples()[r], b.resamples()[r]);
        }
        assertEquals(2, b.points().size());
        assertEquals("7", b.points().get(0).id());
        assertArrayEquals(a.points().get(0).x(), b.points().get(0).x());
        assertEquals(a.points().get(0).logResidual(), b.points().get(0).logResidual());
        // Non-finite numbers are written as null and read back as NaN.
        assertTrue(Double.isNaN(b.points().get(1).predicted()));
        // Writing again gives the same text: the layout is stable.
        assertEquals(text, FitDocumentWriter.write(back));

        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        assertEquals(List.of("version", "source", "form", "settings", "extrapolate", "result"),
                List.copyOf(json.keySet()));
        assertEquals(7, json.getAsJsonObject("result").getAsJsonArray("residuals").get(0)
                .getAsJsonObject().get("row").getAsInt());
        // The stored extrapolation is the law's value at the target, computed by hand here.
        double expected = 1.8 + 480.5 / Math.pow(7e10, 0.3478) + 2100.25 / Math.pow(1.4e12, 0.3658);
        assertEquals(expected, json.getAsJsonObject("result").getAsJsonArray("extrapolations")
                .get(0).getAsJsonObject().get("value").getAsDouble(), 1e-12 * expected);
    }

    @Test
    void defaultsFillAbsentSettings() throws Exception {
        FitDocument doc = FitDocumentJson.read(MINIMAL);
        assertEquals(FitDocument.Settings.defaults(), doc.settings());
        assertEquals("loss", doc.source().y());
        assertNull(doc.result());
        FitDocument runs = FitDocumentJson.read("""
                {"version": 1, "source": {"runs": "sweep", "x": ["model.width"]}, "form": "power_law"}
                """);
        assertEquals("test_loss", runs.source().y());
        assertEquals("power", runs.commandForm());
    }

    private static void assertError(String json, String path, String fragment) {
        FitDocumentException e = assertThrows(FitDocumentException.class,
                () -> FitDocumentJson.read(json));
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void badInputNamesTheJsonPath() {
        assertError("{", "$", "not valid JSON");
        assertError("[]", "$", "must be an object");
        assertError("{\"source\": {}, \"form\": \"power_law\"}", "$.version", "missing");
        assertError(MINIMAL.replace("\"version\": 1", "\"version\": 2"), "$.version",
                "unsupported version 2");
        assertError(MINIMAL.replace("power_law", "kaplan"), "$.form", "unknown form 'kaplan'");
        assertError(MINIMAL.replace("\"csv\": \"data/points.csv\", ", ""), "$.source",
                "exactly one of");
        assertError(MINIMAL.replace("[\"n\"]", "[\"n\", \"d\"]"), "$.source.x",
                "takes 1 input key, got 2");
        assertError(MINIMAL.replace("\"power_law\"", "\"chinchilla\""), "$.source.x",
                "takes 2 input keys");
        assertError(MINIMAL.replace("[\"n\"]", "[3]"), "$.source.x[0]", "must be a string");
        String withSettings = MINIMAL.replace("}\n", ", \"settings\": %s}\n");
        assertError(withSettings.formatted("{\"huber_delta\": 0}"), "$.settings.huber_delta",
                "> 0");
        assertError(withSettings.formatted("{\"huber_delta\": \"abc\"}"),
                "$.settings.huber_delta", "must be a number");
        assertError(withSettings.formatted("{\"grid\": \"huge\"}"), "$.settings.grid",
                "default, epoch, small or a positive number");
        assertError(withSettings.formatted("{\"bootstrap\": 1}"), "$.settings.bootstrap",
                "at least 2");
        assertError(withSettings.formatted("{\"bootstrap\": 2.5}"), "$.settings.bootstrap",
                "must be an integer");
        assertError(withSettings.formatted("{\"drop_highest\": -1}"), "$.settings.drop_highest",
                "got -1");
        assertError(MINIMAL.replace("}\n", ", \"extrapolate\": [[1e6], [0]]}\n"),
                "$.extrapolate[1][0]", "> 0");
        assertError(MINIMAL.replace("}\n", ", \"result\": {\"params\": {\"E\": 1}}}\n"),
                "$.result.params.A", "missing");
    }
}
