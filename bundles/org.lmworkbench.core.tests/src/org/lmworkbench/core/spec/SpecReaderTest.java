package org.lmworkbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading spec text into a located tree, and the problems that stop reading. */
class SpecReaderTest {

    private final SpecReader reader = new SpecReader();

    private static void assertSingle(SpecDocument document, String message, int line, int column) {
        assertNull(document.root(), "no tree expected");
        assertEquals(1, document.problems().size(), document.problems().toString());
        SpecProblem p = document.problems().get(0);
        assertEquals(SpecProblem.Severity.ERROR, p.severity());
        assertEquals(message, p.message());
        assertEquals(line, p.line(), "line");
        assertEquals(column, p.column(), "column");
    }

    @Test
    void recordsPathLineAndColumnOfEveryValue() {
        SpecDocument document = reader.read("{\n  \"name\": \"x\",\n  \"model\": {\n    \"width\": 64,\n"
                + "    \"layers\": [\"a\", 3]\n  }\n}");
        SpecNode.ObjectNode root = document.root();
        assertTrue(document.problems().isEmpty());
        SpecNode width = root.find("model.width");
        assertEquals("$.model.width", width.path());
        assertEquals(4, width.line());
        assertEquals(14, width.column());
        SpecNode.ArrayNode layers = (SpecNode.ArrayNode) root.find("model.layers");
        assertEquals("$.model.layers[1]", layers.elements().get(1).path());
        assertEquals(5, layers.elements().get(1).line());
        assertEquals(new SpecNode.Location(4, 5), ((SpecNode.ObjectNode) root.get("model")).keyLocation("width"));
    }

    @Test
    void keepsNumbersExactlyAsWritten() {
        SpecNode.NumberNode n = (SpecNode.NumberNode) reader.read("{\"a\": 1e999, \"b\": 3.0}").root().get("a");
        assertEquals("1e999", n.text());
        assertTrue(((SpecNode.NumberNode) reader.read("{\"b\": 3.0}").root().get("b")).isIntegral());
    }

    @Test
    void malformedJsonReportsTheLineJacksonFindsTheErrorOn() {
        SpecDocument document = reader.read(Fixtures.text("specs/bad-missing-comma.json"));
        assertSingle(document, "malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate "
                + "Object entries", 4, 3);
    }

    @Test
    void unterminatedObjectIsReportedAtTheEnd() {
        SpecDocument document = reader.read("{\n  \"name\": \"x\",\n  \"model\": {\n");
        assertSingle(document, "malformed JSON: Unexpected end-of-input: expected close marker for Object "
                + "(start marker at line 3, column 12)", 4, 1);
    }

    @Test
    void emptyFileIsReported() {
        assertSingle(reader.read(Fixtures.text("specs/empty.lmx")), "file is empty", 1, 1);
    }

    @Test
    void whitespaceOnlyFileCountsAsEmpty() {
        String text = Fixtures.text("specs/whitespace.lmx");
        assertTrue(text.length() > 0, "fixture must contain whitespace");
        assertSingle(reader.read(text), "file is empty", 1, 1);
    }

    @Test
    void rootMustBeAnObject() {
        assertSingle(reader.read("\n[1, 2]"), "the top level must be a JSON object but found an array", 2, 1);
        assertSingle(reader.read("\"eos\""), "the top level must be a JSON object but found string \"eos\"", 1, 1);
    }

    @Test
    void contentAfterTheRootIsMalformed() {
        assertSingle(reader.read("{\"name\": \"x\"}\n{}"), "malformed JSON: unexpected content after the top-level value", 2, 1);
    }

    @Test
    void duplicateKeysAreErrorsAtTheSecondOccurrenceAndReadingGoesOn() {
        SpecDocument document = reader.read("{\n  \"model\": {\n    \"width\": 1,\n    \"width\": 2\n  }\n}");
        assertNotNull(document.root(), "duplicates do not stop reading");
        assertEquals(List.of(new SpecProblem(SpecProblem.Severity.ERROR,
                "duplicate key 'width' in $.model (first defined on line 3)", "$.model.width", 4, 5)), document.problems());
        assertEquals(1, ((SpecNode.NumberNode) document.root().find("model.width")).value().intValue());
    }

    @Test
    void byteOrderMarkIsSkipped() {
        assertTrue(reader.read("\uFEFF{\"name\": \"x\"}").problems().isEmpty());
    }
}
