package org.lmworkbench.ui.charts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;
import org.eclipse.swtchart.model.DoubleArraySeriesModel;

/**
 * What SWTChart is given to draw a {@link PlotChart}: one styled line series per line, points or
 * threshold series holding only the decimated points for the current ranges and plot width, the
 * bands painted behind them, and the secondary axis once a series needs it.
 * <p>
 * SWTChart's axes stay linear: on a logarithmic axis it is handed {@code log10} of the values (and
 * of the range), and {@link AxisPainter} labels the axis with the values themselves. SWTChart's own
 * log scale switches back to linear whenever a series holds a non-positive value, and it produces
 * no ticks at all (so keeps no room for labels) over a range such as 1.02 to 1.045.
 */
final class SwtChartView {

    private static final int BAND_ALPHA = 64;
    /** The data of a hidden series (SWTChart wants some). */
    private static final double[] PARKED = { 1 };

    private final PlotChart owner;
    private final Chart chart;
    private AxisPainter axes;
    private final IntList kept = new IntList();
    private int secondaryAxisId = -1;
    private int decimatedWidth = -1;
    private boolean showing;

    SwtChartView(PlotChart owner, Chart chart) {
        this.owner = owner;
        this.chart = chart;
        chart.getPlotArea().addCustomPaintListener(new BandPainter());
        chart.getPlotArea().getControl().addListener(SWT.Resize, e -> {
            if (showing) {
                return;
            }
            if (plotWidth() != decimatedWidth) {
                pushData();
                chart.redraw();
            }
            // another size may fit other ticks, with wider labels than SWTChart keeps room for
            chart.getDisplay().asyncExec(() -> {
                if (!chart.isDisposed() && !showing && axes.prepare()) {
                    show();
                }
            });
        });
    }

    /** The painter of the axes' labels, which this view keeps in step with SWTChart's layout. */
    void setAxes(AxisPainter painter) {
        axes = painter;
    }

    /** Pixel-column count of the plot area (a guess before it is laid out). */
    int plotWidth() {
        int w = chart.getPlotArea().getSize().x;
        return w > 0 ? w : 1000;
    }

    void secondaryTitleChanged() {
        if (secondaryAxisId >= 0) {
            chart.getAxisSet().getYAxis(secondaryAxisId).getTitle().setText(owner.secondaryTitle());
        }
    }

    /** Shows the owner's series with its current ranges and scales, decimated once for the final width. */
    void show() {
        for (SeriesData s : owner.data()) {
            swtSeries(s);
        }
        Range x = owner.xRange();
        owner.xAxis().setRange(scaled(x, owner.isLogX()));
        for (IAxis axis : chart.getAxisSet().getYAxes()) {
            axis.setRange(scaled(owner.yRangeOf(axis), owner.isLogY()));
        }
        // lay out first (tick labels change the plot width), so the data is decimated once; the
        // labels depend on the plot size, so a second layout settles their room
        showing = true;
        try {
            axes.prepare();
            chart.updateLayout();
            if (axes.prepare()) {
                chart.updateLayout();
            }
        } finally {
            showing = false;
        }
        pushData();
        chart.redraw();
    }

    static void styleAxis(IAxis axis, Color colour) {
        axis.getTitle().setForeground(colour);
    }

    /** A range as SWTChart's linear axis takes it: in log10 on a logarithmic axis. */
    static Range scaled(Range r, boolean log) {
        return new Range(Decimator.scaled(r.lower, log), Decimator.scaled(r.upper, log));
    }

    /** Whether an axis of the chart shows its values logarithmically. */
    boolean isLog(IAxis axis) {
        return axis.getDirection() == IAxis.Direction.X ? owner.isLogX() : owner.isLogY();
    }

    /** The pixel of a value (not log10 of it) on an axis, in plot-area coordinates. */
    int pixel(IAxis axis, double value) {
        return axis.getPixelCoordinate(Decimator.scaled(value, isLog(axis)));
    }

    /** Hands SWTChart the decimated view of every series for the current ranges and width. */
    private void pushData() {
        int width = plotWidth();
        decimatedWidth = width;
        boolean logX = owner.isLogX();
        boolean logY = owner.isLogY();
        Range xRange = owner.xRange();
        for (SeriesData s : owner.data()) {
            ILineSeries<?> line = swtSeries(s);
            if (line == null) {
                continue;
            }
            double[] xs;
            double[] ys;
            if (s.isXy()) {
                Decimator.decimate(s.x.raw(), s.y.raw(), s.x.size(), s.sorted, xRange.lower, xRange.upper, width,
                        logX, logY, s.yExtremes, kept);
                xs = new double[kept.size()];
                ys = new double[kept.size()];
                double[] rx = s.x.raw();
                double[] ry = s.y.raw();
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = rx[kept.get(i)];
                    ys[i] = ry[kept.get(i)];
                }
            } else if (s.kind == SeriesData.Kind.HORIZONTAL) {
                xs = new double[] { xRange.lower, xRange.upper };
                ys = new double[] { s.value, s.value };
            } else {
                Range yr = owner.yRange(false);
                xs = new double[] { s.value, s.value };
                ys = new double[] { yr.lower, yr.upper };
            }
            boolean drawable = xs.length > 0 && Decimator.drawable(xs[0], ys[0], logX, logY);
            line.setVisible(drawable);
            line.setVisibleInLegend(drawable && !s.label.isEmpty());
            if (!drawable) {
                // nothing a log axis can show (or no data yet): hidden
                setData(line, PARKED, PARKED);
                continue;
            }
            for (int i = 0; i < xs.length; i++) {
                xs[i] = Decimator.scaled(xs[i], logX);
                ys[i] = Decimator.scaled(ys[i], logY);
            }
            setData(line, xs, ys);
        }
    }

    /** Sets x and y together, as one model. */
    @SuppressWarnings("unchecked")
    private static void setData(ISeries<?> series, double[] xs, double[] ys) {
        ((ISeries<Integer>) series).setDataModel(new DoubleArraySeriesModel(xs, ys));
    }

    /** The SWTChart series of a line, points or threshold series, created and styled on first use. */
    private ILineSeries<?> swtSeries(SeriesData s) {
        if (s.kind == SeriesData.Kind.BAND) {
            return null;
        }
        ISeries<?> existing = chart.getSeriesSet().getSeries(s.id);
        if (existing instanceof ILineSeries<?> line) {
            return line;
        }
        ILineSeries<?> line = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, s.id);
        Color colour = new Color(s.colour);
        line.setDescription(s.label);
        line.setVisibleInLegend(!s.label.isEmpty());
        line.setLineColor(colour);
        line.setSymbolColor(colour);
        line.setAntialias(SWT.ON);
        switch (s.kind) {
        case POINTS -> {
            line.setLineStyle(LineStyle.NONE);
            line.setSymbolType(PlotSymbolType.CIRCLE);
            line.setSymbolSize(3);
        }
        case HORIZONTAL, VERTICAL -> {
            line.setLineStyle(LineStyle.DASH);
            line.setSymbolType(PlotSymbolType.NONE);
            line.setLineWidth(1);
        }
        default -> {
            line.setLineStyle(LineStyle.SOLID);
            line.setSymbolType(PlotSymbolType.NONE);
            line.setLineWidth(2);
        }
        }
        setData(line, PARKED, PARKED);
        line.setVisible(false);
        if (s.secondary) {
            line.setYAxisId(secondaryAxis());
        }
        return line;
    }

    private int secondaryAxis() {
        if (secondaryAxisId < 0) {
            secondaryAxisId = chart.getAxisSet().createYAxis();
            IAxis axis = chart.getAxisSet().getYAxis(secondaryAxisId);
            axis.setPosition(IAxis.Position.Secondary);
            axis.getTitle().setText(owner.secondaryTitle());
            axis.getGrid().setStyle(LineStyle.NONE);
            styleAxis(axis, chart.getDisplay().getSystemColor(SWT.COLOR_BLACK));
            axes.manage(axis);
            // the new axis brings new child controls: give them the chart's (export) menu too
            if (owner.getMenu() != null) {
                for (Control child : chart.getChildren()) {
                    if (child.getMenu() == null) {
                        child.setMenu(owner.getMenu());
                    }
                }
            }
        }
        return secondaryAxisId;
    }

    /** Fills bands behind the series, decimated like the lines. */
    private final class BandPainter implements ICustomPaintListener {

        @Override
        public void paintControl(PaintEvent e) {
            IAxis xa = owner.xAxis();
            IAxis ya = owner.yAxis();
            int width = plotWidth();
            for (SeriesData s : owner.data()) {
                if (s.kind != SeriesData.Kind.BAND) {
                    continue;
                }
                int[] polygon = owner.bandPolygon(s, width, v -> pixel(xa, v), v -> pixel(ya, v));
                if (polygon.length >= 6) {
                    e.gc.setBackground(new Color(s.colour));
                    e.gc.setAlpha(BAND_ALPHA);
                    e.gc.fillPolygon(polygon);
                    e.gc.setAlpha(255);
                }
            }
        }

        @Override
        public boolean drawBehindSeries() {
            return true;
        }
    }
}
