package org.lmworkbench.core.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The content of {@code meta.json}: what the user says about a run, as opposed to what the run
 * recorded. The workbench writes it (atomically) when a run is renamed, tagged or annotated; the
 * backend never reads it. A run without the file has no display name, tags or notes.
 * <pre>
 * {
 *   "name": "baseline, lr 0.05",      display name; the run id (folder name) never changes
 *   "tags": ["baseline", "eos"],       short labels, each at most once
 *   "notes": "free text\nover lines"
 * }
 * </pre>
 * Keys this version does not know are kept when the file is rewritten, so a newer workbench's
 * additions survive an edit made by an older one.
 *
 * @param name  display name, or null
 * @param tags  tags in the user's order, without repeats
 * @param notes notes, or null
 * @param other keys of the file this class does not own, kept as they were
 */
public record RunMeta(String name, List<String> tags, String notes, Map<String, JsonElement> other) {

    /** The file in the run folder. */
    public static final String FILE = "meta.json";
    /** Longest display name. */
    public static final int MAX_NAME = 200;
    /** Longest tag. */
    public static final int MAX_TAG = 64;

    /** A run nobody has said anything about. */
    public static final RunMeta EMPTY = new RunMeta(null, List.of(), null, Map.of());

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final String NAME = "name";
    private static final String TAGS = "tags";
    private static final String NOTES = "notes";

    /**
     * Checks and normalises the values: blank name and notes become null, the name is trimmed.
     *
     * @throws IllegalArgumentException naming the value that is not allowed
     */
    public RunMeta {
        name = name == null || name.isBlank() ? null : name.strip();
        notes = notes == null || notes.isBlank() ? null : notes;
        if (name != null && name.length() > MAX_NAME) {
            throw new IllegalArgumentException("the name is longer than " + MAX_NAME + " characters");
        }
        if (name != null && name.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("the name must be one line");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            unique.add(checkTag(tag));
        }
        tags = List.copyOf(unique);
        other = Map.copyOf(other);
        for (String key : other.keySet()) {
            if (key.equals(NAME) || key.equals(TAGS) || key.equals(NOTES)) {
                throw new IllegalArgumentException("'" + key + "' is a key of its own, not another key");
            }
        }
    }

    /** A tag as stored: trimmed, non-empty, one line, no comma (tags are edited as a comma list). */
    private static String checkTag(String tag) {
        String t = Objects.requireNonNull(tag, "tag").strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("a tag is empty");
        }
        if (t.length() > MAX_TAG) {
            throw new IllegalArgumentException("the tag '" + t + "' is longer than " + MAX_TAG + " characters");
        }
        if (t.indexOf(',') >= 0 || t.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the tag '" + t + "' holds a comma or a control character");
        }
        return t;
    }

    /**
     * Tags from a comma-separated list as a user types it ({@code "baseline, eos"}); empty entries
     * are dropped.
     *
     * @throws IllegalArgumentException if a tag is too long or holds a control character
     */
    public static List<String> parseTags(String commaList) {
        List<String> tags = new ArrayList<>();
        if (commaList != null) {
            for (String part : commaList.split(",")) {
                if (!part.isBlank()) {
                    tags.add(checkTag(part));
                }
            }
        }
        return tags;
    }

    /** The tags as the comma list {@link #parseTags} reads. */
    public String tagList() {
        return String.join(", ", tags);
    }

    /** The display name, or {@code runId} when the run has none. */
    public String displayName(String runId) {
        return name != null ? name : runId;
    }

    /** True if the run has a tag of this name (exactly). */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /** With another display name (null or blank removes it). */
    public RunMeta withName(String newName) {
        return new RunMeta(newName, tags, notes, other);
    }

    /** With other tags. */
    public RunMeta withTags(List<String> newTags) {
        return new RunMeta(name, newTags, notes, other);
    }

    /** With other notes (null or blank removes them). */
    public RunMeta withNotes(String newNotes) {
        return new RunMeta(name, tags, newNotes, other);
    }

    /** True if nothing is said about the run. */
    public boolean isEmpty() {
        return name == null && tags.isEmpty() && notes == null && other.isEmpty();
    }

    /** The JSON text: absent values are left out, the other keys follow. */
    public String toJson() {
        JsonObject o = new JsonObject();
        if (name != null) {
            o.addProperty(NAME, name);
        }
        if (!tags.isEmpty()) {
            JsonArray a = new JsonArray();
            tags.forEach(a::add);
            o.add(TAGS, a);
        }
        if (notes != null) {
            o.addProperty(NOTES, notes);
        }
        other.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> o.add(e.getKey(), e.getValue()));
        return GSON.toJson(o) + "\n";
    }

    /**
     * Parses the JSON text of a meta.json.
     *
     * @param source named in error messages
     * @throws RunFileException naming the file and the JSON path of the value at fault
     */
    public static RunMeta fromJson(String json, Path source) throws RunFileException {
        JsonElement root;
        try {
            root = StrictJson.parse(json);
        } catch (JsonParseException | IOException e) {
            throw new RunFileException(source, "malformed JSON: " + firstLine(e.getMessage()), e);
        }
        if (!root.isJsonObject()) {
            throw new RunFileException(source, "$: expected a JSON object", null);
        }
        JsonObject o = root.getAsJsonObject();
        String name = string(o, NAME, source);
        String notes = string(o, NOTES, source);
        List<String> tags = new ArrayList<>();
        JsonElement t = o.get(TAGS);
        if (t != null && !t.isJsonNull()) {
            if (!t.isJsonArray()) {
                throw new RunFileException(source, "$.tags: expected an array of strings", null);
            }
            JsonArray a = t.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                JsonElement e = a.get(i);
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                    throw new RunFileException(source, "$.tags[" + i + "]: expected a string", null);
                }
                tags.add(e.getAsString());
            }
        }
        Map<String, JsonElement> other = new java.util.LinkedHashMap<>();
        o.entrySet().stream().filter(e -> !Set.of(NAME, TAGS, NOTES).contains(e.getKey()))
                .forEach(e -> other.put(e.getKey(), e.getValue()));
        try {
            return new RunMeta(name, tags, notes, other);
        } catch (IllegalArgumentException e) {
            String path = e.getMessage().startsWith("the name") ? "$.name" : "$.tags";
            throw new RunFileException(source, path + ": " + e.getMessage(), e);
        }
    }

    private static String string(JsonObject o, String key, Path source) throws RunFileException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new RunFileException(source, "$." + key + ": expected a string", null);
        }
        return e.getAsString();
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }

    /**
     * Reads the meta.json of a run folder; {@link #EMPTY} when there is none.
     *
     * @throws RunFileException if the file exists but is not a valid meta.json
     */
    public static RunMeta read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        try {
            return fromJson(Files.readString(file), file);
        } catch (NoSuchFileException e) {
            return EMPTY;
        }
    }

    /** Writes {@code meta.json} into {@code runDir} atomically. */
    public void write(Path runDir) throws IOException {
        AtomicFiles.write(runDir.resolve(FILE), toJson());
    }
}
