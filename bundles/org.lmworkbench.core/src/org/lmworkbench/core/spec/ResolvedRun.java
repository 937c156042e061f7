package org.lmworkbench.core.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a spec file: a single spec, or one point of a sweep.
 *
 * @param runId the folder name under {@code runs/}: {@code <name>-<index>}, {@code <name>-000} for a single run
 * @param index 0-based position in the sweep order
 * @param point the swept values of this run by dotted key, in sweep order; empty without a sweep
 * @param spec  the fully resolved spec of this run
 */
public record ResolvedRun(String runId, int index, Map<String, Object> point, ExperimentSpec spec) {

    /** Freezes the point, keeping its order. */
    public ResolvedRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(spec, "spec");
        point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
    }

    /** A short label such as {@code model.width=64, seed=3}, for lists and legends. */
    public String label() {
        if (point.isEmpty()) {
            return runId;
        }
        StringBuilder label = new StringBuilder();
        point.forEach((k, v) -> label.append(label.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return label.toString();
    }
}
