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

    /**
     * Whether {@code held}, the spec of an existing run folder with this run's id, is a run of this
     * point of the sweep: a re-run or a single run may have taken the id before the sweep grew to it.
     *
     * @return null if every swept key has this point's value in {@code held}, else the first that
     *         differs, as {@code key=held value, not point value}
     */
    public String differenceFrom(ExperimentSpec held) {
        for (String key : point.keySet()) {
            Object want = spec.get(key);
            Object have = held.get(key);
            if (!Objects.equals(want, have)) {
                return key + "=" + have + ", not " + want;
            }
        }
        return null;
    }
}
