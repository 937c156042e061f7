package org.lmworkbench.workspace.fit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a fit document from JSON; every problem is a {@link FitDocumentException} naming the
 * JSON path. Writing is {@link FitDocumentWriter}. The layout is documented in
 * {@code FIT-FORMAT.md}.
 */
public final class FitDocumentJson {

    private static final List<String> GRID_WORDS = List.of("default", "epoch", "small");

    private FitDocumentJson() {
    }

    /**
     * Parses a document.
     *
     * @param text the JSON text
     * @return the document, with its result if it has one
     * @throws FitDocumentException for invalid JSON or any missing, mistyped or out-of-range value
     */
    public static FitDocument read(String text) throws FitDocumentException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new FitDocumentException("$", "not valid JSON: " + why);
        }
        JsonObject o = object(root, "$");
        int version = (int) integer(required(o, "version", "$"), "$.version", 1, Integer.MAX_VALUE);
        if (version != FitDocument.VERSION) {
            throw new FitDocumentException("$.version", "unsupported version " + version
                    + "; this workbench reads version " + FitDocument.VERSION);
        }
        String form = string(required(o, "form", "$"), "$.form");
        if (!FitDocument.FORMS.contains(form)) {
            throw new FitDocumentException("$.form", "unknown form '" + form + "'; one of "
                    + String.join(", ", FitDocument.FORMS));
        }
        int inputs = form.equals("chinchilla") ? 2 : 1;
        FitDocument.Source source = source(object(required(o, "source", "$"), "$.source"), form,
                inputs);
        FitDocument.Settings settings = o.has("settings")
                ? settings(object(o.get("settings"), "$.settings")) : FitDocument.Settings.defaults();
        FitDocument doc = new FitDocument(source, form, settings);
        if (o.has("extrapolate")) {
            JsonArray targets = array(o.get("extrapolate"), "$.extrapolate");
            for (int i = 0; i < targets.size(); i++) {
                doc.extrapolate().add(positives(targets.get(i), "$.extrapolate[" + i + "]", inputs));
            }
        }
        if (o.has("result") && !o.get("result").isJsonNull()) {
            doc.setResult(FitResultSection.read(object(o.get("result"), "$.result"), form, inputs));
        }
        return doc;
    }

    private static FitDocument.Source source(JsonObject s, String form, int inputs)
            throws FitDocumentException {
        boolean runs = s.has("runs");
        if (runs == s.has("csv")) {
            throw new FitDocumentException("$.source", "give exactly one of \"runs\" (a sweep or"
                    + " project folder, or a spec file) and \"csv\" (a CSV file)");
        }
        String kind = runs ? "runs" : "csv";
        String path = string(s.get(kind), "$.source." + kind);
        if (path.isBlank()) {
            throw new FitDocumentException("$.source." + kind, "must not be empty");
        }
        JsonArray xs = array(required(s, "x", "$.source"), "$.source.x");
        if (xs.size() != inputs) {
            throw new FitDocumentException("$.source.x", "form '" + form + "' takes " + inputs
                    + (inputs == 1 ? " input key" : " input keys (N, then D or FLOP)") + ", got "
                    + xs.size());
        }
        List<String> x = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            String key = string(xs.get(i), "$.source.x[" + i + "]");
            if (key.isBlank()) {
                throw new FitDocumentException("$.source.x[" + i + "]", "must not be empty");
            }
            x.add(key);
        }
        String y = s.has("y") ? string(s.get("y"), "$.source.y") : runs ? "test_loss" : "loss";
        if (y.isBlank()) {
            throw new FitDocumentException("$.source.y", "must not be empty");
        }
        boolean flop = false;
        if (s.has("d_from_flop")) {
            JsonElement f = s.get("d_from_flop");
            if (!f.isJsonPrimitive() || !f.getAsJsonPrimitive().isBoolean()) {
                throw new FitDocumentException("$.source.d_from_flop", "must be true or false,"
                        + " got " + f);
            }
            flop = f.getAsBoolean();
            if (flop && inputs != 2) {
                throw new FitDocumentException("$.source.d_from_flop", "is for form 'chinchilla'"
                        + " only");
            }
        }
        return new FitDocument.Source(kind, path, x, y, flop);
    }

    private static FitDocument.Settings settings(JsonObject s) throws FitDocumentException {
        FitDocument.Settings d = FitDocument.Settings.defaults();
        double delta = d.huberDelta();
        if (s.has("huber_delta")) {
            delta = number(s.get("huber_delta"), "$.settings.huber_delta");
            if (!(delta > 0) || !Double.isFinite(delta)) {
                throw new FitDocumentException("$.settings.huber_delta", "must be a finite number"
                        + " > 0, got " + s.get("huber_delta"));
            }
        }
        String grid = d.grid();
        if (s.has("grid")) {
            JsonElement g = s.get("grid");
            grid = g.isJsonPrimitive() && g.getAsJsonPrimitive().isNumber()
                    ? Long.toString(integer(g, "$.settings.grid", 1, Integer.MAX_VALUE))
                    : string(g, "$.settings.grid");
            if (!GRID_WORDS.contains(grid) && !grid.matches("[1-9][0-9]{0,8}")) {
                throw new FitDocumentException("$.settings.grid", "must be default, epoch, small"
                        + " or a positive number of starts, got " + g);
            }
        }
        int boot = s.has("bootstrap")
                ? (int) integer(s.get("bootstrap"), "$.settings.bootstrap", 0, 1_000_000) : 0;
        if (boot == 1) {
            throw new FitDocumentException("$.settings.bootstrap", "needs at least 2 resamples"
                    + " (or 0 for none), got 1");
        }
        long seed = s.has("seed")
                ? integer(s.get("seed"), "$.settings.seed", Long.MIN_VALUE, Long.MAX_VALUE) : 0;
        int drop = s.has("drop_highest")
                ? (int) integer(s.get("drop_highest"), "$.settings.drop_highest", 0, 1_000_000) : 0;
        return new FitDocument.Settings(delta, grid, boot, seed, drop);
    }

    // ------------------------------------------------------------------ typed access

    static JsonElement required(JsonObject o, String key, String path) throws FitDocumentException {
        if (!o.has(key) || o.get(key).isJsonNull()) {
            throw new FitDocumentException(path + "." + key, "missing");
        }
        return o.get(key);
    }

    /** Like {@link #required} but a {@code null} value is allowed (a non-finite number). */
    static JsonElement present(JsonObject o, String key, String path) throws FitDocumentException {
        if (!o.has(key)) {
            throw new FitDocumentException(path + "." + key, "missing");
        }
        return o.get(key);
    }

    static JsonObject object(JsonElement e, String path) throws FitDocumentException {
        if (e == null || !e.isJsonObject()) {
            throw new FitDocumentException(path, "must be an object, got " + e);
        }
        return e.getAsJsonObject();
    }

    static JsonArray array(JsonElement e, String path) throws FitDocumentException {
        if (e == null || !e.isJsonArray()) {
            throw new FitDocumentException(path, "must be an array, got " + e);
        }
        return e.getAsJsonArray();
    }

    static String string(JsonElement e, String path) throws FitDocumentException {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new FitDocumentException(path, "must be a string, got " + e);
        }
        return e.getAsString();
    }

    /** A number; {@code null} reads as NaN (non-finite numbers are written as null). */
    static double number(JsonElement e, String path) throws FitDocumentException {
        if (e != null && e.isJsonNull()) {
            return Double.NaN;
        }
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new FitDocumentException(path, "must be a number, got " + e);
        }
        return e.getAsDouble();
    }

    static long integer(JsonElement e, String path, long min, long max)
            throws FitDocumentException {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new FitDocumentException(path, "must be an integer, got " + e);
        }
        long v;
        try {
            v = e.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException ex) {
            throw new FitDocumentException(path, "must be an integer, got " + e);
        }
        if (v < min || v > max) {
            throw new FitDocumentException(path, "must be " + (max == Integer.MAX_VALUE
                    || max == Long.MAX_VALUE ? ">= " + min : "in " + min + ".." + max) + ", got " + v);
        }
        return v;
    }

    static double[] numbers(JsonElement e, String path, int length) throws FitDocumentException {
        JsonArray a = array(e, path);
        if (length >= 0 && a.size() != length) {
            throw new FitDocumentException(path, "must have " + length + " number"
                    + (length == 1 ? "" : "s") + ", got " + a.size());
        }
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(a.get(i), path + "[" + i + "]");
        }
        return v;
    }

    static double[] positives(JsonElement e, String path, int length) throws FitDocumentException {
        double[] v = numbers(e, path, length);
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || !Double.isFinite(v[i])) {
                throw new FitDocumentException(path + "[" + i + "]", "must be a finite number > 0,"
                        + " got " + v[i]);
            }
        }
        return v;
    }
}
