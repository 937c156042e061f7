package org.lmworkbench.analysis.fit;

import java.util.Arrays;
import java.util.List;

/**
 * Summary of a bootstrap: per-parameter mean, standard error and percentile 95% interval, plus
 * the raw per-resample estimates.
 *
 * <p>Standard error = sample standard deviation (divisor {@code R - 1}) of the resample
 * estimates. Interval = 2.5th and 97.5th percentiles with linear interpolation between order
 * statistics ({@code h = (R - 1) q}, NumPy's default "linear" method), so numbers can be compared
 * with Python analyses directly.
 *
 * @param parameterNames natural parameter names
 * @param estimates {@code estimates[r][k]}: parameter {@code k} fitted on resample {@code r}
 * @param objectives best objective per resample
 * @param mean per-parameter mean over resamples
 * @param standardErrors per-parameter standard error
 * @param lower95 per-parameter 2.5th percentile
 * @param upper95 per-parameter 97.5th percentile
 * @param seed master seed
 * @param refitStarts number of starts used per resample
 */
public record BootstrapResult(List<String> parameterNames, double[][] estimates,
        double[] objectives, double[] mean, double[] standardErrors, double[] lower95,
        double[] upper95, long seed, int refitStarts) {

    /** @return number of resamples. */
    public int resamples() {
        return estimates.length;
    }

    /**
     * @param name a natural parameter name
     * @return its bootstrap standard error
     */
    public double standardError(String name) {
        return standardErrors[index(name)];
    }

    /**
     * @param name a natural parameter name
     * @return {lower, upper} percentile 95% interval
     */
    public double[] interval(String name) {
        int k = index(name);
        return new double[] {lower95[k], upper95[k]};
    }

    /**
     * The standard deviation of the logarithm of one parameter over the resamples (sample standard
     * deviation, divisor {@code R - 1}): {@code exp} of it is the factor by which a parameter fitted
     * as a logarithm typically varies. NaN when a resample is not positive or there are fewer than
     * two.
     *
     * @param estimates {@code estimates[r][k]}: parameter {@code k} fitted on resample {@code r}
     * @param k parameter index
     * @return the standard deviation of {@code ln} of the parameter
     */
    public static double logStandardError(double[][] estimates, int k) {
        int r = estimates.length;
        if (r < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (double[] e : estimates) {
            if (!(e[k] > 0)) {
                return Double.NaN;
            }
            sum += Math.log(e[k]);
        }
        double mean = sum / r;
        double ss = 0;
        for (double[] e : estimates) {
            double d = Math.log(e[k]) - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (r - 1));
    }

    private int index(String name) {
        int k = parameterNames.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("no parameter '" + name + "'; parameters: "
                    + String.join(", ", parameterNames));
        }
        return k;
    }

    /**
     * Summarises per-resample estimates (public so that resamples fitted one at a time give
     * the same summary as {@link BootstrapEstimator#run}).
     *
     * @param names natural parameter names
     * @param estimates {@code estimates[r][k]}: parameter {@code k} on resample {@code r}
     * @param objectives best objective per resample
     * @param seed master seed
     * @param refitStarts number of starts used per resample
     * @return the summary
     */
    public static BootstrapResult summarise(List<String> names, double[][] estimates,
            double[] objectives, long seed, int refitStarts) {
        int p = names.size();
        int r = estimates.length;
        double[] mean = new double[p];
        double[] se = new double[p];
        double[] lo = new double[p];
        double[] hi = new double[p];
        double[] column = new double[r];
        for (int k = 0; k < p; k++) {
            double sum = 0;
            for (int i = 0; i < r; i++) {
                column[i] = estimates[i][k];
                sum += column[i];
            }
            double m = sum / r;
            double ss = 0;
            for (int i = 0; i < r; i++) {
                double d = column[i] - m;
                ss += d * d;
            }
            mean[k] = m;
            se[k] = Math.sqrt(ss / (r - 1));
            Arrays.sort(column);
            lo[k] = percentile(column, 0.025);
            hi[k] = percentile(column, 0.975);
        }
        return new BootstrapResult(List.copyOf(names), estimates, objectives, mean, se, lo, hi,
                seed, refitStarts);
    }

    /** Linear-interpolation percentile of sorted data (NumPy "linear"). */
    static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
