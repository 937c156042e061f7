package org.lmworkbench.analysis.transfer;

/**
 * Least-squares slopes: of log(y) against log(x), the exponent of a power law y ~ x^slope, as read
 * off a log-log plot; and of y against x.
 */
public final class LogLogSlope {

    private LogLogSlope() {
    }

    /**
     * The slope of log(y) on log(x) (any base: the ratio does not depend on it). Points with a
     * non-positive or non-finite x or y are ignored.
     *
     * @return NaN with fewer than two usable points or a single distinct x
     */
    public static double slope(double[] x, double[] y) {
        int n = 0;
        double[] lx = new double[x.length];
        double[] ly = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                lx[n] = Math.log(x[i]);
                ly[n] = Math.log(y[i]);
                n++;
            }
        }
        return linearSlope(java.util.Arrays.copyOf(lx, n), java.util.Arrays.copyOf(ly, n));
    }

    /**
     * The least-squares slope of y on x over the finite points.
     *
     * @return NaN with fewer than two finite points or a single distinct x
     */
    public static double linearSlope(double[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                sx += x[i];
                sy += y[i];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                sxx += (x[i] - mx) * (x[i] - mx);
                sxy += (x[i] - mx) * (y[i] - my);
            }
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }
}
