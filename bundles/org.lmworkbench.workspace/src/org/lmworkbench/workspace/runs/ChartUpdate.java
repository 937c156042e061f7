package org.lmworkbench.workspace.runs;

import java.util.List;

/**
 * The outcome of one poll, for the UI thread to apply: chart changes plus what the controls and
 * the status line show.
 *
 * @param clear      true if the chart must be emptied before {@link #ops()} (settings changed, a file was replaced)
 * @param ops        chart changes, in order
 * @param metric     the metric drawn (the default resolved)
 * @param metrics    every metric key the runs have
 * @param groupKeys  spec keys that vary across the runs, the choices for grouping
 * @param xKeys      those of them with numbers for values, the choices for the horizontal axis
 * @param runs       number of runs followed
 * @param live       number of those still queued or running
 * @param pending    number of those a cluster scheduler last said wait to start
 * @param points     points drawn over all lines
 * @param errors     files that could not be read, with the reason
 * @param backlog    true if some file has more lines than this poll read: poll again at once
 */
public record ChartUpdate(boolean clear, List<ChartOp> ops, String metric, List<String> metrics,
        List<String> groupKeys, List<String> xKeys, int runs, int live, int pending, long points,
        List<String> errors, boolean backlog) {

    /** Copies the lists. */
    public ChartUpdate {
        ops = List.copyOf(ops);
        metrics = List.copyOf(metrics);
        groupKeys = List.copyOf(groupKeys);
        xKeys = List.copyOf(xKeys);
        errors = List.copyOf(errors);
    }

    /** True if there is nothing to draw differently. */
    public boolean isEmpty() {
        return !clear && ops.isEmpty();
    }

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
         * New points at the end of a band that is shown (its line grew at the end too).
         *
         * @param id    the band's series id
         * @param x     the new positions
         * @param lower the new lower edge values
         * @param upper the new upper edge values
         */
        record BandAppend(String id, double[] x, double[] lower, double[] upper) implements ChartOp {
        }

        /**
         * Draws (or replaces) points without a line: the runs behind a line of final values.
         *
         * @param id     the series id
         * @param x      positions
         * @param y      values
         * @param colour index into the palette, that of their line
         */
        record Points(String id, double[] x, double[] y, int colour) implements ChartOp {
        }

        /**
         * Removes a line or band.
         *
         * @param id the series id
         */
        record Remove(String id) implements ChartOp {
        }
    }

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
}
