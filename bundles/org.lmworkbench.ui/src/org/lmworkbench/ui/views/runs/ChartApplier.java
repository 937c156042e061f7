package org.lmworkbench.ui.views.runs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lmworkbench.ui.charts.Palette;
import org.lmworkbench.ui.charts.PlotChart;
import org.lmworkbench.workspace.runs.ChartUpdate.ChartOp;
import org.lmworkbench.workspace.runs.ChartUpdate;

/**
 * Applies a planned {@link ChartUpdate} to a {@link PlotChart} on the UI thread. All the work of
 * reading, grouping and diffing was done by the poller; this only hands arrays to the chart, so the
 * time spent on the UI thread grows with the new points, not with the length of the run.
 */
public final class ChartApplier {

    private final PlotChart chart;
    private final Map<String, String> legend = new LinkedHashMap<>();

    /** Draws into {@code chart}. */
    public ChartApplier(PlotChart chart) {
        this.chart = chart;
    }

    /**
     * Applies the changes and fits the axes to the data; a no-op on a disposed chart. The y axis is
     * titled with the metric.
     *
     * @param xTitle title of the x axis
     * @return true if the chart changed
     */
    public boolean apply(ChartUpdate update, String xTitle) {
        return apply(update, xTitle, update.metric());
    }

    /**
     * Applies the changes and fits the axes to the data; a no-op on a disposed chart.
     *
     * @param xTitle title of the x axis
     * @param yTitle title of the y axis, or null for none
     * @return true if the chart changed
     */
    public boolean apply(ChartUpdate update, String xTitle, String yTitle) {
        if (chart.isDisposed() || update.isEmpty()) {
            return false;
        }
        if (update.clear()) {
            chart.clear();
            legend.clear();
        }
        for (ChartOp op : update.ops()) {
            switch (op) {
                case ChartOp.Add add -> {
                    chart.addLine(add.line().id(), add.line().label(), add.line().x(), add.line().y(),
                            Palette.colour(add.colour()));
                    legend.put(add.line().id(), add.line().label());
                }
                case ChartOp.Append append -> chart.appendData(append.id(), append.x(), append.y());
                case ChartOp.Band band -> chart.addBand(band.id(), band.x(), band.lower(), band.upper(),
                        Palette.colour(band.colour()));
                case ChartOp.BandAppend band -> chart.appendBand(band.id(), band.x(), band.lower(), band.upper());
                case ChartOp.Points points -> chart.addPoints(points.id(), "", points.x(), points.y(),
                        Palette.colour(points.colour()));
                case ChartOp.Remove remove -> {
                    chart.removeSeries(remove.id());
                    legend.remove(remove.id());
                }
            }
        }
        chart.setAxisTitles(xTitle, yTitle == null ? "" : yTitle);
        chart.refresh();
        return true;
    }

    /** Legend text of each line shown, by series id, in the order the lines were added. */
    public Map<String, String> legend() {
        return new LinkedHashMap<>(legend);
    }
}
