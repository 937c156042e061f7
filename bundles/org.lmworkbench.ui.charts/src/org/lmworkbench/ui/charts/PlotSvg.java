package org.lmworkbench.ui.charts;

import static org.lmworkbench.ui.charts.SvgFile.colour;
import static org.lmworkbench.ui.charts.SvgFile.escape;
import static org.lmworkbench.ui.charts.SvgFile.num;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swtchart.Range;

/**
 * Draws a {@link PlotChart} as SVG from its data model (not from pixels): frame, ticks, grid and
 * axis titles, one {@code <polyline>} per line series (decimated to the plot width, like the
 * screen), markers as circles, bands as translucent polygons, threshold lines dashed, and the
 * legend. Each series element carries its id in a {@code data-series} attribute.
 */
final class PlotSvg {

    private static final int DEFAULT_WIDTH = 800;
    private static final int DEFAULT_HEIGHT = 500;
    private static final int LEFT = 70;
    private static final int BOTTOM = 48;
    private static final int LEGEND_ROW = 16;

    private final PlotChart chart;
    private final StringBuilder svg = new StringBuilder(1 << 16);
    private final int width;
    private final int height;
    private final int left;
    private final int top;
    private final int right;
    private final int bottom;
    private final int legendWidth;
    private final List<SeriesData> legend = new ArrayList<>();

    private final String clipId;

    private PlotSvg(PlotChart chart, String clipId) {
        this.chart = chart;
        this.clipId = clipId;
        Point size = chart.getSize();
        width = size.x > 100 ? size.x : DEFAULT_WIDTH;
        height = size.y > 100 ? size.y : DEFAULT_HEIGHT;
        boolean secondary = false;
        int longest = 0;
        for (SeriesData s : chart.data()) {
            secondary |= s.secondary;
            if (!s.label.isEmpty() && s.kind != SeriesData.Kind.BAND) {
                legend.add(s);
                longest = Math.max(longest, s.label.length());
            }
        }
        legendWidth = chart.legendVisible() && !legend.isEmpty() ? Math.min(260, 34 + 7 * longest) : 0;
        left = LEFT;
        top = chart.title().isEmpty() ? 16 : 36;
        right = width - (secondary ? 70 : 20) - legendWidth;
        bottom = height - BOTTOM;
    }

    static String render(PlotChart chart) {
        return render(chart, "plot");
    }

    /** The SVG of a chart whose clip path has the given id (unique when charts share a document). */
    static String render(PlotChart chart, String clipId) {
        return new PlotSvg(chart, clipId).draw();
    }

    private String draw() {
        svg.append(SvgFile.header(width, height));
        svg.append("<defs><clipPath id=\"").append(clipId).append("\"><rect x=\"").append(left).append("\" y=\"").append(top)
                .append("\" width=\"").append(right - left).append("\" height=\"").append(bottom - top)
                .append("\"/></clipPath></defs>\n");
        if (!chart.title().isEmpty()) {
            text((left + right) / 2.0, 22, "middle", "font-size=\"14\"", chart.title());
        }
        xAxis();
        yAxis(false);
        if (hasSecondary()) {
            yAxis(true);
        }
        svg.append("<g clip-path=\"url(#").append(clipId).append(")\">\n");
        for (SeriesData s : chart.data()) {
            if (s.kind == SeriesData.Kind.BAND) {
                band(s);
            }
        }
        for (SeriesData s : chart.data()) {
            switch (s.kind) {
            case LINE -> line(s);
            case POINTS -> points(s);
            case HORIZONTAL, VERTICAL -> threshold(s);
            default -> {
            }
            }
        }
        svg.append("</g>\n");
        svg.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(right - left)
                .append("\" height=\"").append(bottom - top).append("\" fill=\"none\" stroke=\"#000000\"/>\n");
        if (legendWidth > 0) {
            legend();
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private boolean hasSecondary() {
        for (SeriesData s : chart.data()) {
            if (s.secondary) {
                return true;
            }
        }
        return false;
    }

    double px(double x) {
        return map(x, chart.xRange(), chart.isLogX(), left, right);
    }

    double py(double y, boolean secondary) {
        return map(y, chart.yRange(secondary), chart.isLogY(), bottom, top);
    }

    private static double map(double v, Range r, boolean log, double from, double to) {
        double a = Decimator.scaled(r.lower, log);
        double b = Decimator.scaled(r.upper, log);
        return from + (Decimator.scaled(v, log) - a) / (b - a) * (to - from);
    }

    private void xAxis() {
        Range r = chart.xRange();
        Ticks.TickSet ticks = ticks(r, chart.isLogX(), chart.xTicks(), right - left, true);
        for (int i = 0; i < ticks.size(); i++) {
            double t = ticks.values()[i];
            double x = px(t);
            svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(top).append("\" x2=\"").append(num(x))
                    .append("\" y2=\"").append(bottom).append("\" stroke=\"#e0e0e0\"/>\n");
            svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(bottom).append("\" x2=\"")
                    .append(num(x)).append("\" y2=\"").append(bottom + 5).append("\" stroke=\"#000000\"/>\n");
            text(x, bottom + 18, "middle", "", ticks.labels()[i]);
        }
        text((left + right) / 2.0, height - 8, "middle", "font-size=\"12\"", chart.xTitle());
    }

    private void yAxis(boolean secondary) {
        Range r = chart.yRange(secondary);
        Ticks.TickSet ticks = ticks(r, chart.isLogY(), null, bottom - top, false);
        int axisX = secondary ? right : left;
        int dir = secondary ? 1 : -1;
        for (int i = 0; i < ticks.size(); i++) {
            double t = ticks.values()[i];
            double y = py(t, secondary);
            if (!secondary) {
                svg.append("<line x1=\"").append(left).append("\" y1=\"").append(num(y)).append("\" x2=\"")
                        .append(right).append("\" y2=\"").append(num(y)).append("\" stroke=\"#e0e0e0\"/>\n");
            }
            svg.append("<line x1=\"").append(axisX).append("\" y1=\"").append(num(y)).append("\" x2=\"")
                    .append(axisX + 5 * dir).append("\" y2=\"").append(num(y)).append("\" stroke=\"#000000\"/>\n");
            text(axisX + 8 * dir, y + 4, secondary ? "start" : "end", "", ticks.labels()[i]);
        }
        String title = secondary ? chart.secondaryTitle() : chart.yTitle();
        double tx = secondary ? right + 60 : 16;
        double ty = (top + bottom) / 2.0;
        text(tx, ty, "middle", "font-size=\"12\" transform=\"rotate(-90 " + num(tx) + " " + num(ty) + ")\"", title);
    }

    /**
     * The same ticks as on screen ({@link Ticks}), as many as fit along {@code length} with labels
     * measured at about 6.5 px per character of the 11 px font.
     */
    private static Ticks.TickSet ticks(Range r, boolean log, double[] fixed, int length, boolean horizontal) {
        int max = Math.max(2, length / (horizontal ? 45 : 22));
        Ticks.TickSet ticks = Ticks.of(r.lower, r.upper, log, max, fixed);
        while (max > 2 && crowded(ticks, r, log, length, horizontal)) {
            max = Math.min(max - 1, ticks.size() - 1);
            ticks = Ticks.of(r.lower, r.upper, log, max, fixed);
        }
        return ticks;
    }

    private static boolean crowded(Ticks.TickSet ticks, Range r, boolean log, int length, boolean horizontal) {
        double a = Decimator.scaled(r.lower, log);
        double b = Decimator.scaled(r.upper, log);
        for (int i = 1; i < ticks.size(); i++) {
            double gap = (Decimator.scaled(ticks.values()[i], log) - Decimator.scaled(ticks.values()[i - 1], log))
                    / (b - a) * length;
            double need = horizontal ? 6.5 * (ticks.labels()[i].length() + ticks.labels()[i - 1].length()) / 2 + 10
                    : 16;
            if (gap < need) {
                return true;
            }
        }
        return false;
    }

    private void band(SeriesData s) {
        int[] polygon = chart.bandPolygon(s, right - left, this::px, v -> py(v, false));
        if (polygon.length < 6) {
            return;
        }
        svg.append("<polygon data-series=\"").append(escape(s.id)).append("\" fill=\"").append(colour(s.colour))
                .append("\" fill-opacity=\"0.25\" stroke=\"none\" points=\"");
        for (int i = 0; i < polygon.length; i += 2) {
            svg.append(polygon[i]).append(',').append(polygon[i + 1]).append(' ');
        }
        svg.append("\"/>\n");
    }

    private IntList decimated(SeriesData s) {
        IntList kept = new IntList();
        Range r = chart.xRange();
        Decimator.decimate(s.x.raw(), s.y.raw(), s.x.size(), s.sorted, r.lower, r.upper, right - left,
                chart.isLogX(), chart.isLogY(), s.yExtremes, kept);
        return kept;
    }

    private void line(SeriesData s) {
        IntList kept = decimated(s);
        svg.append("<polyline data-series=\"").append(escape(s.id)).append("\" fill=\"none\" stroke=\"")
                .append(colour(s.colour)).append("\" stroke-width=\"1.5\" stroke-linejoin=\"round\" points=\"");
        for (int i = 0; i < kept.size(); i++) {
            int k = kept.get(i);
            svg.append(num(px(s.x.get(k)))).append(',').append(num(py(s.y.get(k), s.secondary))).append(' ');
        }
        svg.append("\"/>\n");
    }

    private void points(SeriesData s) {
        IntList kept = decimated(s);
        svg.append("<g data-series=\"").append(escape(s.id)).append("\" fill=\"").append(colour(s.colour))
                .append("\">\n");
        for (int i = 0; i < kept.size(); i++) {
            int k = kept.get(i);
            svg.append("<circle cx=\"").append(num(px(s.x.get(k)))).append("\" cy=\"")
                    .append(num(py(s.y.get(k), s.secondary))).append("\" r=\"2.5\"/>\n");
        }
        svg.append("</g>\n");
    }

    private void threshold(SeriesData s) {
        boolean horizontal = s.kind == SeriesData.Kind.HORIZONTAL;
        boolean log = horizontal ? chart.isLogY() : chart.isLogX();
        if (!Double.isFinite(s.value) || (log && s.value <= 0)) {
            return;
        }
        double x1 = horizontal ? left : px(s.value);
        double x2 = horizontal ? right : x1;
        double y1 = horizontal ? py(s.value, false) : top;
        double y2 = horizontal ? y1 : bottom;
        svg.append("<line data-series=\"").append(escape(s.id)).append("\" x1=\"").append(num(x1)).append("\" y1=\"")
                .append(num(y1)).append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2))
                .append("\" stroke=\"").append(colour(s.colour)).append("\" stroke-dasharray=\"6 4\"/>\n");
    }

    private void legend() {
        int x = width - legendWidth + 4;
        int y = top;
        svg.append("<g class=\"legend\">\n");
        for (SeriesData s : legend) {
            y += LEGEND_ROW;
            String c = colour(s.colour);
            switch (s.kind) {
            case POINTS -> svg.append("<circle cx=\"").append(x + 10).append("\" cy=\"").append(y - 4)
                    .append("\" r=\"3\" fill=\"").append(c).append("\"/>\n");
            case HORIZONTAL, VERTICAL -> svg.append("<line x1=\"").append(x).append("\" y1=\"").append(y - 4)
                    .append("\" x2=\"").append(x + 20).append("\" y2=\"").append(y - 4).append("\" stroke=\"")
                    .append(c).append("\" stroke-dasharray=\"6 4\"/>\n");
            default -> svg.append("<line x1=\"").append(x).append("\" y1=\"").append(y - 4).append("\" x2=\"")
                    .append(x + 20).append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(c)
                    .append("\" stroke-width=\"2\"/>\n");
            }
            text(x + 26, y, "start", "", s.label);
        }
        svg.append("</g>\n");
    }

    private void text(double x, double y, String anchor, String extra, String content) {
        if (content == null || content.isEmpty()) {
            return;
        }
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(anchor).append('"');
        if (!extra.isEmpty()) {
            svg.append(' ').append(extra);
        }
        svg.append('>').append(escape(content)).append("</text>\n");
    }
}
