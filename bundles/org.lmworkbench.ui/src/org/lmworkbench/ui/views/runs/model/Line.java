package org.lmworkbench.ui.views.runs.model;

/**
 * One line of the Runs chart, ready to draw.
 *
 * @param id     identity across polls (the group's key); the band's series id is {@link #bandId()}
 * @param label  legend text
 * @param x      horizontal positions
 * @param y      values (the mean for a group)
 * @param lower  lower edge of the band (mean - sd), or null for a single run
 * @param upper  upper edge of the band (mean + sd), or null for a single run
 * @param runs   number of runs behind the line
 */
public record Line(String id, String label, double[] x, double[] y, double[] lower, double[] upper, int runs) {

    /** Checks that the arrays are parallel. */
    public Line {
        if (x.length != y.length || (lower != null && (lower.length != x.length || upper.length != x.length))) {
            throw new IllegalArgumentException("line " + id + ": arrays differ in length");
        }
    }

    /** Series id of the band around this line. */
    public String bandId() {
        return id + "#band";
    }

    /** True if the line has a band. */
    public boolean hasBand() {
        return lower != null;
    }

    /** Number of points. */
    public int size() {
        return x.length;
    }
}
