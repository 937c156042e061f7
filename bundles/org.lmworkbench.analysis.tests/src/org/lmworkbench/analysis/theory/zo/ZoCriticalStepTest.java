package org.lmworkbench.analysis.theory.zo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The critical step, its bounds and the band check against the REFERENCES test vector
 * {@code lambda = (1, 1/2, ..., 1/32)} (Song et al. 2026) and against the paper's equations, each
 * written out here in its own published form.
 */
class ZoCriticalStepTest {

    static final double[] LAMBDA = {1, 0.5, 0.25, 0.125, 0.0625, 0.03125};

    @Test
    void reproducesTheReferenceCriticalSteps() {
        assertEquals(0.56680, ZoCriticalStep.of(LAMBDA, ZoSettings.gd()), 1e-5);
        assertEquals(0.33674, ZoCriticalStep.of(LAMBDA, ZoSettings.gdm(0.5)), 1e-5);
        assertEquals(0.072877, ZoCriticalStep.of(LAMBDA, ZoSettings.gdm(0.9)), 1e-5);
        assertEquals(0.90621, ZoCriticalStep.of(LAMBDA, ZoSettings.gd().withDirections(2)), 1e-5);
    }

    @Test
    void rootsSatisfyThePublishedEquations() {
        double gd = ZoCriticalStep.of(LAMBDA, ZoSettings.gd());
        assertEquals(1, sum(l -> gd * l / (2 * (1 - gd * l))), 1e-12);
        for (int n : new int[] {2, 3, 8}) {
            double e = ZoCriticalStep.of(LAMBDA, ZoSettings.gd().withDirections(n));
            assertEquals(1, sum(l -> e * l / (2 * n - (n + 1) * e * l)), 1e-12, "n = " + n);
        }
        for (double beta : new double[] {0.5, 0.9, 0.99}) {
            double e = ZoCriticalStep.of(LAMBDA, ZoSettings.gdm(beta));
            assertEquals(1, sum(l -> e * l / (2 * (1 - beta) * (1 - e * l / (1 - beta * beta)))), 1e-12);
            double a = ZoCriticalStep.of(LAMBDA, ZoSettings.adam(beta));
            assertEquals(1, sum(l -> a * l / (2 * (1 - a * l / (1 + beta)))), 1e-12);
        }
    }

    @Test
    void oneSphereDirectionIsTheGaussianEquationWithAScaledStep() {
        for (int d : new int[] {6, 10, 1000}) {
            double sphere = ZoCriticalStep.of(LAMBDA, ZoSettings.gd().withSphere(d));
            assertEquals(ZoCriticalStep.of(LAMBDA, ZoSettings.gd()) * (d + 2.0) / d, sphere, 1e-12);
        }
        // with several directions the substitution eta -> eta d/(d+2) is not exact: the exact root
        // solves sum k eta l / (2n - eta l (2k + n - 1)) = 1 with k = d/(d+2)
        int d = 6;
        double k = d / (d + 2.0);
        double e = ZoCriticalStep.of(LAMBDA, ZoSettings.gd().withDirections(3).withSphere(d));
        assertEquals(1, sum(l -> k * e * l / (6 - e * l * (2 * k + 2))), 1e-12);
        double substituted = ZoCriticalStep.of(LAMBDA, ZoSettings.gd().withDirections(3)) * (d + 2.0) / d;
        assertTrue(Math.abs(substituted - e) > 1e-3, "the substitution differs visibly: " + substituted + " vs " + e);
    }

    @Test
    void boundsBracketTheCriticalStep() {
        for (ZoSettings s : settings()) {
            double e = ZoCriticalStep.of(LAMBDA, s);
            StepBounds b = ZoCriticalStep.bounds(LAMBDA, s);
            assertTrue(b.lower() < e && e < b.upper(), s.label() + ": " + b + " around " + e);
        }
        StepBounds gd = ZoCriticalStep.bounds(1, 63.0 / 32, ZoSettings.gd());
        assertEquals(2 / (63.0 / 32 + 2), gd.lower(), 1e-15);
        assertEquals(2 / (63.0 / 32), gd.upper(), 1e-15);
        StepBounds gdm = ZoCriticalStep.bounds(1, 63.0 / 32, ZoSettings.gdm(0.9));
        assertEquals(2 * 0.1 / (63.0 / 32 + 2 / 1.9), gdm.lower(), 1e-15);
        assertEquals(2 * 0.1 / (63.0 / 32), gdm.upper(), 1e-15);
        StepBounds adam = ZoCriticalStep.bounds(1, 63.0 / 32, ZoSettings.adam(0.9));
        assertEquals(2 / (63.0 / 32 + 2 / 1.9), adam.lower(), 1e-14);
        assertEquals(2 / (63.0 / 32), adam.upper(), 1e-14);
        StepBounds two = ZoCriticalStep.bounds(1, 63.0 / 32, ZoSettings.gd().withDirections(2));
        assertEquals(4 / (63.0 / 32 + 3), two.lower(), 1e-15);
        assertEquals(4 / (63.0 / 32), two.upper(), 1e-15);
    }

    @Test
    void zeroAndNegativeEigenvaluesLeaveTheCriticalStepAlone() {
        double[] padded = {1, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0, 0, -0.01, -1e-6};
        for (ZoSettings s : settings()) {
            assertEquals(ZoCriticalStep.of(LAMBDA, s), ZoCriticalStep.of(padded, s), 1e-14, s.label());
        }
        assertEquals(Double.POSITIVE_INFINITY, ZoCriticalStep.of(new double[] {0, -1}, ZoSettings.gd()));
        assertEquals(2 / 3.0, ZoCriticalStep.of(new double[] {1}, ZoSettings.gd()), 1e-15,
                "a single eigenvalue: eta l / (2 (1 - eta l)) = 1");
        assertThrows(IllegalArgumentException.class,
                () -> ZoCriticalStep.of(new double[] {1, Double.NaN}, ZoSettings.gd()));
    }

    @Test
    void bandIsTheBoundsSeenFromTheTrace() {
        double trace = 63.0 / 32;
        ZoEdgeBand gd = ZoEdgeBand.of(ZoSettings.gd(), 1, trace, 0.8);
        assertEquals(2 / 0.8, gd.threshold(), 1e-15);
        assertEquals(2, gd.margin(), 1e-15);
        assertEquals(2 / 0.8 - 2, gd.traceLow(), 1e-15);
        ZoEdgeBand gdm = ZoEdgeBand.of(ZoSettings.gdm(0.9), 1, trace, 0.1);
        assertEquals(2 * 0.1 / 0.1, gdm.threshold(), 1e-12);
        assertEquals(2 / 1.9, gdm.margin(), 1e-15);
        ZoEdgeBand adam = ZoEdgeBand.of(ZoSettings.adam(0.9), 1, trace, 0.1);
        assertEquals(2 / 0.1, adam.threshold(), 1e-12);
        assertEquals(2 / 1.9, adam.margin(), 1e-15);
        ZoEdgeBand three = ZoEdgeBand.of(ZoSettings.gd().withDirections(3), 1, trace, 0.1);
        assertEquals(6 / 0.1, three.threshold(), 1e-12);
        assertEquals(4, three.margin(), 1e-15);
        for (ZoSettings s : settings()) {
            double e = ZoCriticalStep.of(LAMBDA, s);
            assertTrue(ZoEdgeBand.of(s, 1, trace, e).inside(), s.label() + " at its own critical step");
            for (double f = 0.2; f < 3; f += 0.01) {
                ZoEdgeBand band = ZoEdgeBand.of(s, 1, trace, f * e);
                assertEquals(band.bounds().contains(f * e), band.inside(), s.label() + " at " + f + " eta*");
            }
            assertFalse(ZoEdgeBand.of(s, 1, trace, 0.5 * ZoCriticalStep.bounds(1, trace, s).lower()).inside());
            assertFalse(ZoEdgeBand.of(s, 1, trace, 1.5 * ZoCriticalStep.bounds(1, trace, s).upper()).inside());
        }
        assertThrows(IllegalArgumentException.class, () -> ZoEdgeBand.of(ZoSettings.gd(), 1, trace, 0));
    }

    @Test
    void settingsRejectWhatTheMethodCannotHave() {
        assertThrows(IllegalArgumentException.class, () -> new ZoSettings(ZoMethod.GD, 0.5, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> ZoSettings.gdm(1));
        assertThrows(IllegalArgumentException.class, () -> ZoSettings.gd().withDirections(0));
        assertThrows(IllegalArgumentException.class, () -> ZoSettings.gd().withSphere(1));
        assertEquals("ZO-GDM(beta=0.9, n=2, sphere d=100)", ZoSettings.gdm(0.9).withDirections(2).withSphere(100).label());
    }

    static List<ZoSettings> settings() {
        return List.of(ZoSettings.gd(), ZoSettings.gd().withDirections(2), ZoSettings.gd().withDirections(5),
                ZoSettings.gd().withSphere(6), ZoSettings.gd().withDirections(3).withSphere(6), ZoSettings.gdm(0.5),
                ZoSettings.gdm(0.9), ZoSettings.gdm(0.9).withDirections(4), ZoSettings.adam(0.9),
                ZoSettings.adam(0.5).withDirections(2));
    }

    private static double sum(DoubleUnaryOperator term) {
        double s = 0;
        for (double l : LAMBDA) {
            s += term.applyAsDouble(l);
        }
        return s;
    }
}
