package org.lmworkbench.core.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code lmw similarity}: the metric's full name and parsed settings, the number of
 * examples, and either one {@code value} (one layer against one layer), one {@code matrix} with
 * {@code rows} and {@code cols} labels (layer x layer of two models, or model x model at one layer)
 * or one such matrix per layer under {@code per_layer}; then the inputs and the timings. The backend
 * fills a document and writes it atomically; readers get its matrices back.
 */
public final class SimilarityFile {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final String KIND = "similarity";

    /**
     * One matrix with its labels.
     *
     * @param layer  the layer of a model x model matrix under {@code per_layer}, else null
     * @param rows   row labels (layer names or model names)
     * @param cols   column labels
     * @param values row-major values
     */
    public record Matrix(String layer, List<String> rows, List<String> cols, double[][] values) {

        /** Copies the labels. */
        public Matrix {
            rows = List.copyOf(rows);
            cols = List.copyOf(cols);
        }
    }

    /**
     * One compared source.
     *
     * @param source the path as given
     * @param kind   {@code run}, {@code npy} or {@code npz}
     * @param step   the capture step of a run, or null
     * @param layers its layers, in order
     */
    public record Input(String source, String kind, Long step, List<Layer> layers) {

        /** Copies the layers. */
        public Input {
            layers = List.copyOf(layers);
        }
    }

    /**
     * One layer of an input.
     *
     * @param name           layer name
     * @param file           the file (and array) it was read from
     * @param flattenedShape {@code [examples, features]} as compared
     */
    public record Layer(String name, String file, long[] flattenedShape) {
    }

    /**
     * How the comparison was computed.
     *
     * @param method    the algorithm
     * @param precision {@code float64} or {@code mixed}
     * @param load      seconds reading inputs
     * @param prepare   seconds preparing representations
     * @param compare   seconds comparing
     * @param total     seconds overall
     */
    public record Timings(String method, String precision, double load, double prepare, double compare,
            double total) {
    }

    private final String metric;
    private final String requestedMetric;
    private final Map<String, Object> settings;
    private final int examples;
    private Integer examplesUsed;
    private Double value;
    private Matrix matrix;
    private final List<Matrix> perLayer = new ArrayList<>();
    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private Timings timings;

    /**
     * Starts a document.
     *
     * @param metric          the metric's canonical name
     * @param requestedMetric the name as requested
     * @param settings        the metric's settings (numbers, flags or text), in order
     * @param examples        examples compared
     */
    public SimilarityFile(String metric, String requestedMetric, Map<String, Object> settings, int examples) {
        this.metric = metric;
        this.requestedMetric = requestedMetric;
        this.settings = new LinkedHashMap<>(settings);
        this.examples = examples;
    }

    /** Records how many examples a minibatch metric used. */
    public SimilarityFile examplesUsed(int count) {
        examplesUsed = count;
        return this;
    }

    /** Sets the single value of a one-against-one comparison. */
    public SimilarityFile value(double v) {
        value = v;
        return this;
    }

    /** Sets the one matrix of a comparison. */
    public SimilarityFile matrix(List<String> rows, List<String> cols, double[][] values) {
        matrix = new Matrix(null, rows, cols, values);
        return this;
    }

    /** Adds one layer's model x model matrix under {@code per_layer}. */
    public SimilarityFile layerMatrix(String layer, List<String> rows, List<String> cols, double[][] values) {
        perLayer.add(new Matrix(layer, rows, cols, values));
        return this;
    }

    /** Describes an input under {@code inputs.<key>} ({@code a}, {@code b}, {@code model0} ...). */
    public SimilarityFile input(String key, Input input) {
        inputs.put(key, input);
        return this;
    }

    /** Records the method and timings. */
    public SimilarityFile timings(Timings t) {
        timings = t;
        return this;
    }

    /** The metric's canonical name. */
    public String metric() {
        return metric;
    }

    /** The metric as requested. */
    public String requestedMetric() {
        return requestedMetric;
    }

    /** The metric's settings. */
    public Map<String, Object> settings() {
        return Collections.unmodifiableMap(settings);
    }

    /** Examples compared. */
    public int examples() {
        return examples;
    }

    /** The single value, or null for a matrix result. */
    public Double value() {
        return value;
    }

    /** The matrices: the {@code per_layer} ones, else the one matrix, else none. */
    public List<Matrix> matrices() {
        return !perLayer.isEmpty() ? List.copyOf(perLayer) : matrix != null ? List.of(matrix) : List.of();
    }

    /** The inputs by key. */
    public Map<String, Input> inputs() {
        return Collections.unmodifiableMap(inputs);
    }

    /** The method and timings, or null. */
    public Timings timings() {
        return timings;
    }

    /** The document as pretty-printed JSON. */
    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("kind", KIND);
        root.addProperty("metric", metric);
        root.addProperty("requested_metric", requestedMetric);
        JsonObject s = new JsonObject();
        settings.forEach((key, v) -> s.add(key, v instanceof Number number ? new JsonPrimitive(number)
                : v instanceof Boolean flag ? new JsonPrimitive(flag) : new JsonPrimitive(String.valueOf(v))));
        root.add("settings", s);
        root.addProperty("n", examples);
        if (examplesUsed != null) {
            root.addProperty("examples_used", examplesUsed);
        }
        if (value != null) {
            root.addProperty("value", value);
        }
        if (matrix != null) {
            fill(root, matrix);
        }
        if (!perLayer.isEmpty()) {
            JsonArray entries = new JsonArray();
            for (Matrix m : perLayer) {
                JsonObject entry = new JsonObject();
                entry.addProperty("layer", m.layer());
                fill(entry, m);
                entries.add(entry);
            }
            root.add("per_layer", entries);
        }
        if (!inputs.isEmpty()) {
            JsonObject in = new JsonObject();
            inputs.forEach((key, input) -> in.add(key, json(input)));
            root.add("inputs", in);
        }
        if (timings != null) {
            root.addProperty("method", timings.method());
            root.addProperty("precision", timings.precision());
            JsonObject t = new JsonObject();
            t.addProperty("load_seconds", timings.load());
            t.addProperty("prepare_seconds", timings.prepare());
            t.addProperty("compare_seconds", timings.compare());
            t.addProperty("total_seconds", timings.total());
            root.add("timings", t);
        }
        return GSON.toJson(root) + "\n";
    }

    private static void fill(JsonObject target, Matrix m) {
        target.add("rows", JsonFields.strings(m.rows()));
        target.add("cols", JsonFields.strings(m.cols()));
        JsonArray rows = new JsonArray();
        for (double[] row : m.values()) {
            JsonArray values = new JsonArray();
            for (double v : row) {
                values.add(v);
            }
            rows.add(values);
        }
        target.add("matrix", rows);
    }

    private static JsonObject json(Input input) {
        JsonObject in = new JsonObject();
        in.addProperty("source", input.source());
        in.addProperty("kind", input.kind());
        if (input.step() != null) {
            in.addProperty("step", input.step());
        }
        JsonArray layers = new JsonArray();
        for (Layer l : input.layers()) {
            JsonObject layer = new JsonObject();
            layer.addProperty("name", l.name());
            layer.addProperty("file", l.file());
            JsonArray shape = new JsonArray();
            for (long d : l.flattenedShape()) {
                shape.add(d);
            }
            layer.add("flattened_shape", shape);
            layers.add(layer);
        }
        in.add("layers", layers);
        return in;
    }

    /** Writes the document atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson());
    }

    /**
     * Reads a similarity result.
     *
     * @throws IOException when unreadable, or a {@link RunFileException} naming the JSON path at fault
     */
    public static SimilarityFile read(Path file) throws IOException {
        JsonFields r = new JsonFields(file);
        JsonObject root = r.readObject();
        Map<String, Object> settings = new LinkedHashMap<>();
        JsonObject s = r.object(root, "settings", "$.settings", false);
        if (s != null) {
            for (Map.Entry<String, JsonElement> e : s.entrySet()) {
                JsonPrimitive p = e.getValue().isJsonPrimitive() ? e.getValue().getAsJsonPrimitive() : null;
                settings.put(e.getKey(), p == null ? e.getValue().toString() : p.isNumber() ? p.getAsNumber()
                        : p.isBoolean() ? (Object) p.getAsBoolean() : p.getAsString());
            }
        }
        SimilarityFile doc = new SimilarityFile(JsonFields.text(root, "metric"), JsonFields.text(root,
                "requested_metric"), settings, (int) r.number(root, "n", "$", 0));
        if (root.has("examples_used")) {
            doc.examplesUsed((int) r.number(root, "examples_used", "$", 0));
        }
        if (root.has("value")) {
            doc.value(r.number(root, "value", "$", null));
        }
        if (root.has("matrix")) {
            doc.matrix = matrix(r, root, "$", null);
        }
        if (root.has("per_layer")) {
            JsonElement entries = root.get("per_layer");
            if (!entries.isJsonArray()) {
                throw r.problem("$.per_layer", "expected an array");
            }
            for (int i = 0; i < entries.getAsJsonArray().size(); i++) {
                String path = "$.per_layer[" + i + "]";
                JsonElement entry = entries.getAsJsonArray().get(i);
                if (!entry.isJsonObject()) {
                    throw r.problem(path, "expected an object with layer, rows, cols and matrix");
                }
                doc.perLayer.add(matrix(r, entry.getAsJsonObject(), path, JsonFields.text(entry.getAsJsonObject(),
                        "layer")));
            }
        }
        if (doc.value == null && doc.matrices().isEmpty()) {
            throw r.problem("$", "holds no similarity: expected per_layer, matrix or value");
        }
        JsonObject in = r.object(root, "inputs", "$.inputs", false);
        if (in != null) {
            for (String key : in.keySet()) {
                doc.input(key, input(r, r.object(in, key, "$.inputs." + key, true), "$.inputs." + key));
            }
        }
        JsonObject t = r.object(root, "timings", "$.timings", false);
        if (t != null) {
            doc.timings(new Timings(JsonFields.text(root, "method"), JsonFields.text(root, "precision"),
                    r.number(t, "load_seconds", "$.timings", Double.NaN),
                    r.number(t, "prepare_seconds", "$.timings", Double.NaN),
                    r.number(t, "compare_seconds", "$.timings", Double.NaN),
                    r.number(t, "total_seconds", "$.timings", Double.NaN)));
        }
        return doc;
    }

    private static Matrix matrix(JsonFields r, JsonObject holder, String path, String layer) throws RunFileException {
        List<String> rows = r.strings(holder, "rows", path);
        List<String> cols = r.strings(holder, "cols", path);
        double[][] values = r.rows(holder, "matrix", path);
        if (values.length != rows.size()) {
            throw r.problem(path + ".matrix", values.length + " rows but " + path + ".rows names " + rows.size());
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != cols.size()) {
                throw r.problem(path + ".matrix[" + i + "]", values[i].length + " values but " + path
                        + ".cols names " + cols.size());
            }
        }
        return new Matrix(layer, rows, cols, values);
    }

    private static Input input(JsonFields r, JsonObject o, String path) throws RunFileException {
        List<Layer> layers = new ArrayList<>();
        JsonElement list = o.get("layers");
        if (list != null && list.isJsonArray()) {
            JsonArray a = list.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).isJsonObject()) {
                    throw r.problem(path + ".layers[" + i + "]", "expected an object");
                }
                JsonObject l = a.get(i).getAsJsonObject();
                double[] shape = l.has("flattened_shape") ? r.numbers(l, "flattened_shape", path + ".layers[" + i + "]")
                        : new double[0];
                long[] dims = new long[shape.length];
                for (int k = 0; k < dims.length; k++) {
                    dims[k] = (long) shape[k];
                }
                layers.add(new Layer(JsonFields.text(l, "name"), JsonFields.text(l, "file"), dims));
            }
        }
        Long step = o.has("step") ? (long) r.number(o, "step", path, null) : null;
        return new Input(JsonFields.text(o, "source"), JsonFields.text(o, "kind"), step, layers);
    }
}
