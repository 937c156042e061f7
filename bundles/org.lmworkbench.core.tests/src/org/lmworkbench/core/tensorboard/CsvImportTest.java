package org.lmworkbench.core.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.format.FileFormatException;
import org.lmworkbench.core.run.RunFileException;
import org.lmworkbench.core.run.RunStatus;

/** CSV tables of step and metric columns as runs. */
class CsvImportTest {

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path project() {
        return dir.resolve("project");
    }

    private static List<String> lines(ImportedRun run) throws IOException {
        return Files.readAllLines(run.folder().resolve(RunDirectory.METRICS));
    }

    @Test
    void quotedHeadersAndFieldsAreReadAsRfc4180Says() throws IOException {
        Path file = csv("sweep-w64.csv", """
                "step","loss, train","eval/acc","note ""x""\"
                0,"2.5",0.1,1
                10,1.25,"0.5",2
                """);
        ImportedRun run = CsvImport.file(file, project());
        assertEquals("sweep-w64", run.runId());
        assertEquals(Map.of("loss, train", "loss__train", "eval/acc", "eval_acc", "note \"x\"", "note__x_"),
                run.record().metrics());
        assertEquals(List.of("{\"step\":0,\"loss__train\":2.5,\"eval_acc\":0.1,\"note__x_\":1.0}",
                "{\"step\":10,\"loss__train\":1.25,\"eval_acc\":0.5,\"note__x_\":2.0}"), lines(run));
        assertEquals(ImportRecord.CSV, run.record().format());
        assertEquals(List.of(file.toAbsolutePath()), run.record().files());
        RunStatus status = RunStatus.read(run.folder().resolve(RunDirectory.STATUS));
        assertNull(status.started(), "a CSV without wall times says nothing about when the run trained");
        assertEquals(10, status.lastStep());
    }

    @Test
    void nonNumericCellNamesFileLineAndColumnAndWritesNothing() throws IOException {
        Path file = csv("bad.csv", """
                step,loss,acc

                0,1.5,0.1
                "10",abc,0.2
                """);
        RunFileException e = assertThrows(RunFileException.class, () -> CsvImport.file(file, project()));
        assertEquals(4, e.line(), e.getMessage());
        assertEquals(file.toAbsolutePath(), e.file());
        assertTrue(e.getMessage().endsWith(":4: column 'loss' holds 'abc', which is not a number"), e.getMessage());
        assertFalse(Files.exists(project().resolve(RunDirectory.RUNS)));
    }

    @Test
    void lineNumbersCountLineBreaksInsideQuotedFields() throws IOException {
        Path file = csv("multi.csv", "step,\"loss\ntrain\"\n0,1\n1,x\n");
        RunFileException e = assertThrows(RunFileException.class, () -> CsvImport.file(file, project()));
        assertEquals(4, e.line(), e.getMessage());
    }

    @Test
    void stepsOutOfOrderAreSortedAndARepeatedStepReplacesTheEarlierValue() throws IOException {
        Path file = csv("shuffled.csv", """
                loss,step,acc
                0.5,20,
                1.0,0,0.1
                0.75,10,0.2
                0.6,20,0.3
                """);
        ImportedRun run = CsvImport.file(file, project());
        assertEquals(List.of("{\"step\":0,\"loss\":1.0,\"acc\":0.1}", "{\"step\":10,\"loss\":0.75,\"acc\":0.2}",
                "{\"step\":20,\"loss\":0.6,\"acc\":0.3}"), lines(run));
        assertEquals(1, run.record().replaced());
        assertEquals(6, run.record().points());
        assertEquals(3, run.record().steps());
    }

    @Test
    void wallTimeColumnAndNonFiniteValues() throws IOException {
        Path file = csv("tb-download.csv", """
                Wall time,Step,Value
                1795000000.5,0,nan
                1795000010.5,5,-inf
                1795000020.5,10,Infinity
                """);
        ImportedRun run = CsvImport.file(file, project());
        assertEquals(List.of("{\"step\":0,\"Value\":\"NaN\",\"wall_time\":0.0}",
                "{\"step\":5,\"Value\":\"-Infinity\",\"wall_time\":10.0}",
                "{\"step\":10,\"Value\":\"Infinity\",\"wall_time\":20.0}"), lines(run));
        RunStatus status = RunStatus.read(run.folder().resolve(RunDirectory.STATUS));
        assertEquals(Instant.parse("2026-11-18T11:06:40.500Z"), status.started());
        assertEquals(Instant.parse("2026-11-18T11:07:00.500Z"), status.ended());
        assertEquals(3, MetricsReader.readAll(run.folder().resolve(RunDirectory.METRICS)).size());
    }

    @Test
    void badTablesAreErrorsNamingTheLine() throws IOException {
        assertProblem("step,loss\n0,1\n1,2,3\n", 3, "3 fields, but the header has 2");
        assertProblem("epoch,loss\n0,1\n", 1, "the header has no 'step' column (it is [epoch, loss])");
        assertProblem("step,loss\n0.5,1\n", 2, "the step '0.5' is not a whole number");
        assertProblem("step,loss,loss\n0,1,2\n", 1, "the header names 'loss' twice");
        assertProblem("step\n0\n", 1, "the header names no metric column besides the step");
        assertProblem("step,loss,\n0,1,2\n", 1, "column 3 of the header has no name");
        assertProblem("step,loss\n0,1e5x\n", 2, "column 'loss' holds '1e5x', which is not a number");
        assertProblem("", 0, "the file is empty; a header with a 'step' column is needed");
        assertProblem("step,loss\n", 0, "there is a header but no value below it");
    }

    @Test
    void brokenQuotingIsAnError() throws IOException {
        Path file = csv("broken.csv", "step,loss\n0,\"1.5\n");
        FileFormatException e = assertThrows(FileFormatException.class, () -> CsvImport.file(file, project()));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("quot"), e.getMessage());
    }

    private void assertProblem(String text, long line, String message) throws IOException {
        Path file = csv("t.csv", text);
        RunFileException e = assertThrows(RunFileException.class, () -> CsvImport.file(file, project()), text);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().endsWith(message), e.getMessage());
        Files.delete(file);
    }
}
