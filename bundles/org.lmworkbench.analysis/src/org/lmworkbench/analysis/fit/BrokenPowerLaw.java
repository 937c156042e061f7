package org.lmworkbench.analysis.fit;

import java.util.Arrays;
import java.util.List;

/**
 * One-break smoothly broken power law in the style of Caballero et al. 2022 ("Broken neural
 * scaling laws"), with an offset:
 *
 * <pre>
 *   L(x) = E + A x^-alpha1 (1 + (x / x_break)^(1/s))^(-(alpha2 - alpha1) s)
 * </pre>
 *
 * <p>Well below {@code x_break} the curve is {@code E + A x^-alpha1}; well above it, {@code E +
 * A x_break^(alpha2 - alpha1) x^-alpha2}; so {@code alpha1} and {@code alpha2} are the
 * log-log slopes of the reducible loss before and after the break. {@code s > 0} (the
 * "smoothness") is the width of the transition in natural-log units of x: small values give a
 * sharp corner. This is BNSL's {@code b x^-c0 (1 + (x/d1)^(1/f1))^(-c1 f1)} with {@code c0 =
 * alpha1}, {@code c1 = alpha2 - alpha1}, {@code d1 = x_break}, {@code f1 = s}.
 *
 * <p>Natural parameters, in order: {@code E, A, alpha1, alpha2, x_break, smoothness}. Internal:
 * {@code e = log E, a = log A, alpha1, alpha2, u = log x_break, v = log smoothness}; the fit is
 * {@code log L = LSE(e, a - alpha1 log x - (alpha2 - alpha1) s softplus((log x - u) / s))}.
 *
 * <p>Default grid (324 starts): e in {-1, 0, 1}; a in {0, 5, 10}; alpha1 in {0.1, 0.5}; alpha2
 * in {0.1, 0.5, 1}; u at the 25th, 50th and 75th percentile of log x; s in {0.25, 1}.
 */
public final class BrokenPowerLaw extends LawFormSignature {

    private static final List<String> NAMES =
            List.of("E", "A", "alpha1", "alpha2", "x_break", "smoothness");
    private static final List<String> INTERNAL =
            List.of("e", "a", "alpha1", "alpha2", "log_x_break", "log_smoothness");

    /** The form with its names; it holds no state. */
    public BrokenPowerLaw() {
        super("broken-power-law", NAMES, INTERNAL, 1);
    }

    @Override
    public double[] toNatural(double[] t) {
        return new double[] {Math.exp(t[0]), Math.exp(t[1]), t[2], t[3], Math.exp(t[4]),
                Math.exp(t[5])};
    }

    @Override
    public double[] toInternal(double[] p) {
        return new double[] {Math.log(p[0]), Math.log(p[1]), p[2], p[3], Math.log(p[4]),
                Math.log(p[5])};
    }

    @Override
    public void logPredictions(double[] theta, double[][] logInputs, int[] index, int count,
            double[] out, double[][] jac) {
        final double e = theta[0];
        final double a = theta[1];
        final double alpha1 = theta[2];
        final double alpha2 = theta[3];
        final double u = theta[4];
        final double s = Math.exp(theta[5]);
        final double dAlpha = alpha2 - alpha1;
        final double[] logX = logInputs[0];
        for (int j = 0; j < count; j++) {
            double lx = logX[index[j]];
            double z = (lx - u) / s;
            // softplus(z) = log(1 + e^z) written so that neither branch overflows.
            double ez = Math.exp(-Math.abs(z));
            double softplus = Math.max(z, 0) + Math.log1p(ez);
            double sigmoid = z >= 0 ? 1 / (1 + ez) : ez / (1 + ez);
            double t = a - alpha1 * lx - dAlpha * s * softplus;
            double m = Math.max(t, e);
            double wt = Math.exp(t - m);
            double we = Math.exp(e - m);
            double sum = wt + we;
            out[j] = m + Math.log(sum);
            if (jac != null) {
                wt /= sum;
                we /= sum;
                jac[0][j] = we;
                jac[1][j] = wt;
                jac[2][j] = wt * (-lx + s * softplus);
                jac[3][j] = wt * (-s * softplus);
                jac[4][j] = wt * dAlpha * sigmoid;
                jac[5][j] = wt * (-dAlpha * s * (softplus - sigmoid * z));
            }
        }
    }

    @Override
    public StartGrid defaultGrid(ScalingDataset data) {
        double[] lx = data.logInputs()[0].clone();
        Arrays.sort(lx);
        double[] breaks = {quantile(lx, 0.25), quantile(lx, 0.5), quantile(lx, 0.75)};
        return StartGrid.cartesian(
                new double[] {-1, 0, 1},
                new double[] {0, 5, 10},
                new double[] {0.1, 0.5},
                new double[] {0.1, 0.5, 1.0},
                breaks,
                new double[] {Math.log(0.25), 0.0});
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
