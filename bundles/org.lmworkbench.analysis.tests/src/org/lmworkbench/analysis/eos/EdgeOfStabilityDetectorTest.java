package org.lmworkbench.analysis.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The detector on synthetic sharpness curves whose breakpoint, plateau and rates are known in
 * closed form (the expected numbers are worked out by hand in the comments).
 */
class EdgeOfStabilityDetectorTest {

    private static final double LR = 0.1; // threshold 2/lr = 20

    /** lambda = 5 + 0.05 s up to s = 300 (where it reaches 20 = 2/lr), then 20; every 20 steps to 1000. */
    private static List<SharpnessSample> rampThenPlateau() {
        List<SharpnessSample> samples = new ArrayList<>();
        for (long s = 0; s <= 1000; s += 20) {
            samples.add(SharpnessSample.gd(s, LR, Math.min(5 + 0.05 * s, 20.0), 0.5 * Math.min(5 + 0.05 * s, 20.0)));
        }
        return samples;
    }

    @Test
    void rampThenPlateauMatchesTheHandComputation() {
        List<SharpnessSample> samples = rampThenPlateau();
        Collections.reverse(samples); // order must not matter
        EdgeOfStabilityResult r = new EdgeOfStabilityDetector().detect(samples);

        assertEquals(51, r.samples());
        assertTrue(r.reached());
        // 5 + 0.05 s >= 0.95 * 20 = 19  <=>  s >= 280, a sample step.
        assertEquals(280, r.endOfSharpeningStep());
        // Plateau: step 280 (19) and steps 300..1000 (36 samples of 20): n = 37, mean = 739/37,
        // deviations 36 x 1/37 and one of -36/37: sum of squares 36/37, sd = sqrt(36/37/36) = sqrt(1/37).
        EdgeOfStabilityResult.Plateau p = r.plateau();
        assertEquals(37, p.samples());
        assertEquals(280, p.fromStep());
        assertEquals(1000, p.toStep());
        assertEquals(739.0 / 37, p.mean(), 1e-12);
        assertEquals(Math.sqrt(1.0 / 37), p.sd(), 1e-12);
        assertEquals(739.0 / 740, p.ratio(), 1e-12);
        assertEquals(20.0, p.meanThreshold(), 1e-12);
        // Samples 0..280 lie exactly on the ramp.
        assertEquals(0.05, r.sharpening().slope(), 1e-12);
        assertEquals(15, r.sharpening().samples());
        assertEquals(280, r.sharpening().toStep());
        // The hinge fits exactly with its corner at 300.
        assertEquals(300, r.breakpoint().breakpoint(), 0);
        assertEquals(20.0, r.breakpoint().level(), 1e-9);
        assertEquals(0.05, r.breakpoint().slope(), 1e-12);
        assertEquals(0.0, r.breakpoint().rss(), 1e-9);
        assertEquals(20.0, r.maxLambda(), 0);
        assertEquals(300, r.maxLambdaStep());
        assertEquals(1.0, r.maxRatio(), 1e-15);
    }

    @Test
    void exponentialSharpeningHasTheLogRate() {
        // lambda = 2 exp(0.01 s), capped at 2/lr = 200 (lr 0.01): 2 e^(0.01 s) >= 190 <=> s >= 100 ln 95 = 455.4,
        // so sharpening ends at the sample 460; ln lambda is exactly linear with slope 0.01 before that.
        List<SharpnessSample> samples = new ArrayList<>();
        for (long s = 0; s <= 800; s += 10) {
            samples.add(SharpnessSample.gd(s, 0.01, Math.min(2 * Math.exp(0.01 * s), 200.0)));
        }
        EdgeOfStabilityResult r = new EdgeOfStabilityDetector().detect(samples);
        assertEquals(460, r.endOfSharpeningStep());
        assertEquals(0.01, r.sharpening().logSlope(), 1e-12);
        assertEquals(100 * Math.log(2), r.sharpening().doublingSteps(), 1e-9);
        // 2 e^(4.6) = 198.94 at 460, then capped: 34 samples of 200 from 470 to 800.
        assertEquals(35, r.plateau().samples());
        assertEquals((2 * Math.exp(4.6) + 34 * 200) / 35, r.plateau().mean(), 1e-9);
    }

    @Test
    void noisyRampStillGivesBreakpointAndPlateau() {
        Random random = new Random(42);
        List<SharpnessSample> samples = new ArrayList<>();
        double noise = 0.2;
        for (long s = 0; s <= 2000; s += 10) {
            samples.add(SharpnessSample.gd(s, LR, Math.min(5 + 0.05 * s, 20.0) + noise * random.nextGaussian()));
        }
        EdgeOfStabilityResult r = new EdgeOfStabilityDetector().detect(samples);
        assertTrue(r.reached());
        // The noise-free crossing is at 280; noise of 0.2 moves it by at most a few samples (0.5 per sample).
        assertTrue(r.endOfSharpeningStep() >= 250 && r.endOfSharpeningStep() <= 300, "end " + r.endOfSharpeningStep());
        assertEquals(300, r.breakpoint().breakpoint(), 20);
        assertEquals(0.05, r.breakpoint().slope(), 0.0025);
        assertEquals(20.0, r.breakpoint().level(), 0.05);
        assertEquals(noise, r.breakpoint().residualSd(), 0.03);
        // About 170 plateau samples: standard error 0.2/13 = 0.015; a few ramp samples pull the mean down a little.
        assertEquals(20.0, r.plateau().mean(), 0.1);
        assertEquals(1.0, r.plateau().ratio(), 0.005);
        assertEquals(noise, r.plateau().sd(), 0.06);
        assertEquals(0.05, r.sharpening().slope(), 0.005);
    }

    @Test
    void runThatNeverReachesTheThreshold() {
        // lambda = 5 + 0.01 s to s = 1000: at most 15 = 0.75 of 2/lr.
        List<SharpnessSample> samples = new ArrayList<>();
        for (long s = 0; s <= 1000; s += 20) {
            samples.add(SharpnessSample.gd(s, LR, 5 + 0.01 * s));
        }
        EdgeOfStabilityResult r = new EdgeOfStabilityDetector().detect(samples);
        assertFalse(r.reached());
        assertEquals(-1, r.endOfSharpeningStep());
        assertNull(r.plateau());
        assertEquals(15.0, r.maxLambda(), 1e-12);
        assertEquals(1000, r.maxLambdaStep());
        assertEquals(0.75, r.maxRatio(), 1e-12);
        assertEquals(0.01, r.sharpening().slope(), 1e-12);
        assertEquals(51, r.sharpening().samples());
        // With a lower bar the same curve does reach it: 5 + 0.01 s >= 0.5 * 20 <=> s >= 500.
        assertEquals(500, new EdgeOfStabilityDetector(0.5).detect(samples).endOfSharpeningStep());
    }

    @Test
    void thresholdMovedByTheScheduleIsFollowedPerSample() {
        // lr = 0.1 / (1 + s/1000): threshold 20 + 0.02 s. Before 400 the sharpness 5 + 0.03 s stays below
        // 0.61 of it; from 400 on it is 1.01 x the threshold. Plateau 400..1000 every 20: 31 samples,
        // mean threshold 20 + 0.02 * 700 = 34, mean sharpness 1.01 * 34, ratio exactly 1.01.
        List<SharpnessSample> samples = new ArrayList<>();
        for (long s = 0; s <= 1000; s += 20) {
            double lr = 0.1 / (1 + s / 1000.0);
            double threshold = 2 / lr;
            samples.add(new SharpnessSample(s, new double[] {s < 400 ? 5 + 0.03 * s : 1.01 * threshold}, lr,
                    threshold, "2/lr"));
        }
        EdgeOfStabilityResult r = new EdgeOfStabilityDetector().detect(samples);
        assertEquals(400, r.endOfSharpeningStep());
        assertEquals(31, r.plateau().samples());
        assertEquals(1.01, r.plateau().ratio(), 1e-12);
        assertEquals(34.0, r.plateau().meanThreshold(), 1e-9);
        assertEquals(1.01 * 34.0, r.plateau().mean(), 1e-9);
    }

    @Test
    void samplesWithoutThresholdCannotEndSharpening() {
        List<SharpnessSample> samples = new ArrayList<>();
        samples.add(new SharpnessSample(0, new double[] {50.0}, 0.001, Double.NaN, "none"));
        samples.add(new SharpnessSample(10, new double[] {30.0}, 0.001, 38_000.0, "(2+2beta1)/((1-beta1)lr)"));
        EdgeOfStabilityResult r = new EdgeOfStabilityDetector().detect(samples);
        assertFalse(r.reached());
        assertEquals(30.0 / 38_000, r.maxRatio(), 1e-15);
        assertEquals(50.0, r.maxLambda(), 0);
        assertNull(r.breakpoint());
    }

    @Test
    void noSamplesGiveAnEmptyResult() {
        EdgeOfStabilityResult r = new EdgeOfStabilityDetector().detect(List.of());
        assertTrue(r.isEmpty());
        assertFalse(r.reached());
        assertNull(r.sharpening());
        assertTrue(Double.isNaN(r.maxLambda()));
    }
}
