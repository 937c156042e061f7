package org.lmworkbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertSingle(document, "malformed JSON: expected ',' or '}' after a value but found '\"'", 4, 3);
    }

    @Test
    void unterminatedObjectIsReportedAtTheEnd() {
        SpecDocument document = reader.read("{\n  \"name\": \"x\",\n  \"model\": {\n");
        assertSingle(document, "malformed JSON in $.model: the text ends inside an object (a '}' is missing; it was "
                + "opened on line 3, column 12)", 4, 1);
    }

    @Test
    void syntaxErrorsAreWordedForThePersonEditingTheFileAndNameTheEnclosingObject() {
        String[][] cases = {
            {"{\"optimizer\": {\"lr\": 0.1,}}", "malformed JSON in $.optimizer: a comma before '}' (JSON allows no"
                + " comma after the last member of an object)"},
            {"{\"optimizer\": {\"lr\": NaN}}", "malformed JSON in $.optimizer: 'NaN' is not a JSON number (JSON has"
                + " no NaN or infinity); write a finite number"},
            {"{\"seed\": -Infinity}", "malformed JSON: '-Infinity' is not a JSON number (JSON has no NaN or infinity);"
                + " write a finite number"},
            {"{\"seed\": +5}", "malformed JSON: a number must not start with '+'"},
            {"{\"seed\": 007}", "malformed JSON: a number must not start with 0 followed by more digits"},
            {"// my spec\n{}", "malformed JSON: comments are not allowed in JSON"},
            {"{'name': 'x'}", "malformed JSON: keys and strings need double quotes, not single quotes"},
            {"{\"name\" \"x\"}", "malformed JSON: expected ':' after the key but found '\"'"},
            {"{\"model\": {\"layers\": [1 2]}}", "malformed JSON in $.model.layers: expected ',' or ']' after an array"
                + " element but found '2'"},
            {"{\"name\": \"a\tb\"}", "malformed JSON: a raw tab inside a string; write it as an escape such as \\t"
                + " or \\n"},
            {"{\"name\": \"a\\qb\"}", "malformed JSON: unknown escape \\q in a string (JSON knows \\\" \\\\ \\/"
                + " \\b \\f \\n \\r \\t and \\u followed by four hex digits)"},
            {"{\"name\": \"x", "malformed JSON: the text ends inside a string (its closing '\"' is missing)"},
            {"{\"model\": {\"family\": mlp}}", "malformed JSON in $.model: 'mlp' is not a JSON value (strings need"
                + " double quotes; true, false and null are lower case)"},
            {"{\"seed\": 1}\u0000", "malformed JSON: a NUL character (byte 0) between values; only spaces, tabs and"
                + " line breaks may stand there"},
            {"{\"seed\": [1}", "malformed JSON in $.seed: '}' where ']' should close the array"},
        };
        for (String[] c : cases) {
            SpecDocument document = reader.read(c[0]);
            assertEquals(1, document.problems().size(), c[0]);
            SpecProblem p = document.problems().get(0);
            assertEquals(c[1], p.message(), c[0]);
            assertTrue(p.line() >= 1, c[0]);
            for (String internal : List.of("JsonReadFeature", "ALLOW_", "(code ", "Feature", "`", "CTRL-CHAR")) {
                assertFalse(p.message().contains(internal), p.message());
            }
        }
    }

    @Test
    void nestingDeeperThanASpecCanBeIsAProblemNotAStackOverflow() {
        for (String open : List.of("[", "{\"a\": ")) {
            String close = open.equals("[") ? "]" : "}";
            String deep = "{\"name\": \"x\",\n \"seed\": " + open.repeat(5000) + "1" + close.repeat(5000) + "}";
            SpecDocument document = reader.read(deep);
            assertEquals(1, document.problems().size(), document.problems().toString());
            SpecProblem p = document.problems().get(0);
            assertEquals(2, p.line());
            assertTrue(p.message().matches("malformed JSON in \\$\\.seed.*: values are nested more than 64 levels deep"
                    + " \\(a spec needs at most 4\\)"), p.message());
            assertTrue(p.jsonPath().startsWith("$.seed"), p.jsonPath());
        }
        // Nesting a spec can use is read as usual.
        assertTrue(reader.read("{\"a\": " + "[".repeat(60) + "1" + "]".repeat(60) + "}").problems().isEmpty());
    }

    @Test
    void valuesQuotedInMessagesStayOnOneLineAndShort() {
        SpecLoadResult r = Specs.parse("{\"name\": \"x\", \"optimizer\": {\"lr\": 0.1},"
                + " \"model\": {\"family\": \"line\\nbreak\", \"activation\": \"" + "y".repeat(5000) + "\"}}");
        assertEquals(2, r.errors().size(), r.problems().toString());
        for (SpecProblem p : r.errors()) {
            assertEquals(1, p.message().lines().count(), p.message());
            assertTrue(p.message().length() < 300, p.message());
        }
        assertTrue(r.errors().get(0).message().startsWith("$.model.family: 'line\\nbreak' is not one of"),
                r.errors().get(0).message());
        assertTrue(r.errors().get(1).message().contains("... (5000 characters)"), r.errors().get(1).message());
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
