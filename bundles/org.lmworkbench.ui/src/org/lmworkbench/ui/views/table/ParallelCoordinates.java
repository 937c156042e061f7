package org.lmworkbench.ui.views.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.lmworkbench.core.run.AtomicFiles;
import org.lmworkbench.ui.charts.ColourMaps;
import org.lmworkbench.ui.charts.ExportableChart;
import org.lmworkbench.workspace.runs.LossFormat;
import org.lmworkbench.workspace.runs.SpecKeys;
import org.lmworkbench.workspace.runs.table.ParallelAxes;
import org.lmworkbench.workspace.runs.table.ParallelAxes.Axis;
import org.lmworkbench.workspace.runs.table.ParallelAxes.Polyline;
import org.lmworkbench.workspace.runs.table.RunSummary;

/**
 * A parallel-coordinates chart drawn with SWT: one vertical axis per spec key that varies and one
 * for the chosen metric, each run a polyline through its values coloured by the metric (viridis,
 * low to high; grey without a value). Selected runs are drawn on top, thicker; a click on a line
 * selects its run. Exports as PNG, SVG and CSV.
 */
final class ParallelCoordinates extends Canvas implements ExportableChart {

    /** The least width the chart is drawn at (a narrower view scrolls it). */
    static final int MIN_WIDTH = 480;
    /** The least height the chart is drawn at: axes long enough for three tick labels and categories. */
    static final int MIN_HEIGHT = 260;

    private static final int MARGIN_X = 70;
    private static final int MARGIN_TOP = 42;
    private static final int MARGIN_BOTTOM = 28;
    private static final int PICK_DISTANCE = 5;

    private ParallelAxes axes = new ParallelAxes(List.of(), List.of());
    private Set<Path> selected = new HashSet<>();
    private final Consumer<RunSummary> onPick;

    /** @param onPick receives the run whose line was clicked */
    ParallelCoordinates(Composite parent, Consumer<RunSummary> onPick) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        this.onPick = onPick;
        addListener(SWT.Paint, e -> paint(e.gc, getClientArea()));
        addListener(SWT.Resize, e -> redraw());
        addListener(SWT.MouseDown, this::pick);
    }

    /** Shows these axes and lines. */
    void setAxes(ParallelAxes newAxes) {
        axes = newAxes;
        redraw();
    }

    /** The axes and lines shown. */
    ParallelAxes axes() {
        return axes;
    }

    /** Draws these runs on top. */
    void setSelected(Set<Path> folders) {
        selected = new HashSet<>(folders);
        redraw();
    }

    private int axisX(int i, Rectangle area) {
        int n = axes.axes().size();
        return n <= 1 ? area.x + area.width / 2 : area.x + MARGIN_X + i * (area.width - 2 * MARGIN_X) / (n - 1);
    }

    private int y(double position, Rectangle area) {
        int top = area.y + MARGIN_TOP;
        int height = Math.max(1, area.height - MARGIN_TOP - MARGIN_BOTTOM);
        return top + (int) Math.round((1 - position) * height);
    }

    private void paint(GC gc, Rectangle area) {
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        gc.setAntialias(SWT.ON);
        if (axes.axes().isEmpty() || axes.lines().isEmpty()) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
            gc.drawText(Messages.ParallelCoordinates_empty, area.x + 10, area.y + 10, true);
            return;
        }
        gc.setLineWidth(1);
        gc.setAlpha(150);
        for (Polyline line : axes.lines()) {
            if (!selected.contains(line.run().folder())) {
                drawLine(gc, line, area);
            }
        }
        gc.setAlpha(255);
        gc.setLineWidth(3);
        for (Polyline line : axes.lines()) {
            if (selected.contains(line.run().folder())) {
                drawLine(gc, line, area);
            }
        }
        gc.setLineWidth(1);
        drawAxes(gc, area);
    }

    private void drawLine(GC gc, Polyline line, Rectangle area) {
        Color colour = new Color(colour(line));
        try {
            gc.setForeground(colour);
            double[] p = line.positions();
            for (int i = 0; i + 1 < p.length; i++) {
                if (!Double.isNaN(p[i]) && !Double.isNaN(p[i + 1])) {
                    gc.drawLine(axisX(i, area), y(p[i], area), axisX(i + 1, area), y(p[i + 1], area));
                }
            }
        } finally {
            colour.dispose();
        }
    }

    private static RGB colour(Polyline line) {
        return Double.isNaN(line.colour()) ? ColourMaps.NAN_GREY : ColourMaps.viridis(line.colour());
    }

    private void drawAxes(GC gc, Rectangle area) {
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        List<Axis> list = axes.axes();
        int slot = list.size() <= 1 ? area.width : Math.max(40, (area.width - 2 * MARGIN_X) / (list.size() - 1));
        for (int i = 0; i < list.size(); i++) {
            Axis axis = list.get(i);
            int x = axisX(i, area);
            gc.drawLine(x, y(1, area), x, y(0, area));
            String title = fit(gc, axis.title() + (axis.log() ? " (log)" : ""), slot - 6);
            Point size = gc.textExtent(title);
            gc.drawText(title, x - size.x / 2, area.y + 6, true);
            int lastLabel = Integer.MAX_VALUE; // labels go bottom to top; one that would overlap is left out
            if (axis.categorical()) {
                for (String category : axis.categories()) {
                    lastLabel = tick(gc, x, y(axis.position(category), area), fit(gc, category, MARGIN_X - 10),
                            lastLabel);
                }
            } else if (!axis.ticks().isEmpty()) {
                for (double value : axis.ticks()) {
                    lastLabel = tick(gc, x, y(axis.position(value), area), number(value), lastLabel);
                }
            } else {
                for (double position : new double[] {0, 0.5, 1}) {
                    lastLabel = tick(gc, x, y(position, area), number(axis.valueAt(position)), lastLabel);
                }
            }
        }
    }

    /** Draws a tick and, unless it would overlap the label below, its label; the top of the last label. */
    private static int tick(GC gc, int x, int y, String label, int lastLabel) {
        gc.drawLine(x - 3, y, x + 3, y);
        Point size = gc.textExtent(label);
        int top = y - size.y / 2;
        if (top + size.y > lastLabel) {
            return lastLabel;
        }
        gc.drawText(label, x - 5 - size.x, top, true);
        return top;
    }

    private static String number(double value) {
        return LossFormat.format(value);
    }

    private static String fit(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width || text.length() < 4) {
            return text;
        }
        String cut = text;
        while (cut.length() > 3 && gc.textExtent(cut + "\u2026").x > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "\u2026";
    }

    /** Selects the run whose line passes nearest the click, if one passes within a few pixels. */
    private void pick(Event event) {
        Rectangle area = getClientArea();
        RunSummary best = null;
        double bestDistance = PICK_DISTANCE;
        for (Polyline line : axes.lines()) {
            double[] p = line.positions();
            for (int i = 0; i + 1 < p.length; i++) {
                if (Double.isNaN(p[i]) || Double.isNaN(p[i + 1])) {
                    continue;
                }
                double d = distance(event.x, event.y, axisX(i, area), y(p[i], area), axisX(i + 1, area), y(p[i + 1], area));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = line.run();
                }
            }
        }
        if (best != null) {
            onPick.accept(best);
        }
    }

    private static double distance(double px, double py, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double t = dx == 0 && dy == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
    }

    @Override
    public void writePng(Path file) throws IOException {
        Rectangle size = getClientArea();
        Image image = new Image(getDisplay(), Math.max(1, size.width), Math.max(1, size.height));
        GC gc = new GC(image);
        try {
            paint(gc, new Rectangle(0, 0, size.width, size.height));
        } finally {
            gc.dispose();
        }
        try {
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            loader.save(png, SWT.IMAGE_PNG);
            AtomicFiles.write(file, png.toByteArray());
        } finally {
            image.dispose();
        }
    }

    /** The runs as rows: run id, then its value on each axis (as the table writes it). */
    @Override
    public void writeCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("run");
        axes.axes().forEach(a -> csv.append(',').append(quote(a.title())));
        csv.append('\n');
        for (Polyline line : axes.lines()) {
            csv.append(quote(line.run().id()));
            double[] p = line.positions();
            for (int i = 0; i < p.length; i++) {
                Axis axis = axes.axes().get(i);
                String value = Double.isNaN(p[i]) ? "" : axis.categorical() ? category(axis, p[i])
                        : SpecKeys.format(axis.valueAt(p[i]));
                csv.append(',').append(quote(value));
            }
            csv.append('\n');
        }
        write(file, csv.toString());
    }

    private static String category(Axis axis, double position) {
        int n = axis.categories().size();
        return axis.categories().get(n == 1 ? 0 : (int) Math.round(position * (n - 1)));
    }

    /** The same chart as vectors: axes, lines and labels. */
    @Override
    public void writeSvg(Path file) throws IOException {
        Rectangle size = getClientArea();
        Rectangle area = new Rectangle(0, 0, Math.max(400, size.width), Math.max(300, size.height));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                area.width, area.height));
        for (Polyline line : axes.lines()) {
            RGB c = colour(line);
            StringBuilder points = new StringBuilder();
            double[] p = line.positions();
            for (int i = 0; i < p.length; i++) {
                if (!Double.isNaN(p[i])) {
                    points.append(axisX(i, area)).append(',').append(y(p[i], area)).append(' ');
                }
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"#%02x%02x%02x\" stroke-opacity=\"0.6\" "
                    + "points=\"%s\"><title>%s</title></polyline>%n", c.red, c.green, c.blue, points.toString().strip(),
                    xml(line.run().id())));
        }
        for (int i = 0; i < axes.axes().size(); i++) {
            Axis axis = axes.axes().get(i);
            int x = axisX(i, area);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", x,
                    y(1, area), x, y(0, area)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    area.y + 18, xml(axis.title())));
            if (!axis.categorical()) {
                for (double position : new double[] {0, 0.5, 1}) {
                    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                            x - 5, y(position, area) + 4, xml(number(axis.valueAt(position)))));
                }
            } else {
                for (String category : axis.categories()) {
                    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                            x - 5, y(axis.position(category), area) + 4, xml(category)));
                }
            }
        }
        svg.append("</svg>\n");
        write(file, svg.toString());
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
