package org.lmworkbench.core.spec;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes one value of a spec's JSON text, as forms and launch tabs do: the text is parsed, the value
 * at a dotted key is set (or removed, so the default applies again) and the whole document is written
 * back pretty-printed with two-space indentation, like the example spec. Existing keys keep their order
 * and numbers keep their spelling ({@code 1e-8} stays {@code 1e-8}); a key that was absent is inserted
 * where the schema lists it among its siblings, creating its section when needed.
 * <p>
 * Text that core's reader cannot read cleanly (malformed JSON, duplicate keys, a non-object root) is
 * refused rather than rewritten, because rewriting it would silently drop what the user wrote.
 */
public final class SpecJsonEditor {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private SpecJsonEditor() {
    }

    /**
     * The reason this text cannot be edited by key, or empty when it can.
     *
     * @return the first reading problem, rendered with its line ("line 3, column 5: ERROR: ...")
     */
    public static Optional<String> refusal(String text) {
        SpecDocument document = new SpecReader().read(text);
        if (document.isUnreadable() || !document.problems().isEmpty()) {
            return Optional.of(document.problems().isEmpty() ? "the text is not a JSON object"
                    : document.problems().get(0).toString());
        }
        return Optional.empty();
    }

    /**
     * The text with the value at {@code dottedKey} replaced.
     *
     * @param value Integer, Long, Double, BigDecimal, Boolean, String, a Collection of those, or null to
     *              remove the key (sections emptied by the removal are removed too)
     * @throws IllegalArgumentException if the key is not a field of the schema
     * @throws SpecException            if the text cannot be read cleanly (see {@link #refusal(String)})
     */
    public static String set(String text, String dottedKey, Object value) {
        if (!SpecSchema.isField(dottedKey)) {
            throw new IllegalArgumentException("'" + dottedKey + "' is not a spec field");
        }
        SpecDocument document = new SpecReader().read(text);
        if (document.isUnreadable() || !document.problems().isEmpty()) {
            throw new SpecException(document.problems().isEmpty()
                    ? List.of(new SpecProblem(SpecProblem.Severity.ERROR, "the text is not a JSON object", "$", 1, 1))
                    : document.problems());
        }
        JsonObject root = JsonParser.parseString(text.startsWith("\uFEFF") ? text.substring(1) : text).getAsJsonObject();
        String[] parts = dottedKey.split("\\.");
        if (value == null) {
            remove(root, parts, 0);
        } else {
            put(root, "", parts, 0, toJson(value));
        }
        return GSON.toJson(root) + "\n";
    }

    /** Current value at a dotted key as written (not defaulted), as plain Java, or null when absent. */
    public static Object get(String text, String dottedKey) {
        SpecDocument document = new SpecReader().read(text);
        if (document.isUnreadable()) {
            return null;
        }
        SpecNode node = document.root().find(dottedKey);
        return node == null ? null : node.toValue();
    }

    private static void put(JsonObject object, String section, String[] parts, int index, JsonElement value) {
        String name = parts[index];
        String key = section.isEmpty() ? name : section + "." + name;
        if (index == parts.length - 1) {
            insertOrdered(object, section, name, value);
            return;
        }
        JsonObject child;
        if (object.get(name) instanceof JsonObject existing) {
            child = existing;
        } else {
            // a section written as something else is replaced: the validator had already flagged it
            child = new JsonObject();
            insertOrdered(object, section, name, child);
        }
        put(child, key, parts, index + 1, value);
    }

    /** Replaces in place when present; otherwise inserts before the first later sibling of the schema. */
    private static void insertOrdered(JsonObject object, String section, String name, JsonElement value) {
        if (object.has(name)) {
            List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(object.entrySet());
            entries.forEach(e -> object.remove(e.getKey()));
            for (Map.Entry<String, JsonElement> e : entries) {
                object.add(e.getKey(), e.getKey().equals(name) ? value : e.getValue());
            }
            return;
        }
        List<String> order = SpecSchema.children(section);
        int rank = order.indexOf(name);
        List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(object.entrySet());
        entries.forEach(e -> object.remove(e.getKey()));
        boolean inserted = false;
        for (Map.Entry<String, JsonElement> e : entries) {
            int otherRank = order.indexOf(e.getKey());
            if (!inserted && rank >= 0 && otherRank > rank) {
                object.add(name, value);
                inserted = true;
            }
            object.add(e.getKey(), e.getValue());
        }
        if (!inserted) {
            object.add(name, value);
        }
    }

    private static void remove(JsonObject object, String[] parts, int index) {
        String name = parts[index];
        if (index == parts.length - 1) {
            object.remove(name);
            return;
        }
        if (object.get(name) instanceof JsonObject child) {
            remove(child, parts, index + 1);
            if (child.isEmpty()) {
                object.remove(name);
            }
        }
    }

    private static JsonElement toJson(Object value) {
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof Double d) {
            // BigDecimal.valueOf keeps the short decimal form (0.05, not 0.05000000000000000277)
            return new JsonPrimitive(Double.isFinite(d) ? BigDecimal.valueOf(d) : (Number) d);
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (value instanceof CharSequence s) {
            return new JsonPrimitive(s.toString());
        }
        if (value instanceof SpecEnum e) {
            return new JsonPrimitive(e.jsonName());
        }
        if (value instanceof Collection<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(element -> array.add(toJson(element)));
            return array;
        }
        throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName() + " into a spec");
    }
}
