package org.lmworkbench.analysis.theory.zo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mean-square stability seen in simulation: ZO-GD / ZO-GDM with the two-point estimator (mu = 1e-3)
 * on a diagonal quadratic, over many seeds. The mean of {@code |x_T|^2} is compared with the exact
 * prediction of {@link ZoSecondMoments}, within four Monte-Carlo standard errors, and must grow
 * significantly at 1.05 eta* and shrink significantly at 0.95 eta*.
 *
 * <p>Started from the dominant shape of the second-moment recursion ({@code x_0} Gaussian with the
 * per-mode variances, and for momentum the previous iterate correlated as the shape says), the mean
 * is exactly {@code growthFactor^T} at every T, so the test checks the predicted rate itself. The
 * settings keep the tails estimable: with one Gaussian direction on the 6-mode reference spectrum,
 * {@code |x_T|^2} is so heavy-tailed near eta* that a sample mean over 10^5 seeds misses the true mean
 * by orders of magnitude (the median shrinks while the mean grows), so the ZO-GD check uses 16 modes
 * spread over [0.2, 1], where each step's multiplicative noise is small.
 */
class ZoMonteCarloTest {

    private static final double MU = 1e-3;

    @Test
    void zoGdGrowsAboveAndShrinksBelowTheCriticalStepAtThePredictedRate() {
        double[] lambda = new double[16];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = 0.2 + 0.8 * i / 15.0;
        }
        checkAround(lambda, ZoSettings.gd(), 100, 20_000, 101);
    }

    @Test
    void zoGdmOnTheReferenceSpectrumGrowsAboveAndShrinksBelow() {
        checkAround(ZoCriticalStepTest.LAMBDA, ZoSettings.gdm(0.9), 40, 50_000, 202);
    }

    @Test
    void twoDirectionsFromAPlainStartFollowTheExactPropagation() {
        double[] lambda = new double[16];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = 0.2 + 0.8 * i / 15.0;
        }
        ZoSettings s = ZoSettings.gd().withDirections(2);
        double critical = ZoCriticalStep.of(lambda, s);
        double[] ones = new double[lambda.length];
        Arrays.fill(ones, 1);
        for (double f : new double[] {1.05, 0.95}) {
            double predicted = ZoSecondMoments.of(lambda, f * critical, s).expectedSquaredNorm(ones, 60)[60];
            double[] mc = simulate(lambda, s, f * critical, 60, 20_000, 303, (rng, x, prev) -> {
                Arrays.fill(x, 1);
                Arrays.fill(prev, 1);
            });
            assertEquals(predicted, mc[0], 4 * mc[1], "at " + f + " eta*: predicted " + predicted);
        }
    }

    private static void checkAround(double[] lambda, ZoSettings s, int steps, int seeds, long seed) {
        double critical = ZoCriticalStep.of(lambda, s);
        for (double f : new double[] {1.05, 0.95}) {
            ZoSecondMoments moments = ZoSecondMoments.of(lambda, f * critical, s);
            double rate = moments.growthFactor();
            ZoSecondMoments.ModeMoments shape = moments.dominantShape();
            double[] mc = simulate(lambda, s, f * critical, steps, seeds, seed, (rng, x, prev) -> {
                for (int i = 0; i < x.length; i++) {
                    double p = shape.variance()[i];
                    double c = shape.lagCovariance()[i];
                    double q = shape.previousVariance()[i];
                    x[i] = Math.sqrt(p) * rng.nextGaussian();
                    prev[i] = c / p * x[i] + Math.sqrt(Math.max(0, q - c * c / p)) * rng.nextGaussian();
                }
            });
            double predicted = Math.pow(rate, steps);
            String what = s.label() + " at " + f + " eta*: rate " + rate + ", predicted " + predicted + ", measured "
                    + mc[0] + " +- " + mc[1];
            assertEquals(predicted, mc[0], 4 * mc[1], what);
            if (f > 1) {
                assertTrue(mc[0] - 4 * mc[1] > 1, "grows: " + what);
            } else {
                assertTrue(mc[0] + 4 * mc[1] < 1, "shrinks: " + what);
            }
        }
    }

    interface Start {
        void draw(SplittableRandom rng, double[] x, double[] previous);
    }

    /** Mean and standard error over seeds of {@code |x_T|^2} for heavy-ball ZO (beta = 0 is ZO-GD). */
    private static double[] simulate(double[] lambda, ZoSettings s, double eta, int steps, int seeds, long seed,
            Start start) {
        TwoPointEstimator estimator = new TwoPointEstimator(lambda, MU, s.directions());
        SplittableRandom rng = new SplittableRandom(seed);
        int d = lambda.length;
        double[] x = new double[d];
        double[] prev = new double[d];
        double[] m = new double[d];
        double[] g = new double[d];
        double sum = 0;
        double sumSquares = 0;
        for (int k = 0; k < seeds; k++) {
            start.draw(rng, x, prev);
            for (int i = 0; i < d; i++) {
                m[i] = (prev[i] - x[i]) / eta;
            }
            for (int t = 0; t < steps; t++) {
                estimator.estimate(x, rng, g);
                for (int i = 0; i < d; i++) {
                    m[i] = s.beta() * m[i] + g[i];
                    x[i] -= eta * m[i];
                }
            }
            double norm = 0;
            for (double v : x) {
                norm += v * v;
            }
            sum += norm;
            sumSquares += norm * norm;
        }
        double mean = sum / seeds;
        double variance = (sumSquares - seeds * mean * mean) / (seeds - 1);
        return new double[] {mean, Math.sqrt(variance / seeds)};
    }
}
