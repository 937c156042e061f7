package org.lmworkbench.workspace.cka;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.spec.SpecProblem;

/**
 * The matrices in a backend similarity result ({@code lmw similarity} JSON): one layer x layer
 * matrix for two models, one model x model matrix per layer under {@code per_layer}, a single
 * top-level matrix (model mode at one layer), or a single {@code value} (one layer each), which
 * becomes a 1 x 1 matrix so that every result is drawn the same way.
 */
public final class SimilarityMatrices {

    /**
     * One matrix with its labels.
     *
     * @param layer  the layer of a model x model matrix, or null for layer x layer
     * @param rows   row labels as the backend wrote them (layer names or run ids)
     * @param cols   column labels
     * @param values row-major values
     */
    public record Matrix(String layer, List<String> rows, List<String> cols, double[][] values) {
    }

    private final String base;
    private final List<SpecProblem> problems = new ArrayList<>();

    private SimilarityMatrices(String base) {
        this.base = base;
    }

    /**
     * Reads the matrices of {@code result}.
     *
     * @param result      the backend's result object
     * @param base        JSON path of that object in its file, e.g. {@code $.result} or {@code $}
     * @param singleLayer the layer name to use when a model-mode result holds one top-level matrix
     * @param source      file name for messages, or null
     * @throws CkaFormatException naming the JSON path of every unusable part
     */
    public static List<Matrix> read(JsonObject result, String base, String singleLayer, String source)
            throws CkaFormatException {
        SimilarityMatrices reader = new SimilarityMatrices(base);
        List<Matrix> matrices = reader.parse(result, singleLayer);
        if (!reader.problems.isEmpty()) {
            throw new CkaFormatException(source, reader.problems);
        }
        return matrices;
    }

    private List<Matrix> parse(JsonObject result, String singleLayer) {
        List<Matrix> out = new ArrayList<>();
        if (result.has("per_layer")) {
            JsonArray entries = array(result.get("per_layer"), base + ".per_layer");
            for (int i = 0; entries != null && i < entries.size(); i++) {
                String path = base + ".per_layer[" + i + "]";
                if (!entries.get(i).isJsonObject()) {
                    problem(path + " must be an object with layer, rows, cols and matrix");
                    continue;
                }
                JsonObject entry = entries.get(i).getAsJsonObject();
                String layer = entry.has("layer") && entry.get("layer").isJsonPrimitive()
                        ? entry.get("layer").getAsString() : null;
                if (layer == null) {
                    problem(path + ".layer must be a string");
                }
                Matrix m = matrix(entry, path, layer);
                if (m != null) {
                    out.add(m);
                }
            }
        } else if (result.has("matrix")) {
            Matrix m = matrix(result, base, singleLayer);
            if (m != null) {
                out.add(m);
            }
        } else if (result.has("value")) {
            JsonElement v = result.get("value");
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
                problem(base + ".value must be a number");
            } else {
                out.add(new Matrix(singleLayer, List.of(inputLayer(result, "a")), List.of(inputLayer(result, "b")),
                        new double[][] {{v.getAsDouble()}}));
            }
        } else {
            problem(base + " holds no similarity: expected per_layer, matrix or value");
        }
        return out;
    }

    private Matrix matrix(JsonObject holder, String path, String layer) {
        List<String> rows = labels(holder.get("rows"), path + ".rows");
        List<String> cols = labels(holder.get("cols"), path + ".cols");
        JsonArray m = array(holder.get("matrix"), path + ".matrix");
        if (rows == null || cols == null || m == null) {
            return null;
        }
        if (m.size() != rows.size()) {
            problem(path + ".matrix has " + m.size() + " rows but " + path + ".rows names " + rows.size());
            return null;
        }
        double[][] values = new double[rows.size()][];
        for (int i = 0; i < m.size(); i++) {
            JsonArray row = array(m.get(i), path + ".matrix[" + i + "]");
            if (row == null) {
                return null;
            }
            if (row.size() != cols.size()) {
                problem(path + ".matrix[" + i + "] has " + row.size() + " values but " + path + ".cols names "
                        + cols.size());
                return null;
            }
            values[i] = new double[cols.size()];
            for (int j = 0; j < row.size(); j++) {
                JsonElement v = row.get(j);
                if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
                    values[i][j] = v.getAsDouble();
                } else if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
                    values[i][j] = special(v.getAsString(), path + ".matrix[" + i + "][" + j + "]");
                } else {
                    problem(path + ".matrix[" + i + "][" + j + "] must be a number");
                }
            }
        }
        return new Matrix(layer, rows, cols, values);
    }

    /** Gson writes non-finite numbers bare (NaN), which it also reads back as numbers; strings are accepted too. */
    private double special(String s, String path) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> {
                problem(path + " must be a number but found string \"" + s + "\"");
                yield Double.NaN;
            }
        };
    }

    private static String inputLayer(JsonObject result, String key) {
        try {
            return result.getAsJsonObject("inputs").getAsJsonObject(key).getAsJsonArray("layers").get(0)
                    .getAsJsonObject().get("name").getAsString();
        } catch (RuntimeException e) {
            return key; // a hand-written result without inputs still draws, labelled a / b
        }
    }

    private List<String> labels(JsonElement e, String path) {
        JsonArray array = array(e, path);
        if (array == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isJsonPrimitive()) {
                problem(path + "[" + i + "] must be a string");
                return null;
            }
            out.add(array.get(i).getAsString());
        }
        return out;
    }

    private JsonArray array(JsonElement e, String path) {
        if (e == null) {
            problem(path + " is missing");
            return null;
        }
        if (!e.isJsonArray()) {
            problem(path + " must be an array");
            return null;
        }
        return e.getAsJsonArray();
    }

    private void problem(String message) {
        problems.add(new SpecProblem(SpecProblem.Severity.ERROR, message, message.split(" ", 2)[0], 0, 0));
    }
}
