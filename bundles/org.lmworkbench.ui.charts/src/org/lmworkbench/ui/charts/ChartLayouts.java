package org.lmworkbench.ui.charts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;

/**
 * Grid layout data for charts in scrolled pages: a chart fills its cell and takes spare room, but
 * never gets less than {@link PlotChart#MIN_WIDTH} x {@link PlotChart#MIN_HEIGHT}, so a narrow
 * editor scrolls instead of squeezing the plot down to bare axes.
 */
public final class ChartLayouts {

    private ChartLayouts() {
    }

    /** For one chart, asking for {@code height} pixels when there is room. */
    public static GridData chart(int height) {
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.widthHint = PlotChart.MIN_WIDTH;
        data.heightHint = Math.max(height, PlotChart.MIN_HEIGHT);
        data.minimumWidth = PlotChart.MIN_WIDTH;
        data.minimumHeight = PlotChart.MIN_HEIGHT;
        return data;
    }

    /** For a {@link ChartArea}: its charts decide its size, never less than one chart's minimum. */
    public static GridData area() {
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.minimumWidth = PlotChart.MIN_WIDTH;
        data.minimumHeight = PlotChart.MIN_HEIGHT;
        return data;
    }
}
