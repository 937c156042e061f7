package org.lmworkbench.core.tensorboard;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lmworkbench.core.run.AtomicFiles;
import org.lmworkbench.core.run.RunFileException;

/**
 * The content of {@code import.json}, which marks a run folder as imported rather than trained and
 * says from where. An imported run has no {@code spec.json}: there is no spec to tell.
 * <pre>
 * {
 *   "format": "tensorboard",                    or "csv"
 *   "source": "/home/me/logs",                  the folder or file given to the import
 *   "files": ["/home/me/logs/run_a/events.out.tfevents.1795000000.host.101.0"],
 *   "imported": "2026-12-07T20:50:00Z",
 *   "metrics": {"loss/train": "loss_train"},    tag or column to metric name
 *   "steps": 50, "points": 160, "replaced": 0,  rows, values, values that replaced one at the same step
 *   "skipped": {"histogram": 5, "text": 1},     values not imported, by kind
 *   "torn": []                                  files whose last record was incomplete
 * }
 * </pre>
 *
 * @param format    {@value #TENSORBOARD} or {@value #CSV}
 * @param source    what was imported
 * @param files     the files read
 * @param imported  when
 * @param metrics   tag (or column) to metric name, in order of first appearance
 * @param steps     lines of {@code metrics.jsonl}
 * @param points    values in it
 * @param replaced  values dropped because a later one had the same metric and step
 * @param skipped   values not imported (not scalars), by kind
 * @param tornFiles event files that ended inside a record, whose earlier records were imported
 */
public record ImportRecord(String format, Path source, List<Path> files, Instant imported, Map<String, String> metrics,
        long steps, long points, long replaced, Map<String, Integer> skipped, List<Path> tornFiles) {

    /** The file in the run folder. */
    public static final String FILE = "import.json";
    /** Format of TensorBoard logs. */
    public static final String TENSORBOARD = "tensorboard";
    /** Format of CSV files. */
    public static final String CSV = "csv";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** Copies the collections. */
    public ImportRecord {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(imported, "imported");
        files = List.copyOf(files);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        tornFiles = List.copyOf(tornFiles);
    }

    /** Values not imported, all kinds together. */
    public long skippedCount() {
        return skipped.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** The JSON text. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", format);
        o.addProperty("source", source.toString());
        o.add("files", paths(files));
        o.addProperty("imported", imported.toString());
        JsonObject m = new JsonObject();
        metrics.forEach(m::addProperty);
        o.add("metrics", m);
        o.addProperty("steps", steps);
        o.addProperty("points", points);
        o.addProperty("replaced", replaced);
        JsonObject s = new JsonObject();
        skipped.forEach(s::addProperty);
        o.add("skipped", s);
        o.add("torn", paths(tornFiles));
        return GSON.toJson(o) + "\n";
    }

    /** Writes {@code import.json} into {@code runDir} atomically. */
    public void write(Path runDir) throws IOException {
        AtomicFiles.write(runDir.resolve(FILE), toJson());
    }

    /**
     * Reads the {@code import.json} of a run folder.
     *
     * @throws java.nio.file.NoSuchFileException if the run was not imported
     * @throws RunFileException if the file is not a valid import record
     */
    public static ImportRecord read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        String text = Files.readString(file);
        try {
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            Map<String, String> metrics = new LinkedHashMap<>();
            required(o, "metrics").getAsJsonObject().entrySet().forEach(e -> metrics.put(e.getKey(), e.getValue().getAsString()));
            Map<String, Integer> skipped = new LinkedHashMap<>();
            required(o, "skipped").getAsJsonObject().entrySet().forEach(e -> skipped.put(e.getKey(), e.getValue().getAsInt()));
            return new ImportRecord(required(o, "format").getAsString(), Path.of(required(o, "source").getAsString()),
                    paths(required(o, "files").getAsJsonArray()), Instant.parse(required(o, "imported").getAsString()),
                    metrics, required(o, "steps").getAsLong(), required(o, "points").getAsLong(),
                    required(o, "replaced").getAsLong(), skipped, paths(required(o, "torn").getAsJsonArray()));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                | ClassCastException | NumberFormatException | DateTimeParseException e) {
            throw new RunFileException(file, "not a valid import record (" + e.getMessage() + ")", e);
        }
    }

    private static JsonElement required(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalStateException("'" + key + "' is missing");
        }
        return e;
    }

    private static JsonArray paths(List<Path> paths) {
        JsonArray a = new JsonArray();
        paths.forEach(p -> a.add(p.toString()));
        return a;
    }

    private static List<Path> paths(JsonArray a) {
        List<Path> result = new ArrayList<>();
        a.forEach(e -> result.add(Path.of(e.getAsString())));
        return result;
    }
}
