package org.lmworkbench.core.tensorboard;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.core.run.AtomicFiles;
import org.lmworkbench.core.run.MetricsWriter;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * Writes an imported run into a project: {@code runs/<id>/} with {@code metrics.jsonl} (one line per
 * step; {@code wall_time} in seconds since the first value, as for trained runs, when the source
 * had times), a {@code completed} {@code status.json} whose start and end are the first and last
 * wall times, and {@code import.json}. The folder is assembled under a hidden name and renamed into
 * place, so the workbench never sees half an imported run. A run id that is taken already gets
 * {@code -2}, {@code -3}, ... appended: an import never touches an existing run.
 */
final class ImportedRunWriter {

    private static final int MAX_ID = 90;

    private ImportedRunWriter() {
    }

    /** What was read, for {@code import.json}. */
    record Source(String format, Path path, List<Path> files, List<Path> tornFiles) {
    }

    static ImportedRun write(Path project, String wantedId, ScalarTable table, Source source) throws IOException {
        Path runs = project.resolve(RunDirectory.RUNS);
        Files.createDirectories(runs);
        String base = runId(wantedId);
        Path temp = Files.createTempDirectory(runs, "." + base + "-");
        try {
            ImportRecord record = fill(temp, table, source);
            for (int i = 1;; i++) {
                String id = i == 1 ? base : base + "-" + i;
                Path target = runs.resolve(id);
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    return new ImportedRun(id, target, record);
                } catch (FileAlreadyExistsException e) {
                    // Taken between the check and the move: try the next name.
                }
            }
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteQuietly(temp);
            throw e;
        }
    }

    private static ImportRecord fill(Path dir, ScalarTable table, Source source) throws IOException {
        RunDirectory run = new RunDirectory(dir);
        double first = table.firstWall();
        try (MetricsWriter metrics = MetricsWriter.open(run.metricsFile())) {
            for (Map.Entry<Long, Map<String, Double>> row : table.rows().entrySet()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("step", row.getKey());
                line.putAll(row.getValue());
                double wall = table.wallTime(row.getKey());
                if (!Double.isNaN(wall)) {
                    line.put("wall_time", wall - first);
                }
                metrics.append(line);
            }
            metrics.sync();
        }
        Instant now = Instant.now();
        Instant started = Double.isNaN(first) ? null : instant(first);
        Instant ended = Double.isNaN(table.lastWall()) ? null : instant(table.lastWall());
        long lastStep = table.rows().isEmpty() ? 0 : table.rows().lastKey();
        run.writeStatus(new RunStatus(RunState.COMPLETED, started != null ? started : now, started, ended, null, null,
                null, null, null, lastStep, lastStep, null, null, "imported from " + source.path(), null));
        ImportRecord record = new ImportRecord(source.format(), source.path(), source.files(), now,
                table.metricNames(), table.rows().size(), table.points(), table.replaced(), table.skipped(),
                source.tornFiles());
        record.write(dir);
        return record;
    }

    /** Epoch seconds to an instant, to the microsecond (what a double holds at today's epoch). */
    private static Instant instant(double seconds) {
        long micros = Math.round(seconds * 1e6);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** A run id made of the characters run ids allow. */
    static String runId(String wanted) {
        String id = wanted.replaceAll("[^A-Za-z0-9._-]", "_");
        if (id.length() > MAX_ID) {
            id = id.substring(0, MAX_ID);
        }
        if (id.isEmpty() || id.startsWith(".")) {
            id = "_" + id;
        }
        if (!SpecSchema.NAME_PATTERN.matcher(id).matches()) {
            throw new IllegalStateException("'" + id + "' is still not a run id"); // cannot happen with the rules above
        }
        return id;
    }

}
