package org.lmworkbench.ui.views.runs.model;

/**
 * One metric of one run as plotted: parallel arrays of step, x and y, with only finite y values
 * (a missing or diverged value is a gap, not a point at infinity).
 *
 * @param steps optimizer step of each point, ascending as logged
 * @param x     horizontal position (the step itself, or the wall time)
 * @param y     metric value
 */
public record Series(double[] steps, double[] x, double[] y) {

    /** A series without points. */
    public static final Series EMPTY = new Series(new double[0], new double[0], new double[0]);

    /** Checks that the arrays are parallel. */
    public Series {
        if (steps.length != x.length || x.length != y.length) {
            throw new IllegalArgumentException("steps, x and y differ in length: " + steps.length + ", " + x.length
                    + ", " + y.length);
        }
    }

    /** Number of points. */
    public int size() {
        return y.length;
    }

    /** The same points with other y values (e.g. smoothed). */
    public Series withY(double[] newY) {
        return new Series(steps, x, newY);
    }
}
