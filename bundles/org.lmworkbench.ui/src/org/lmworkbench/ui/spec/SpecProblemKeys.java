package org.lmworkbench.ui.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * Maps the JSON path of a validation problem to the field that shows it: {@code $.model.width} and
 * {@code $.sweep['model.width'][1]} both belong to the width field, {@code $.probes.activations.layers[0]}
 * to the layers field. Paths that name no field (an unknown key, the sweep as a whole) give null,
 * and those problems are shown for the whole form instead.
 */
public final class SpecProblemKeys {

    private static final Pattern SWEEP_ENTRY = Pattern.compile("\\$\\.sweep\\['((?:[^'\\\\]|\\\\.)*)'\\].*");
    private static final Pattern INDEX_SUFFIX = Pattern.compile("(\\[\\d+\\])+$");

    private SpecProblemKeys() {
    }

    /** The dotted key of the field a problem at {@code jsonPath} belongs to, or null. */
    public static String fieldKey(String jsonPath) {
        if (jsonPath == null || !jsonPath.startsWith("$.")) {
            return null;
        }
        Matcher sweep = SWEEP_ENTRY.matcher(jsonPath);
        String key;
        if (sweep.matches()) {
            key = sweep.group(1).replace("\\'", "'").replace("\\\\", "\\");
        } else {
            key = INDEX_SUFFIX.matcher(jsonPath.substring(2)).replaceAll("");
        }
        return SpecSchema.isField(key) ? key : null;
    }
}
