package org.lmworkbench.backend.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * Derives hostile variants of a valid spec, the way a careless or malicious user would write them:
 * values of the wrong type, numbers out of range or beyond any float, unknown and duplicate keys,
 * deep nesting, NaN literals, broken syntax, broken sweeps and cross-field contradictions, and files
 * cut off anywhere. A mutant is bytes (some are not valid UTF-8) plus the names of the mutations
 * applied, so a failing case says how it was made. Deterministic for a given {@link Random}.
 */
final class SpecMutator {

    /** A mutated spec file. */
    record Mutant(byte[] bytes, List<String> mutations) {
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,]\\s{0,20})-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern MEMBER_LINE = Pattern.compile("(?m)^\\s+\"[a-z_]+\": [^{\\[\\n]+,$");
    private static final Pattern VALUE = Pattern.compile("(?<=: )(\"[^\"]*\"|-?[0-9.eE+-]+|true|false|null)");

    private final Random random;

    SpecMutator(Random random) {
        this.random = random;
    }

    /** One to three mutations of {@code seed} (a valid spec's JSON text). */
    Mutant mutate(String seed) {
        JsonObject tree = JsonParser.parseString(seed).getAsJsonObject();
        List<String> applied = new ArrayList<>();
        int count = random.nextInt(10) < 6 ? 1 : random.nextInt(10) < 7 ? 2 : 3;
        List<Integer> textual = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(TREE_KINDS + TEXT_KINDS);
            if (kind < TREE_KINDS) {
                applied.add(treeMutation(kind, tree));
            } else {
                textual.add(kind - TREE_KINDS);
            }
        }
        String text = GSON.toJson(tree) + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int kind : textual) {
            Object[] result = textMutation(kind, new String(bytes, StandardCharsets.ISO_8859_1));
            applied.add((String) result[0]);
            bytes = (byte[]) result[1];
        }
        return new Mutant(bytes, applied);
    }

    private static final int TREE_KINDS = 10;
    private static final int TEXT_KINDS = 6;

    private String treeMutation(int kind, JsonObject tree) {
        return switch (kind) {
            case 0 -> typeFlip(tree);
            case 1 -> outOfRange(tree);
            case 2 -> unknownKey(tree);
            case 3 -> removeKey(tree);
            case 4 -> sectionFlip(tree);
            case 5 -> sweep(tree);
            case 6 -> crossField(tree);
            case 7 -> oddString(tree);
            case 8 -> jvmMemory(tree);
            default -> hugeSize(tree);
        };
    }

    private Object[] textMutation(int kind, String latin1) {
        return switch (kind) {
            case 0 -> numberLiteral(latin1);
            case 1 -> duplicateKey(latin1);
            case 2 -> deepNesting(latin1);
            case 3 -> truncate(latin1);
            case 4 -> syntax(latin1);
            default -> encoding(latin1);
        };
    }

    // ---- tree mutations ----

    private String typeFlip(JsonObject tree) {
        Leaf leaf = leaf(tree);
        JsonElement replacement = pick(List.of(new JsonPrimitive("text"), new JsonPrimitive(7), new JsonPrimitive(true),
                JsonNull.INSTANCE, array(1, 2), object("a", 1), new JsonPrimitive(-3.5), new JsonArray(),
                new JsonObject(), new JsonPrimitive(""), new JsonPrimitive("12")));
        leaf.parent.add(leaf.key, replacement);
        return "type flip " + leaf.path + " -> " + replacement;
    }

    private String outOfRange(JsonObject tree) {
        Leaf leaf = numericLeaf(tree);
        if (leaf == null) {
            return typeFlip(tree);
        }
        Number value = pick(List.<Number>of(-1, 0, -0.0, 1e308, -1e308, 2147483648L, 2147483647, 4.9e-324, 0.5,
                1e-12, 9007199254740993L, -2147483649L, 1000001, 100, 1.0000001));
        leaf.parent.add(leaf.key, new JsonPrimitive(value));
        return "out of range " + leaf.path + " = " + value;
    }

    private String unknownKey(JsonObject tree) {
        JsonObject object = randomObject(tree);
        List<String> keys = new ArrayList<>(object.keySet());
        String name;
        if (keys.isEmpty() || random.nextBoolean()) {
            name = pick(List.of("widht", "learning_rate", "xyz", "", " name", "Name", "model.width", "$", "\u00e9t\u00e9"));
        } else {
            String k = pick(keys);
            name = k.length() < 2 ? k + "x" : k.substring(1) + k.charAt(0);
        }
        object.add(name, new JsonPrimitive(3));
        return "unknown key '" + name + "'";
    }

    private String removeKey(JsonObject tree) {
        JsonObject object = randomObject(tree);
        if (object.keySet().isEmpty()) {
            return unknownKey(tree);
        }
        String key = pick(new ArrayList<>(object.keySet()));
        object.remove(key);
        return "removed '" + key + "'";
    }

    private String sectionFlip(JsonObject tree) {
        String section = pick(List.of("model", "data", "optimizer", "training", "probes", "execution"));
        JsonElement replacement = pick(List.of(new JsonPrimitive(section), array(1), JsonNull.INSTANCE,
                new JsonPrimitive(0)));
        tree.add(section, replacement);
        return "section " + section + " -> " + replacement;
    }

    private String sweep(JsonObject tree) {
        JsonObject sweep = tree.has("sweep") && tree.get("sweep").isJsonObject() ? tree.getAsJsonObject("sweep")
                : new JsonObject();
        List<String> keys = new ArrayList<>(SpecSchema.sweepableKeys());
        keys.addAll(List.of("name", "sweep", "model", "optimizer.schedule", "nonsense.key"));
        String key = pick(keys);
        JsonElement values = switch (random.nextInt(7)) {
            case 0 -> new JsonArray();
            case 1 -> new JsonPrimitive(3);
            case 2 -> array(1, "two", 3.5, true);
            case 3 -> {
                JsonArray many = new JsonArray();
                for (int i = 0; i < 150; i++) {
                    many.add(i + 1);
                }
                yield many;
            }
            case 4 -> array(0.001, 0.01, 0.001);
            case 5 -> array(-1, 1e308);
            default -> array(8, 16);
        };
        sweep.add(key, values);
        if (random.nextInt(3) == 0) {
            sweep.add("data.n_test", values.deepCopy());
        }
        tree.add("sweep", random.nextInt(10) == 0 ? array(key) : sweep);
        return "sweep " + key + " over " + abbreviate(values.toString());
    }

    private String crossField(JsonObject tree) {
        switch (random.nextInt(5)) {
            case 0 -> {
                JsonObject optimizer = section(tree, "optimizer");
                JsonObject schedule = new JsonObject();
                schedule.addProperty("kind", "cosine");
                schedule.addProperty("min_lr", 5.0);
                optimizer.add("schedule", schedule);
                return "cross field: schedule.min_lr above lr";
            }
            case 1 -> {
                JsonObject model = section(tree, "model");
                model.addProperty("family", "transformer");
                model.addProperty("embedding", 50);
                model.addProperty("heads", 3);
                return "cross field: embedding not divisible by heads";
            }
            case 2 -> {
                section(tree, "data").addProperty("source", pick(List.of("csv", "npy", "npz", "mnist_idx", "cifar10_binary")));
                section(tree, "data").remove("path");
                return "cross field: file source without path";
            }
            case 3 -> {
                JsonObject sweep = new JsonObject();
                sweep.add("optimizer.lr", array(0.5, 1e-9));
                sweep.add("optimizer.schedule.min_lr", array(0.0, 0.1));
                tree.add("sweep", sweep);
                section(section(tree, "optimizer"), "schedule").addProperty("kind", "cosine");
                return "cross field in a sweep: min_lr above some swept lr";
            }
            default -> {
                section(tree, "data").addProperty("source", "sparse_parity");
                section(tree, "model").addProperty("family", pick(List.of("cnn", "resnet", "mlp")));
                return "cross field: token data for a non-transformer";
            }
        }
    }

    private String oddString(JsonObject tree) {
        Leaf leaf = stringLeaf(tree);
        String value = pick(List.of("x".repeat(100_000), "\u0000", "tab\there", "line\nbreak", "../../etc/passwd",
                "\ud83d\ude00", "RELU", "relu ", "cpu\u0000", "-", ".hidden"));
        leaf.parent.add(leaf.key, new JsonPrimitive(value));
        return "odd string at " + leaf.path + " = " + abbreviate(value);
    }

    private String jvmMemory(JsonObject tree) {
        String value = pick(List.of("512", "99999g", "0g", "1.5g", "-1g", "2 g", "", "2gb", "4096k", "1t", "64m",
                "9999999m", "2G", "16"));
        section(tree, "execution").addProperty("jvm_memory", value);
        return "execution.jvm_memory = '" + value + "'";
    }

    private String hugeSize(JsonObject tree) {
        String[][] sizes = {{"model", "width", "1000000"}, {"model", "depth", "1000"}, {"data", "n_train", "2000000000"},
            {"data", "output_dim", "1000000"}, {"data", "input_dim", "100000000"}, {"data", "n_test", "2147483647"},
            {"probes", "metrics_every", "2147483647"}, {"training", "steps", "1000000000"},
            {"data", "probe_size", "2147483647"}, {"model", "base_width", "2147483647"}};
        String[] s = sizes[random.nextInt(sizes.length)];
        section(tree, s[0]).addProperty(s[1], Long.parseLong(s[2]));
        return "huge " + s[0] + "." + s[1] + " = " + s[2];
    }

    // ---- text mutations ----

    private Object[] numberLiteral(String text) {
        List<int[]> spans = spans(NUMBER.matcher(text));
        String literal = pick(List.of("NaN", "Infinity", "-Infinity", "+5", "007", ".5", "1.", "0x10", "1e99999",
                "-1e99999", "123456789012345678901234567890", "1e-99999", "--1", "1_000", "\u0660"));
        if (spans.isEmpty()) {
            return new Object[] {"number literal (none found)", latin1(text)};
        }
        int[] span = pick(spans);
        String bytes = new String(literal.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String out = text.substring(0, span[0]) + bytes + text.substring(span[1]);
        return new Object[] {"number literal " + literal, latin1(out)};
    }

    private Object[] duplicateKey(String text) {
        List<int[]> spans = spans(MEMBER_LINE.matcher(text));
        if (spans.isEmpty()) {
            return new Object[] {"duplicate key (none found)", latin1(text)};
        }
        int[] span = pick(spans);
        String line = text.substring(span[0], span[1]);
        String out = text.substring(0, span[1]) + "\n" + line + text.substring(span[1]);
        return new Object[] {"duplicate key " + line.strip(), latin1(out)};
    }

    private Object[] deepNesting(String text) {
        List<int[]> spans = spans(VALUE.matcher(text));
        int depth = pick(List.of(10, 500, 999, 1001, 3000, 20_000));
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        int[] span = spans.isEmpty() ? new int[] {text.length() - 2, text.length() - 2} : pick(spans);
        String out = text.substring(0, span[0]) + nested + text.substring(span[1]);
        return new Object[] {"nesting of depth " + depth + (arrays ? " (arrays)" : " (objects)"), latin1(out)};
    }

    private Object[] truncate(String text) {
        int at = random.nextInt(Math.max(1, text.length()));
        return new Object[] {"cut after " + at + " of " + text.length() + " characters", latin1(text.substring(0, at))};
    }

    private Object[] syntax(String text) {
        int brace = text.indexOf("},");
        int anyLine = text.indexOf("\n", random.nextInt(Math.max(1, text.length() - 1)));
        if (brace < 0) {
            brace = text.lastIndexOf('}');
        }
        if (anyLine < 0) {
            anyLine = text.length() - 1;
        }
        return switch (random.nextInt(12)) {
            case 0 -> result("trailing comma", text.substring(0, brace) + ",\n" + text.substring(brace));
            case 1 -> result("line comment", text.substring(0, anyLine) + " // note" + text.substring(anyLine));
            case 2 -> result("block comment", "/* spec */\n" + text);
            case 3 -> result("single quotes", text.replaceFirst("\"name\": \"([^\"]*)\"", "'name': '$1'"));
            case 4 -> result("unquoted key", text.replaceFirst("\"seed\"|\"model\"", "seed"));
            case 5 -> result("missing colon", text.replaceFirst("\": ", "\" "));
            case 6 -> result("missing comma", text.replaceFirst(",\n", "\n"));
            case 7 -> result("raw control character in a string", text.replaceFirst("\"name\": \"", "\"name\": \"\t\u0001"));
            case 8 -> result("bad escape", text.replaceFirst("\"name\": \"", "\"name\": \"\\\\q\\q"));
            case 9 -> result("bad unicode escape", text.replaceFirst("\"name\": \"", "\"name\": \"\\u12G4"));
            case 10 -> result("top-level array", "[" + text + "]");
            default -> result("two top-level objects", text + text);
        };
    }

    private Object[] encoding(String text) {
        byte[] utf8 = latin1(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(5)) {
            case 0 -> {
                out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
                out.writeBytes(utf8);
                return new Object[] {"byte-order mark", out.toByteArray()};
            }
            case 1 -> {
                int at = Math.max(0, text.indexOf("\"name\": \"") + 9);
                out.write(utf8, 0, at);
                out.writeBytes(new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff});
                out.write(utf8, at, utf8.length - at);
                return new Object[] {"invalid UTF-8", out.toByteArray()};
            }
            case 2 -> {
                return new Object[] {"UTF-16", text.getBytes(StandardCharsets.UTF_16)};
            }
            case 3 -> {
                out.writeBytes(utf8);
                out.write(0);
                return new Object[] {"NUL byte at the end", out.toByteArray()};
            }
            default -> {
                return new Object[] {"empty file", random.nextBoolean() ? new byte[0] : " \n\t\n".getBytes(StandardCharsets.UTF_8)};
            }
        }
    }

    // ---- helpers ----

    private record Leaf(JsonObject parent, String key, String path) {
    }

    private Leaf leaf(JsonObject tree) {
        List<Leaf> leaves = new ArrayList<>();
        collect(tree, "$", leaves, e -> true);
        return leaves.isEmpty() ? new Leaf(tree, "seed", "$.seed") : pick(leaves);
    }

    private Leaf numericLeaf(JsonObject tree) {
        List<Leaf> leaves = new ArrayList<>();
        collect(tree, "$", leaves, e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber());
        return leaves.isEmpty() ? null : pick(leaves);
    }

    private Leaf stringLeaf(JsonObject tree) {
        List<Leaf> leaves = new ArrayList<>();
        collect(tree, "$", leaves, e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isString());
        return leaves.isEmpty() ? new Leaf(tree, "name", "$.name") : pick(leaves);
    }

    private static void collect(JsonObject object, String path, List<Leaf> out,
            java.util.function.Predicate<JsonElement> wanted) {
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            String child = path + "." + e.getKey();
            if (e.getValue().isJsonObject()) {
                collect(e.getValue().getAsJsonObject(), child, out, wanted);
            } else if (wanted.test(e.getValue())) {
                out.add(new Leaf(object, e.getKey(), child));
            }
        }
    }

    private JsonObject randomObject(JsonObject tree) {
        List<JsonObject> objects = new ArrayList<>();
        objects.add(tree);
        for (int i = 0; i < objects.size(); i++) {
            for (Map.Entry<String, JsonElement> e : objects.get(i).entrySet()) {
                if (e.getValue().isJsonObject()) {
                    objects.add(e.getValue().getAsJsonObject());
                }
            }
        }
        return pick(objects);
    }

    private static JsonObject section(JsonObject parent, String name) {
        JsonElement e = parent.get(name);
        if (e == null || !e.isJsonObject()) {
            JsonObject created = new JsonObject();
            parent.add(name, created);
            return created;
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(Object... values) {
        JsonArray a = new JsonArray();
        for (Object v : values) {
            if (v instanceof Number n) {
                a.add(n);
            } else if (v instanceof Boolean b) {
                a.add(b);
            } else {
                a.add(String.valueOf(v));
            }
        }
        return a;
    }

    private static JsonObject object(String key, int value) {
        JsonObject o = new JsonObject();
        o.addProperty(key, value);
        return o;
    }

    private static List<int[]> spans(Matcher m) {
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    private static Object[] result(String name, String text) {
        return new Object[] {name, latin1(text)};
    }

    /** The text mutations work on the UTF-8 bytes read as ISO-8859-1, so every byte is one char. */
    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
