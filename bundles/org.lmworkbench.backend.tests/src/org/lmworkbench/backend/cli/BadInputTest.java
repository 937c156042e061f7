package org.lmworkbench.backend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.core.command.BackendCommand;
import org.lmworkbench.core.command.ExitCodes;

/**
 * Every kind of bad input ends with a message that says what and where, exit code 2, and no run
 * folder that could be mistaken for a result.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("out");
    }

    private Cli.Result runExpectingInvalid(Path spec) {
        Cli.Result r = Cli.run("run", spec.toString(), "--out", out().toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.toString());
        assertFalse(Files.exists(out()), "a run folder was left behind");
        return r;
    }

    private Path fileSpec(String source, Path data) throws Exception {
        return Cli.spec(dir, "s.lmx", """
                {"name": "bad", "data": {"source": "%s", "path": "%s"}, "optimizer": {"lr": 0.1},
                 "training": {"steps": 5}}
                """.formatted(source, data.toString()));
    }

    @Test
    void malformedSpecIsReportedWithFileAndLine() throws Exception {
        Path spec = Cli.spec(dir, "broken.lmx", "{\n  \"name\": \"x\",\n  \"optimizer\": {\"lr\": 0.1,}\n");
        Cli.Result r = runExpectingInvalid(spec);
        assertTrue(r.err().contains(spec + ":"), r.err());
    }

    @Test
    void invalidSpecListsEveryProblemLikeACompiler() throws Exception {
        Path spec = Cli.spec(dir, "invalid.lmx", """
                {
                  "name": "x",
                  "model": {"width": 0, "activaton": "relu"},
                  "optimizer": {"lr": -1}
                }
                """);
        Cli.Result r = runExpectingInvalid(spec);
        assertTrue(r.err().contains(spec + ":3: "), r.err());
        assertTrue(r.err().contains("$.model.width"), r.err());
        assertTrue(r.err().contains(spec + ":4: "), r.err());
        assertTrue(r.err().lines().count() >= 3, r.err());
    }

    @Test
    void sweepSpecNeedsTheSweepCommand() throws Exception {
        Path spec = Cli.spec(dir, "sweep.lmx", """
                {"name": "x", "optimizer": {"lr": 0.1},
                 "sweep": {"model.width": [8, 16]}}
                """);
        Cli.Result r = runExpectingInvalid(spec);
        assertTrue(r.err().contains("sweep of 2 runs") && r.err().contains("'sweep "), r.err());
        assertTrue(r.err().startsWith("run: " + spec + ":2: "), "located at the sweep key: " + r.err());
    }

    @Test
    void missingDataFileIsNamed() throws Exception {
        Path missing = dir.resolve("nothere.npy");
        Cli.Result r = runExpectingInvalid(fileSpec("npy", missing));
        assertTrue(r.err().contains(missing.toString()) && r.err().contains("not found"), r.err());
    }

    @Test
    void truncatedIdxIsReported() throws Exception {
        Path mnist = Files.createDirectory(dir.resolve("mnist"));
        ByteBuffer images = ByteBuffer.allocate(16 + 784 * 3);
        images.putInt(0x00000803).putInt(100).putInt(28).putInt(28);
        Files.write(mnist.resolve("train-images-idx3-ubyte"), images.array());
        ByteBuffer labels = ByteBuffer.allocate(8 + 100);
        labels.putInt(0x00000801).putInt(100);
        Files.write(mnist.resolve("train-labels-idx1-ubyte"), labels.array());
        Files.write(mnist.resolve("t10k-images-idx3-ubyte"), images.array());
        Files.write(mnist.resolve("t10k-labels-idx1-ubyte"), labels.array());
        Cli.Result r = runExpectingInvalid(fileSpec("mnist_idx", mnist));
        assertTrue(r.err().contains("train-images-idx3-ubyte") && r.err().contains("truncated"), r.err());
    }

    @Test
    void badNpyHeaderIsReported() throws Exception {
        Path npy = dir.resolve("data.npy");
        byte[] header = "\u0093NUMPY\u0001\u0000\u0020\u0000{'descr': '<f8', 'shape': oops}    \n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(npy, header);
        Cli.Result r = runExpectingInvalid(fileSpec("npy", npy));
        assertTrue(r.err().contains(npy.toString()) && r.err().contains("header"), r.err());
    }

    @Test
    void raggedCsvNamesTheLine() throws Exception {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "a,b,label\n1,2,0\n3,4,1\n5,6\n7,8,0\n");
        Cli.Result r = runExpectingInvalid(fileSpec("csv", csv));
        assertTrue(r.err().contains(csv + ":4:") && r.err().contains("2 fields, expected 3"), r.err());
    }

    @Test
    void unwritableOutputFolderIsInvalidInput() throws Exception {
        Path spec = Cli.spec(dir, "ok.lmx", "{\"name\": \"ok\", \"optimizer\": {\"lr\": 0.1}, \"training\": {\"steps\": 2}}");
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        // A folder below a regular file cannot be created, even by root (unlike chmod-protected folders).
        Cli.Result r = Cli.run("run", spec.toString(), "--out", file.resolve("run").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.toString());
        assertTrue(r.err().contains("cannot create the run folder"), r.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void gpuWithoutGpuIsInvalidInput() throws Exception {
        Assumptions.assumeTrue(Engines.pytorch(1).getGpuCount() == 0, "this machine has a GPU");
        Path spec = Cli.spec(dir, "ok.lmx", "{\"name\": \"ok\", \"optimizer\": {\"lr\": 0.1}, \"training\": {\"steps\": 2}}");
        Cli.Result r = Cli.run("run", spec.toString(), "--out", out().toString(), "--device", "gpu");
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.toString());
        assertTrue(r.err().contains("no usable GPU"), r.err());
        assertFalse(Files.exists(out()));
    }

    @Test
    void helpListsEveryCommandOfTheTableAndEachHasItsOwnHelp() {
        Cli.Result list = Cli.run("help");
        assertEquals(ExitCodes.OK, list.code(), list.toString());
        for (BackendCommand c : Commands.all()) {
            assertTrue(list.out().contains("\n  " + c.name() + " " + c.synopsis() + " "), c.name() + ": " + list);
            assertTrue(list.out().contains(c.summary()), c.name() + ": " + list);
            Cli.Result help = Cli.run(c.name(), "--help");
            assertEquals(ExitCodes.OK, help.code(), help.toString());
            assertTrue(help.out().startsWith("usage: lmw " + c.name()), c.name() + ": " + help);
            assertEquals(help.out(), Cli.run("help", c.name()).out());
        }
        assertEquals(List.of("run", "sweep", "resume", "status", "hessian", "sharpness-dimension", "similarity", "diagnostics", "fit",
                "tensorboard-export", "import"),
                Commands.all().stream().map(BackendCommand::name).toList());
        Cli.Result unknown = Cli.run("train");
        assertEquals(ExitCodes.INVALID_INPUT, unknown.code());
        assertTrue(unknown.err().startsWith("lmw: unknown command 'train'"), unknown.err());
        assertEquals(ExitCodes.INVALID_INPUT, Cli.run("resume", dir.toString()).code());
    }

    @Test
    void everyCommandWordsArgumentErrorsAlikeAndNamesTheOption() {
        for (BackendCommand c : Commands.all()) {
            Cli.Result unknown = Cli.run(c.name(), "--bogus", "1");
            assertEquals(ExitCodes.INVALID_INPUT, unknown.code(), unknown.toString());
            assertEquals(c.name() + ": unknown option: '--bogus'\nrun 'lmw " + c.name() + " --help' for usage\n",
                    unknown.err());
        }
        Cli.Result missing = Cli.run("run", "spec.lmx", "--out");
        assertEquals("run: missing required parameter for option '--out' (<run-dir>)", missing.err().lines()
                .findFirst().orElseThrow());
        Cli.Result notANumber = Cli.run("sweep", "spec.lmx", "--out", "x", "--threads", "two");
        assertEquals("sweep: invalid value for option '--threads': 'two' is not a whole number",
                notANumber.err().lines().findFirst().orElseThrow());
        Cli.Result twice = Cli.run("hessian", "run", "--checkpoint", "1", "--checkpoint", "2");
        assertEquals("hessian: option '--checkpoint' (<step>) should be specified only once",
                twice.err().lines().findFirst().orElseThrow());
        Cli.Result range = Cli.run("diagnostics", "run", "--checkpoint", "1", "--examples", "1");
        assertEquals("diagnostics: invalid value for option '--examples': must be at least 2, got 1",
                range.err().lines().findFirst().orElseThrow());
        for (Cli.Result r : List.of(missing, notANumber, twice, range)) {
            assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.toString());
        }
    }
}
