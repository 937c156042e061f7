package org.lmworkbench.backend.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.backend.cli.Main;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.SharpnessLine;

/**
 * The zeroth-order edge of stability (Song et al. 2026) reproduced through the command line, the
 * CI-sized version of the example project's {@code zo-edge.lmx}: ZO-GD (one Gaussian direction) with
 * lr 0.03 on a 290-parameter tanh MLP fitting noisy teacher-student targets in float64, the whole
 * Hessian spectrum every 50 steps. The trace starts far below {@code 2/eta = 66.7}, rises to it
 * (progressive sharpening), and then stays in the band {@code Tr H <= 2/eta <= Tr H + 2 lambda_max}.
 *
 * <p>Post-sharpening means from the first sample whose trace reaches 0.9 of {@code 2/eta}. Measured
 * with this spec: the trace first reaches it at step 550; of the 20 samples from there to step 1500,
 * 17 lie in the band (85 %) and 18 below {@code 2/eta}, with a mean trace of 60.8 (2000 steps: 27 of
 * 30, mean 61.1). Seed 0 of the same spec gives 12 of 16 (75 %). The bounds asserted leave room for
 * that seed-to-seed spread.
 */
class ZoEdgeOfStabilityTest {

    @TempDir
    Path dir;

    static final String SPEC = """
            {
              "name": "zo-edge-ci",
              "seed": 3,
              "model": {"family": "mlp", "width": 12, "depth": 2, "activation": "tanh"},
              "data": {"source": "teacher_student", "n_train": 100, "n_test": 0, "input_dim": 8,
                       "output_dim": 2, "noise": 1.0, "probe_size": 16},
              "optimizer": {"name": "zo_gd", "lr": 0.03, "zo": {"directions": 1, "distribution": "gaussian",
                            "mu": 0.0001}},
              "training": {"steps": 1500, "loss": "mse", "dtype": "float64"},
              "probes": {"metrics_every": 100, "checkpoint_every": 0,
                         "sharpness": {"every": 50, "top_k": 1, "examples": 100}},
              "execution": {"device": "cpu", "threads": 1}
            }
            """;

    @Test
    void traceRisesToTwoOverEtaAndStaysInTheBand() throws Exception {
        Path spec = Files.writeString(dir.resolve("zo-edge.lmx"), SPEC);
        Path out = dir.resolve("run");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", spec.toString(), "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, () -> err.toString(StandardCharsets.UTF_8));
        List<SharpnessLine> lines = new ArrayList<>();
        for (MetricsRecord r : MetricsReader.readAll(new RunDirectory(out).sharpnessFile())) {
            lines.add(SharpnessLine.read(out, r));
        }
        assertEquals(31, lines.size());
        double threshold = 2 / 0.03;
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            SharpnessLine.ZoBand band = lines.get(i).zo();
            assertEquals(threshold, band.zoThreshold(), 1e-9);
            assertEquals(2.0, band.margin(), 1e-12);
            assertTrue(band.etaStar() > 0, "eta* from the whole spectrum at step " + lines.get(i).step());
            if (start < 0 && band.trace() >= 0.9 * threshold) {
                start = i;
            }
        }
        assertTrue(lines.get(0).zo().trace() < 0.5 * threshold, "the trace starts far below 2/eta");
        assertTrue(start > 0, "the trace reaches 0.9 of 2/eta");
        int inside = 0;
        int below = 0;
        double sum = 0;
        List<SharpnessLine> post = lines.subList(start, lines.size());
        for (SharpnessLine l : post) {
            inside += l.zo().inside() ? 1 : 0;
            below += l.zo().trace() <= threshold ? 1 : 0;
            sum += l.zo().trace();
        }
        double fraction = (double) inside / post.size();
        double mean = sum / post.size();
        System.out.printf("ZO-GD edge: trace %.1f at step 0, reaches 0.9 x 2/eta at step %d; after that %d of %d"
                + " samples in the band (%.0f %%), %d below 2/eta, mean trace %.1f vs 2/eta %.1f%n",
                lines.get(0).zo().trace(), lines.get(start).step(), inside, post.size(), 100 * fraction, below, mean,
                threshold);
        assertTrue(post.size() >= 10, "at least ten post-sharpening samples, got " + post.size());
        assertTrue(fraction >= 0.7, "fraction of post-sharpening samples in the band " + fraction);
        assertTrue(mean > 0.8 * threshold && mean < threshold, "mean trace just below 2/eta: " + mean);
    }
}
