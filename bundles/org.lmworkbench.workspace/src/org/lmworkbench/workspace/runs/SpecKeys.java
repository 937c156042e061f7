package org.lmworkbench.workspace.runs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * The spec values of runs by dotted key ({@code model.width}, {@code optimizer.lr}), which keys
 * vary across a set of runs, and how a key and its value read in a legend.
 */
public final class SpecKeys {

    /** Keys that only reseed a run: runs that differ in nothing else are repetitions of one setting. */
    public static final Set<String> SEED_KEYS = Set.of("seed", "data.seed");

    /** Free text that says nothing about the setting. */
    private static final Set<String> IGNORED = Set.of("description");

    private SpecKeys() {
    }

    /** Every value of a resolved spec by dotted key, in schema order (read as {@link ExperimentSpec#get}). */
    public static Map<String, Object> flatten(ExperimentSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", spec.toMap(), out);
        return out;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> inner) {
                flatten(key + ".", inner, out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }

    /**
     * Keys whose value is not the same in all of {@code specs} (a key one run lacks counts as a
     * different value), in the order of the first spec; the description is never one.
     */
    public static List<String> varying(List<Map<String, Object>> specs) {
        Set<String> keys = new LinkedHashSet<>();
        specs.forEach(s -> keys.addAll(s.keySet()));
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            if (IGNORED.contains(key) || specs.size() < 2) {
                continue;
            }
            Object first = normal(specs.get(0).get(key));
            if (specs.stream().anyMatch(s -> !Objects.equals(first, normal(s.get(key))))) {
                out.add(key);
            }
        }
        return out;
    }

    /** Numbers compare by value, so 64 (Integer) and 64.0 (Double) from different writers are equal. */
    private static Object normal(Object value) {
        return value instanceof Number n ? (Object) n.doubleValue() : value;
    }

    /**
     * Short names of {@code keys} for a legend: the last part of the dotted key ({@code lr} for
     * {@code optimizer.lr}), or the whole key where two keys would share a short name
     * ({@code seed} and {@code data.seed}).
     */
    public static Map<String, String> shortNames(List<String> keys) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.merge(last(k), 1, Integer::sum));
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, counts.get(last(k)) > 1 ? k : last(k)));
        return out;
    }

    private static String last(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** {@code "width=64, lr=0.1"}: the given keys of one spec, with short names. */
    public static String describe(Map<String, Object> spec, List<String> keys) {
        Map<String, String> names = shortNames(keys);
        StringBuilder out = new StringBuilder();
        for (String key : keys) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(names.get(key)).append('=').append(format(spec.get(key)));
        }
        return out.toString();
    }

    /** A value as a person writes it: 64 not 64.0, 0.1 not 0.1000000001 after float noise. */
    public static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return Double.toString(d);
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return new BigDecimal(String.format(java.util.Locale.ROOT, "%.6g", d)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(value);
    }
}
