package org.lmworkbench.ui.views.runs.model;

/**
 * One change to the Runs chart. Planned off the UI thread by {@link UpdatePlanner} so the UI thread
 * only hands arrays to the chart; a growing line is an {@link Append} of its new points.
 */
public sealed interface ChartOp {

    /**
     * Draws a new line (replacing one with the same id).
     *
     * @param line   the line
     * @param colour index into the palette
     */
    record Add(Line line, int colour) implements ChartOp {
    }

    /**
     * New points at the end of a line that is shown.
     *
     * @param id the line's id
     * @param x  the new x values
     * @param y  the new y values
     */
    record Append(String id, double[] x, double[] y) implements ChartOp {
    }

    /**
     * Sets (or replaces) the band around a line.
     *
     * @param id     the band's series id
     * @param x      positions
     * @param lower  lower edge
     * @param upper  upper edge
     * @param colour index into the palette, that of its line
     */
    record Band(String id, double[] x, double[] lower, double[] upper, int colour) implements ChartOp {
    }

    /**
     * Removes a line or band.
     *
     * @param id the series id
     */
    record Remove(String id) implements ChartOp {
    }
}
