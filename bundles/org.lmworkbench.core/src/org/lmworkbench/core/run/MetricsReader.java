package org.lmworkbench.core.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON-lines run file while it grows. Each call to {@link #readNew()} returns only the
 * complete lines added since the previous call, so a monitor can follow a long run without
 * re-reading the file. A last line without its newline is a record still being written (or left by
 * a killed writer) and is not returned until it is complete.
 */
public final class MetricsReader {

    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private long offset;
    private long linesRead;

    /** A reader positioned at the start of {@code file}, which need not exist yet. */
    public MetricsReader(Path file) {
        this.file = file;
    }

    /** Reads a whole file at once; a missing file has no records. */
    public static List<MetricsRecord> readAll(Path file) throws IOException {
        return new MetricsReader(file).readNew();
    }

    /** The file followed. */
    public Path file() {
        return file;
    }

    /** Byte offset just after the last complete line returned so far. */
    public synchronized long offset() {
        return offset;
    }

    /** Lines consumed so far, blank ones included. */
    public synchronized long linesRead() {
        return linesRead;
    }

    /**
     * The complete lines appended since the last call, in file order. If the file has become shorter
     * than what was already read it was replaced, and reading starts again from its beginning.
     * <p>
     * On a corrupt line nothing is consumed: the exception names the file and line, and the
     * next call will meet the same line again.
     *
     * @throws RunFileException if a complete line is not a JSON object
     */
    public synchronized List<MetricsRecord> readNew() throws IOException {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < offset) {
                offset = 0;
                linesRead = 0;
            }
            bytes = readFrom(channel, offset, size);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<MetricsRecord> records = new ArrayList<>();
        long line = linesRead;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            line++;
            String text = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                records.add(new MetricsRecord(line, parse(text, line)));
            }
            start = i + 1;
        }
        offset += start;
        linesRead = line;
        return records;
    }

    private JsonObject parse(String text, long line) throws RunFileException {
        try {
            JsonElement element = StrictJson.parse(text);
            if (!element.isJsonObject()) {
                throw new RunFileException(file, line, "expected a JSON object but found " + abbreviate(text), null);
            }
            return element.getAsJsonObject();
        } catch (JsonParseException | IOException | IllegalStateException e) {
            if (e instanceof RunFileException r) {
                throw r;
            }
            throw new RunFileException(file, line, "malformed JSON line: " + abbreviate(text), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private static byte[] readFrom(FileChannel channel, long from, long to) throws IOException {
        int length = (int) Math.min(to - from, Integer.MAX_VALUE - 16);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long position = from;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                break; // the file shrank while reading; the next call resynchronises
            }
            position += n;
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    /** Size of the file up to and including its last newline; 0 if it has none. */
    static long endOfLastCompleteLine(FileChannel channel) throws IOException {
        long end = channel.size();
        while (end > 0) {
            long start = Math.max(0, end - CHUNK);
            byte[] chunk = readFrom(channel, start, end);
            for (int i = chunk.length - 1; i >= 0; i--) {
                if (chunk[i] == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }
}
