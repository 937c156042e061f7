package org.lmworkbench.core.tensorboard;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Names metrics after TensorBoard tags or CSV column headers, one importer at a time. A metric name
 * is a key of {@code metrics.jsonl} that filter expressions and legends can use as it is, so every
 * character (code point) other than an ASCII letter, digit or {@code _} becomes {@code _} ({@code loss/train}
 * gives {@code loss_train}, {@code eval.acc} gives {@code eval_acc}), a leading digit gets a
 * {@code _} in front, and an empty tag is {@code _}. The keys {@code step} and {@code wall_time}
 * belong to the file itself. Where two tags would get the same name, the later one gets
 * {@code _2}, {@code _3}, ... in order of first appearance; the import record keeps the mapping.
 */
final class MetricNames {

    private static final Set<String> RESERVED = Set.of("step", "wall_time");

    private final Map<String, String> byTag = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>(RESERVED);

    /** The metric name of {@code tag}, the same on every call. */
    String of(String tag) {
        String known = byTag.get(tag);
        if (known != null) {
            return known;
        }
        String base = sanitise(tag);
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + "_" + i;
        }
        byTag.put(tag, name);
        return name;
    }

    /** Tag to metric name, in order of first appearance. */
    Map<String, String> mapping() {
        return new LinkedHashMap<>(byTag);
    }

    /** The name of a tag before collisions are resolved. */
    static String sanitise(String tag) {
        StringBuilder b = new StringBuilder(tag.length() + 1);
        tag.codePoints().forEach(c -> {
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
            b.append(plain ? (char) c : '_');
        });
        if (b.isEmpty() || Character.isDigit(b.charAt(0))) {
            b.insert(0, '_');
        }
        return b.toString();
    }
}
