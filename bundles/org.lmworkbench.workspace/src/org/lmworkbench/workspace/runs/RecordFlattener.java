package org.lmworkbench.workspace.runs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.core.run.MetricsLine;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.SharpnessDimensionLine;
import org.lmworkbench.core.run.SharpnessLine;

/**
 * Turns one line of {@code metrics.jsonl} or {@code probes/sharpness.jsonl} into named numeric
 * series values. The view reads files through {@link FlatRecord}, which names values the same way
 * while streaming; the methods on {@link MetricsRecord} serve callers that hold core's records. Per-layer values become one series per layer: an array {@code weight_norm: [a, b]}
 * gives {@code weight_norm[0]} and {@code weight_norm[1]}, an object {@code weight_norm: {"fc1": a}}
 * (what the backend writes) gives {@code weight_norm[fc1]}. Flags and strings are not series.
 */
public final class RecordFlattener {

    /** Key of the wall-clock time in seconds since training started. */
    public static final String WALL_TIME = MetricsLine.WALL_TIME;
    /** Prefix of the sharpness series: {@code lambda_1} is the top Hessian eigenvalue. */
    public static final String LAMBDA = "lambda_";
    /** The optimizer's stability threshold from the sharpness probe (2/lr for GD). */
    public static final String THRESHOLD = SharpnessLine.THRESHOLD;
    /** The trace a zeroth-order run's sharpness probe records, and the ends of its stability band. */
    public static final List<String> ZO_BAND = List.of(SharpnessLine.TRACE, SharpnessLine.TRACE_LOW,
            SharpnessLine.ZO_THRESHOLD);
    /** The sharpness dimension, from {@code probes/sharpness_dimension.jsonl}. */
    public static final String SHARPNESS_DIMENSION = SharpnessDimensionLine.VALUE;
    /** Its standard error. */
    public static final String SHARPNESS_DIMENSION_SE = SharpnessDimensionLine.VALUE + "_se";

    private RecordFlattener() {
    }

    /** Every numeric value of a metrics record except the step, in the record's order. */
    public static Map<String, Double> metrics(MetricsRecord record) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : record.values().entrySet()) {
            String key = e.getKey();
            if (MetricsRecord.STEP.equals(key)) {
                continue;
            }
            JsonElement value = e.getValue();
            if (value.isJsonPrimitive()) {
                putNumber(out, key, value.getAsJsonPrimitive());
            } else if (value.isJsonArray()) {
                JsonArray array = value.getAsJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).isJsonPrimitive()) {
                        putNumber(out, key + "[" + i + "]", array.get(i).getAsJsonPrimitive());
                    }
                }
            } else if (value.isJsonObject()) {
                for (Map.Entry<String, JsonElement> inner : value.getAsJsonObject().entrySet()) {
                    if (inner.getValue().isJsonPrimitive()) {
                        putNumber(out, key + "[" + inner.getKey() + "]", inner.getValue().getAsJsonPrimitive());
                    }
                }
            }
        }
        return out;
    }

    /**
     * The series of a sharpness record: the eigenvalues (key {@code eigenvalues}, or {@code lambda}
     * in older files) as {@code lambda_1..k}, and the stability {@code threshold}.
     */
    public static Map<String, Double> sharpness(MetricsRecord record) {
        JsonObject values = record.values();
        Map<String, Double> out = new LinkedHashMap<>();
        JsonElement eigen = values.has(SharpnessLine.EIGENVALUES) ? values.get(SharpnessLine.EIGENVALUES)
                : values.get(SharpnessLine.LAMBDA);
        if (eigen != null && eigen.isJsonArray()) {
            JsonArray array = eigen.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isJsonPrimitive()) {
                    putNumber(out, LAMBDA + (i + 1), array.get(i).getAsJsonPrimitive());
                }
            }
        }
        JsonElement threshold = values.get(THRESHOLD);
        if (threshold != null && threshold.isJsonPrimitive()) {
            putNumber(out, THRESHOLD, threshold.getAsJsonPrimitive());
        }
        for (String key : ZO_BAND) {
            JsonElement v = values.get(key);
            if (v != null && v.isJsonPrimitive()) {
                putNumber(out, key, v.getAsJsonPrimitive());
            }
        }
        return out;
    }

    /**
     * The sharpness series of a line read by {@link FlatRecord#parse}: {@code eigenvalues[i]} (or
     * {@code lambda[i]}) as {@code lambda_(i+1)}, and the {@code threshold}; the same values as
     * {@link #sharpness(MetricsRecord)}.
     */
    public static Map<String, Double> sharpness(Map<String, Double> flat) {
        Map<String, Double> out = new LinkedHashMap<>();
        String array = flat.containsKey(SharpnessLine.EIGENVALUES + "[0]") ? SharpnessLine.EIGENVALUES
                : SharpnessLine.LAMBDA;
        for (int i = 0; flat.containsKey(array + "[" + i + "]"); i++) {
            out.put(LAMBDA + (i + 1), flat.get(array + "[" + i + "]"));
        }
        if (flat.containsKey(THRESHOLD)) {
            out.put(THRESHOLD, flat.get(THRESHOLD));
        }
        for (String key : ZO_BAND) {
            if (flat.containsKey(key)) {
                out.put(key, flat.get(key));
            }
        }
        return out;
    }

    /**
     * The series of a line of {@code probes/sharpness_dimension.jsonl} read by {@link FlatRecord#parse}:
     * {@code sharpness_dimension} and its standard error {@code sharpness_dimension_se}.
     */
    public static Map<String, Double> sharpnessDimension(Map<String, Double> flat) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (flat.containsKey(SHARPNESS_DIMENSION)) {
            out.put(SHARPNESS_DIMENSION, flat.get(SHARPNESS_DIMENSION));
        }
        if (flat.containsKey(SharpnessDimensionLine.STANDARD_ERROR)) {
            out.put(SHARPNESS_DIMENSION_SE, flat.get(SharpnessDimensionLine.STANDARD_ERROR));
        }
        return out;
    }

    /** A number, or the strings NaN/Infinity/-Infinity the writers use for non-finite values. */
    private static void putNumber(Map<String, Double> out, String key, JsonPrimitive p) {
        if (p.isNumber()) {
            out.put(key, p.getAsDouble());
        } else if (p.isString()) {
            switch (p.getAsString()) {
                case "NaN" -> out.put(key, Double.NaN);
                case "Infinity" -> out.put(key, Double.POSITIVE_INFINITY);
                case "-Infinity" -> out.put(key, Double.NEGATIVE_INFINITY);
                default -> { /* a label, not a series */ }
            }
        }
    }
}
