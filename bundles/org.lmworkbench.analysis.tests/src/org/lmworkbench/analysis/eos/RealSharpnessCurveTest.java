package org.lmworkbench.analysis.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detector on a real sharpness record: {@code example-eos-sharpness.jsonl} beside this class
 * is {@code probes/sharpness.jsonl} of the core example spec ({@code example-eos.lmx}: tanh MLP,
 * full-batch GD, lr 0.1, so 2/lr = 20), trained once by the real DJL backend ({@code lmw run}) and
 * committed unchanged. The reference numbers in the comments were computed from that file with
 * numpy, independently of this code.
 */
class RealSharpnessCurveTest {

    @TempDir
    Path dir;

    private List<SharpnessSample> samples() throws IOException {
        Path file = dir.resolve("sharpness.jsonl");
        try (InputStream in = RealSharpnessCurveTest.class.getResourceAsStream("example-eos-sharpness.jsonl")) {
            assertNotNull(in, "fixture example-eos-sharpness.jsonl");
            Files.copy(in, file);
        }
        return SharpnessSeries.read(file);
    }

    @Test
    void plateauSitsAtTwoOverLr() throws IOException {
        List<SharpnessSample> samples = samples();
        assertEquals(51, samples.size()); // steps 0, 20, ..., 1000
        assertEquals(20.0, samples.get(0).threshold(), 0);
        assertEquals("2/lr", samples.get(0).thresholdKind());

        EdgeOfStabilityResult r = new EdgeOfStabilityDetector().detect(samples);
        assertTrue(r.reached());
        // lambda_1 is 18.9499 at step 320 and 19.2707 at 340: the first at or above 0.95 * 20 = 19.
        assertEquals(340, r.endOfSharpeningStep());
        // numpy over steps 340..1000: 34 samples, mean 20.394938, sd (ddof 1) 0.755631.
        assertEquals(34, r.plateau().samples());
        assertEquals(20.394938274496937, r.plateau().mean(), 1e-9);
        assertEquals(0.7556312955000257, r.plateau().sd(), 1e-9);
        // Cohen et al.: the plateau is at 2/lr. Here within 2 %.
        assertEquals(1.0, r.plateau().ratio(), 0.03);
        assertEquals(20.394938274496937 / 20, r.plateau().ratio(), 1e-12);
        // The README's measurement: mean over the last third (steps >= 667) 20.28, maximum 21.36 at step 780.
        double lastThird = samples.stream().filter(s -> s.step() >= 667).mapToDouble(SharpnessSample::lambdaMax)
                .average().orElseThrow();
        assertEquals(20.27809806281651, lastThird, 1e-9);
        assertEquals(1.0, lastThird / 20, 0.03);
        assertEquals(21.357153837582626, r.maxLambda(), 1e-12);
        assertEquals(780, r.maxLambdaStep());
        // numpy polyfit over steps 0..340: slope 0.0475436 per step, ln-slope 0.00423521 per step.
        assertEquals(0.047543642837024766, r.sharpening().slope(), 1e-9);
        assertEquals(0.004235213084749953, r.sharpening().logSlope(), 1e-9);
        // numpy lstsq of the hinge at every candidate corner: best at 320, level 20.39417, slope 0.0494163,
        // residual sum of squares 29.16204, so the fit and the 0.95 rule agree to one probe interval.
        assertEquals(320, r.breakpoint().breakpoint(), 0);
        assertEquals(20.39417251, r.breakpoint().level(), 1e-6);
        assertEquals(0.04941626, r.breakpoint().slope(), 1e-7);
        assertEquals(29.162044436322613, r.breakpoint().rss(), 1e-6);
    }
}
