package org.lmworkbench.workspace.cka;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lmworkbench.core.run.RunDirectory;

/**
 * Short labels for runs in a model x model heatmap: only the spec keys whose values differ across
 * the runs, e.g. {@code width=64 seed=1}, read from each run's {@code spec.json}. A key is shown by
 * its last word when that is unambiguous among the varying keys ({@code width} for
 * {@code model.width}). Runs without a readable spec, or runs whose specs agree everywhere, are
 * labelled by their run id; labels that would still coincide get the run id appended.
 */
public final class RunLabelShortener {

    /** Keys that differ between runs of one sweep without describing the model. */
    private static final Set<String> IGNORED = Set.of("name", "description");

    private RunLabelShortener() {
    }

    /** One label per run folder, in order. */
    public static List<String> labels(List<Path> runFolders) {
        List<Map<String, String>> specs = new ArrayList<>();
        for (Path folder : runFolders) {
            specs.add(flatSpec(folder));
        }
        Set<String> keys = new LinkedHashSet<>();
        specs.forEach(s -> keys.addAll(s.keySet()));
        List<String> varying = new ArrayList<>();
        for (String key : keys) {
            if (IGNORED.contains(key)) {
                continue;
            }
            Set<String> values = new HashSet<>();
            specs.forEach(s -> values.add(Objects.toString(s.get(key), "-")));
            if (values.size() > 1) {
                varying.add(key);
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < runFolders.size(); i++) {
            String id = runFolders.get(i).getFileName().toString();
            if (specs.get(i).isEmpty() || varying.isEmpty()) {
                labels.add(id);
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String key : varying) {
                parts.add(shortKey(key, varying) + "=" + Objects.toString(specs.get(i).get(key), "-"));
            }
            labels.add(String.join(" ", parts));
        }
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        labels.forEach(l -> {
            if (!seen.add(l)) {
                repeated.add(l);
            }
        });
        for (int i = 0; i < labels.size(); i++) {
            String id = runFolders.get(i).getFileName().toString();
            if (repeated.contains(labels.get(i)) && !labels.get(i).equals(id)) {
                labels.set(i, labels.get(i) + " (" + id + ")");
            }
        }
        return labels;
    }

    private static String shortKey(String key, List<String> varying) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        long same = varying.stream().filter(k -> k.substring(k.lastIndexOf('.') + 1).equals(last)).count();
        return same == 1 ? last : key;
    }

    /** The spec's leaves as dotted key to JSON text; empty when there is no readable spec. */
    private static Map<String, String> flatSpec(Path folder) {
        Map<String, String> flat = new LinkedHashMap<>();
        try {
            JsonElement root = JsonParser.parseString(Files.readString(folder.resolve(RunDirectory.SPEC)));
            flatten("", root, flat);
        } catch (IOException | RuntimeException e) {
            // no spec (a copied activations folder) or a corrupt one: the run id will do
            flat.clear();
        }
        return flat;
    }

    private static void flatten(String prefix, JsonElement e, Map<String, String> out) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                flatten(prefix.isEmpty() ? m.getKey() : prefix + "." + m.getKey(), m.getValue(), out);
            }
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            out.put(prefix, e.getAsString());
        } else {
            out.put(prefix, e.toString());
        }
    }
}
