package org.lmworkbench.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 4180 fields, the lines rows start on, and broken quoting named by line. */
class CsvTableTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("t.csv"), content);
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
        List<CsvTable.Row> rows = CsvTable.read(write("\uFEFFname, \"a, b\" ,n\r\n"
                + "\"he said \"\"hi, there\"\"\",\"two\nlines\",3\r\n"
                + "\n"
                + "   \n"
                + "plain , x,4"));
        assertEquals(3, rows.size());
        assertEquals(List.of("name", "a, b", "n"), rows.get(0).fields());
        assertEquals(List.of("he said \"hi, there\"", "two\nlines", "3"), rows.get(1).fields());
        assertEquals(List.of("plain", "x", "4"), rows.get(2).fields());
        assertEquals(List.of(1L, 2L, 6L), rows.stream().map(CsvTable.Row::line).toList(),
                "a row's line is where it starts, after blank lines and a field spanning two lines");
    }

    @Test
    void brokenQuotingNamesTheLine() throws IOException {
        Path open = write("x,loss\n1,2\n\"3,4\n5,6\n");
        FileFormatException e = assertThrows(FileFormatException.class, () -> CsvTable.read(open));
        assertEquals(open + ":3: unterminated quoted field", e.getMessage());
        Path after = write("x,loss\n\"1\"x,2\n");
        e = assertThrows(FileFormatException.class, () -> CsvTable.read(after));
        assertEquals(after + ":2: malformed quoted field (a quote must end its field)", e.getMessage());
    }

    @Test
    void textThatIsNotUtf8NamesTheLine() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.csv"),
                "x,loss\n1,2\ncaf\u00e9,3\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        FileFormatException e = assertThrows(FileFormatException.class, () -> CsvTable.read(latin1));
        assertEquals(latin1 + ":3: not UTF-8 text (byte 0xe9 at offset 14); save the file as UTF-8", e.getMessage());
        assertEquals(3, e.line());
    }
}
