package org.lmworkbench.analysis.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.RunFileException;

/**
 * The coordinate check on the activation captures of {@link SweepFixture}: RMS a at step 0,
 * a (1 + c) at step 3, change a c, averaged over seeds a = 1 and a = 3 (mean amplitude 2).
 */
class CoordinateCheckTest {

    @TempDir
    Path project;

    private List<TransferRun> runsAtOneLr;

    @BeforeEach
    void writeSweep() throws IOException {
        Path spec = SweepFixture.write(project);
        List<TransferRun> all = new SweepRunCollector(TransferSettings.defaults()).fromSpec(spec, project).runs();
        runsAtOneLr = all.stream().filter(r -> r.lr() == 0.03125).toList();
        assertEquals(6, runsAtOneLr.size());
    }

    @Test
    void rmsAndChangeFromInitialisationPerLayerWidthAndStep() throws IOException {
        CoordinateCheck check = CoordinateCheck.compute(runsAtOneLr, () -> false);
        assertEquals(List.of("hidden1", "hidden2"), check.layers());
        assertEquals(List.of(0L, 3L), check.steps());
        for (int l = 0; l < 2; l++) {
            String layer = check.layers().get(l);
            for (int w = 0; w < 3; w++) {
                double width = SweepFixture.WIDTHS[w];
                double c = SweepFixture.growth(layer, width);
                assertEquals(2.0, check.rms(l, 0)[w], 1e-12, "mean over seeds of a = 1 and a = 3");
                assertEquals(0.0, check.delta(l, 0)[w], 1e-12);
                assertEquals(2.0 * (1 + c), check.rms(l, 1)[w], 1e-12);
                assertEquals(2.0 * c, check.delta(l, 1)[w], 1e-12);
            }
        }
        // hidden1 changes by the same amount at every width: flat, slope 0; hidden2 by c ~ width: slope 1
        assertEquals(0.0, check.slope(0, 1, true), 1e-12);
        assertEquals(1.0, check.slope(1, 1, true), 1e-12);
        assertEquals(0.0, check.slope(0, 1, false), 1e-12);
        // three equally spaced log widths: the least-squares slope is the slope between the end points
        double expected = Math.log(1.2 / 1.05) / Math.log(128.0 / 32.0);
        assertEquals(expected, check.slope(1, 1, false), 1e-12);
        assertEquals(List.of(), check.notes());
    }

    @Test
    void runsWithoutCapturesAreNotedAndBadCapturesNamed() throws IOException {
        TransferRun first = runsAtOneLr.get(0);
        deleteTree(first.dir().resolve("activations/step-0"));
        CoordinateCheck check = CoordinateCheck.compute(runsAtOneLr, () -> false);
        assertEquals(List.of(first.runId() + ": no capture at step 0, so no change from initialisation"),
                check.notes());
        // width 32 keeps its other seed (a = 3): the mean change is that seed's alone
        assertEquals(3 * 0.05, check.delta(1, 1)[0], 1e-12);
        assertEquals((1 * 1.05 + 3 * 1.05) / 2, check.rms(1, 1)[0], 1e-12);

        Path capture = runsAtOneLr.get(1).dir().resolve("activations/step-3/hidden2.npy");
        Files.write(capture, SweepFixture.npy(new double[6], 2, 3));
        RunFileException e = assertThrows(RunFileException.class,
                () -> CoordinateCheck.compute(runsAtOneLr, () -> false));
        assertTrue(e.getMessage().startsWith(capture + ": shape (2, 3) differs from the initial capture"),
                e.getMessage());
        assertThrows(CancellationException.class, () -> CoordinateCheck.compute(runsAtOneLr, () -> true));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
