package org.lmworkbench.core.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * Numbers in run files. JSON has no NaN or infinity, but a diverging run produces exactly those, so
 * they are written as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (the
 * spellings Python's {@code float()} and Java's {@code Double.parseDouble} accept).
 */
final class JsonNumbers {

    private JsonNumbers() {
    }

    static JsonElement toJson(Number value) {
        if ((value instanceof Double || value instanceof Float) && !Double.isFinite(value.doubleValue())) {
            return new JsonPrimitive(Double.toString(value.doubleValue()));
        }
        return new JsonPrimitive(value);
    }

    /**
     * Reads a number written by {@link #toJson}.
     *
     * @throws IllegalArgumentException if the element is neither a number nor one of the special strings
     */
    static double toDouble(JsonElement element) {
        if (element instanceof JsonPrimitive p) {
            if (p.isNumber()) {
                return p.getAsDouble();
            }
            if (p.isString()) {
                switch (p.getAsString()) {
                    case "NaN":
                        return Double.NaN;
                    case "Infinity":
                        return Double.POSITIVE_INFINITY;
                    case "-Infinity":
                        return Double.NEGATIVE_INFINITY;
                    default:
                        break;
                }
            }
        }
        throw new IllegalArgumentException("expected a number but found " + element);
    }
}
