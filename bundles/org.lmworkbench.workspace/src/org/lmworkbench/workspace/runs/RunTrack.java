package org.lmworkbench.workspace.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lmworkbench.core.cluster.ScheduledRun;
import org.lmworkbench.core.cluster.SchedulerSnapshot;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.workspace.runs.MetricTable.Series;
import org.lmworkbench.workspace.runs.ViewSettings.XAxis;

/**
 * What the Runs view knows of one run folder: its spec values, its state, and the metrics and
 * sharpness read so far. {@link #poll()} reads only the lines appended since the previous poll
 * (offset-based tailing through {@link MetricsTail}), so following a long run costs what it
 * writes, not what it has written; a long backlog is read a chunk per poll.
 */
public final class RunTrack {

    private final RunDirectory run;
    private final MetricsTail metricsReader;
    private final MetricsTail sharpnessReader;
    private final MetricsTail dimensionReader;
    private final MetricTable metrics = new MetricTable();
    private final MetricTable sharpness = new MetricTable();
    private final MetricTable dimension = new MetricTable();
    private Map<String, Object> specValues;
    private RunState state;
    private boolean pending;
    private String error;
    private int resets;

    /** Follows the run in {@code folder}; nothing is read until {@link #poll()}. */
    public RunTrack(Path folder) {
        this(folder, MetricsTail.DEFAULT_CHUNK);
    }

    /** Follows the run in {@code folder}, reading at most {@code chunk} bytes of each file per poll. */
    public RunTrack(Path folder, int chunk) {
        this.run = new RunDirectory(folder);
        this.metricsReader = new MetricsTail(run.metricsFile(), chunk);
        this.sharpnessReader = new MetricsTail(run.sharpnessFile(), chunk);
        this.dimensionReader = new MetricsTail(run.sharpnessDimensionFile(), chunk);
    }

    /** The run id (folder name). */
    public String id() {
        return run.runId();
    }

    /** The run folder. */
    public Path folder() {
        return run.path();
    }

    /**
     * Reads what was appended to metrics.jsonl and probes/sharpness.jsonl since the last poll, and
     * status.json and (until it could be read once) spec.json. A file that cannot be read leaves an
     * {@link #error()} naming it; the rest of the run is still read.
     *
     * @return the number of new records
     */
    public int poll() {
        error = null;
        loadSpec();
        readStatus();
        return read(metricsReader, metrics, null) + read(sharpnessReader, sharpness, RecordFlattener::sharpness)
                + read(dimensionReader, dimension, RecordFlattener::sharpnessDimension);
    }

    private int read(MetricsTail reader, MetricTable table,
            java.util.function.UnaryOperator<Map<String, Double>> probeSeries) {
        long before = reader.linesRead();
        List<FlatRecord> records;
        try {
            records = reader.readNew();
        } catch (IOException e) {
            error = e.getMessage();
            return 0;
        }
        if (reader.linesRead() < before || (!records.isEmpty() && records.get(0).line() <= before)) {
            // The reader restarted at the top: the file was replaced (e.g. a run started over).
            table.clear();
            resets++;
        }
        for (FlatRecord record : records) {
            Map<String, Double> values = probeSeries != null ? probeSeries.apply(record.values()) : record.values();
            Double wall = values.remove(RecordFlattener.WALL_TIME);
            if (record.step() >= 0) {
                table.append(record.step(), wall == null ? Double.NaN : wall, values);
            }
        }
        return records.size();
    }

    /**
     * Reads spec.json unless it was read before (a run's spec does not change), so that a query can
     * decide whether to follow the run before its metrics are read.
     *
     * @return the spec values, empty while spec.json is missing or unreadable
     */
    public Map<String, Object> loadSpec() {
        if (specValues == null && Files.isRegularFile(run.specFile())) {
            try {
                specValues = SpecKeys.flatten(run.readSpec());
            } catch (IOException e) {
                error = e.getMessage();
            }
        }
        return specValues();
    }

    private void readStatus() {
        if (!Files.isRegularFile(run.statusFile())) {
            state = null;
            return;
        }
        try {
            RunStatus status = run.readStatus();
            SchedulerSnapshot scheduler = status.job() == null ? null : SchedulerSnapshot.read(run);
            ScheduledRun scheduled = new ScheduledRun(run, status, scheduler);
            state = scheduled.state();
            pending = scheduled.isPending();
        } catch (IOException e) {
            error = e.getMessage();
        }
    }

    /** True when a cluster scheduler last said the run waits to start (its status says queued). */
    public boolean isPending() {
        return pending;
    }

    /** True if a file has more complete lines than the last poll read (a backlog read a chunk per poll). */
    public boolean hasBacklog() {
        return metricsReader.hasMore() || sharpnessReader.hasMore() || dimensionReader.hasMore();
    }

    /** True while status.json says queued or running: more lines may come. */
    public boolean isLive() {
        return state != null && !state.isTerminal();
    }

    /** The state last read, or null if there is no readable status.json. */
    public RunState state() {
        return state;
    }

    /** Why the last poll could not read a file (names the file, and the line for a corrupt record), or null. */
    public String error() {
        return error;
    }

    /** How often a file was found replaced and read again from its start; lines shown must be redrawn. */
    public int resets() {
        return resets;
    }

    /** The spec values by dotted key (empty until spec.json could be read). */
    public Map<String, Object> specValues() {
        return specValues == null ? Map.of() : specValues;
    }

    /** All metric keys: metrics.jsonl's first, then the sharpness series, then the sharpness dimension. */
    public List<String> keys() {
        List<String> keys = metrics.keys();
        for (MetricTable probe : List.of(sharpness, dimension)) {
            for (String key : probe.keys()) {
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** The series of {@code key} from whichever file has it (metrics.jsonl first). */
    public Series series(String key, XAxis axis) {
        if (metrics.has(key)) {
            return metrics.series(key, axis);
        }
        if (sharpness.has(key)) {
            return sharpness.series(key, axis);
        }
        return dimension.has(key) ? dimension.series(key, axis) : metrics.series(key, axis);
    }

    /** Lines of metrics.jsonl read so far (blank ones included). */
    public long metricsLines() {
        return metricsReader.linesRead();
    }

    /** Bytes held by the columns. */
    public long bytes() {
        return metrics.bytes() + sharpness.bytes() + dimension.bytes();
    }

    /** The metrics.jsonl table. */
    public MetricTable metrics() {
        return metrics;
    }
}
