package org.lmworkbench.backend.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.backend.cli.Main;
import org.lmworkbench.backend.engine.Engines;
import org.lmworkbench.core.command.ExitCodes;
import org.lmworkbench.core.format.Npy;
import org.lmworkbench.core.format.NpyArray;

/**
 * The options of the analysis commands are checked before any work, and a bad one is named:
 * an output that is a folder, or lies below a file, and metric settings out of range (an RBF
 * bandwidth that is not a positive number was reported as an unknown metric).
 */
class AnalysisOptionsTest {

    @TempDir
    Path dir;

    private String err;

    private int run(String... args) {
        Engines.pytorch(1);
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private Path npy(String name, long seed) throws Exception {
        double[] values = new java.util.Random(seed).doubles(40 * 6).toArray();
        return Files.write(dir.resolve(name), Npy.encode(NpyArray.of(values, 40, 6)));
    }

    @Test
    void anOutputThatIsAFolderOrBelowAFileIsRefusedBeforeComputing() throws Exception {
        Path a = npy("a.npy", 1);
        Path b = npy("b.npy", 2);
        Path folder = Files.createDirectory(dir.resolve("results"));
        assertEquals(ExitCodes.INVALID_INPUT, run("similarity", "--metric", "cka", "--a", a.toString(), "--b",
                b.toString(), "--out", folder.toString()));
        assertEquals("similarity: invalid value for option '--out': '" + folder + "' is a folder; name a file to"
                + " write, such as '" + folder.resolve("result.json") + "'", err.lines().findFirst().orElseThrow());
        assertEquals(List.of(), List.of(folder.toFile().list()));
        assertEquals(ExitCodes.INVALID_INPUT, run("similarity", "--metric", "cka", "--a", a.toString(), "--b",
                b.toString(), "--out", a.resolve("x.json").toString()));
        assertTrue(err.startsWith("similarity: invalid value for option '--out': '" + a.resolve("x.json")
                + "' cannot be created: '" + a + "' is a file, not a folder"), err);
        assertEquals(ExitCodes.OK, run("similarity", "--metric", "cka", "--a", a.toString(), "--b", b.toString(),
                "--out", folder.resolve("cka.json").toString()), err);
    }

    @Test
    void metricSettingsOutOfRangeNameTheOptionAndTheSetting() throws Exception {
        Path a = npy("a.npy", 1);
        Path b = npy("b.npy", 2);
        String[][] cases = {
            {"cka-kernel=(rbf-sigma=-1)-hsic=gretton-score", "rbf-sigma must be a positive number, got '-1' in"
                + " 'cka-kernel=(rbf-sigma=-1)-hsic=gretton-score'"},
            {"cka-kernel=rbf-sigma=wide", "rbf-sigma must be a positive number, got 'wide' in 'cka-kernel=rbf-sigma=wide'"},
            {"cka-kernel=(rbf-sigma=0)-hsic=song-score", "RBF sigma must be a positive number, not 0.0"},
            {"svcca-var=2", "svcca variance share must be in (0, 1], not 2.0"},
            {"mutual_knn-topk=0", "mutual_knn topk must be at least 1, not 0"},
        };
        for (String[] c : cases) {
            assertEquals(ExitCodes.INVALID_INPUT, run("similarity", "--metric", c[0], "--a", a.toString(), "--b",
                    b.toString(), "--out", dir.resolve("o.json").toString()), c[0]);
            assertEquals("similarity: invalid value for option '--metric': " + c[1], err.strip(), c[0]);
        }
        assertEquals(ExitCodes.INVALID_INPUT, run("similarity", "--metric", "cka-kernel=poly", "--a", a.toString(),
                "--b", b.toString(), "--out", dir.resolve("o.json").toString()));
        assertTrue(err.startsWith("similarity: unknown metric 'cka-kernel=poly'; known metrics: "), err);
        assertFalse(Files.exists(dir.resolve("o.json")));
    }

    @Test
    void diagnosticsRefusesAnOutputFolderToo() throws Exception {
        Path spec = Files.writeString(dir.resolve("d.lmx"), """
                {"name": "d", "model": {"width": 8, "depth": 2}, "data": {"n_train": 32, "n_test": 8, "input_dim": 4},
                 "optimizer": {"lr": 0.1}, "training": {"steps": 2}}
                """);
        assertEquals(ExitCodes.OK, run("run", spec.toString(), "--out", dir.resolve("run").toString()), err);
        Path folder = Files.createDirectory(dir.resolve("out"));
        assertEquals(ExitCodes.INVALID_INPUT, run("diagnostics", dir.resolve("run").toString(), "--checkpoint", "2",
                "--out", folder.toString()));
        assertTrue(err.startsWith("diagnostics: invalid value for option '--out': '" + folder + "' is a folder"), err);
    }
}
