package org.lmworkbench.ui.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;

/**
 * An x-y chart of lines, markers, translucent bands and dashed threshold lines, with linear or
 * logarithmic axes and an optional second y axis, drawn by SWTChart ({@link #chart()}).
 * <p>
 * The chart keeps every series' full data itself and hands SWTChart only a few points per pixel
 * column of the visible range (see {@link Decimator}), recomputed when the plot is resized or the
 * range changes, so a live run with millions of logged steps redraws as fast as a short one. Data
 * grows with {@link #appendData(String, double[], double[])}. On a logarithmic axis the points
 * that cannot be shown (zero or negative) are left out of the drawing; they stay in the data and in
 * the exports.
 * <p>
 * Mutators schedule one coalesced redraw on the display thread; {@link #refresh()} redraws at once.
 * All methods must be called on the display thread.
 */
public class PlotChart extends Composite implements ExportableChart {

    private static final int BAND_ALPHA = 64;

    private final Chart chart;
    private final Map<String, SeriesData> series = new LinkedHashMap<>();
    private final IntList kept = new IntList();
    private boolean logX;
    private boolean logY;
    private String secondaryTitle = "";
    private int secondaryAxisId = -1;
    private boolean refreshScheduled;
    private int decimatedWidth = -1;
    private Range xRange = new Range(0, 1);
    private Range yRange = new Range(0, 1);
    private Range y2Range = new Range(0, 1);

    /** Creates an empty chart with a legend on the right. */
    public PlotChart(Composite parent, int style) {
        super(parent, style);
        setLayout(new FillLayout());
        chart = new Chart(this, SWT.NONE);
        Color white = getDisplay().getSystemColor(SWT.COLOR_WHITE);
        chart.setBackground(white);
        chart.setBackgroundInPlotArea(white);
        chart.getTitle().setText("");
        chart.getTitle().setVisible(false);
        xAxis().getTitle().setText("");
        yAxis().getTitle().setText("");
        chart.getLegend().setPosition(SWT.RIGHT);
        chart.getPlotArea().addCustomPaintListener(new BandPainter());
        chart.getPlotArea().getControl().addListener(SWT.Resize, e -> {
            if (plotWidth() != decimatedWidth) {
                pushData();
                chart.redraw();
            }
        });
    }

    /** The SWTChart chart underneath, for styling not covered here. */
    public Chart chart() {
        return chart;
    }

    /** Sets the title above the plot; null or empty hides it. */
    public void setTitle(String title) {
        boolean show = title != null && !title.isEmpty();
        chart.getTitle().setText(show ? title : "");
        chart.getTitle().setVisible(show);
        scheduleRefresh();
    }

    /** Sets the titles of the x axis and the (primary) y axis. */
    public void setAxisTitles(String x, String y) {
        xAxis().getTitle().setText(x == null ? "" : x);
        yAxis().getTitle().setText(y == null ? "" : y);
        scheduleRefresh();
    }

    /** Sets the title of the secondary y axis (shown once a series uses it). */
    public void setSecondaryAxisTitle(String title) {
        secondaryTitle = title == null ? "" : title;
        if (secondaryAxisId >= 0) {
            chart.getAxisSet().getYAxis(secondaryAxisId).getTitle().setText(secondaryTitle);
        }
        scheduleRefresh();
    }

    /** Switches the x axis between linear and logarithmic (base 10). */
    public void setLogX(boolean log) {
        logX = log;
        refresh();
    }

    /** Switches both y axes between linear and logarithmic (base 10). */
    public void setLogY(boolean log) {
        logY = log;
        refresh();
    }

    /** Whether the x axis is logarithmic. */
    public boolean isLogX() {
        return logX;
    }

    /** Whether the y axes are logarithmic. */
    public boolean isLogY() {
        return logY;
    }

    /** Adds (or replaces) a line on the primary y axis. The arrays are copied. */
    public void addLine(String id, String label, double[] x, double[] y, RGB colour) {
        addLine(id, label, x, y, colour, false);
    }

    /** Adds (or replaces) a line, on the secondary y axis if {@code secondaryAxis}. */
    public void addLine(String id, String label, double[] x, double[] y, RGB colour, boolean secondaryAxis) {
        put(SeriesData.xy(id, label, SeriesData.Kind.LINE, x, y, colour, secondaryAxis));
    }

    /** Adds (or replaces) a series drawn as markers only, on the primary y axis. */
    public void addPoints(String id, String label, double[] x, double[] y, RGB colour) {
        put(SeriesData.xy(id, label, SeriesData.Kind.POINTS, x, y, colour, false));
    }

    /** Adds (or replaces) a translucent band between {@code lower} and {@code upper}; not in the legend. */
    public void addBand(String id, double[] x, double[] lower, double[] upper, RGB colour) {
        put(SeriesData.band(id, x, lower, upper, colour));
    }

    /** Adds (or replaces) a dashed horizontal line at {@code y} across the plot. */
    public void addHorizontalLine(String id, String label, double y, RGB colour) {
        put(SeriesData.straight(id, label, SeriesData.Kind.HORIZONTAL, y, colour));
    }

    /** Adds (or replaces) a dashed vertical line at {@code x} across the plot. */
    public void addVerticalLine(String id, String label, double x, RGB colour) {
        put(SeriesData.straight(id, label, SeriesData.Kind.VERTICAL, x, colour));
    }

    /**
     * Appends points to a line or points series (cheap: amortised O(appended points), plus one
     * coalesced redraw).
     *
     * @throws IllegalArgumentException if there is no such series, it is not a line or points, or the
     *             arrays differ in length
     */
    public void appendData(String id, double[] x, double[] y) {
        SeriesData s = series.get(id);
        if (s == null) {
            throw new IllegalArgumentException("No series '" + id + "' in this chart");
        }
        s.append(x, y);
        scheduleRefresh();
    }

    /** Removes a series; unknown ids are ignored. */
    public void removeSeries(String id) {
        if (series.remove(id) != null) {
            if (chart.getSeriesSet().getSeries(id) != null) {
                chart.getSeriesSet().deleteSeries(id);
            }
            scheduleRefresh();
        }
    }

    /** Removes every series. */
    public void clear() {
        for (String id : new ArrayList<>(series.keySet())) {
            removeSeries(id);
        }
    }

    /** Shows or hides the legend. */
    public void setLegendVisible(boolean visible) {
        chart.getLegend().setVisible(visible);
        scheduleRefresh();
    }

    /** The ids of the series, in the order they were added. */
    public List<String> seriesIds() {
        return new ArrayList<>(series.keySet());
    }

    /**
     * The full x data of a series (a copy): all points of lines, points and bands, the single position
     * of a vertical line, nothing for a horizontal one.
     */
    public double[] seriesX(String id) {
        SeriesData s = get(id);
        return s.kind == SeriesData.Kind.VERTICAL ? new double[] { s.value } : s.x.toArray();
    }

    /**
     * The full y data of a series (a copy): all points of lines and points, the lower edge of a band
     * (see {@link #bandUpper(String)}), the single position of a horizontal line, nothing for a
     * vertical one.
     */
    public double[] seriesY(String id) {
        SeriesData s = get(id);
        return s.kind == SeriesData.Kind.HORIZONTAL ? new double[] { s.value } : s.y.toArray();
    }

    /** The upper edge of a band (a copy). */
    public double[] bandUpper(String id) {
        SeriesData s = get(id);
        if (s.upper == null) {
            throw new IllegalArgumentException("Series '" + id + "' is not a band");
        }
        return s.upper.toArray();
    }

    /** Fits the axes to the data (with a small margin), re-decimates and redraws now. */
    public void refresh() {
        refreshScheduled = false;
        if (isDisposed()) {
            return;
        }
        xRange = ChartRanges.x(series.values(), logX);
        yRange = ChartRanges.y(series.values(), false, logY);
        y2Range = ChartRanges.y(series.values(), true, logY);
        for (IAxis axis : chart.getAxisSet().getAxes()) {
            boolean wanted = axis.getDirection() == IAxis.Direction.X ? logX : logY;
            if (!wanted && axis.isLogScaleEnabled()) {
                axis.enableLogScale(false);
            }
        }
        pushData();
        for (IAxis axis : chart.getAxisSet().getAxes()) {
            boolean wanted = axis.getDirection() == IAxis.Direction.X ? logX : logY;
            if (wanted && !axis.isLogScaleEnabled()) {
                axis.enableLogScale(true);
            }
        }
        xAxis().setRange(new Range(xRange.lower, xRange.upper));
        yAxis().setRange(new Range(yRange.lower, yRange.upper));
        if (secondaryAxisId >= 0) {
            chart.getAxisSet().getYAxis(secondaryAxisId).setRange(new Range(y2Range.lower, y2Range.upper));
        }
        chart.updateLayout();
        chart.redraw();
    }

    /** Pixel-column count of the plot area used for decimation. */
    int plotWidth() {
        int w = chart.getPlotArea().getSize().x;
        return w > 0 ? w : 1000;
    }

    Range xRange() {
        return xRange;
    }

    Range yRange(boolean secondary) {
        return secondary ? y2Range : yRange;
    }

    Iterable<SeriesData> data() {
        return series.values();
    }

    String title() {
        return chart.getTitle().isVisible() ? chart.getTitle().getText() : "";
    }

    String xTitle() {
        return xAxis().getTitle().getText();
    }

    String yTitle() {
        return yAxis().getTitle().getText();
    }

    String secondaryTitle() {
        return secondaryTitle;
    }

    boolean legendVisible() {
        return chart.getLegend().isVisible();
    }

    /** Hands SWTChart the decimated view of every series for the current ranges and width. */
    private void pushData() {
        int width = plotWidth();
        decimatedWidth = width;
        for (SeriesData s : series.values()) {
            ILineSeries<?> line = swtSeries(s);
            if (line == null) {
                continue;
            }
            double[] xs;
            double[] ys;
            if (s.isXy()) {
                Decimator.decimate(s.x.raw(), s.y.raw(), s.x.size(), s.sorted, xRange.lower, xRange.upper, width,
                        logX, logY, kept);
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
                Range yr = yRange;
                xs = new double[] { s.value, s.value };
                ys = new double[] { yr.lower, yr.upper };
            }
            boolean drawable = xs.length > 0 && Decimator.drawable(xs[0], ys[0], logX, logY);
            if (!s.isXy() && !drawable) {
                // a threshold that a log axis cannot show: keep it out of the drawing
                xs = new double[0];
                ys = new double[0];
            }
            line.setXSeries(xs);
            line.setYSeries(ys);
        }
    }

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
            axis.getTitle().setText(secondaryTitle);
            axis.getGrid().setStyle(LineStyle.NONE);
        }
        return secondaryAxisId;
    }

    private void put(SeriesData s) {
        if (s.id == null) {
            throw new IllegalArgumentException("Series id must not be null");
        }
        removeSeries(s.id);
        series.put(s.id, s);
        scheduleRefresh();
    }

    private SeriesData get(String id) {
        SeriesData s = series.get(id);
        if (s == null) {
            throw new IllegalArgumentException("No series '" + id + "' in this chart");
        }
        return s;
    }

    private void scheduleRefresh() {
        if (!refreshScheduled && !isDisposed()) {
            refreshScheduled = true;
            getDisplay().asyncExec(() -> {
                if (refreshScheduled && !isDisposed()) {
                    refresh();
                }
            });
        }
    }

    private IAxis xAxis() {
        return chart.getAxisSet().getXAxis(0);
    }

    private IAxis yAxis() {
        return chart.getAxisSet().getYAxis(0);
    }

    @Override
    public void writePng(Path file) throws IOException {
        if (refreshScheduled) {
            refresh();
        }
        PngExport.write(this, file);
    }

    @Override
    public void writeSvg(Path file) throws IOException {
        if (refreshScheduled) {
            refresh();
        }
        SvgFile.write(file, PlotSvg.render(this));
    }

    @Override
    public void writeCsv(Path file) throws IOException {
        PlotCsv.write(this, file);
    }

    /** Fills bands behind the series, decimated like the lines. */
    private final class BandPainter implements ICustomPaintListener {

        @Override
        public void paintControl(PaintEvent e) {
            IAxis xa = xAxis();
            IAxis ya = yAxis();
            int width = plotWidth();
            for (SeriesData s : series.values()) {
                if (s.kind != SeriesData.Kind.BAND) {
                    continue;
                }
                int[] polygon = bandPolygon(s, width, xa::getPixelCoordinate, ya::getPixelCoordinate);
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

    /** Maps a data coordinate to a pixel coordinate. */
    interface PixelMap {
        /** The pixel for a data value. */
        double map(double value);
    }

    /**
     * The outline of a band as pixel coordinates: the decimated upper edge left to right, then the
     * decimated lower edge right to left.
     */
    int[] bandPolygon(SeriesData s, int width, PixelMap px, PixelMap py) {
        IntList up = new IntList();
        IntList low = new IntList();
        int n = s.x.size();
        Decimator.decimate(s.x.raw(), s.upper.raw(), n, s.sorted, xRange.lower, xRange.upper, width, logX, logY, up);
        Decimator.decimate(s.x.raw(), s.y.raw(), n, s.sorted, xRange.lower, xRange.upper, width, logX, logY, low);
        int[] polygon = new int[2 * (up.size() + low.size())];
        int k = 0;
        for (int i = 0; i < up.size(); i++) {
            polygon[k++] = (int) Math.round(px.map(s.x.get(up.get(i))));
            polygon[k++] = (int) Math.round(py.map(s.upper.get(up.get(i))));
        }
        for (int i = low.size() - 1; i >= 0; i--) {
            polygon[k++] = (int) Math.round(px.map(s.x.get(low.get(i))));
            polygon[k++] = (int) Math.round(py.map(s.y.get(low.get(i))));
        }
        return polygon;
    }
}
