package org.lmworkbench.analysis.theory.noise;

/**
 * The simple gradient noise scale {@code B_simple = tr(Sigma) / |G|^2} (McCandlish et al. 2018), with
 * {@code G} the true gradient and {@code Sigma} the covariance of per-example gradients; the critical
 * batch size is about {@code B_simple} when the Hessian is close to a multiple of the identity.
 *
 * <p>From per-example gradients {@code g_1 .. g_N} ({@link #fromPerExample}): with mean {@code gbar},
 * {@code tr(Sigma)} is estimated without bias by {@code S = sum_i |g_i - gbar|^2 / (N - 1)} and
 * {@code |G|^2} by {@code |gbar|^2 - S/N}, since {@code E|gbar|^2 = |G|^2 + tr(Sigma)/N}.
 *
 * <p>From gradient norms at two batch sizes ({@link TwoBatchNoiseScale}, the paper's Appendix A.1):
 * {@code E|G_B|^2 = |G|^2 + tr(Sigma)/B} for a batch mean of size {@code B}, so one pair of
 * measurements gives the unbiased estimates
 * <pre>
 *   |G|^2     = (B_big |G_big|^2 - B_small |G_small|^2) / (B_big - B_small)
 *   tr(Sigma) = (|G_small|^2 - |G_big|^2) / (1/B_small - 1/B_big)
 * </pre>
 * which are averaged over many steps before their ratio is taken.
 */
public final class GradientNoiseScale {

    private GradientNoiseScale() {
    }

    /**
     * The estimate from per-example gradients (one row per example, all of the same length). The
     * standard errors are left NaN: one batch gives one draw of each estimate.
     *
     * @throws IllegalArgumentException with fewer than two examples, ragged rows or non-finite values
     */
    public static NoiseScaleEstimate fromPerExample(double[][] gradients) {
        int n = gradients.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least two per-example gradients, got " + n);
        }
        int p = gradients[0].length;
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            if (gradients[i].length != p) {
                throw new IllegalArgumentException("gradient of example " + i + " has " + gradients[i].length
                        + " entries, example 0 has " + p);
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(gradients[i][j])) {
                    throw new IllegalArgumentException("gradient of example " + i + " is not finite at entry " + j);
                }
                mean[j] += gradients[i][j] / n;
            }
        }
        double scatter = 0;
        for (double[] g : gradients) {
            for (int j = 0; j < p; j++) {
                double d = g[j] - mean[j];
                scatter += d * d;
            }
        }
        double trace = scatter / (n - 1);
        double meanNorm = 0;
        for (double m : mean) {
            meanNorm += m * m;
        }
        return new NoiseScaleEstimate(meanNorm - trace / n, Double.NaN, trace, Double.NaN, n);
    }
}
