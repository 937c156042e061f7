package org.lmworkbench.workspace.runs;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmworkbench.core.run.RunFileException;

/**
 * One line of a JSON-lines run file reduced to what a chart needs: its step and its numeric values
 * by series key, named as {@link RecordFlattener} names them ({@code weight_norm[0]},
 * {@code rel_change[layer1]}). It is parsed by streaming, without building a JSON tree: reading a
 * million-line metrics.jsonl through trees (and their defensive copies) took several times longer.
 *
 * @param line   1-based line number in the file
 * @param step   the record's {@code step}, or -1 if it has none
 * @param values numeric values by series key, in the line's order (non-finite ones included); a fresh
 *               map per parse, which the caller may change
 */
public record FlatRecord(long line, long step, Map<String, Double> values) {

    /**
     * Parses one line strictly (as core's readers do: half a record is corruption, not data).
     *
     * @throws RunFileException naming the file and line if the text is not one JSON object
     */
    public static FlatRecord parse(String text, Path file, long line) throws RunFileException {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new RunFileException(file, line, "expected a JSON object but found " + cut(text), null);
            }
            Map<String, Double> values = new LinkedHashMap<>();
            long step = -1;
            reader.beginObject();
            while (reader.hasNext()) {
                String key = reader.nextName();
                JsonToken token = reader.peek();
                if (token == JsonToken.BEGIN_ARRAY) {
                    reader.beginArray();
                    for (int i = 0; reader.hasNext(); i++) {
                        value(reader, key + "[" + i + "]", values);
                    }
                    reader.endArray();
                } else if (token == JsonToken.BEGIN_OBJECT) {
                    reader.beginObject();
                    while (reader.hasNext()) {
                        String inner = reader.nextName();
                        value(reader, key + "[" + inner + "]", values);
                    }
                    reader.endObject();
                } else if (key.equals("step") && token == JsonToken.NUMBER) {
                    step = (long) reader.nextDouble();
                } else {
                    value(reader, key, values);
                }
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new RunFileException(file, line, "unexpected text after the JSON value: " + cut(text), null);
            }
            return new FlatRecord(line, step, values);
        } catch (RunFileException e) {
            throw e;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new RunFileException(file, line, "malformed JSON line: " + cut(text), e);
        }
    }

    /** A number, or NaN/Infinity spelled as a string; anything else (flags, labels, nesting) is skipped. */
    private static void value(JsonReader reader, String key, Map<String, Double> values) throws IOException {
        switch (reader.peek()) {
            case NUMBER -> values.put(key, reader.nextDouble());
            case STRING -> {
                switch (reader.nextString()) {
                    case "NaN" -> values.put(key, Double.NaN);
                    case "Infinity" -> values.put(key, Double.POSITIVE_INFINITY);
                    case "-Infinity" -> values.put(key, Double.NEGATIVE_INFINITY);
                    default -> { /* a label, not a series */ }
                }
            }
            default -> reader.skipValue();
        }
    }

    private static String cut(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
