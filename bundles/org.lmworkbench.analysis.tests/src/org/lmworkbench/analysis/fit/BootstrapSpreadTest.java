package org.lmworkbench.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which parameters are fitted as logarithms, and their spread on the log scale: the statement that
 * stays consistent with the percentile interval when a few refits run off (where the plain standard
 * deviation of an amplitude reached 840 beside an interval of 0.16 to 8.49).
 */
class BootstrapSpreadTest {

    @Test
    void amplitudesOffsetsAndScalesAreFittedAsLogarithmsExponentsAreNot() {
        assertFlags(new PowerLawWithOffset(), true, true, false);
        assertFlags(new ChinchillaLaw(), true, true, true, false, false);
        assertFlags(new BrokenPowerLaw(), true, true, false, false, true, true);
    }

    private static void assertFlags(ScalingLawForm form, boolean... expected) {
        List<String> names = form.parameterNames();
        assertEquals(expected.length, names.size());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], form.fittedAsLogarithm(k), form.name() + " " + names.get(k));
        }
    }

    @Test
    void logStandardErrorIsTheSampleSdOfTheLogarithms() {
        double[][] estimates = { { 1, 5 }, { Math.E, 5 }, { Math.E * Math.E, 5 } };
        // ln values 0, 1, 2: sample sd 1
        assertEquals(1.0, BootstrapResult.logStandardError(estimates, 0), 1e-15);
        assertEquals(0.0, BootstrapResult.logStandardError(estimates, 1), 0);
        assertTrue(Double.isNaN(BootstrapResult.logStandardError(new double[][] { { 1 }, { -1 } }, 0)));
        assertTrue(Double.isNaN(BootstrapResult.logStandardError(new double[][] { { 1 } }, 0)));
    }

    @Test
    void oneRunawayRefitDominatesThePlainSdButNotTheLogSpreadOrThePercentiles() {
        // 199 refits of A spread log-normally around 2 (factor e^0.5), and one that ran off to 12000
        double[][] estimates = new double[200][1];
        for (int r = 0; r < 199; r++) {
            double z = -2.5 + 5.0 * r / 198; // evenly spread quantiles, no randomness
            estimates[r][0] = 2 * Math.exp(0.5 * z);
        }
        estimates[199][0] = 12000;
        BootstrapResult b = BootstrapResult.summarise(List.of("A"), estimates, new double[200], 0, 1);
        assertEquals(848.3483265718208, b.standardErrors()[0], 1e-9, "numpy: std(a, ddof=1)");
        assertTrue(b.upper95()[0] < 10, "the 97.5th percentile stays with the bulk: " + b.upper95()[0]);
        double factor = Math.exp(BootstrapResult.logStandardError(estimates, 0));
        assertEquals(2.5884341879444666, factor, 1e-12, "numpy: exp(std(log(a), ddof=1))");
        assertFalse(b.lower95()[0] < 2 / Math.pow(factor, 3) || b.upper95()[0] > 2 * Math.pow(factor, 3),
                "and it agrees with the interval");
    }
}
