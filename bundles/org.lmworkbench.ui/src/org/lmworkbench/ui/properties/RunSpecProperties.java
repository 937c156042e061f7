package org.lmworkbench.ui.properties;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.spec.SpecLoadResult;
import org.lmworkbench.core.spec.Specs;
import org.lmworkbench.ui.navigator.RunElement;

/**
 * Flattens a run's resolved spec.json into dotted keys ({@code optimizer.lr -> 0.05}) for the
 * Properties view. The spec is read through core's run directory, so the keys are the resolved,
 * schema-ordered ones; if that fails (a run written by a newer backend, with keys this workbench
 * does not know), the tree as written is shown instead, so nothing the run recorded is hidden.
 */
final class RunSpecProperties {

    private RunSpecProperties() {
    }

    /** The dotted keys and values of the file in file order; empty if it is missing or unreadable. */
    static Map<String, String> read(RunElement run) {
        Map<String, String> flat = new LinkedHashMap<>();
        IFile specFile = run.specFile();
        if (!specFile.exists()) {
            return flat;
        }
        RunDirectory directory = run.runDirectory();
        if (directory != null) {
            try {
                flatten("", directory.readSpec().toMap(), flat);
                return flat;
            } catch (IOException | RuntimeException e) {
                flat.clear(); // fall back to the file as written
            }
        }
        String text;
        try (InputStream in = specFile.getContents(true)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | CoreException e) {
            return flat; // the Properties view shows what it can; the status part is still useful
        }
        SpecLoadResult result = Specs.parse(text);
        if (result.tree() != null) {
            flatten("", result.tree().toValue(), flat);
        }
        return flat;
    }

    /** Adds {@code value} under {@code prefix}; maps recurse with dotted keys, lists print inline. */
    static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey();
                flatten(key, entry.getValue(), into);
            }
        } else if (value instanceof List<?> list) {
            into.put(prefix, list.stream().map(RunSpecProperties::scalar).collect(Collectors.joining(", ", "[", "]")));
        } else {
            into.put(prefix, scalar(value));
        }
    }

    private static String scalar(Object value) {
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString(); // the number as written, not a binary-rounded double
        }
        return String.valueOf(value);
    }
}
