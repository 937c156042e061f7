package org.lmworkbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading spec files: results instead of exceptions for user errors. */
class SpecsTest {

    @TempDir
    Path dir;

    @Test
    void loadsAFile() throws IOException {
        SpecLoadResult r = Specs.load(Fixtures.copy("specs/sweep-24.lmx", dir));
        assertFalse(r.hasErrors());
        assertEquals(24, r.runs().size());
    }

    @Test
    void missingFileIsAProblemNotAnException() {
        Path missing = dir.resolve("nope.lmx");
        SpecLoadResult r = Specs.load(missing);
        assertEquals(List.of("file not found: " + missing), r.problems().stream().map(SpecProblem::message).toList());
        assertTrue(r.runs().isEmpty());
    }

    @Test
    void invalidUtf8IsAProblem() throws IOException {
        Path file = dir.resolve("latin1.lmx");
        Files.write(file, new byte[] {'{', '"', 'n', (byte) 0xE9, '"', ':', '1', '}'});
        assertEquals("file is not valid UTF-8 text", Specs.load(file).problems().get(0).message());
    }

    @Test
    void exceptionCarriesEveryProblem() throws IOException {
        Path file = Fixtures.copy("specs/bad-several.json", dir);
        SpecException e = assertThrows(SpecException.class, () -> Specs.loadRuns(file));
        assertEquals(10, e.problems().size());
        assertTrue(e.getMessage().startsWith("line 2, column 11: ERROR: $.name: 'several problems' is not valid"),
                e.getMessage());
        assertThrows(SpecException.class, () -> Specs.load(file).singleSpec());
    }

    @Test
    void singleSpecOfASweepIsRefused() throws IOException {
        SpecLoadResult r = Specs.load(Fixtures.copy("specs/sweep-24.lmx", dir));
        assertThrows(IllegalStateException.class, r::singleSpec);
    }

    @Test
    void recognisesSpecFileNames() {
        assertTrue(Specs.isSpecFile(Path.of("a/eos.lmx")));
        assertTrue(Specs.isSpecFile(Path.of("eos.experiment.json")));
        assertTrue(Specs.isSpecFile(Path.of("EOS.LMX")));
        assertFalse(Specs.isSpecFile(Path.of("spec.json")));
        assertFalse(Specs.isSpecFile(Path.of("eos.lmx.bak")));
    }
}
