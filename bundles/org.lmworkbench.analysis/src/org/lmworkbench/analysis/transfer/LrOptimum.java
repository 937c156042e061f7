package org.lmworkbench.analysis.transfer;

/**
 * The best learning rate of one width.
 *
 * @param width        the width
 * @param gridIndex    index of the grid learning rate with the smallest finite mean loss, or -1 if
 *                     every learning rate diverged or has no run
 * @param gridLr       that learning rate (NaN if none)
 * @param gridLoss     its mean loss (NaN if none)
 * @param refinedLog2Lr vertex of the parabola in log2(lr) through the grid minimum and its two
 *                     neighbours; NaN when it cannot be fitted (see {@code note})
 * @param refinedLoss  the parabola's value there (NaN if none)
 * @param note         why there is no refinement, or "" when there is one
 */
public record LrOptimum(double width, int gridIndex, double gridLr, double gridLoss, double refinedLog2Lr,
        double refinedLoss, String note) {

    /** log2 of the grid optimum. */
    public double gridLog2Lr() {
        return Math.log(gridLr) / Math.log(2);
    }

    /** True if the quadratic refinement exists. */
    public boolean isRefined() {
        return !Double.isNaN(refinedLog2Lr);
    }

    /** The best estimate of log2 of the optimal lr: the refined one, else the grid one. */
    public double bestLog2Lr() {
        return isRefined() ? refinedLog2Lr : gridLog2Lr();
    }

    /**
     * Finds the optimum of width index {@code w} of a table.
     */
    public static LrOptimum of(LrSweepTable table, int w) {
        double width = table.widths()[w];
        double[] x = table.log2Lrs();
        double[] y = table.means(w);
        int best = -1;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i]) && (best < 0 || y[i] < y[best])) {
                best = i;
            }
        }
        if (best < 0) {
            return new LrOptimum(width, -1, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "no learning rate finished without diverging");
        }
        double lr = table.lrs()[best];
        if (best == 0 || best == y.length - 1) {
            return new LrOptimum(width, best, lr, y[best], Double.NaN, Double.NaN,
                    "minimum at the edge of the grid: the optimum may lie outside it");
        }
        if (!Double.isFinite(y[best - 1]) || !Double.isFinite(y[best + 1])) {
            return new LrOptimum(width, best, lr, y[best], Double.NaN, Double.NaN,
                    "a neighbour of the minimum diverged or is missing");
        }
        double[] vertex = vertex(x[best - 1], y[best - 1], x[best], y[best], x[best + 1], y[best + 1]);
        return new LrOptimum(width, best, lr, y[best], vertex[0], vertex[1], "");
    }

    /**
     * Vertex of the parabola through three points with the middle one lowest (so the parabola opens
     * upwards, or is flat when all three are equal, and the vertex lies between the outer points).
     */
    static double[] vertex(double x0, double y0, double x1, double y1, double x2, double y2) {
        // Newton form: y = y0 + d1 (x - x0) + a (x - x0)(x - x1).
        double d1 = (y1 - y0) / (x1 - x0);
        double d2 = (y2 - y1) / (x2 - x1);
        double a = (d2 - d1) / (x2 - x0);
        if (a <= 0) {
            return new double[] {x1, y1};
        }
        double xv = (x0 + x1) / 2 - d1 / (2 * a);
        double yv = y0 + d1 * (xv - x0) + a * (xv - x0) * (xv - x1);
        return new double[] {xv, yv};
    }
}
