package org.lmworkbench.ui.charts;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;

/**
 * Where the parts of a {@link Heatmap} go for a given size: the cell grid, row labels on its left,
 * column labels below it (upright when they are wider than a cell), the colour bar on the right.
 * Shared by painting, hit-testing for tooltips and the SVG export so that all three agree.
 */
final class HeatmapLayout {

    /** Text measurement, from a GC on screen or estimated for SVG. */
    interface Metrics {
        /** The width of a text in pixels. */
        int width(String text);

        /** The height of a line of text in pixels. */
        int height();
    }

    /** Measures with a GC. */
    static final class GcMetrics implements Metrics {
        private final GC gc;

        GcMetrics(GC gc) {
            this.gc = gc;
        }

        @Override
        public int width(String text) {
            return gc.textExtent(text).x;
        }

        @Override
        public int height() {
            return gc.getFontMetrics().getHeight();
        }
    }

    /** Estimates for an 11 px sans-serif font (SVG export). */
    static final class EstimatedMetrics implements Metrics {
        @Override
        public int width(String text) {
            return (int) Math.ceil(6.2 * text.length());
        }

        @Override
        public int height() {
            return 14;
        }
    }

    static final int BAR_WIDTH = 16;
    private static final int MAX_ROW_LABEL = 160;
    private static final int MAX_COLUMN_LABEL = 120;
    private static final int MARGIN = 8;

    final int width;
    final int height;
    final int rows;
    final int cols;
    final int gridX;
    final int gridY;
    final double cellWidth;
    final double cellHeight;
    final boolean rotated;
    final int columnLabelTop;
    final int barX;
    final int barY;
    final int barHeight;
    final boolean valuesInCells;
    final String[] rowText;
    final String[] columnText;
    final int rowLabelStride;
    final int columnLabelStride;

    HeatmapLayout(Heatmap map, Metrics m, int width, int height) {
        this.width = width;
        this.height = height;
        double[][] values = map.rawValues();
        rows = values.length;
        cols = rows == 0 ? 0 : values[0].length;
        int fh = m.height();
        rowText = fit(map.rowLabels(), m, MAX_ROW_LABEL);
        columnText = fit(map.columnLabels(), m, MAX_COLUMN_LABEL);
        int rowLabelWidth = 0;
        for (String s : rowText) {
            rowLabelWidth = Math.max(rowLabelWidth, m.width(s));
        }
        int columnLabelWidth = 0;
        for (String s : columnText) {
            columnLabelWidth = Math.max(columnLabelWidth, m.width(s));
        }
        int barLabels = Math.max(m.width(Heatmap.format(map.maximum(), 2)), m.width(Heatmap.format(map.minimum(), 2)));
        gridX = MARGIN + rowLabelWidth + 6;
        gridY = (map.title().isEmpty() ? MARGIN : MARGIN + fh + 6) + fh / 2;
        int gridRight = width - MARGIN - barLabels - 8 - BAR_WIDTH - 12;
        double provisionalCell = cols == 0 ? 0 : (gridRight - gridX) / (double) cols;
        rotated = columnLabelWidth + 4 > provisionalCell;
        int labelBand = (rotated ? columnLabelWidth : fh) + 8;
        int gridBottom = height - MARGIN - labelBand;
        cellWidth = cols == 0 ? 0 : Math.max(0, (gridRight - gridX) / (double) cols);
        cellHeight = rows == 0 ? 0 : Math.max(0, (gridBottom - gridY) / (double) rows);
        columnLabelTop = gridBottom + 4;
        barX = gridRight + 12;
        barY = gridY;
        barHeight = Math.max(0, gridBottom - gridY);
        valuesInCells = cellWidth >= m.width("-0.00") + 6 && cellHeight >= fh + 2;
        rowLabelStride = stride(cellHeight, fh);
        columnLabelStride = stride(cellWidth, rotated ? fh : columnLabelWidth + 4);
    }

    /** Label every k-th row/column so that labels never overlap. */
    private static int stride(double cell, int needed) {
        return cell <= 0 ? 1 : Math.max(1, (int) Math.ceil(needed / cell));
    }

    /** Shortens labels wider than {@code max} pixels with an ellipsis. */
    private static String[] fit(String[] labels, Metrics m, int max) {
        String[] out = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            String s = labels[i];
            if (m.width(s) > max) {
                int keep = s.length();
                while (keep > 1 && m.width(s.substring(0, keep) + "\u2026") > max) {
                    keep--;
                }
                s = s.substring(0, keep) + "\u2026";
            }
            out[i] = s;
        }
        return out;
    }

    /** The pixel rectangle {x, y, width, height} of a cell; neighbours share edges without gaps. */
    int[] cell(int row, int column) {
        int x0 = gridX + (int) Math.round(column * cellWidth);
        int x1 = gridX + (int) Math.round((column + 1) * cellWidth);
        int y0 = gridY + (int) Math.round(row * cellHeight);
        int y1 = gridY + (int) Math.round((row + 1) * cellHeight);
        return new int[] { x0, y0, x1 - x0, y1 - y0 };
    }

    Point centre(int row, int column) {
        int[] r = cell(row, column);
        return new Point(r[0] + r[2] / 2, r[1] + r[3] / 2);
    }

    /** The {row, column} under a point, or null. */
    int[] cellAt(int x, int y) {
        if (rows == 0 || cols == 0 || cellWidth <= 0 || cellHeight <= 0) {
            return null;
        }
        int column = (int) Math.floor((x - gridX) / cellWidth);
        int row = (int) Math.floor((y - gridY) / cellHeight);
        if (x < gridX || y < gridY || row >= rows || column >= cols) {
            return null;
        }
        return new int[] { row, column };
    }
}
