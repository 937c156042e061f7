package org.lmworkbench.workspace.runs.table;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lmworkbench.core.run.RunMeta;
import org.lmworkbench.core.run.RunState;

/**
 * One row of the runs table: what a run folder says about the run, read by {@link RunSummaries}.
 *
 * @param folder   the run folder
 * @param state    the state of status.json, or null without a readable one
 * @param meta     the user's name, tags and notes (meta.json)
 * @param spec     the spec values by dotted key (spec.json); empty for imported runs
 * @param imported true if the run was imported (it has an import.json)
 * @param steps    the last step done (status.json), or of the metrics when there is no status
 * @param duration time from start to end (or to the last status update of a live run), or null
 * @param device   the device it ran on, or null
 * @param metrics  every metric's values, metrics.jsonl first, then the sharpness probe's series
 * @param errors   files that could not be read, with the reason
 */
public record RunSummary(Path folder, RunState state, RunMeta meta, Map<String, Object> spec, boolean imported,
        long steps, Duration duration, String device, Map<String, MetricStats> metrics, List<String> errors) {

    /** Copies the collections. */
    public RunSummary {
        Objects.requireNonNull(folder, "folder");
        meta = meta == null ? RunMeta.EMPTY : meta;
        spec = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(spec));
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        errors = List.copyOf(errors);
    }

    /** The run id, the folder's name. */
    public String id() {
        return folder.getFileName().toString();
    }

    /** The display name: the user's name for it, else the run id. */
    public String name() {
        return meta.displayName(id());
    }

    /** The metric's values, {@link MetricStats#NONE} if the run never logged it. */
    public MetricStats metric(String key) {
        return metrics.getOrDefault(key, MetricStats.NONE);
    }

    /** True while queued or running. */
    public boolean isLive() {
        return state != null && !state.isTerminal();
    }
}
