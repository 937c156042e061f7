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
        return parent + "['" + escapeControls(key.replace("\\", "\\\\").replace("'", "\\'")) + "']";
    }

    private static String escapeControls(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path of one entry of the sweep; always bracketed, since sweep keys are dotted keys. */
    static String sweepEntry(String key) {
        return ROOT + "." + SpecSchema.SWEEP + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /**
     * A value or key as messages quote it: in single quotes, with line breaks and other control
     * characters escaped so that a message stays one line, and shortened when it is long.
     */
    static String quote(String value) {
        return "'" + shown(value) + "'";
    }

    /** Text as messages show it (see {@link #quote}), without the quotes; also for numbers as written. */
    static String shown(String text) {
        StringBuilder b = new StringBuilder();
        int limit = 60;
        for (int i = 0; i < text.length() && b.length() < limit; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        if (b.length() >= limit && text.length() > limit) {
            b.append("... (").append(text.length()).append(" characters)");
        }
        return b.toString();
    }

    /** The path of a schema field given by its dotted key; schema keys are always plain words. */
    static String ofKey(String dottedKey) {
        return dottedKey.isEmpty() ? ROOT : ROOT + "." + dottedKey;
    }
}
