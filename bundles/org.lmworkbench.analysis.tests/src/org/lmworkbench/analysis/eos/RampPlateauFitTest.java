package org.lmworkbench.analysis.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The linear-time hinge search against a brute-force search that solves the 2 x 2 normal
 * equations afresh for every candidate corner, and the line fit against its textbook formula.
 */
class RampPlateauFitTest {

    @Test
    void agreesWithBruteForceOnNoisyCurvesAtLargeSteps() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 8 + random.nextInt(200);
            double offset = trial % 2 == 0 ? 0 : 3_000_000; // steps in the millions must not lose the slope
            double[] x = new double[n];
            double[] y = new double[n];
            double corner = offset + 10.0 * (2 + random.nextInt(n - 4));
            for (int i = 0; i < n; i++) {
                x[i] = offset + 10.0 * i;
                y[i] = 30 + 0.3 * Math.min(x[i] - corner, 0) + random.nextGaussian();
            }
            RampPlateauFit fast = RampPlateauFit.fit(x, y);
            double[] slow = bruteForce(x, y);
            assertEquals(slow[0], fast.breakpoint(), 0, "trial " + trial);
            assertEquals(slow[1], fast.level(), 1e-6 * Math.abs(slow[1]), "trial " + trial);
            assertEquals(slow[2], fast.slope(), 1e-6 * Math.abs(slow[2]), "trial " + trial);
            assertEquals(slow[3], fast.rss(), 1e-6 * slow[3], "trial " + trial);
        }
    }

    @Test
    void tooFewPointsGiveNoFit() {
        assertNull(RampPlateauFit.fit(new double[] {0, 1, 2}, new double[] {0, 1, 1}));
    }

    @Test
    void lineFitMatchesTheTextbookFormula() {
        double[] x = {1, 2, 4, 7};
        double[] y = {2, 3, 7, 9};
        // mean x 3.5, mean y 5.25; Sxy = 2.5*3.25 + 1.5*2.25 + 0.5*1.75 + 3.5*3.75 = 25.5; Sxx = 6.25+2.25+0.25+12.25 = 21
        LineFit f = LineFit.of(x, y);
        assertEquals(25.5 / 21, f.slope(), 1e-12);
        assertEquals(5.25 - 25.5 / 21 * 3.5, f.intercept(), 1e-12);
    }

    /** {best corner, level, slope, rss} by solving the normal equations for every corner (x shifted to x[0]). */
    private static double[] bruteForce(double[] x, double[] y) {
        int n = x.length;
        double[] best = {Double.NaN, 0, 0, Double.POSITIVE_INFINITY};
        for (int j = 2; j <= n - 2; j++) {
            double c = x[j];
            double s1 = 0;
            double sz = 0;
            double szz = 0;
            double sy = 0;
            double szy = 0;
            for (int i = 0; i < n; i++) {
                double z = Math.min(x[i] - c, 0);
                s1++;
                sz += z;
                szz += z * z;
                sy += y[i];
                szy += z * y[i];
            }
            double det = s1 * szz - sz * sz;
            double q = (s1 * szy - sz * sy) / det;
            double p = (sy - q * sz) / s1;
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double e = y[i] - p - q * Math.min(x[i] - c, 0);
                rss += e * e;
            }
            if (rss < best[3]) {
                best = new double[] {c, p, q, rss};
            }
        }
        return best;
    }
}
