package org.lmworkbench.analysis.eos;

/**
 * Two-segment least-squares fit of a curve that rises and then levels off: the continuous hinge
 * {@code y = level + slope * min(x - breakpoint, 0)}, a ramp of the given slope up to the
 * breakpoint and a flat plateau at {@code level} after it. The breakpoint is searched over the
 * sample positions themselves (its resolution is the probe interval), needing at least two
 * points before it and two from it on; for each candidate the level and slope are the closed-form
 * least-squares solution, and the candidate with the smallest residual sum of squares wins
 * (the earliest on ties).
 *
 * <p>All sums are centred and updated incrementally (Welford), so the search is linear in the
 * number of samples and exact to rounding even for steps in the millions.
 *
 * @param breakpoint   x where the ramp ends
 * @param level        fitted plateau value
 * @param slope        fitted ramp slope (per unit x)
 * @param rss          residual sum of squares at the optimum
 * @param count        points fitted
 * @param residualSd   {@code sqrt(rss / (count - 3))} (three fitted parameters), NaN for three points
 */
public record RampPlateauFit(double breakpoint, double level, double slope, double rss, int count, double residualSd) {

    /** Fewest points for which a fit is attempted. */
    public static final int MIN_POINTS = 4;

    /**
     * Fits {@code y} against increasing {@code x}.
     *
     * @param x strictly increasing abscissae
     * @param y finite ordinates
     * @return the best hinge, or null with fewer than {@link #MIN_POINTS} points
     */
    public static RampPlateauFit fit(double[] x, double[] y) {
        int n = x.length;
        if (n != y.length) {
            throw new IllegalArgumentException("x has " + n + " points but y has " + y.length);
        }
        if (n < MIN_POINTS) {
            return null;
        }
        double meanY = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double d = y[i] - meanY;
            meanY += d / (i + 1);
            syy += d * (y[i] - meanY);
        }
        // Left-of-breakpoint running statistics over indices < j.
        int left = 0;
        double mx = 0;
        double my = 0;
        double m2x = 0;
        double cxy = 0;
        double bestRss = Double.POSITIVE_INFINITY;
        double bestC = Double.NaN;
        double bestLevel = Double.NaN;
        double bestSlope = Double.NaN;
        for (int j = 0; j < n; j++) {
            if (left >= 2 && n - j >= 2) {
                double c = x[j];
                double d = mx - c;
                double szz = m2x + left * d * d * (1.0 - (double) left / n);
                double szy = cxy + left * d * (my - meanY);
                if (szz > 0) {
                    double rss = Math.max(0.0, syy - szy * szy / szz);
                    if (rss < bestRss) {
                        double q = szy / szz;
                        bestRss = rss;
                        bestC = c;
                        bestSlope = q;
                        bestLevel = meanY - q * left * d / n;
                    }
                }
            }
            left++;
            double dx = x[j] - mx;
            mx += dx / left;
            my += (y[j] - my) / left;
            m2x += dx * (x[j] - mx);
            cxy += dx * (y[j] - my);
        }
        if (Double.isNaN(bestC)) {
            return null;
        }
        double sd = n > 3 ? Math.sqrt(bestRss / (n - 3)) : Double.NaN;
        return new RampPlateauFit(bestC, bestLevel, bestSlope, bestRss, n, sd);
    }

    /** The fitted value at {@code x}. */
    public double at(double x) {
        return level + slope * Math.min(x - breakpoint, 0.0);
    }
}
