package org.lmworkbench.core.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One line of a JSON-lines run file such as {@code metrics.jsonl} or {@code probes/sharpness.jsonl}.
 *
 * @param line   1-based line number in the file
 * @param values the parsed object
 */
public record MetricsRecord(long line, JsonObject values) {

    /** Key of the optimizer step in every record. */
    public static final String STEP = MetricsLine.STEP;

    /** Keeps a private copy, since Gson objects are mutable. */
    public MetricsRecord {
        values = values.deepCopy();
    }

    /** A copy of the parsed object. */
    @Override
    public JsonObject values() {
        return values.deepCopy();
    }

    /** True if the record has a non-null value for {@code key}. */
    public boolean has(String key) {
        return values.has(key) && !values.get(key).isJsonNull();
    }

    /** The {@code step} of the record, or -1 if it has none. */
    public long step() {
        return has(STEP) && values.get(STEP).isJsonPrimitive() && values.get(STEP).getAsJsonPrimitive().isNumber()
                ? values.get(STEP).getAsLong() : -1;
    }

    /**
     * A numeric value; NaN when absent or null. The strings "NaN", "Infinity" and "-Infinity" are
     * read as those numbers.
     *
     * @throws IllegalArgumentException if the value is something other than a number
     */
    public double number(String key) {
        return has(key) ? JsonNumbers.toDouble(values.get(key)) : Double.NaN;
    }

    /**
     * A numeric array such as the top-k eigenvalues; empty when absent.
     *
     * @throws IllegalArgumentException if the value is not an array of numbers
     */
    public double[] numbers(String key) {
        if (!has(key)) {
            return new double[0];
        }
        JsonElement element = values.get(key);
        if (!element.isJsonArray()) {
            throw new IllegalArgumentException("'" + key + "' is not an array: " + element);
        }
        JsonArray array = element.getAsJsonArray();
        double[] result = new double[array.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = JsonNumbers.toDouble(array.get(i));
        }
        return result;
    }

    /** A string value, or null. */
    public String string(String key) {
        return has(key) ? values.get(key).getAsString() : null;
    }
}
