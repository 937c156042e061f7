package org.lmworkbench.core.spec;

import java.util.regex.Pattern;

/** Builds the JSONPath-like locations used in problem messages ({@code $.model.width}, {@code $.sweep['seed'][2]}). */
final class JsonPaths {

    static final String ROOT = "$";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {
    }

    static String child(String parent, String key) {
        if (PLAIN.matcher(key).matches()) {
            return parent + "." + key;
        }
        // Bracket form keeps dotted sweep keys like 'model.width' from reading as two levels.
        return parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path of one entry of the sweep; always bracketed, since sweep keys are dotted keys. */
    static String sweepEntry(String key) {
        return ROOT + "." + SpecSchema.SWEEP + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** The path of a schema field given by its dotted key; schema keys are always plain words. */
    static String ofKey(String dottedKey) {
        return dottedKey.isEmpty() ? ROOT : ROOT + "." + dottedKey;
    }
}
