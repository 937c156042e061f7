package org.lmworkbench.core.spec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value of a spec document that remembers where it was written: its JSON path and the line
 * and column of its first character (both 1-based; 0 when the value was built in code rather than
 * read from a file). Nodes are immutable.
 */
public sealed interface SpecNode {

    /** The JSON path of this value where it was written, e.g. {@code $.model.width}. */
    String path();

    /** 1-based line, or 0 for values that were not read from a file. */
    int line();

    /** 1-based column, or 0 for values that were not read from a file. */
    int column();

    /** How the value reads in a message after "found", e.g. {@code string "wide"} or {@code an array}. */
    String describe();

    /** The value as plain Java: Map, List, String, Integer/Long/Double, Boolean or null. */
    Object toValue();

    /** A position in a file. */
    record Location(int line, int column) {
    }

    /** A JSON object; member order is the order in the file. */
    record ObjectNode(String path, int line, int column, Map<String, SpecNode> members,
            Map<String, Location> keyLocations) implements SpecNode {

        /** Freezes the maps, keeping their order. */
        public ObjectNode {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
            keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
        }

        /** The member called {@code key}, or null. */
        public SpecNode get(String key) {
            return members.get(key);
        }

        /** Follows a dotted key such as {@code optimizer.schedule.kind}; null if any step is missing. */
        public SpecNode find(String dottedKey) {
            SpecNode node = this;
            for (String part : dottedKey.split("\\.")) {
                if (!(node instanceof ObjectNode object)) {
                    return null;
                }
                node = object.get(part);
                if (node == null) {
                    return null;
                }
            }
            return node;
        }

        /** Where the key {@code key} is written; falls back to this object's own location. */
        public Location keyLocation(String key) {
            return keyLocations.getOrDefault(key, new Location(line, column));
        }

        /** A copy without {@code key}. */
        public ObjectNode without(String key) {
            Map<String, SpecNode> copy = new LinkedHashMap<>(members);
            copy.remove(key);
            return new ObjectNode(path, line, column, copy, keyLocations);
        }

        /**
         * A copy with the value at {@code dottedKey} replaced, creating missing intermediate objects.
         * The new value keeps its own path and location, so problems with it point where it was written.
         */
        public ObjectNode withValue(String dottedKey, SpecNode value) {
            int dot = dottedKey.indexOf('.');
            String head = dot < 0 ? dottedKey : dottedKey.substring(0, dot);
            SpecNode replacement = value;
            if (dot >= 0) {
                SpecNode existing = members.get(head);
                ObjectNode child = existing instanceof ObjectNode object ? object
                        : new ObjectNode(JsonPaths.child(path, head), line, column, Map.of(), Map.of());
                replacement = child.withValue(dottedKey.substring(dot + 1), value);
            }
            Map<String, SpecNode> copy = new LinkedHashMap<>(members);
            copy.put(head, replacement);
            return new ObjectNode(path, line, column, copy, keyLocations);
        }

        @Override
        public String describe() {
            return "an object";
        }

        @Override
        public Object toValue() {
            Map<String, Object> map = new LinkedHashMap<>();
            members.forEach((k, v) -> map.put(k, v.toValue()));
            return map;
        }
    }

    /** A JSON array. */
    record ArrayNode(String path, int line, int column, List<SpecNode> elements) implements SpecNode {

        /** Freezes the list. */
        public ArrayNode {
            elements = List.copyOf(elements);
        }

        @Override
        public String describe() {
            return "an array";
        }

        @Override
        public Object toValue() {
            List<Object> list = new ArrayList<>();
            elements.forEach(e -> list.add(e.toValue()));
            return list;
        }
    }

    /** A JSON string. */
    record StringNode(String path, int line, int column, String value) implements SpecNode {

        @Override
        public String describe() {
            return "string \"" + JsonPaths.shown(value.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
        }

        @Override
        public Object toValue() {
            return value;
        }
    }

    /**
     * A JSON number, kept exactly as written so that messages can quote it.
     *
     * @param text  the number as written, e.g. {@code 1e999}
     * @param value its exact value, or null when it cannot be represented at all (NaN, huge exponents)
     */
    record NumberNode(String path, int line, int column, String text, BigDecimal value) implements SpecNode {

        /** True if the value is a whole number (written as {@code 3}, {@code 3.0} or {@code 3e0}). */
        public boolean isIntegral() {
            if (value == null) {
                return false;
            }
            return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        }

        @Override
        public String describe() {
            return "number " + JsonPaths.shown(text);
        }

        @Override
        public Object toValue() {
            if (value == null) {
                return Double.NaN;
            }
            if (isIntegral()) {
                try {
                    long l = value.longValueExact();
                    return l == (int) l ? (Object) (int) l : (Object) l;
                } catch (ArithmeticException tooBig) {
                    return value.doubleValue();
                }
            }
            return value.doubleValue();
        }
    }

    /** JSON {@code true} or {@code false}. */
    record BooleanNode(String path, int line, int column, boolean value) implements SpecNode {

        @Override
        public String describe() {
            return "boolean " + value;
        }

        @Override
        public Object toValue() {
            return value;
        }
    }

    /** JSON {@code null}. */
    record NullNode(String path, int line, int column) implements SpecNode {

        @Override
        public String describe() {
            return "null";
        }

        @Override
        public Object toValue() {
            return null;
        }
    }

    /**
     * Builds a node tree from plain Java values (Map, Collection, Number, String, Boolean,
     * {@link SpecEnum}, null), as forms and sweeps produce them. The nodes have no file location.
     *
     * @throws IllegalArgumentException for any other kind of value
     */
    static SpecNode fromValue(Object value, String path) {
        if (value == null) {
            return new NullNode(path, 0, 0);
        }
        if (value instanceof SpecNode node) {
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, SpecNode> members = new LinkedHashMap<>();
            map.forEach((k, v) -> members.put(String.valueOf(k), fromValue(v, JsonPaths.child(path, String.valueOf(k)))));
            return new ObjectNode(path, 0, 0, members, Map.of());
        }
        if (value instanceof Collection<?> collection) {
            List<SpecNode> elements = new ArrayList<>();
            for (Object element : collection) {
                elements.add(fromValue(element, JsonPaths.index(path, elements.size())));
            }
            return new ArrayNode(path, 0, 0, elements);
        }
        if (value instanceof Boolean b) {
            return new BooleanNode(path, 0, 0, b);
        }
        if (value instanceof SpecEnum e) {
            return new StringNode(path, 0, 0, e.jsonName());
        }
        if (value instanceof CharSequence s) {
            return new StringNode(path, 0, 0, s.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return new NumberNode(path, 0, 0, String.valueOf(value), Double.isFinite(d) ? BigDecimal.valueOf(d) : null);
        }
        if (value instanceof Number n) {
            return new NumberNode(path, 0, 0, n.toString(), new BigDecimal(n.toString()));
        }
        throw new IllegalArgumentException("cannot use a " + value.getClass().getSimpleName() + " as a spec value");
    }
}
