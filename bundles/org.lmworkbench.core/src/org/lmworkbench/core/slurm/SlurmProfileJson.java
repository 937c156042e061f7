package org.lmworkbench.core.slurm;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Slurm profiles as JSON, the one format of a profile file ({@code lmw sweep --profile <file>}) and
 * of the workbench's list of profiles in its preferences. A profile is an object:
 * <pre>
 * {"name": "cluster", "prefix": ["ssh", "login1"], "sbatch": "sbatch", "squeue": "squeue",
 *  "scancel": "scancel", "scontrol": "scontrol", "sacct": "sacct", "timeout_seconds": 60}
 * </pre>
 * Every key but {@code name} (in a list) is optional: the commands default to their usual names,
 * the prefix to none (the commands run on this machine), the timeout to
 * {@link SlurmProfile#DEFAULT_TIMEOUT}. Unknown keys are errors, so a misspelt command is not
 * silently replaced by its default. A list is an array of such objects with distinct names.
 */
public final class SlurmProfileJson {

    /** A profile with the name it is chosen by. */
    public record Named(String name, SlurmProfile profile) {

        /** Checks the name: what a user can type and recognise, without surrounding blanks. */
        public Named {
            if (name == null || name.isBlank() || !name.equals(name.strip())) {
                throw new IllegalArgumentException("a profile needs a name without leading or trailing blanks");
            }
        }
    }

    private static final Set<String> KEYS = Set.of("name", "prefix", "sbatch", "squeue", "scancel", "scontrol",
            "sacct", "timeout_seconds");

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private static final TypeAdapter<JsonElement> ELEMENT = new Gson().getAdapter(JsonElement.class);

    private SlurmProfileJson() {
    }

    /**
     * Reads a profile file.
     *
     * @throws SlurmException naming the file and the JSON path of what is wrong
     */
    public static SlurmProfile read(Path file) throws SlurmException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SlurmException(file + ": cannot read the Slurm profile (" + e.getMessage() + ")", e);
        }
        JsonElement root = parse(text, file.toString());
        if (!root.isJsonObject()) {
            throw new SlurmException(file + ": $: a Slurm profile is a JSON object");
        }
        return profile(root.getAsJsonObject(), "$", file.toString());
    }

    /** The JSON text of one profile, named when {@code name} is not null. */
    public static String write(String name, SlurmProfile profile) {
        return GSON.toJson(object(name, profile)) + "\n";
    }

    /**
     * Reads a list of named profiles.
     *
     * @param source names the text in messages (a file, or a preference)
     * @throws SlurmException naming the source and the JSON path of what is wrong
     */
    public static List<Named> readList(String text, String source) throws SlurmException {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        JsonElement root = parse(text, source);
        if (!root.isJsonArray()) {
            throw new SlurmException(source + ": $: a list of Slurm profiles is a JSON array");
        }
        List<Named> named = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        JsonArray array = root.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            String at = "$[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw new SlurmException(source + ": " + at + ": a Slurm profile is a JSON object");
            }
            JsonObject o = array.get(i).getAsJsonObject();
            String name = string(o, "name", at, source);
            if (name == null || name.isBlank() || !name.equals(name.strip())) {
                throw new SlurmException(source + ": " + at + ".name: every profile of a list needs a name without "
                        + "leading or trailing blanks");
            }
            if (!names.add(name)) {
                throw new SlurmException(source + ": " + at + ".name: the name '" + name + "' is used twice");
            }
            named.add(new Named(name, profile(o, at, source)));
        }
        return named;
    }

    /** The JSON text of a list of named profiles. */
    public static String writeList(List<Named> profiles) {
        JsonArray array = new JsonArray();
        for (Named n : profiles) {
            array.add(object(n.name(), n.profile()));
        }
        return GSON.toJson(array) + "\n";
    }

    private static JsonObject object(String name, SlurmProfile p) {
        JsonObject o = new JsonObject();
        if (name != null) {
            o.addProperty("name", name);
        }
        JsonArray prefix = new JsonArray();
        p.prefix().forEach(prefix::add);
        o.add("prefix", prefix);
        o.addProperty("sbatch", p.sbatch());
        o.addProperty("squeue", p.squeue());
        o.addProperty("scancel", p.scancel());
        o.addProperty("scontrol", p.scontrol());
        o.addProperty("sacct", p.sacct());
        o.addProperty("timeout_seconds", p.timeout().toSeconds());
        return o;
    }

    private static SlurmProfile profile(JsonObject o, String at, String source) throws SlurmException {
        for (Map.Entry<String, JsonElement> member : o.entrySet()) {
            if (!KEYS.contains(member.getKey())) {
                throw new SlurmException(source + ": " + at + "." + member.getKey() + ": unknown key; a profile has "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        SlurmProfile defaults = SlurmProfile.local();
        List<String> prefix = new ArrayList<>();
        JsonElement p = o.get("prefix");
        if (p != null && !p.isJsonNull()) {
            if (!p.isJsonArray()) {
                throw new SlurmException(source + ": " + at + ".prefix: must be an array of words such as "
                        + "[\"ssh\", \"login-host\"]");
            }
            for (int i = 0; i < p.getAsJsonArray().size(); i++) {
                JsonElement word = p.getAsJsonArray().get(i);
                if (!(word instanceof JsonPrimitive w) || !w.isString() || w.getAsString().isEmpty()) {
                    throw new SlurmException(source + ": " + at + ".prefix[" + i + "]: must be a non-empty string");
                }
                prefix.add(w.getAsString());
            }
        }
        Duration timeout = defaults.timeout();
        JsonElement t = o.get("timeout_seconds");
        if (t != null && !t.isJsonNull()) {
            if (!(t instanceof JsonPrimitive n) || !n.isNumber() || n.getAsDouble() < 1
                    || n.getAsDouble() != Math.rint(n.getAsDouble()) || n.getAsDouble() > 86_400) {
                throw new SlurmException(source + ": " + at + ".timeout_seconds: must be a whole number of seconds "
                        + "from 1 to 86400, not " + t);
            }
            timeout = Duration.ofSeconds(n.getAsLong());
        }
        return new SlurmProfile(prefix, command(o, "sbatch", defaults.sbatch(), at, source),
                command(o, "squeue", defaults.squeue(), at, source), command(o, "scancel", defaults.scancel(), at, source),
                command(o, "scontrol", defaults.scontrol(), at, source), command(o, "sacct", defaults.sacct(), at,
                        source), timeout);
    }

    private static String command(JsonObject o, String key, String fallback, String at, String source)
            throws SlurmException {
        String value = string(o, key, at, source);
        if (value == null) {
            return fallback;
        }
        if (value.isBlank()) {
            throw new SlurmException(source + ": " + at + "." + key + ": must name the " + key + " command, not be "
                    + "empty");
        }
        return value.strip();
    }

    private static String string(JsonObject o, String key, String at, String source) throws SlurmException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!(e instanceof JsonPrimitive p) || !p.isString()) {
            throw new SlurmException(source + ": " + at + "." + key + ": must be a string, not " + e);
        }
        return p.getAsString();
    }

    private static JsonElement parse(String text, String source) throws SlurmException {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            JsonElement element = ELEMENT.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new SlurmException(source + ": text after the JSON value");
            }
            return element;
        } catch (IOException | JsonParseException | IllegalStateException e) {
            String message = String.valueOf(e.getMessage());
            int newline = message.indexOf('\n');
            throw new SlurmException(source + ": not valid JSON (" + (newline < 0 ? message : message.substring(0,
                    newline)) + ")", e);
        }
    }
}
