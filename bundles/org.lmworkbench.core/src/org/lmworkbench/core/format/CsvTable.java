package org.lmworkbench.core.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file, parsed by Apache Commons CSV as RFC 4180 says: a field may be quoted, may
 * then contain commas, line breaks and doubled quotes, and spaces around a field are not part of
 * it. Blank lines are skipped and a UTF-8 byte-order mark is ignored; text that is not UTF-8 is
 * an error naming its line. Every row keeps the line it
 * starts on, so callers can name it in their messages; what a row means (a header, numbers, how
 * many fields) is up to them.
 */
public final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();
    private static final Pattern LINE = Pattern.compile("(?:startline|line:)\\s*(\\d+)");

    /**
     * One record of the file.
     *
     * @param line   1-based line the record starts on
     * @param fields its fields, unquoted and without surrounding spaces
     */
    public record Row(long line, List<String> fields) {

        /** Copies the fields. */
        public Row {
            fields = List.copyOf(fields);
        }

        /** The number of fields. */
        public int size() {
            return fields.size();
        }

        /** Field {@code i}. */
        public String get(int i) {
            return fields.get(i);
        }
    }

    private CsvTable() {
    }

    /**
     * Reads every non-blank record of a UTF-8 CSV file.
     *
     * @throws FileFormatException for a quoted field left open or other broken quoting, or text that is
     *                             not UTF-8, naming the line
     * @throws IOException         if the file cannot be read (e.g. {@link java.nio.file.NoSuchFileException})
     */
    public static List<Row> read(Path file) throws IOException {
        String text = utf8(file, Files.readAllBytes(file));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        long[] lineStarts = lineStarts(text);
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw problem(file, e.getCause(), rows.isEmpty() ? 1 : parser.getCurrentLineNumber() + 1);
                }
                List<String> fields = record.toList();
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue; // a line of spaces
                }
                rows.add(new Row(lineOf(text, lineStarts, record.getCharacterPosition()), fields));
            }
        }
        return rows;
    }

    /** The bytes as UTF-8 text; the first byte sequence that is not UTF-8 is an error naming its line. */
    private static String utf8(Path file, byte[] bytes) throws FileFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            long line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new FileFormatException(file, line, String.format("not UTF-8 text (byte 0x%02x at offset %d);"
                    + " save the file as UTF-8", bytes[in.position()] & 0xff, in.position()), null);
        }
        return out.flip().toString();
    }

    private static FileFormatException problem(Path file, IOException cause, long fallbackLine) {
        String message = String.valueOf(cause.getMessage());
        Matcher m = LINE.matcher(message);
        long line = m.find() ? Long.parseLong(m.group(1)) : fallbackLine;
        String problem = message.contains("EOF reached before encapsulated token finished")
                ? "unterminated quoted field" : "malformed quoted field (a quote must end its field)";
        return new FileFormatException(file, line, problem, cause);
    }

    /** Offsets at which lines start; a line ends at \n, \r\n or a lone \r, as the parser counts them. */
    private static long[] lineStarts(String text) {
        long[] starts = new long[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * The line of a record. The parser reports where it started looking for the record, which is
     * before any empty lines it skipped, so the line breaks right there are passed over first.
     */
    private static long lineOf(String text, long[] lineStarts, long position) {
        int at = (int) position;
        while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
            at++;
        }
        int index = Arrays.binarySearch(lineStarts, at);
        return (index >= 0 ? index : -index - 2) + 1;
    }
}
