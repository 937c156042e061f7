package org.lmworkbench.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Noise-free data generated from known parameters must be fitted back to 1e-6 relative on every
 * natural parameter, from each form's default multistart grid.
 */
class SyntheticRecoveryTest {

    @Test
    void powerLawWithOffset() {
        double[] truth = {1.7, 350, 0.32};
        PowerLawWithOffset form = new PowerLawWithOffset();
        int n = 30;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 6 + 5.0 * i / (n - 1));
            y[i] = truth[0] + truth[1] * Math.pow(x[i], -truth[2]);
        }
        check(form, truth, new ScalingDataset("synthetic", List.of("x"), "loss",
                new double[][] {x}, y));
    }

    @Test
    void chinchilla() {
        double[] truth = {1.69, 406.4, 410.7, 0.34, 0.28};
        ChinchillaLaw form = new ChinchillaLaw();
        int n = 60;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            nn[i] = Math.pow(10, 7 + 3.5 * (i % 10) / 9.0);
            dd[i] = Math.pow(10, 9 + 3.0 * (i / 10) / 5.0 + 0.05 * (i % 3));
            y[i] = ChinchillaLaw.loss(truth, nn[i], dd[i]);
            assertEquals(y[i], form.predict(truth, nn[i], dd[i]), 1e-12 * y[i]);
        }
        check(form, truth, new ScalingDataset("synthetic", List.of("N", "D"), "loss",
                new double[][] {nn, dd}, y));
    }

    @Test
    void brokenPowerLaw() {
        double[] truth = {1.5, 20, 0.2, 0.6, 1e6, 0.5};
        BrokenPowerLaw form = new BrokenPowerLaw();
        int n = 80;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 2 + 8.0 * i / (n - 1));
            double lx = Math.log(x[i]);
            double sp = Math.log1p(Math.pow(x[i] / truth[4], 1 / truth[5]));
            y[i] = truth[0] + truth[1] * Math.exp(-truth[2] * lx - (truth[3] - truth[2])
                    * truth[5] * sp);
        }
        check(form, truth, new ScalingDataset("synthetic", List.of("x"), "loss",
                new double[][] {x}, y));
    }

    private static void check(ScalingLawForm form, double[] truth, ScalingDataset data) {
        MultiStartResult r = new MultiStartFitter(form, MultiStartFitter.Options.defaults())
                .fit(data);
        double[] p = r.parameters();
        for (int k = 0; k < truth.length; k++) {
            assertEquals(truth[k], p[k], 1e-6 * Math.abs(truth[k]),
                    form.name() + " " + form.parameterNames().get(k) + " in " + r);
        }
        assertTrue(r.objective() < 1e-15, "noise-free data should fit exactly: " + r);
        for (double res : r.best().logResiduals(data)) {
            assertEquals(0, res, 1e-8);
        }
    }
}
