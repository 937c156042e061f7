package org.lmworkbench.core.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;

/**
 * Appends one JSON object per line to a run file ({@code metrics.jsonl}, {@code probes/sharpness.jsonl}).
 * Each line reaches the operating system as soon as it is appended, so a reader following the file
 * sees it at once and a killed writer loses at most the line it was writing.
 * <p>
 * Opening an existing file continues it (a resumed run appends). A partial last line left by a
 * killed writer is cut off first: it was never readable, and appending after it would glue two
 * records into one corrupt line.
 */
public final class MetricsWriter implements Closeable {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final Path file;
    private final FileChannel channel;

    private MetricsWriter(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens {@code file} for appending, creating it and its folder if needed. */
    public static MetricsWriter open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        dropPartialLastLine(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return new MetricsWriter(file, channel);
    }

    /** The file written to. */
    public Path file() {
        return file;
    }

    /**
     * Appends a record. Values may be numbers (NaN and infinities are written as strings), strings,
     * booleans, null, nested maps, collections and primitive arrays.
     */
    public void append(Map<String, ?> values) throws IOException {
        append((JsonObject) toJson(values));
    }

    /** Appends a record given as a Gson object. */
    public synchronized void append(JsonObject values) throws IOException {
        // Compact Gson output never contains a raw newline, so one record is always one line.
        ByteBuffer line = ByteBuffer.wrap((GSON.toJson(values) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            throw AtomicFiles.naming(file, e);
        }
    }

    /** Forces written lines to disk, e.g. next to a checkpoint; appending alone does not wait for the disk. */
    public synchronized void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    static JsonElement toJson(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonElement element) {
            return element;
        }
        if (value instanceof Number number) {
            return JsonNumbers.toJson(number);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof CharSequence || value instanceof Enum<?>) {
            return new JsonPrimitive(value.toString());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
            return object;
        }
        JsonArray array = new JsonArray();
        if (value instanceof Collection<?> collection) {
            collection.forEach(v -> array.add(toJson(v)));
            return array;
        }
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                array.add(toJson(Array.get(value, i)));
            }
            return array;
        }
        throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " to a metrics file");
    }

    private static void dropPartialLastLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long keep = MetricsReader.endOfLastCompleteLine(channel);
            if (keep < channel.size()) {
                channel.truncate(keep);
                channel.force(false);
            }
        }
    }
}
