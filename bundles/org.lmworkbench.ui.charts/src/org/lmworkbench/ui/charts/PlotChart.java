package org.lmworkbench.ui.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
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
 * Axes are labelled by {@link Ticks}: round steps on linear axes, powers of ten (with 2 and 5
 * between them over few decades) on logarithmic ones, or exactly the values given to
 * {@link #setXTicks(double[])}. The legend moves below the plot when the chart is narrow, so the
 * plot keeps its width; {@link #MIN_WIDTH} and {@link #MIN_HEIGHT} are the size below which a
 * page should scroll rather than shrink the chart.
 * <p>
 * Mutators schedule one coalesced redraw on the display thread; {@link #refresh()} redraws at once.
 * All methods must be called on the display thread.
 */
public class PlotChart extends Composite implements ExportableChart {

    /** The narrowest a chart should be laid out: below it the plot area is too small to read. */
    public static final int MIN_WIDTH = 380;
    /** The lowest a chart should be laid out. */
    public static final int MIN_HEIGHT = 300;
    /** Below this width the legend goes under the plot instead of beside it. */
    static final int LEGEND_BESIDE_WIDTH = 640;
    /** The margin of the x range, as a fraction, when fixed ticks may sit at the data's ends. */
    private static final double FIXED_TICKS_MARGIN = 0.05;

    private final Chart chart;
    private final SwtChartView view;
    private final AxisPainter axes;
    private final Map<String, SeriesData> series = new LinkedHashMap<>();
    private final Map<String, Double> scalars = new LinkedHashMap<>();
    private String title = "";
    private boolean logX;
    private boolean logY;
    private String secondaryTitle = "";
    private boolean refreshScheduled;
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
        chart.getPlotArea().setBackground(white);
        chart.getTitle().setText("");
        chart.getTitle().setVisible(false);
        xAxis().getTitle().setText("");
        yAxis().getTitle().setText("");
        chart.getLegend().setPosition(SWT.RIGHT);
        // black text, as in the SVG export and in papers, instead of SWTChart's blue
        Color black = getDisplay().getSystemColor(SWT.COLOR_BLACK);
        chart.getTitle().setForeground(black);
        view = new SwtChartView(this, chart);
        axes = new AxisPainter(chart, new AxisPainter.Scales() {
            @Override
            public Range range(IAxis axis) {
                return axis.getDirection() == IAxis.Direction.X ? xRange : yRangeOf(axis);
            }

            @Override
            public boolean isLog(IAxis axis) {
                return view.isLog(axis);
            }

            @Override
            public int pixel(IAxis axis, double value) {
                return view.pixel(axis, value);
            }
        });
        view.setAxes(axes);
        for (IAxis axis : chart.getAxisSet().getAxes()) {
            SwtChartView.styleAxis(axis, black);
            axes.manage(axis);
        }
        addListener(SWT.Resize, e -> {
            placeLegend();
            fitTitle();
        });
    }

    /** Beside the plot when there is room, below it otherwise. */
    private void placeLegend() {
        int position = getSize().x < LEGEND_BESIDE_WIDTH ? SWT.BOTTOM : SWT.RIGHT;
        if (chart.getLegend().getPosition() != position) {
            chart.getLegend().setPosition(position);
            scheduleRefresh();
        }
    }

    /** The SWTChart chart underneath, for styling not covered here. */
    public Chart chart() {
        return chart;
    }

    /** Sets the title above the plot, wrapped into lines when the chart is narrower; null or empty hides it. */
    public void setTitle(String newTitle) {
        title = newTitle == null ? "" : newTitle;
        chart.getTitle().setVisible(!title.isEmpty());
        fitTitle();
        scheduleRefresh();
    }

    /** Breaks the title into lines at spaces so that each fits the chart's width. */
    private void fitTitle() {
        int width = getSize().x - 10;
        String text = title;
        if (width > 0 && !title.isEmpty()) {
            GC gc = new GC(chart);
            try {
                gc.setFont(chart.getTitle().getFont());
                StringBuilder lines = new StringBuilder();
                StringBuilder line = new StringBuilder();
                for (String word : title.split(" ")) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (!line.isEmpty() && gc.textExtent(candidate).x > width) {
                        lines.append(line).append('\n');
                        line.setLength(0);
                        line.append(word);
                    } else {
                        line.setLength(0);
                        line.append(candidate);
                    }
                }
                text = lines.append(line).toString();
            } finally {
                gc.dispose();
            }
        }
        if (!text.equals(chart.getTitle().getText())) {
            chart.getTitle().setText(text);
            scheduleRefresh();
        }
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
        view.secondaryTitleChanged();
        scheduleRefresh();
    }

    /**
     * Labels the x axis at exactly these values (those inside the range), e.g. the widths of a sweep
     * on a log axis; null returns to computed ticks.
     */
    public void setXTicks(double[] values) {
        axes.setFixedTicks(xAxis(), values);
        scheduleRefresh();
    }

    /** The values given to {@link #setXTicks(double[])}, or null. */
    public double[] xTicks() {
        return axes.fixedTicks(xAxis());
    }

    /**
     * Named numbers that belong with the chart (what a page reports beside it), written to the CSV
     * export after the series as rows {@code name,,value}; replaces the previous ones.
     */
    public void setScalars(Map<String, Double> values) {
        scalars.clear();
        if (values != null) {
            scalars.putAll(values);
        }
    }

    /** The named numbers of {@link #setScalars(Map)}, in their order. */
    public Map<String, Double> scalars() {
        return Collections.unmodifiableMap(scalars);
    }

    /** The labels on the x axis (or the primary y axis) as they are drawn now. */
    public List<String> tickLabels(boolean x) {
        return List.of(axes.shownTicks(x ? xAxis() : yAxis()).labels());
    }

    /** The values of the ticks on the x axis (or the primary y axis) as they are drawn now. */
    public double[] tickValues(boolean x) {
        return axes.shownTicks(x ? xAxis() : yAxis()).values();
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

    /**
     * Appends points to a band (e.g. mean &plusmn; sd over seeds of a live sweep); as cheap as
     * {@link #appendData(String, double[], double[])}.
     *
     * @throws IllegalArgumentException if there is no such band or the arrays differ in length
     */
    public void appendBand(String id, double[] x, double[] lower, double[] upper) {
        get(id).appendBand(x, lower, upper);
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
        xRange = ChartRanges.x(series.values(), logX, axes.fixedTicks(xAxis()) == null ? 0 : FIXED_TICKS_MARGIN);
        yRange = ChartRanges.y(series.values(), false, logY);
        y2Range = ChartRanges.y(series.values(), true, logY);
        view.show();
    }

    /** Pixel-column count of the plot area used for decimation. */
    int plotWidth() {
        return view.plotWidth();
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
        return title;
    }

    String xTitle() {
        return xAxis().getTitle().getText();
    }

    String yTitle() {
        return yAxis().getTitle().getText();
    }

    Range yRangeOf(IAxis axis) {
        return axis.getId() == 0 ? yRange : y2Range;
    }

    String secondaryTitle() {
        return secondaryTitle;
    }

    boolean legendVisible() {
        return chart.getLegend().isVisible();
    }

    private void put(SeriesData s) {
        if (s.id == null || s.id.isBlank() || !s.id.equals(s.id.trim())) {
            // SWTChart trims ids, so " a" and "a" would be one series there
            throw new IllegalArgumentException("Series id must be non-blank without surrounding spaces: '" + s.id + "'");
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

    IAxis xAxis() {
        return chart.getAxisSet().getXAxis(0);
    }

    IAxis yAxis() {
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
        Decimator.decimate(s.x.raw(), s.upper.raw(), n, s.sorted, xRange.lower, xRange.upper, width, logX, logY,
                s.upperExtremes, up);
        Decimator.decimate(s.x.raw(), s.y.raw(), n, s.sorted, xRange.lower, xRange.upper, width, logX, logY,
                s.yExtremes, low);
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
