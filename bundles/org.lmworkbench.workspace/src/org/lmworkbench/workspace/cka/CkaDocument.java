package org.lmworkbench.workspace.cka;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.run.SimilarityMetrics;

/**
 * A representation-similarity analysis ({@code analyses/*.cka}): which runs, which layers at which
 * activation step, which metric and settings, and the last result the backend computed. The JSON
 * layout is described in CKA-FORMAT.md of the workspace bundle; {@link CkaDocumentReader} reads it with
 * located errors and {@link #toJson()} writes it. Mutable: the editor's pages change it in place.
 */
public final class CkaDocument {

    /** The format version this code writes and reads. */
    public static final int VERSION = 1;

    /** Layer x layer for two models, or model x model at each chosen layer. */
    public enum Mode {
        /** Two runs; rows are model A's layers, columns model B's. */
        LAYERS("layers"),
        /** Two or more runs; one run x run matrix per layer. */
        MODELS("models");

        private final String json;

        Mode(String json) {
            this.json = json;
        }

        /** The word written in the file. */
        public String json() {
            return json;
        }

        /** The mode written as {@code word}, or null. */
        public static Mode of(String word) {
            for (Mode m : values()) {
                if (m.json.equals(word)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** Computation precision of linear CKA matrices: float64 or mixed. */
    public static final List<String> PRECISIONS = List.of("float64", "mixed");

    private List<String> runs = new ArrayList<>();
    private Mode mode = Mode.LAYERS;
    private List<String> layersA = new ArrayList<>();
    private List<String> layersB = new ArrayList<>();
    private List<String> layers = new ArrayList<>();
    private Long step;
    private String metric = SimilarityMetrics.DEFAULT.defaultName();
    private String precision = "float64";
    private int threads = 1;
    private JsonObject result;
    private String resultFile;

    /** Project-relative run folders, e.g. {@code runs/eos-001}. */
    public List<String> runs() {
        return runs;
    }

    /** Replaces the runs. */
    public void setRuns(List<String> runs) {
        this.runs = new ArrayList<>(runs);
    }

    /** The comparison mode. */
    public Mode mode() {
        return mode;
    }

    /** Sets the comparison mode. */
    public void setMode(Mode mode) {
        this.mode = mode;
    }

    /** Model A's layers in layer mode; empty means all captured layers. */
    public List<String> layersA() {
        return layersA;
    }

    /** Model B's layers in layer mode; empty means all captured layers. */
    public List<String> layersB() {
        return layersB;
    }

    /** Layers compared across models in model mode; empty means all layers of the first run. */
    public List<String> layers() {
        return layers;
    }

    /** Sets layer-mode layers. */
    public void setLayerPair(List<String> a, List<String> b) {
        layersA = new ArrayList<>(a);
        layersB = new ArrayList<>(b);
    }

    /** Sets model-mode layers. */
    public void setLayers(List<String> layers) {
        this.layers = new ArrayList<>(layers);
    }

    /** The activation step, or null for the last captured step of each run. */
    public Long step() {
        return step;
    }

    /** Sets the activation step (null: last captured). */
    public void setStep(Long step) {
        this.step = step;
    }

    /** The backend metric name, e.g. {@code cka-kernel=linear-hsic=gretton-score}. */
    public String metric() {
        return metric;
    }

    /** Sets the backend metric name. */
    public void setMetric(String metric) {
        this.metric = metric;
    }

    /** {@code float64} or {@code mixed}. */
    public String precision() {
        return precision;
    }

    /** Sets the precision. */
    public void setPrecision(String precision) {
        this.precision = precision;
    }

    /** Backend threads. */
    public int threads() {
        return threads;
    }

    /** Sets the backend threads. */
    public void setThreads(int threads) {
        this.threads = threads;
    }

    /** The backend's result JSON embedded in the document, or null. */
    public JsonObject result() {
        return result;
    }

    /** Stores a result in the document; clears a {@link #resultFile()} reference. */
    public void setResult(JsonObject result) {
        this.result = result;
        this.resultFile = null;
    }

    /** Project-relative path of a result kept beside the document instead of in it, or null. */
    public String resultFile() {
        return resultFile;
    }

    /** Refers to a result file instead of embedding it; clears the embedded result. */
    public void setResultFile(String resultFile) {
        this.resultFile = resultFile;
        this.result = null;
    }

    /** The document as pretty-printed JSON, the way {@link CkaDocumentReader} reads it back. */
    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("version", VERSION);
        root.addProperty("mode", mode.json());
        root.add("runs", strings(runs));
        if (mode == Mode.LAYERS) {
            JsonObject pair = new JsonObject();
            pair.add("a", strings(layersA));
            pair.add("b", strings(layersB));
            root.add("layers", pair);
        } else {
            root.add("layers", strings(layers));
        }
        if (step != null) {
            root.addProperty("step", step);
        }
        root.addProperty("metric", metric);
        JsonObject settings = new JsonObject();
        settings.addProperty("precision", precision);
        settings.addProperty("threads", threads);
        root.add("settings", settings);
        if (result != null) {
            root.add("result", result);
        } else if (resultFile != null) {
            root.addProperty("result_file", resultFile);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
                .create().toJson(root) + "\n";
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
