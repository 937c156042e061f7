package org.lmworkbench.workspace.runs.table;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunMeta;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.tensorboard.ImportRecord;
import org.lmworkbench.workspace.runs.FlatRecord;
import org.lmworkbench.workspace.runs.MetricsTail;
import org.lmworkbench.workspace.runs.RecordFlattener;

/**
 * Reads {@link RunSummary}s of run folders and keeps what it read. Each file is read again only
 * when its size or time stamp changed, and the metrics files (append-only) only from where the
 * last read stopped: refreshing a table of 10,000 finished runs costs a few file-attribute calls
 * per run, and a training run costs the lines it appended.
 * <p>
 * Not thread-safe: one job reads at a time.
 */
public final class RunSummaries {

    /** Size and time stamp of a file when it was read; a file that differs in either is read again. */
    private record Stamp(long size, long modified) {

        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.size(), a.lastModifiedTime().toMillis());
            } catch (IOException e) {
                return null; // missing (or unreadable, which reading reports)
            }
        }
    }

    /** A JSON document of the run folder, kept with the stamp of the file it came from. */
    private static final class Document<T> {
        Stamp stamp;
        T value;
        String error;
    }

    /** A line file followed from where it was last read. */
    private static final class Lines {
        Stamp stamp;
        MetricsTail tail;
        Map<String, MetricStats> stats = new LinkedHashMap<>();
        String error;
    }

    private static final class Entry {
        final Document<RunStatus> status = new Document<>();
        final Document<Map<String, Object>> spec = new Document<>();
        final Document<RunMeta> meta = new Document<>();
        final Lines metrics = new Lines();
        final Lines sharpness = new Lines();
    }

    /** Read functions that may fail with an I/O error. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(Path file) throws IOException;
    }

    private final Map<Path, Entry> entries = new HashMap<>();
    private long filesRead;

    /** The summary of the run in {@code folder}, read from what changed since the last call for it. */
    public RunSummary read(Path folder) {
        Entry entry = entries.computeIfAbsent(folder, f -> new Entry());
        RunDirectory run = new RunDirectory(folder);
        List<String> errors = new ArrayList<>();
        RunStatus status = document(entry.status, run.statusFile(), RunStatus::read, errors);
        Map<String, Object> spec = document(entry.spec, run.specFile(), RunSummaries::flattenSpec, errors);
        RunMeta meta = document(entry.meta, run.metaFile(), f -> RunMeta.read(folder), errors);
        lines(entry.metrics, run.metricsFile(), false, errors);
        lines(entry.sharpness, run.sharpnessFile(), true, errors);

        Map<String, MetricStats> metrics = new LinkedHashMap<>(entry.metrics.stats);
        entry.sharpness.stats.forEach(metrics::putIfAbsent);
        long steps = status != null ? status.lastStep()
                : metrics.values().stream().mapToLong(MetricStats::lastStep).max().orElse(0);
        boolean imported = Files.isRegularFile(folder.resolve(ImportRecord.FILE));
        return new RunSummary(folder, status == null ? null : status.state(), meta, spec == null ? Map.of() : spec,
                imported, steps, duration(status), status == null ? null : status.device(), metrics, errors);
    }

    /** Summaries of {@code folders}, in their order. */
    public List<RunSummary> read(Collection<Path> folders) {
        List<RunSummary> out = new ArrayList<>(folders.size());
        for (Path folder : folders) {
            out.add(read(folder));
        }
        return out;
    }

    /** Forgets the runs not in {@code folders} (deleted, or no longer shown). */
    public void retainAll(Collection<Path> folders) {
        entries.keySet().retainAll(new java.util.HashSet<>(folders));
    }

    /** Files opened and read so far (not counting attribute checks): how much the cache saved. */
    public long filesRead() {
        return filesRead;
    }

    private <T> T document(Document<T> doc, Path file, Reader<T> reader, List<String> errors) {
        Stamp stamp = Stamp.of(file);
        if (stamp == null) {
            doc.stamp = null;
            doc.value = null;
            doc.error = null;
            return null;
        }
        if (!stamp.equals(doc.stamp)) {
            doc.stamp = stamp;
            filesRead++;
            try {
                doc.value = reader.read(file);
                doc.error = null;
            } catch (NoSuchFileException e) {
                doc.value = null;
                doc.error = null;
            } catch (IOException | RuntimeException e) {
                doc.value = null;
                doc.error = e.getMessage();
            }
        }
        if (doc.error != null) {
            errors.add(doc.error);
        }
        return doc.value;
    }

    private void lines(Lines lines, Path file, boolean sharpness, List<String> errors) {
        Stamp stamp = Stamp.of(file);
        if (stamp == null) {
            lines.stamp = null;
            lines.tail = null;
            lines.stats.clear();
            lines.error = null;
            return;
        }
        if (!stamp.equals(lines.stamp)) {
            if (lines.tail == null || lines.stamp == null || stamp.size() < lines.stamp.size()) {
                lines.tail = new MetricsTail(file, MetricsTail.DEFAULT_CHUNK); // new or replaced: from the top
                lines.stats.clear();
            }
            lines.stamp = stamp;
            filesRead++;
            lines.error = null;
            try {
                do {
                    for (FlatRecord record : lines.tail.readNew()) {
                        Map<String, Double> values = sharpness ? RecordFlattener.sharpness(record.values())
                                : record.values();
                        values.remove(RecordFlattener.WALL_TIME);
                        if (record.step() >= 0) {
                            values.forEach((key, value) -> lines.stats.put(key,
                                    lines.stats.getOrDefault(key, MetricStats.NONE).add(record.step(), value)));
                        }
                    }
                } while (lines.tail.hasMore());
            } catch (IOException e) {
                lines.error = e.getMessage();
                lines.stamp = null; // read again next time: the bad line is not consumed
            }
        }
        if (lines.error != null) {
            errors.add(lines.error);
        }
    }

    private static Duration duration(RunStatus status) {
        if (status == null || status.started() == null) {
            return null;
        }
        Instant end = status.ended() != null ? status.ended() : status.state().isTerminal() ? null : Instant.now();
        return end == null ? null : Duration.between(status.started(), end);
    }

    /**
     * spec.json's values by dotted key, read as JSON without validating the spec: a run written by
     * another version of the backend still shows its values, and 10,000 of them read quickly.
     * Numbers are doubles, arrays their JSON text.
     */
    static Map<String, Object> flattenSpec(Path file) throws IOException {
        JsonElement root = JsonParser.parseString(Files.readString(file));
        Map<String, Object> out = new LinkedHashMap<>();
        if (root.isJsonObject()) {
            flatten("", root.getAsJsonObject(), out);
        }
        return out;
    }

    private static void flatten(String prefix, JsonObject o, Map<String, Object> out) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            String key = prefix + e.getKey();
            JsonElement v = e.getValue();
            if (v.isJsonObject()) {
                flatten(key + ".", v.getAsJsonObject(), out);
            } else if (v.isJsonNull()) {
                out.put(key, null);
            } else if (v.isJsonPrimitive()) {
                var p = v.getAsJsonPrimitive();
                out.put(key, p.isNumber() ? (Object) p.getAsDouble() : p.isBoolean() ? (Object) p.getAsBoolean()
                        : p.getAsString());
            } else {
                out.put(key, v.toString());
            }
        }
    }
}
