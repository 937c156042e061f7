package org.lmworkbench.core.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmworkbench.core.format.JsonSyntax;

/**
 * Reads spec text into a {@link SpecNode} tree that knows the JSON path, line and column of every
 * value. Jackson's streaming parser is used only because it reports token locations; Gson does not.
 * <p>
 * Reading never throws for bad input: malformed JSON, an empty file, a non-object root, duplicate
 * keys and values nested deeper than {@link #MAX_DEPTH} all become {@link SpecProblem}s in the
 * returned {@link SpecDocument}, worded for the person editing the file ({@link JsonSyntax}) and
 * located by line, column and the JSON path of the enclosing object.
 */
public final class SpecReader {

    /** Message for a file with nothing but whitespace in it. */
    public static final String EMPTY_FILE = "file is empty";

    /**
     * Deepest nesting read. A spec is four levels deep ({@code $.probes.sharpness.every}, a swept
     * array); the limit is far above that yet low enough that reading a hostile file cannot
     * exhaust the stack of a worker thread.
     */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** A reader; it keeps no state between calls and may be shared. */
    public SpecReader() {
    }

    /** Reads spec text. */
    public SpecDocument read(String text) {
        List<SpecProblem> problems = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.isBlank()) {
            problems.add(new SpecProblem(SpecProblem.Severity.ERROR, EMPTY_FILE, JsonPaths.ROOT, 1, 1));
            return new SpecDocument(null, problems);
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            parser.nextToken();
            SpecNode root = readValue(parser, JsonPaths.ROOT, 0, problems);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(new SpecProblem(SpecProblem.Severity.ERROR,
                        "malformed JSON: unexpected content after the top-level value", JsonPaths.ROOT,
                        at.getLineNr(), at.getColumnNr()));
                return new SpecDocument(null, problems);
            }
            if (!(root instanceof SpecNode.ObjectNode object)) {
                problems.add(SpecProblem.error("the top level must be a JSON object but found " + root.describe(), root));
                return new SpecDocument(null, problems);
            }
            return new SpecDocument(object, problems);
        } catch (TooDeep e) {
            problems.add(new SpecProblem(SpecProblem.Severity.ERROR, "malformed JSON in " + abbreviate(e.path)
                    + ": values are nested more than " + MAX_DEPTH + " levels deep (a spec needs at most 4)",
                    e.path, e.line, e.column));
            return new SpecDocument(null, problems);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            if ((at == null || at.getLineNr() <= 0) && e.getProcessor() instanceof JsonParser p) {
                at = p.currentLocation();
            }
            String path = e.getProcessor() instanceof JsonParser p ? enclosing(p.getParsingContext()) : JsonPaths.ROOT;
            String where = path.equals(JsonPaths.ROOT) ? "" : " in " + abbreviate(path);
            problems.add(new SpecProblem(SpecProblem.Severity.ERROR,
                    "malformed JSON" + where + ": " + JsonSyntax.describe(e.getOriginalMessage()), path,
                    at == null ? 1 : Math.max(at.getLineNr(), 1), at == null ? 0 : Math.max(at.getColumnNr(), 0)));
            return new SpecDocument(null, problems);
        } catch (IOException e) {
            // A String source cannot fail to read; anything else is a parser bug worth surfacing.
            throw new IllegalStateException(e);
        }
    }

    /** Reads everything from {@code reader} (which is not closed) and parses it. */
    public SpecDocument read(Reader reader) throws IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return read(text.toString());
    }

    /**
     * Reads a UTF-8 file. Problems about the bytes themselves (not UTF-8) are reported as problems;
     * only real I/O failures (missing file, no permission) throw.
     */
    public SpecDocument read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return read(text);
        } catch (CharacterCodingException e) {
            return new SpecDocument(null, List.of(new SpecProblem(SpecProblem.Severity.ERROR,
                    "file is not valid UTF-8 text", JsonPaths.ROOT, 1, 1)));
        }
    }

    private SpecNode readValue(JsonParser p, String path, int depth, List<SpecProblem> problems) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = p.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
            throw new TooDeep(path, line, column);
        }
        switch (token) {
            case START_OBJECT:
                return readObject(p, path, line, column, depth, problems);
            case START_ARRAY: {
                List<SpecNode> elements = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(readValue(p, JsonPaths.index(path, elements.size()), depth + 1, problems));
                }
                return new SpecNode.ArrayNode(path, line, column, elements);
            }
            case VALUE_STRING:
                return new SpecNode.StringNode(path, line, column, p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new SpecNode.NumberNode(path, line, column, p.getText(), exact(p.getText()));
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new SpecNode.BooleanNode(path, line, column, token == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return new SpecNode.NullNode(path, line, column);
            default:
                throw new IllegalStateException("unexpected token " + token + " at " + path);
        }
    }

    private SpecNode readObject(JsonParser p, String path, int line, int column, int depth,
            List<SpecProblem> problems) throws IOException {
        Map<String, SpecNode> members = new LinkedHashMap<>();
        Map<String, SpecNode.Location> keys = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation keyAt = p.currentTokenLocation();
            p.nextToken();
            String childPath = JsonPaths.child(path, key);
            SpecNode value = readValue(p, childPath, depth + 1, problems);
            if (members.containsKey(key)) {
                // Keep the first: later tools (Gson, Python) disagree on which one wins, so refuse both.
                problems.add(new SpecProblem(SpecProblem.Severity.ERROR,
                        "duplicate key '" + key + "' in " + path + " (first defined on line " + keys.get(key).line() + ")",
                        childPath, keyAt.getLineNr(), keyAt.getColumnNr()));
            } else {
                members.put(key, value);
                keys.put(key, new SpecNode.Location(keyAt.getLineNr(), keyAt.getColumnNr()));
            }
        }
        return new SpecNode.ObjectNode(path, line, column, members, keys);
    }

    private static BigDecimal exact(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            return null; // exponent beyond what BigDecimal holds: treated as "too large" by validation
        }
    }

    /** The JSON path of the object or array the parser was in (the value being read is not part of it). */
    private static String enclosing(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        String path = JsonPaths.ROOT;
        JsonStreamContext previous = null;
        for (JsonStreamContext c : chain) {
            if (previous != null) {
                path = previous.inArray() ? JsonPaths.index(path, Math.max(0, previous.getCurrentIndex()))
                        : previous.getCurrentName() == null ? path : JsonPaths.child(path, previous.getCurrentName());
            }
            previous = c;
        }
        return path;
    }

    /** Paths of hostile files can be long; the line and column locate the problem anyway. */
    private static String abbreviate(String path) {
        return path.length() <= 80 ? path : path.substring(0, 60) + "..." + path.substring(path.length() - 16);
    }

    /** Reading stopped at a value nested deeper than {@link #MAX_DEPTH}. */
    private static final class TooDeep extends IOException {

        private static final long serialVersionUID = 1L;

        private final String path;
        private final int line;
        private final int column;

        TooDeep(String path, int line, int column) {
            super(path);
            this.path = path;
            this.line = line;
            this.column = column;
        }
    }
}
