package org.lmworkbench.analysis.eos;

/**
 * Ordinary least-squares line {@code y = intercept + slope x}, computed with centred sums (Welford)
 * so that steps in the millions do not cancel away the slope.
 *
 * @param slope     change of y per unit x, NaN with fewer than two distinct x
 * @param intercept value at x = 0, NaN with fewer than two distinct x
 * @param count     points used
 */
public record LineFit(double slope, double intercept, int count) {

    /**
     * Fits {@code y[from..to)} against {@code x[from..to)}, skipping points where either is not
     * finite.
     *
     * @param x    abscissae
     * @param y    ordinates
     * @param from first index
     * @param to   index after the last
     * @return the fit
     */
    public static LineFit of(double[] x, double[] y, int from, int to) {
        int n = 0;
        double mx = 0;
        double my = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                continue;
            }
            n++;
            double dx = x[i] - mx;
            mx += dx / n;
            my += (y[i] - my) / n;
            sxx += dx * (x[i] - mx);
            sxy += dx * (y[i] - my);
        }
        if (n < 2 || sxx <= 0) {
            return new LineFit(Double.NaN, Double.NaN, n);
        }
        double slope = sxy / sxx;
        return new LineFit(slope, my - slope * mx, n);
    }

    /**
     * Fits all points.
     *
     * @param x abscissae
     * @param y ordinates, same length
     * @return the fit
     */
    public static LineFit of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " points but y has " + y.length);
        }
        return of(x, y, 0, x.length);
    }

    /** The fitted value at {@code x}. */
    public double at(double x) {
        return intercept + slope * x;
    }
}
