package org.lmworkbench.analysis.fit;

import java.util.List;

/**
 * Single-variable power law with an irreducible offset, {@code L(x) = E + A x^-alpha}.
 *
 * <p>Fitted as {@code log L = LSE(a - alpha log x, e)} with {@code A = e^a, E = e^e}, the
 * one-variable analogue of {@link ChinchillaLaw}. Natural parameters: {@code E, A, alpha};
 * internal: {@code e, a, alpha}. Default grid: e in -1..1 step 0.5, a in 0..25 step 5,
 * alpha in 0..2 step 0.5 (150 starts), i.e. Epoch's grid restricted to one term.
 */
public final class PowerLawWithOffset extends LawFormSignature {

    private static final List<String> NAMES = List.of("E", "A", "alpha");
    private static final List<String> INTERNAL = List.of("e", "a", "alpha");

    /** The form with its names; it holds no state. */
    public PowerLawWithOffset() {
        super("power-law-with-offset", NAMES, INTERNAL, 1);
    }

    @Override
    public double[] toNatural(double[] t) {
        return new double[] {Math.exp(t[0]), Math.exp(t[1]), t[2]};
    }

    @Override
    public double[] toInternal(double[] p) {
        return new double[] {Math.log(p[0]), Math.log(p[1]), p[2]};
    }

    @Override
    public void logPredictions(double[] theta, double[][] logInputs, int[] index, int count,
            double[] out, double[][] jac) {
        final double e = theta[0];
        final double a = theta[1];
        final double alpha = theta[2];
        final double[] logX = logInputs[0];
        for (int j = 0; j < count; j++) {
            double lx = logX[index[j]];
            double t1 = a - alpha * lx;
            // Two-term log-sum-exp, shifted by the larger term so neither exp can overflow.
            double m = Math.max(t1, e);
            double u1 = Math.exp(t1 - m);
            double u2 = Math.exp(e - m);
            double s = u1 + u2;
            out[j] = m + Math.log(s);
            if (jac != null) {
                double w1 = u1 / s;
                jac[0][j] = u2 / s;
                jac[1][j] = w1;
                jac[2][j] = -w1 * lx;
            }
        }
    }

    @Override
    public StartGrid defaultGrid(ScalingDataset data) {
        return StartGrid.cartesian(
                StartGrid.range(-1, 1, 0.5),
                StartGrid.range(0, 25, 5),
                StartGrid.range(0, 2, 0.5));
    }
}
