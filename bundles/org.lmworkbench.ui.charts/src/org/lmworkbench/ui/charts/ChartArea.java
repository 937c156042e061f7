package org.lmworkbench.ui.charts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Layout;

/**
 * The charts of one page, created with this area as their parent: side by side while each keeps
 * at least its minimum width, one under the other when the page is narrower (the area then asks for
 * more height, and a scrolled page scrolls instead of squeezing them). It exports as one picture:
 * a PNG of the whole area, an SVG with every chart in its place and a CSV of every chart's data with
 * a leading {@code chart} column (the chart's title, or its number).
 */
public class ChartArea extends Composite implements ExportableChart {

    private static final int SPACING = 8;

    private final int minChartWidth;
    private final int chartHeight;

    /**
     * @param minChartWidth the narrowest a chart may be before the area stacks its charts
     * @param chartHeight   the height of a row of charts when the area is not given more
     */
    public ChartArea(Composite parent, int style, int minChartWidth, int chartHeight) {
        super(parent, style);
        this.minChartWidth = minChartWidth;
        this.chartHeight = chartHeight;
        setLayout(new ReflowLayout());
        setBackground(parent.getBackground());
    }

    /** The visible charts, in the order they were created. */
    public List<Control> charts() {
        List<Control> out = new ArrayList<>();
        for (Control c : getChildren()) {
            if (c instanceof ExportableChart && c.getVisible()) {
                out.add(c);
            }
        }
        return out;
    }

    /** How many charts stand side by side in a row of the given width. */
    int columns(int width) {
        int n = charts().size();
        if (n == 0) {
            return 1;
        }
        return Math.max(1, Math.min(n, (width + SPACING) / (minChartWidth + SPACING)));
    }

    @Override
    public void writePng(Path file) throws IOException {
        PngExport.write(this, file);
    }

    @Override
    public void writeSvg(Path file) throws IOException {
        Point size = getSize();
        StringBuilder svg = new StringBuilder(SvgFile.header(Math.max(1, size.x), Math.max(1, size.y)));
        int n = 0;
        for (Control c : charts()) {
            Rectangle b = c.getBounds();
            String inner = c instanceof PlotChart plot ? PlotSvg.render(plot, "plot" + n)
                    : c instanceof Heatmap map ? HeatmapSvg.render(map) : null;
            n++;
            if (inner == null) {
                continue;
            }
            // each chart's own document becomes a nested <svg> placed where the chart is on screen
            inner = inner.substring(inner.indexOf("<svg"));
            svg.append("<svg x=\"").append(b.x).append("\" y=\"").append(b.y).append("\"")
                    .append(inner.substring("<svg".length()));
        }
        svg.append("</svg>\n");
        SvgFile.write(file, svg.toString());
    }

    @Override
    public void writeCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("chart,series,x,y\n");
            int n = 0;
            for (Control c : charts()) {
                n++;
                if (c instanceof PlotChart plot) {
                    String name = plot.title().isEmpty() ? Integer.toString(n) : plot.title();
                    PlotCsv.write(plot, out, PlotCsv.field(name) + ",");
                }
            }
        }
    }

    /** Rows of charts, as many per row as fit at their minimum width. */
    private final class ReflowLayout extends Layout {

        /**
         * Without a width, one chart wide (a scrolled page takes its minimum width from this, and
         * the charts should not force it wider); with one, as many rows as that width needs.
         */
        @Override
        protected Point computeSize(Composite composite, int wHint, int hHint, boolean flushCache) {
            int n = charts().size();
            int columns = wHint == SWT.DEFAULT ? 1 : columns(wHint);
            int rows = n == 0 ? 0 : (n + columns - 1) / columns;
            int width = columns * minChartWidth + (columns - 1) * SPACING;
            int height = rows * chartHeight + Math.max(0, rows - 1) * SPACING;
            return new Point(wHint == SWT.DEFAULT ? width : Math.max(wHint, width),
                    hHint == SWT.DEFAULT ? height : Math.max(hHint, height));
        }

        @Override
        protected void layout(Composite composite, boolean flushCache) {
            Rectangle area = composite.getClientArea();
            List<Control> charts = charts();
            if (charts.isEmpty()) {
                return;
            }
            int columns = columns(area.width);
            int rows = (charts.size() + columns - 1) / columns;
            int cellWidth = (area.width - (columns - 1) * SPACING) / columns;
            int cellHeight = Math.max(1, (area.height - (rows - 1) * SPACING) / rows);
            for (int i = 0; i < charts.size(); i++) {
                int row = i / columns;
                int column = i % columns;
                charts.get(i).setBounds(area.x + column * (cellWidth + SPACING), area.y + row * (cellHeight + SPACING),
                        cellWidth, cellHeight);
            }
        }
    }
}
