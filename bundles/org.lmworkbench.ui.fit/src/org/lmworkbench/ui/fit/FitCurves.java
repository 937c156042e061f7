package org.lmworkbench.ui.fit;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.lmworkbench.analysis.fit.ComputeOptimalAllocation;
import org.lmworkbench.workspace.fit.FitResultModel;

/**
 * The series the fit page draws, computed from a {@link FitResultModel} without SWT: the fitted
 * curve on a log-spaced grid, its pointwise bootstrap band, iso-D curves for the Chinchilla
 * form, and the compute-optimal frontier.
 */
final class FitCurves {

    /** Points per curve: smooth on a log axis, cheap with thousands of resamples. */
    static final int CURVE_POINTS = 80;
    /** At most this many iso-D curves; more distinct D values are summarised by log spacing. */
    static final int MAX_ISO_D = 5;

    /**
     * A curve with its band.
     *
     * @param x abscissae (x, or N for the Chinchilla form)
     * @param y predicted loss
     * @param lower pointwise 2.5th percentile over resamples, or {@code null}
     * @param upper pointwise 97.5th percentile, or {@code null}
     */
    record Curve(double[] x, double[] y, double[] lower, double[] upper) {
    }

    private FitCurves() {
    }

    /**
     * Log-spaced values from {@code lo} to {@code hi} inclusive.
     *
     * @param lo first value (> 0)
     * @param hi last value (>= lo)
     * @param n number of values (>= 2)
     * @return the values
     */
    static double[] logSpace(double lo, double hi, int n) {
        double a = Math.log(lo);
        double b = Math.log(hi);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.exp(a + (b - a) * i / (n - 1));
        }
        v[0] = lo;
        v[n - 1] = hi;
        return v;
    }

    /**
     * The range the curve spans: the data of input 0, widened to the extrapolation targets and
     * by a quarter decade on each side.
     */
    static double[] span(FitResultModel m, List<double[]> targets) {
        double lo = Arrays.stream(m.inputs(0)).min().orElse(1);
        double hi = Arrays.stream(m.inputs(0)).max().orElse(10);
        for (double[] t : targets) {
            lo = Math.min(lo, t[0]);
            hi = Math.max(hi, t[0]);
        }
        double pad = Math.pow(10, 0.25);
        return new double[] {lo / pad, hi * pad};
    }

    /**
     * The fitted curve against input 0 with its band.
     *
     * @param m the result
     * @param xs abscissae
     * @param fixed values of the other inputs (D for Chinchilla), or none
     * @return the curve
     */
    static Curve curve(FitResultModel m, double[] xs, double... fixed) {
        double[] y = new double[xs.length];
        double[] lo = m.hasBootstrap() ? new double[xs.length] : null;
        double[] hi = m.hasBootstrap() ? new double[xs.length] : null;
        for (int i = 0; i < xs.length; i++) {
            double[] in = inputs(xs[i], fixed);
            y[i] = m.predict(in);
            if (lo != null) {
                double[] ci = m.predictionInterval(in);
                lo[i] = ci[0];
                hi[i] = ci[1];
            }
        }
        return new Curve(xs, y, lo, hi);
    }

    private static double[] inputs(double x, double[] fixed) {
        double[] in = new double[1 + fixed.length];
        in[0] = x;
        System.arraycopy(fixed, 0, in, 1, fixed.length);
        return in;
    }

    /**
     * The D values of the iso-D curves: the distinct D of the points when there are few,
     * otherwise {@link #MAX_ISO_D} log-spaced values across their range.
     *
     * @param m a Chinchilla result
     * @return ascending D values
     */
    static double[] isoD(FitResultModel m) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (double d : m.inputs(1)) {
            distinct.add(d);
        }
        if (distinct.size() <= MAX_ISO_D) {
            return distinct.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return logSpace(distinct.first(), distinct.last(), MAX_ISO_D);
    }

    /**
     * The compute-optimal frontier over {@code flops}.
     *
     * @param m a Chinchilla result
     * @param flops compute budgets
     * @return {N_opt, D_opt} per budget, as two arrays
     * @throws IllegalArgumentException when the exponents give no finite optimum
     */
    static double[][] frontier(FitResultModel m, double[] flops) {
        ComputeOptimalAllocation alloc = new ComputeOptimalAllocation(m.fitted());
        double[] n = new double[flops.length];
        double[] d = new double[flops.length];
        for (int i = 0; i < flops.length; i++) {
            ComputeOptimalAllocation.Allocation a = alloc.at(flops[i]);
            n[i] = a.parameters();
            d[i] = a.tokens();
        }
        return new double[][] {n, d};
    }
}
