package org.lmworkbench.ui.charts;

import org.eclipse.swtchart.Range;

/**
 * The axis ranges that fit a chart's data: all series for x, the series of one y axis for y, with
 * a small margin so extreme points are not drawn on the frame. On a logarithmic axis only positive
 * values count and the margin is taken in decades.
 */
final class ChartRanges {

    private static final double Y_MARGIN = 0.05;
    private static final double POINTS_X_MARGIN = 0.02;

    private ChartRanges() {
    }

    /** The x range of all series; {@code margin} at least, more for markers. */
    static Range x(Iterable<SeriesData> all, boolean log, double margin) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean points = false;
        for (SeriesData s : all) {
            if (s.kind == SeriesData.Kind.HORIZONTAL) {
                continue;
            }
            points |= s.kind == SeriesData.Kind.POINTS;
            lo = Math.min(lo, log ? s.xMinPositive : s.xMin);
            hi = Math.max(hi, s.xMax);
        }
        return finish(lo, hi, log, Math.max(margin, points ? POINTS_X_MARGIN : 0));
    }

    static Range y(Iterable<SeriesData> all, boolean secondary, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SeriesData s : all) {
            if (s.kind == SeriesData.Kind.VERTICAL || s.secondary != secondary) {
                continue;
            }
            lo = Math.min(lo, log ? s.yMinPositive : s.yMin);
            hi = Math.max(hi, s.yMax);
        }
        return finish(lo, hi, log, Y_MARGIN);
    }

    /** Turns a data extent into a drawable range: never empty, never non-positive on a log axis. */
    static Range finish(double lo, double hi, boolean log, double margin) {
        if (log) {
            if (!(hi > 0) || !(lo <= hi)) {
                return new Range(1, 10);
            }
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            if (b - a < 1e-12) {
                a -= 0.5;
                b += 0.5;
            }
            double m = (b - a) * margin;
            return new Range(Math.pow(10, a - m), Math.pow(10, b + m));
        }
        if (!(lo <= hi)) {
            return new Range(0, 1);
        }
        if (hi - lo <= 1e-12 * Math.max(1, Math.abs(hi))) {
            double half = lo == 0 ? 0.5 : Math.abs(lo) * 0.5;
            return new Range(lo - half, hi + half);
        }
        double m = (hi - lo) * margin;
        return new Range(lo - m, hi + m);
    }
}
