package org.lmworkbench.workspace.fit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code result} section of a fit document: reads it into a {@link FitResultModel} (errors
 * name the JSON path) and writes it. Key names follow {@code lmw fit}'s output
 * ({@code params, stderr, ci95, objective, starts, starts_at_best, residuals}).
 */
final class FitResultSection {

    private FitResultSection() {
    }

    static FitResultModel read(JsonObject r, String form, int inputs) throws FitDocumentException {
        List<String> names = FitResultModel.law(form).parameterNames();
        double[] params = named(FitDocumentJson.object(FitDocumentJson.required(r, "params",
                "$.result"), "$.result.params"), names, "$.result.params");
        double[] se = null;
        double[] lo = null;
        double[] hi = null;
        if (r.has("stderr")) {
            se = named(FitDocumentJson.object(r.get("stderr"), "$.result.stderr"), names,
                    "$.result.stderr");
            JsonObject ci = FitDocumentJson.object(FitDocumentJson.required(r, "ci95", "$.result"),
                    "$.result.ci95");
            lo = new double[names.size()];
            hi = new double[names.size()];
            for (int k = 0; k < names.size(); k++) {
                String p = "$.result.ci95." + names.get(k);
                double[] pair = FitDocumentJson.numbers(FitDocumentJson.required(ci, names.get(k),
                        "$.result.ci95"), p, 2);
                lo[k] = pair[0];
                hi[k] = pair[1];
            }
        }
        double objective = FitDocumentJson.number(FitDocumentJson.present(r, "objective",
                "$.result"), "$.result.objective");
        int starts = (int) FitDocumentJson.integer(FitDocumentJson.required(r, "starts",
                "$.result"), "$.result.starts", 1, Integer.MAX_VALUE);
        int atBest = (int) FitDocumentJson.integer(FitDocumentJson.required(r, "starts_at_best",
                "$.result"), "$.result.starts_at_best", 0, starts);
        JsonArray res = FitDocumentJson.array(FitDocumentJson.required(r, "residuals",
                "$.result"), "$.result.residuals");
        List<FitResultModel.Point> points = new ArrayList<>();
        for (int i = 0; i < res.size(); i++) {
            String p = "$.result.residuals[" + i + "]";
            JsonObject o = FitDocumentJson.object(res.get(i), p);
            String id;
            if (o.has("run")) {
                id = FitDocumentJson.string(o.get("run"), p + ".run");
            } else if (o.has("row")) {
                id = Long.toString(FitDocumentJson.integer(o.get("row"), p + ".row", 1,
                        Integer.MAX_VALUE));
            } else {
                id = "";
            }
            points.add(new FitResultModel.Point(id,
                    FitDocumentJson.positives(FitDocumentJson.required(o, "x", p), p + ".x", inputs),
                    FitDocumentJson.number(FitDocumentJson.present(o, "loss", p), p + ".loss"),
                    FitDocumentJson.number(FitDocumentJson.present(o, "predicted", p),
                            p + ".predicted"),
                    FitDocumentJson.number(FitDocumentJson.present(o, "log_residual", p),
                            p + ".log_residual")));
        }
        double[][] resamples = new double[0][];
        if (r.has("resamples")) {
            JsonArray a = FitDocumentJson.array(r.get("resamples"), "$.result.resamples");
            resamples = new double[a.size()][];
            for (int i = 0; i < a.size(); i++) {
                resamples[i] = FitDocumentJson.numbers(a.get(i), "$.result.resamples[" + i + "]",
                        names.size());
            }
        }
        if (se != null && resamples.length < 2) {
            throw new FitDocumentException("$.result.resamples", "a result with \"stderr\" needs"
                    + " the resample estimates (at least 2)");
        }
        List<String> skipped = new ArrayList<>();
        if (r.has("skipped")) {
            JsonArray a = FitDocumentJson.array(r.get("skipped"), "$.result.skipped");
            for (int i = 0; i < a.size(); i++) {
                skipped.add(FitDocumentJson.string(a.get(i), "$.result.skipped[" + i + "]"));
            }
        }
        return new FitResultModel(form, names, params, se, lo, hi, objective, starts, atBest,
                points, resamples, skipped);
    }

    private static double[] named(JsonObject o, List<String> names, String path)
            throws FitDocumentException {
        double[] v = new double[names.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = FitDocumentJson.number(FitDocumentJson.present(o, names.get(k), path),
                    path + "." + names.get(k));
        }
        for (String key : o.keySet()) {
            if (!names.contains(key)) {
                throw new FitDocumentException(path + "." + key, "not a parameter of this form;"
                        + " parameters: " + String.join(", ", names));
            }
        }
        return v;
    }

    static void write(JsonWriter w, FitResultModel m, boolean runs, List<double[]> targets)
            throws IOException {
        List<String> names = m.names();
        w.beginObject();
        namedNumbers(w.name("params"), names, m.params());
        if (m.hasBootstrap()) {
            namedNumbers(w.name("stderr"), names, m.stderr());
            w.name("ci95").beginObject();
            for (int k = 0; k < names.size(); k++) {
                numbers(w.name(names.get(k)), m.lower95()[k], m.upper95()[k]);
            }
            w.endObject();
        }
        number(w.name("objective"), m.objective());
        w.name("starts").value(m.starts());
        w.name("starts_at_best").value(m.startsAtBest());
        w.name("residuals").beginArray();
        for (FitResultModel.Point p : m.points()) {
            w.beginObject();
            if (runs) {
                w.name("run").value(p.id());
            } else if (p.id().matches("[0-9]+")) {
                w.name("row").value(Long.parseLong(p.id()));
            }
            numbers(w.name("x"), p.x());
            number(w.name("loss"), p.loss());
            number(w.name("predicted"), p.predicted());
            number(w.name("log_residual"), p.logResidual());
            w.endObject();
        }
        w.endArray();
        // Derived values, written for readers of the file; reading recomputes them.
        w.name("extrapolations").beginArray();
        int inputs = FitResultModel.law(m.form()).inputCount();
        for (double[] x : targets) {
            if (x.length != inputs) {
                continue;
            }
            w.beginObject();
            numbers(w.name("x"), x);
            number(w.name("value"), m.predict(x));
            double[] ci = m.predictionInterval(x);
            if (ci != null) {
                numbers(w.name("ci95"), ci);
            }
            w.endObject();
        }
        w.endArray();
        if (m.hasBootstrap()) {
            w.name("resamples").beginArray();
            for (double[] r : m.resamples()) {
                numbers(w, r);
            }
            w.endArray();
        }
        if (!m.skipped().isEmpty()) {
            w.name("skipped").beginArray();
            for (String s : m.skipped()) {
                w.value(s);
            }
            w.endArray();
        }
        w.endObject();
    }

    private static void namedNumbers(JsonWriter w, List<String> names, double[] v)
            throws IOException {
        w.beginObject();
        for (int k = 0; k < names.size(); k++) {
            number(w.name(names.get(k)), v[k]);
        }
        w.endObject();
    }

    static void numbers(JsonWriter w, double... v) throws IOException {
        w.beginArray();
        for (double d : v) {
            number(w, d);
        }
        w.endArray();
    }

    /** Strict JSON has no NaN or infinity: those are written as null (read back as NaN). */
    static void number(JsonWriter w, double v) throws IOException {
        if (Double.isFinite(v)) {
            w.value(v);
        } else {
            w.nullValue();
        }
    }

}
