package org.lmworkbench.ui.charts;

import java.text.FieldPosition;
import java.text.Format;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;

/**
 * Draws the tick labels, tick marks, axis lines and grid of a {@link PlotChart} from {@link Ticks},
 * instead of SWTChart's own: SWTChart labels a logarithmic axis at every 1..9 times a power of ten,
 * turns the ones it considers minor into "..." and prints values below its 11-decimal format as
 * {@code 0.00000000001} or {@code 0}, and it cannot put ticks where a caller wants them (the widths
 * of a sweep).
 * <p>
 * SWTChart still lays the chart out: its labels keep their place but are drawn in the background
 * colour, and a {@link Format} makes each of them as wide as the widest label drawn here, so the
 * room SWTChart reserves is the room these labels need.
 */
final class AxisPainter {

    /** Minimum gap between neighbouring labels, in pixels. */
    private static final int GAP = 10;
    private static final int TICK_LENGTH = 5;
    private static final int MARGIN = 5;

    private final Chart chart;
    private final Scales scales;
    private final Map<IAxis, AxisState> axes = new LinkedHashMap<>();
    private final Listener chartPainter = e -> paintAxes(e.gc);
    private final Color grid;
    private final Color black;

    /** What the chart's axes show: SWTChart's axes are linear, the values may be on a log scale. */
    interface Scales {
        /** The range of an axis in its values (not log10 of them). */
        Range range(IAxis axis);

        /** Whether an axis shows its values logarithmically. */
        boolean isLog(IAxis axis);

        /** The pixel of a value on an axis, in plot-area coordinates. */
        int pixel(IAxis axis, double value);
    }

    AxisPainter(Chart chart, Scales scales) {
        this.chart = chart;
        this.scales = scales;
        this.grid = new Color(chart.getDisplay(), 225, 225, 225);
        this.black = chart.getDisplay().getSystemColor(SWT.COLOR_BLACK);
        chart.addListener(SWT.Paint, chartPainter);
        chart.getPlotArea().addCustomPaintListener(new GridPainter());
    }

    /**
     * Takes over the labels of an axis. Call again after SWTChart created an axis (its painters are
     * registered after this one's and would cover the labels).
     */
    void manage(IAxis axis) {
        AxisState state = axes.computeIfAbsent(axis, AxisState::new);
        axis.getTick().setFormat(state.format);
        axis.getTick().setForeground(chart.getBackground());
        axis.getGrid().setStyle(LineStyle.NONE);
        chart.removeListener(SWT.Paint, chartPainter);
        chart.addListener(SWT.Paint, chartPainter);
    }

    /** Labels {@code axis} at exactly these values (those in range); null for computed ticks. */
    void setFixedTicks(IAxis axis, double[] values) {
        axes.get(axis).fixed = values == null ? null : values.clone();
    }

    double[] fixedTicks(IAxis axis) {
        AxisState s = axes.get(axis);
        return s == null || s.fixed == null ? null : s.fixed.clone();
    }

    /**
     * Works out every axis's ticks for the plot size SWTChart has (or a guess before the first
     * layout) and sets the room SWTChart reserves for them.
     *
     * @return whether the reserved room changed, so the chart must be laid out again
     */
    boolean prepare() {
        Point plot = chart.getPlotArea().getSize();
        Point size = chart.getSize();
        int width = plot.x > 10 ? plot.x : Math.max(100, size.x - 120);
        int height = plot.y > 10 ? plot.y : Math.max(60, size.y - 80);
        boolean changed = false;
        GC gc = new GC(chart);
        try {
            for (AxisState s : axes.values()) {
                boolean horizontal = s.axis.getDirection() == IAxis.Direction.X;
                Ticks.TickSet ticks = s.ticks(gc, horizontal ? width : height, horizontal);
                String widest = widest(gc, ticks, s.axis);
                if (!widest.equals(s.format.widest)) {
                    s.format.widest = widest;
                    changed = true;
                }
            }
        } finally {
            gc.dispose();
        }
        return changed;
    }

    /** The ticks shown on an axis now, for tests and the SVG export of the same chart. */
    Ticks.TickSet shownTicks(IAxis axis) {
        AxisState s = axes.get(axis);
        if (s == null) {
            return Ticks.TickSet.EMPTY;
        }
        GC gc = new GC(chart);
        try {
            boolean horizontal = axis.getDirection() == IAxis.Direction.X;
            Point plot = chart.getPlotArea().getSize();
            return s.ticks(gc, horizontal ? plot.x : plot.y, horizontal);
        } finally {
            gc.dispose();
        }
    }

    private static String widest(GC gc, Ticks.TickSet ticks, IAxis axis) {
        gc.setFont(axis.getTick().getFont());
        String widest = "0";
        int w = gc.textExtent(widest).x;
        for (String label : ticks.labels()) {
            int lw = gc.textExtent(label).x;
            if (lw > w) {
                w = lw;
                widest = label;
            }
        }
        return widest;
    }

    private void paintAxes(GC gc) {
        Rectangle plot = chart.getPlotArea().getControl().getBounds();
        if (plot.width <= 1 || plot.height <= 1) {
            return;
        }
        gc.setForeground(black);
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setLineWidth(1);
        for (AxisState s : axes.values()) {
            if (s.axis.getTick().isVisible()) {
                paintAxis(gc, s, plot);
            }
        }
    }

    private void paintAxis(GC gc, AxisState s, Rectangle plot) {
        boolean horizontal = s.axis.getDirection() == IAxis.Direction.X;
        boolean secondary = s.axis.getPosition() == IAxis.Position.Secondary;
        Ticks.TickSet ticks = s.ticks(gc, horizontal ? plot.width : plot.height, horizontal);
        gc.setFont(s.axis.getTick().getFont());
        int fontHeight = gc.getFontMetrics().getHeight();
        if (horizontal) {
            int y = plot.y + plot.height;
            gc.drawLine(plot.x - 1, y, plot.x + plot.width - 1, y);
            for (int i = 0; i < ticks.size(); i++) {
                int x = plot.x + scales.pixel(s.axis, ticks.values()[i]);
                gc.drawLine(x, y, x, y + TICK_LENGTH);
                Point extent = gc.textExtent(ticks.labels()[i]);
                gc.drawText(ticks.labels()[i], x - extent.x / 2, y + TICK_LENGTH + MARGIN, true);
            }
            return;
        }
        int x = secondary ? plot.x + plot.width : plot.x - 1;
        gc.drawLine(x, plot.y, x, plot.y + plot.height - 1);
        int direction = secondary ? 1 : -1;
        for (int i = 0; i < ticks.size(); i++) {
            int y = plot.y + scales.pixel(s.axis, ticks.values()[i]);
            gc.drawLine(x, y, x + direction * TICK_LENGTH, y);
            Point extent = gc.textExtent(ticks.labels()[i]);
            int tx = secondary ? x + TICK_LENGTH + MARGIN : x - TICK_LENGTH - MARGIN - extent.x;
            gc.drawText(ticks.labels()[i], tx, y - fontHeight / 2, true);
        }
    }

    /** One axis: its fixed ticks and the format that sizes SWTChart's invisible labels. */
    private final class AxisState {

        final IAxis axis;
        final ReservingFormat format = new ReservingFormat();
        double[] fixed;

        AxisState(IAxis axis) {
            this.axis = axis;
        }

        /** As many ticks as fit along {@code length} pixels without labels touching. */
        Ticks.TickSet ticks(GC gc, int length, boolean horizontal) {
            Range r = scales.range(axis);
            boolean log = scales.isLog(axis);
            if (length <= 1 || !(r.upper > r.lower) || (log && !(r.lower > 0))) {
                return Ticks.TickSet.EMPTY;
            }
            gc.setFont(axis.getTick().getFont());
            int fontHeight = gc.getFontMetrics().getHeight();
            int max = Math.max(2, length / (horizontal ? 45 : fontHeight + 6));
            Ticks.TickSet ticks = Ticks.of(r.lower, r.upper, log, max, fixed);
            while (max > 2 && overlaps(gc, ticks, r, log, length, horizontal, fontHeight)) {
                max = Math.min(max - 1, ticks.size() - 1);
                ticks = Ticks.of(r.lower, r.upper, log, max, fixed);
            }
            return ticks;
        }

        private boolean overlaps(GC gc, Ticks.TickSet ticks, Range r, boolean log, int length, boolean horizontal,
                int fontHeight) {
            double a = Decimator.scaled(r.lower, log);
            double b = Decimator.scaled(r.upper, log);
            double previous = Double.NaN;
            int previousWidth = 0;
            for (int i = 0; i < ticks.size(); i++) {
                double p = (Decimator.scaled(ticks.values()[i], log) - a) / (b - a) * length;
                int w = horizontal ? gc.textExtent(ticks.labels()[i]).x : fontHeight;
                if (!Double.isNaN(previous) && p - previous < (w + previousWidth) / 2.0 + (horizontal ? GAP : 2)) {
                    return true;
                }
                previous = p;
                previousWidth = w;
            }
            return false;
        }
    }

    /** Grid lines at the ticks of the x axis and the primary y axis, behind the series. */
    private final class GridPainter implements ICustomPaintListener {

        @Override
        public void paintControl(PaintEvent e) {
            Point size = chart.getPlotArea().getSize();
            e.gc.setForeground(grid);
            e.gc.setLineWidth(1);
            e.gc.setLineStyle(SWT.LINE_SOLID);
            for (AxisState s : new ArrayList<>(axes.values())) {
                if (s.axis.getPosition() == IAxis.Position.Secondary) {
                    continue;
                }
                boolean horizontal = s.axis.getDirection() == IAxis.Direction.X;
                Ticks.TickSet ticks = s.ticks(e.gc, horizontal ? size.x : size.y, horizontal);
                for (double v : ticks.values()) {
                    int p = scales.pixel(s.axis, v);
                    if (horizontal) {
                        e.gc.drawLine(p, 0, p, size.y);
                    } else {
                        e.gc.drawLine(0, p, size.x, p);
                    }
                }
            }
        }

        @Override
        public boolean drawBehindSeries() {
            return true;
        }
    }

    /**
     * Gives every label SWTChart lays out (and draws invisibly) the text of the widest real label, so
     * it reserves their room. Parsing returns the values formatted, in order: SWTChart parses each
     * label back right after formatting them all, and a label that does not parse back near its
     * value on a log axis is replaced by "..." (which would reserve too little room).
     */
    static final class ReservingFormat extends Format {

        private static final long serialVersionUID = 1L;

        String widest = "0";
        private final List<Double> formatted = new ArrayList<>();
        private int parsed;

        @Override
        public StringBuffer format(Object value, StringBuffer to, FieldPosition position) {
            double v = value instanceof Number n ? n.doubleValue() : Double.NaN;
            if (parsed > 0 || (!formatted.isEmpty() && !(v > formatted.get(formatted.size() - 1)))) {
                formatted.clear(); // a new round of labels
                parsed = 0;
            }
            formatted.add(v);
            return to.append(widest);
        }

        @Override
        public Object parseObject(String source, ParsePosition position) {
            if (parsed >= formatted.size() || !source.equals(widest)) {
                return null;
            }
            position.setIndex(source.length());
            return formatted.get(parsed++);
        }
    }
}
