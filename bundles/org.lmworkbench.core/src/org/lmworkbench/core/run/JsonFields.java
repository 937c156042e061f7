package org.lmworkbench.core.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.format.JsonSyntax;

/**
 * Typed access to the JSON documents the backend writes, with errors that name the file and the
 * JSON path at fault. Numbers that JSON cannot hold (NaN, infinities) are written as {@code null}
 * by {@link #number(double)} (Gson then leaves such a member out, while arrays keep the null) and
 * read back as NaN, as are Python's bare {@code NaN} and the strings "NaN", "Infinity",
 * "-Infinity" of the line files.
 */
record JsonFields(Path file) {

    /** Reads a file that must hold one JSON object; bare NaN and Infinity, as Python writes them, are accepted. */
    JsonObject readObject() throws IOException {
        try {
            JsonElement element = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!element.isJsonObject()) {
                throw new RunFileException(file, "expected a JSON object", null);
            }
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new RunFileException(file, "malformed JSON: " + JsonSyntax.describeGson(e), e);
        }
    }

    RunFileException problem(String path, String message) {
        return new RunFileException(file, path + ": " + message, null);
    }

    JsonObject object(JsonObject parent, String key, String path, boolean required) throws RunFileException {
        JsonElement e = parent.get(key);
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw problem(path, "missing");
            }
            return null;
        }
        if (!e.isJsonObject()) {
            throw problem(path, "expected an object");
        }
        return e.getAsJsonObject();
    }

    /** A number; {@code fallback} when absent or null, or an error when the fallback is null. */
    double number(JsonObject o, String key, String path, Number fallback) throws RunFileException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            if (fallback == null) {
                throw problem(path + "." + key, "missing");
            }
            return fallback.doubleValue();
        }
        try {
            return JsonNumbers.toDouble(e);
        } catch (IllegalArgumentException notANumber) {
            throw problem(path + "." + key, "expected a number, found " + e);
        }
    }

    /** An array of numbers (null elements read as NaN); an error when absent. */
    double[] numbers(JsonObject o, String key, String path) throws RunFileException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            throw problem(path + "." + key, "expected an array of numbers");
        }
        return numbers(e.getAsJsonArray(), path + "." + key);
    }

    private double[] numbers(JsonArray a, String path) throws RunFileException {
        double[] values = new double[a.size()];
        for (int i = 0; i < values.length; i++) {
            JsonElement v = a.get(i);
            if (v.isJsonNull()) {
                values[i] = Double.NaN;
                continue;
            }
            try {
                values[i] = JsonNumbers.toDouble(v);
            } catch (IllegalArgumentException notANumber) {
                throw problem(path + "[" + i + "]", "expected a number, found " + v);
            }
        }
        return values;
    }

    /** An array of arrays of numbers; empty when absent. */
    double[][] rows(JsonObject o, String key, String path) throws RunFileException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return new double[0][];
        }
        if (!e.isJsonArray()) {
            throw problem(path + "." + key, "expected an array of arrays of numbers");
        }
        JsonArray a = e.getAsJsonArray();
        double[][] rows = new double[a.size()][];
        for (int i = 0; i < rows.length; i++) {
            if (!a.get(i).isJsonArray()) {
                throw problem(path + "." + key + "[" + i + "]", "expected an array of numbers");
            }
            rows[i] = numbers(a.get(i).getAsJsonArray(), path + "." + key + "[" + i + "]");
        }
        return rows;
    }

    /** An array of strings; an error when absent. */
    List<String> strings(JsonObject o, String key, String path) throws RunFileException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            throw problem(path + "." + key, "expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        JsonArray a = e.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isJsonPrimitive()) {
                throw problem(path + "." + key + "[" + i + "]", "expected a string, found " + a.get(i));
            }
            out.add(a.get(i).getAsString());
        }
        return out;
    }

    /** A string; empty when absent or null. */
    static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    /** A flag; false when absent. */
    static boolean flag(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsBoolean();
    }

    /** A finite number, or {@code null} for NaN and infinities. */
    static JsonElement number(double value) {
        return Double.isFinite(value) ? new JsonPrimitive(value) : JsonNull.INSTANCE;
    }

    /** Numbers as a JSON array, non-finite ones as {@code null}. */
    static JsonArray array(double[] values) {
        JsonArray a = new JsonArray(values.length);
        for (double v : values) {
            a.add(number(v));
        }
        return a;
    }

    /** Rows of numbers as an array of arrays, non-finite ones as {@code null}. */
    static JsonArray array(double[][] rows) {
        JsonArray a = new JsonArray(rows.length);
        for (double[] row : rows) {
            a.add(array(row));
        }
        return a;
    }

    /** Strings as a JSON array. */
    static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray(values.size());
        values.forEach(a::add);
        return a;
    }
}
