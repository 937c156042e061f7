package org.lmworkbench.workspace.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.run.MetricsRecord;

/** Series values of one metrics or sharpness line, per-layer values included. */
class RecordFlattenerTest {

    private static MetricsRecord record(String json) {
        return new MetricsRecord(1, JsonParser.parseString(json).getAsJsonObject());
    }

    @Test
    void scalarsArraysAndPerLayerObjectsBecomeSeries() {
        MetricsRecord r = record("""
                {"step": 10, "train_loss": 0.5, "lr": 0.1, "weight_norm": [3.0, 4.5],
                 "rel_change": {"layer0": 0.25, "layer1": 0.125}, "wall_time": 1.5,
                 "diverged": false, "note": "text", "test_loss": "NaN", "batch_loss": "Infinity"}""");
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("train_loss", 0.5);
        expected.put("lr", 0.1);
        expected.put("weight_norm[0]", 3.0);
        expected.put("weight_norm[1]", 4.5);
        expected.put("rel_change[layer0]", 0.25);
        expected.put("rel_change[layer1]", 0.125);
        expected.put("wall_time", 1.5);
        expected.put("test_loss", Double.NaN);
        expected.put("batch_loss", Double.POSITIVE_INFINITY);
        assertEquals(expected, RecordFlattener.metrics(r));
        assertEquals(expected.keySet().stream().toList(), RecordFlattener.metrics(r).keySet().stream().toList());
    }

    @Test
    void sharpnessEigenvaluesAreLambdaOneToK() {
        MetricsRecord backend = record("""
                {"step": 50, "eigenvalues": [39.5, 21.25], "residuals": [0.001, 0.002], "lr": 0.05,
                 "threshold": 40.0, "hvps": 38, "converged": true}""");
        assertEquals(Map.of("lambda_1", 39.5, "lambda_2", 21.25, "threshold", 40.0),
                RecordFlattener.sharpness(backend));
        MetricsRecord older = record("{\"step\": 50, \"lambda\": [40.3, 21.0], \"threshold\": 40.0}");
        assertEquals(Map.of("lambda_1", 40.3, "lambda_2", 21.0, "threshold", 40.0), RecordFlattener.sharpness(older));
        // The streamed line gives the same series.
        assertEquals(RecordFlattener.sharpness(backend),
                RecordFlattener.sharpness(RecordFlattener.metrics(backend)));
        assertEquals(RecordFlattener.sharpness(older), RecordFlattener.sharpness(RecordFlattener.metrics(older)));
    }
}
