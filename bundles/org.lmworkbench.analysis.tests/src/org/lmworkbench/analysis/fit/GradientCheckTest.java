package org.lmworkbench.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks each form's analytic gradient of the Huber objective against central finite
 * differences, with unit weights and with bootstrap-style multiplicities, and with a Huber
 * threshold small enough (1e-3) that most residuals sit on the linear branch as well as one
 * large enough (10) that all sit on the quadratic branch.
 */
class GradientCheckTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new PowerLawWithOffset(), new double[] {0.4, 3.0, 0.3}),
                Arguments.of(new ChinchillaLaw(), new double[] {0.6, 6.2, 7.7, 0.35, 0.37}),
                Arguments.of(new ChinchillaLaw(), new double[] {-0.5, 20, 3, 1.5, 0.1}),
                Arguments.of(new BrokenPowerLaw(),
                        new double[] {0.3, 2.5, 0.2, 0.7, Math.log(1e5), Math.log(0.6)}),
                Arguments.of(new BrokenPowerLaw(),
                        new double[] {-1, 4, 0.9, 0.1, Math.log(3e3), Math.log(2.0)}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void analyticGradientMatchesCentralDifferences(ScalingLawForm form, double[] theta) {
        ScalingDataset data = randomData(form, 40, 7);
        int[] counts = BootstrapEstimator.resampleCounts(data.size(), 11, 3);
        for (double delta : new double[] {1e-3, 10}) {
            for (int[] c : new int[][] {null, counts}) {
                HuberLogObjective f = new HuberLogObjective(form, data, c, delta);
                double[] g = new double[theta.length];
                f.valueAndGradient(theta, g);
                for (int k = 0; k < theta.length; k++) {
                    double h = 1e-6 * Math.max(1, Math.abs(theta[k]));
                    double[] tp = theta.clone();
                    double[] tm = theta.clone();
                    tp[k] += h;
                    tm[k] -= h;
                    double fd = (f.value(tp) - f.value(tm)) / (2 * h);
                    double scale = Math.max(1e-8, Math.abs(g[k]));
                    assertEquals(fd, g[k], 2e-5 * scale + 1e-9, form.name() + " d/d"
                            + form.internalParameterNames().get(k) + " delta=" + delta);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void logPredictionJacobianMatchesCentralDifferences(ScalingLawForm form, double[] theta) {
        // Covers the generic per-point path, which the Chinchilla objective bypasses with its
        // fused kernel but predictions and residuals still use.
        ScalingDataset data = randomData(form, 25, 9);
        int n = data.size();
        int[] idx = java.util.stream.IntStream.range(0, n).toArray();
        double[] out = new double[n];
        double[][] jac = new double[theta.length][n];
        form.logPredictions(theta, data.logInputs(), idx, n, out, jac);
        double[] plus = new double[n];
        double[] minus = new double[n];
        for (int k = 0; k < theta.length; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(theta[k]));
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[k] += h;
            tm[k] -= h;
            form.logPredictions(tp, data.logInputs(), idx, n, plus, null);
            form.logPredictions(tm, data.logInputs(), idx, n, minus, null);
            for (int i = 0; i < n; i++) {
                double fd = (plus[i] - minus[i]) / (2 * h);
                assertEquals(fd, jac[k][i], 1e-6 * Math.max(1, Math.abs(fd)), form.name() + " k=" + k);
            }
        }
        double[] natural = form.toNatural(theta);
        double[] x = new double[form.inputCount()];
        for (int k = 0; k < x.length; k++) {
            x[k] = data.input(k)[0];
        }
        assertEquals(Math.exp(out[0]), form.predict(natural, x), 1e-12 * Math.exp(out[0]));
    }

    /** Random positive inputs spanning several decades and losses around 2..4. */
    static ScalingDataset randomData(ScalingLawForm form, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] inputs = new double[form.inputCount()][n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < form.inputCount(); k++) {
                inputs[k][i] = Math.pow(10, rng.nextDouble(2, 11));
            }
            loss[i] = rng.nextDouble(2, 4);
        }
        List<String> names = form.inputCount() == 1 ? List.of("x") : List.of("N", "D");
        return new ScalingDataset("random", names, "loss", inputs, loss);
    }
}
