package org.lmworkbench.core.tensorboard;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The scalars of one imported run, gathered into what {@code metrics.jsonl} holds: one row per
 * step, in step order whatever order the source logged them in, with every metric logged at that
 * step. A value logged again for the same metric and step (a restarted writer, a repeated CSV row)
 * replaces the earlier one, as the later write is the one that counts, and is counted. Values
 * that are not scalars are counted by kind.
 */
final class ScalarTable {

    private final MetricNames names = new MetricNames();
    private final TreeMap<Long, Map<String, Double>> rows = new TreeMap<>();
    private final Map<Long, Double> wallByStep = new HashMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private double firstWall = Double.NaN;
    private double lastWall = Double.NaN;
    private long points;
    private long replaced;

    /**
     * Adds a value.
     *
     * @param wallTime seconds since the Unix epoch; 0, negative or NaN when unknown
     */
    void put(String tag, long step, double value, double wallTime) {
        String metric = names.of(tag);
        Map<String, Double> row = rows.computeIfAbsent(step, s -> new LinkedHashMap<>());
        if (row.put(metric, value) != null) {
            replaced++;
        } else {
            points++;
        }
        if (wallTime > 0 && Double.isFinite(wallTime)) {
            wallByStep.merge(step, wallTime, Math::max);
            firstWall = Double.isNaN(firstWall) ? wallTime : Math.min(firstWall, wallTime);
            lastWall = Double.isNaN(lastWall) ? wallTime : Math.max(lastWall, wallTime);
        }
    }

    /** Counts a value that is not imported. */
    void skip(String kind) {
        skipped.merge(kind, 1, Integer::sum);
    }

    /** True if no scalar was added. */
    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Step to (metric to value), steps ascending, metrics in order of first appearance at the step. */
    NavigableMap<Long, Map<String, Double>> rows() {
        return Collections.unmodifiableNavigableMap(rows);
    }

    /** Latest wall time of the values at {@code step}, or NaN. */
    double wallTime(long step) {
        return wallByStep.getOrDefault(step, Double.NaN);
    }

    /** Earliest wall time of any value, or NaN if none had one. */
    double firstWall() {
        return firstWall;
    }

    /** Latest wall time of any value, or NaN. */
    double lastWall() {
        return lastWall;
    }

    /** Values stored (one per metric and step). */
    long points() {
        return points;
    }

    /** Values that replaced an earlier one at the same metric and step. */
    long replaced() {
        return replaced;
    }

    /** Values not imported, by kind. */
    Map<String, Integer> skipped() {
        return new TreeMap<>(skipped);
    }

    /** Tag (or column) to metric name. */
    Map<String, String> metricNames() {
        return names.mapping();
    }
}
