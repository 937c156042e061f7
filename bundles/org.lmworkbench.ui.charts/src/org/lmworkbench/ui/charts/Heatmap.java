package org.lmworkbench.ui.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A matrix of values drawn as coloured cells (viridis, {@link ColourMaps#viridis(double)}), with row
 * labels on the left, column labels below (turned upright and shortened when they do not fit), a
 * colour bar with its minimum and maximum, grey cells for NaN, the value of the cell under the
 * mouse as tooltip ({@link #tooltipAt(int, int)}), and the values written in the cells when they
 * are large enough to hold them. Used for representation-similarity (CKA) matrices.
 */
public class Heatmap extends Canvas implements ExportableChart {

    private double[][] values = new double[0][0];
    private String[] rowLabels = new String[0];
    private String[] columnLabels = new String[0];
    private String title = "";
    private double fixedMin = Double.NaN;
    private double fixedMax = Double.NaN;
    private HeatmapLayout geometry;

    /** Creates an empty heatmap. */
    public Heatmap(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        addPaintListener(e -> paint(e.gc, getSize().x, getSize().y));
        addListener(SWT.Resize, e -> geometry = null);
        addListener(SWT.MouseMove, e -> {
            String tip = tooltipAt(e.x, e.y);
            if (tip == null ? getToolTipText() != null : !tip.equals(getToolTipText())) {
                setToolTipText(tip);
            }
        });
        addListener(SWT.MouseExit, e -> setToolTipText(null));
    }

    /**
     * Shows a matrix. Rows must all have the same length; labels may be null (then rows and columns are
     * numbered from 1) and otherwise must match the matrix size. The arrays are copied.
     *
     * @throws IllegalArgumentException naming the offending row or label array
     */
    public void setData(double[][] newValues, String[] newRowLabels, String[] newColumnLabels) {
        int rows = newValues == null ? 0 : newValues.length;
        int cols = rows == 0 ? 0 : newValues[0].length;
        double[][] copy = new double[rows][];
        for (int i = 0; i < rows; i++) {
            if (newValues[i] == null || newValues[i].length != cols) {
                throw new IllegalArgumentException("Heatmap row " + i + " has "
                        + (newValues[i] == null ? "no" : newValues[i].length) + " values, expected " + cols);
            }
            copy[i] = newValues[i].clone();
        }
        values = copy;
        rowLabels = labels(newRowLabels, rows, "row");
        columnLabels = labels(newColumnLabels, cols, "column");
        changed();
    }

    private static String[] labels(String[] given, int n, String what) {
        if (given == null) {
            String[] numbered = new String[n];
            for (int i = 0; i < n; i++) {
                numbered[i] = Integer.toString(i + 1);
            }
            return numbered;
        }
        if (given.length != n) {
            throw new IllegalArgumentException("Heatmap has " + n + " " + what + "s but " + given.length + " " + what
                    + " labels");
        }
        String[] copy = new String[n];
        for (int i = 0; i < n; i++) {
            copy[i] = given[i] == null ? "" : given[i];
        }
        return copy;
    }

    /** Sets the title drawn above the matrix; null or empty for none. */
    public void setTitle(String newTitle) {
        title = newTitle == null ? "" : newTitle;
        changed();
    }

    /**
     * Fixes the values mapped to the ends of the colour map (e.g. 0 and 1 for CKA) so pictures are
     * comparable; NaN for either restores fitting the range to the data.
     */
    public void setValueRange(double min, double max) {
        fixedMin = min;
        fixedMax = max;
        changed();
    }

    /** A copy of the matrix shown. */
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    /** The row labels shown (a copy). */
    public String[] rowLabels() {
        return rowLabels.clone();
    }

    /** The column labels shown (a copy). */
    public String[] columnLabels() {
        return columnLabels.clone();
    }

    /**
     * The tooltip for a point of the control, {@code "row / column: value"}, or null when the point
     * is not on a cell.
     */
    public String tooltipAt(int x, int y) {
        HeatmapLayout l = geometry();
        int[] cell = l.cellAt(x, y);
        if (cell == null) {
            return null;
        }
        return rowLabels[cell[0]] + " / " + columnLabels[cell[1]] + ": " + format(values[cell[0]][cell[1]], 4);
    }

    /** The centre of cell (row, column) in control coordinates, e.g. for tests and tooltips. */
    public Point cellCentre(int row, int column) {
        return geometry().centre(row, column);
    }

    /** The value mapped to the bottom of the colour map. */
    double minimum() {
        return Double.isNaN(fixedMin) || Double.isNaN(fixedMax) ? dataExtent()[0] : fixedMin;
    }

    /** The value mapped to the top of the colour map. */
    double maximum() {
        return Double.isNaN(fixedMin) || Double.isNaN(fixedMax) ? dataExtent()[1] : fixedMax;
    }

    private double[] dataExtent() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] { lo, hi } : new double[] { 0, 1 };
    }

    /** The colour of a value under the current range. */
    RGB colourOf(double v) {
        if (Double.isNaN(v)) {
            return ColourMaps.NAN_GREY;
        }
        double lo = minimum();
        double hi = maximum();
        return ColourMaps.viridis(hi > lo ? (v - lo) / (hi - lo) : 0.5);
    }

    static String format(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        double abs = Math.abs(v);
        if (abs != 0 && (abs >= 1e5 || abs < Math.pow(10, -decimals))) {
            return String.format(Locale.ROOT, "%." + Math.max(1, decimals - 2) + "e", v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    String title() {
        return title;
    }

    double[][] rawValues() {
        return values;
    }

    HeatmapLayout geometry() {
        Point size = getSize();
        if (geometry == null || geometry.width != size.x || geometry.height != size.y) {
            GC gc = new GC(this);
            try {
                geometry = new HeatmapLayout(this, new HeatmapLayout.GcMetrics(gc), size.x, size.y);
            } finally {
                gc.dispose();
            }
        }
        return geometry;
    }

    private void changed() {
        geometry = null;
        if (!isDisposed()) {
            redraw();
        }
    }

    private void paint(GC gc, int width, int height) {
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(0, 0, width, height);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        HeatmapLayout l = geometry();
        int fontHeight = gc.getFontMetrics().getHeight();
        if (!title.isEmpty()) {
            int w = gc.textExtent(title).x;
            gc.drawText(title, Math.max(2, (width - w) / 2), 4, true);
        }
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int[] r = l.cell(i, j);
                RGB rgb = colourOf(values[i][j]);
                gc.setBackground(new Color(rgb));
                gc.fillRectangle(r[0], r[1], r[2], r[3]);
                if (l.valuesInCells) {
                    String text = format(values[i][j], 2);
                    Point ext = gc.textExtent(text);
                    double luminance = 0.299 * rgb.red + 0.587 * rgb.green + 0.114 * rgb.blue;
                    gc.setForeground(getDisplay().getSystemColor(luminance > 140 ? SWT.COLOR_BLACK : SWT.COLOR_WHITE));
                    gc.drawText(text, r[0] + (r[2] - ext.x) / 2, r[1] + (r[3] - ext.y) / 2, true);
                }
            }
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        for (int i = 0; i < rows; i += l.rowLabelStride) {
            String text = l.rowText[i];
            Point ext = gc.textExtent(text);
            int[] r = l.cell(i, 0);
            gc.drawText(text, l.gridX - 4 - ext.x, r[1] + (r[3] - ext.y) / 2, true);
        }
        for (int j = 0; j < cols; j += l.columnLabelStride) {
            String text = l.columnText[j];
            Point ext = gc.textExtent(text);
            int[] r = l.cell(0, j);
            int cx = r[0] + r[2] / 2;
            if (l.rotated) {
                Transform t = new Transform(getDisplay());
                t.translate(cx - fontHeight / 2f, l.columnLabelTop + ext.x);
                t.rotate(-90);
                gc.setTransform(t);
                gc.drawText(text, 0, 0, true);
                gc.setTransform(null);
                t.dispose();
            } else {
                gc.drawText(text, cx - ext.x / 2, l.columnLabelTop, true);
            }
        }
        if (rows > 0 && cols > 0) {
            for (int y = 0; y < l.barHeight; y++) {
                double t = 1 - (double) y / Math.max(1, l.barHeight - 1);
                gc.setForeground(new Color(ColourMaps.viridis(t)));
                gc.drawLine(l.barX, l.barY + y, l.barX + HeatmapLayout.BAR_WIDTH - 1, l.barY + y);
            }
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
            gc.drawRectangle(l.barX, l.barY, HeatmapLayout.BAR_WIDTH - 1, l.barHeight - 1);
            int tickX = l.barX + HeatmapLayout.BAR_WIDTH;
            gc.drawLine(tickX, l.barY, tickX + 3, l.barY);
            gc.drawLine(tickX, l.barY + l.barHeight - 1, tickX + 3, l.barY + l.barHeight - 1);
            gc.drawText(format(maximum(), 2), tickX + 5, l.barY - fontHeight / 2, true);
            gc.drawText(format(minimum(), 2), tickX + 5, l.barY + l.barHeight - 1 - fontHeight / 2, true);
        }
    }

    @Override
    public void writePng(Path file) throws IOException {
        PngExport.write(this, file);
    }

    @Override
    public void writeSvg(Path file) throws IOException {
        SvgFile.write(file, HeatmapSvg.render(this));
    }

    @Override
    public void writeCsv(Path file) throws IOException {
        HeatmapSvg.writeCsv(this, file);
    }
}
