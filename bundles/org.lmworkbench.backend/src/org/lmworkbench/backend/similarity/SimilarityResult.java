package org.lmworkbench.backend.similarity;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lmworkbench.core.run.AtomicFiles;

/**
 * The JSON document of a similarity computation: the metric's full name and parsed settings; for
 * one pair a top-level number {@code value}; for a comparison a {@code matrix} (array of rows) with
 * {@code rows} and {@code cols} labels (or, for model x model at several layers, one such entry per
 * layer under {@code per_layer}); plus {@code n}, the inputs and timings. Written atomically.
 */
public final class SimilarityResult {

    private final JsonObject root = new JsonObject();

    /** Starts a result for {@code metric} as requested by {@code requestedName}. */
    public SimilarityResult(SimilarityMetric<?> metric, String requestedName, int n) {
        root.addProperty("kind", "similarity");
        root.addProperty("metric", metric.name());
        root.addProperty("requested_metric", requestedName);
        JsonObject settings = new JsonObject();
        for (Map.Entry<String, Object> e : metric.settings().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Number number) {
                settings.addProperty(e.getKey(), number);
            } else if (v instanceof Boolean bool) {
                settings.addProperty(e.getKey(), bool);
            } else {
                settings.addProperty(e.getKey(), String.valueOf(v));
            }
        }
        if (MetricRegistry.isAuto(requestedName)) {
            settings.addProperty("estimator_rule", "song (debiased) when sqrt(pq/((n+p)(n+q))) > "
                    + MetricRegistry.BIAS_FLOOR + " for the widest layers p, q; gretton otherwise");
        }
        root.add("settings", settings);
        root.addProperty("n", n);
        if (metric instanceof MinibatchCkaMetric minibatch) {
            root.addProperty("examples_used", minibatch.examplesUsed(n));
        }
    }

    /** Sets the single value of a pair comparison. */
    public SimilarityResult value(double value) {
        root.addProperty("value", value);
        return this;
    }

    /** Sets the matrix of a comparison. */
    public SimilarityResult matrix(List<String> rows, List<String> cols, double[][] matrix) {
        fillMatrix(root, rows, cols, matrix);
        return this;
    }

    /** Adds one layer's model x model matrix under {@code per_layer}. */
    public SimilarityResult layerMatrix(String layer, List<String> rows, List<String> cols, double[][] matrix) {
        if (!root.has("per_layer")) {
            root.add("per_layer", new JsonArray());
        }
        JsonObject entry = new JsonObject();
        entry.addProperty("layer", layer);
        fillMatrix(entry, rows, cols, matrix);
        root.getAsJsonArray("per_layer").add(entry);
        return this;
    }

    private static void fillMatrix(JsonObject target, List<String> rows, List<String> cols, double[][] matrix) {
        JsonArray r = new JsonArray();
        rows.forEach(r::add);
        JsonArray c = new JsonArray();
        cols.forEach(c::add);
        JsonArray m = new JsonArray();
        for (double[] row : matrix) {
            JsonArray values = new JsonArray();
            for (double v : row) {
                values.add(v);
            }
            m.add(values);
        }
        target.add("rows", r);
        target.add("cols", c);
        target.add("matrix", m);
    }

    /** Describes an input under {@code inputs.<key>}. */
    public SimilarityResult input(String key, ActivationSource.Loaded loaded) {
        if (!root.has("inputs")) {
            root.add("inputs", new JsonObject());
        }
        JsonObject in = new JsonObject();
        in.addProperty("source", loaded.source());
        in.addProperty("kind", loaded.kind());
        if (loaded.step() != null) {
            in.addProperty("step", loaded.step());
        }
        JsonArray layers = new JsonArray();
        for (int i = 0; i < loaded.layers().size(); i++) {
            JsonObject layer = new JsonObject();
            layer.addProperty("name", loaded.layers().get(i));
            layer.addProperty("file", loaded.representations().get(i).label());
            JsonArray shape = new JsonArray();
            for (long d : loaded.representations().get(i).data().getShape().getShape()) {
                shape.add(d);
            }
            layer.add("flattened_shape", shape);
            layers.add(layer);
        }
        in.add("layers", layers);
        root.getAsJsonObject("inputs").add(key, in);
        return this;
    }

    /** Records the method and timings in seconds. */
    public SimilarityResult timings(String method, String precision, double load, double prepare, double compare,
            double total) {
        root.addProperty("method", method);
        root.addProperty("precision", precision);
        JsonObject t = new JsonObject();
        t.addProperty("load_seconds", load);
        t.addProperty("prepare_seconds", prepare);
        t.addProperty("compare_seconds", compare);
        t.addProperty("total_seconds", total);
        root.add("timings", t);
        return this;
    }

    /** The document as pretty-printed JSON. */
    public String toJson() {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    /** Writes the document atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson());
    }
}
