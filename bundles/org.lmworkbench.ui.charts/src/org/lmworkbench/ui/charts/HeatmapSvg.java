package org.lmworkbench.ui.charts;

import static org.lmworkbench.ui.charts.SvgFile.colour;
import static org.lmworkbench.ui.charts.SvgFile.escape;
import static org.lmworkbench.ui.charts.SvgFile.num;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.graphics.Point;

/**
 * Writes a {@link Heatmap} as SVG (one {@code <rect>} per cell with its tooltip as {@code <title>},
 * labels, colour bar as a gradient with its minimum and maximum) and as a CSV matrix (header row of
 * column labels, each row led by its label).
 */
final class HeatmapSvg {

    private HeatmapSvg() {
    }

    static String render(Heatmap map) {
        Point size = map.getSize();
        int width = size.x > 100 ? size.x : 700;
        int height = size.y > 100 ? size.y : 600;
        HeatmapLayout l = new HeatmapLayout(map, new HeatmapLayout.EstimatedMetrics(), width, height);
        double[][] values = map.rawValues();
        String[] rowLabels = map.rowLabels();
        String[] columnLabels = map.columnLabels();
        StringBuilder svg = new StringBuilder(SvgFile.header(width, height));
        if (!map.title().isEmpty()) {
            svg.append("<text x=\"").append(width / 2).append("\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">")
                    .append(escape(map.title())).append("</text>\n");
        }
        svg.append("<g class=\"cells\">\n");
        for (int i = 0; i < l.rows; i++) {
            for (int j = 0; j < l.cols; j++) {
                int[] r = l.cell(i, j);
                svg.append("<rect x=\"").append(r[0]).append("\" y=\"").append(r[1]).append("\" width=\"").append(r[2])
                        .append("\" height=\"").append(r[3]).append("\" fill=\"").append(colour(map.colourOf(values[i][j])))
                        .append("\"><title>").append(escape(rowLabels[i] + " / " + columnLabels[j] + ": "
                                + Heatmap.format(values[i][j], 4)))
                        .append("</title></rect>\n");
                if (l.valuesInCells) {
                    Point c = l.centre(i, j);
                    svg.append("<text x=\"").append(c.x).append("\" y=\"").append(c.y + 4)
                            .append("\" text-anchor=\"middle\" font-size=\"10\">")
                            .append(escape(Heatmap.format(values[i][j], 2))).append("</text>\n");
                }
            }
        }
        svg.append("</g>\n");
        for (int i = 0; i < l.rows; i += l.rowLabelStride) {
            Point c = l.centre(i, 0);
            svg.append("<text class=\"row-label\" x=\"").append(l.gridX - 4).append("\" y=\"").append(c.y + 4)
                    .append("\" text-anchor=\"end\">").append(escape(l.rowText[i])).append("</text>\n");
        }
        for (int j = 0; j < l.cols; j += l.columnLabelStride) {
            Point c = l.centre(0, j);
            svg.append("<text class=\"column-label\" ");
            if (l.rotated) {
                double x = c.x + 4;
                double y = l.columnLabelTop;
                svg.append("x=\"").append(num(x)).append("\" y=\"").append(num(y))
                        .append("\" text-anchor=\"end\" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y))
                        .append(")\">");
            } else {
                svg.append("x=\"").append(c.x).append("\" y=\"").append(l.columnLabelTop + 12)
                        .append("\" text-anchor=\"middle\">");
            }
            svg.append(escape(l.columnText[j])).append("</text>\n");
        }
        if (l.rows > 0 && l.cols > 0) {
            svg.append("<defs><linearGradient id=\"viridis\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">\n");
            for (int k = 0; k <= 16; k++) {
                svg.append("<stop offset=\"").append(num(k / 16.0)).append("\" stop-color=\"")
                        .append(colour(ColourMaps.viridis(k / 16.0))).append("\"/>\n");
            }
            svg.append("</linearGradient></defs>\n");
            svg.append("<rect class=\"colour-bar\" x=\"").append(l.barX).append("\" y=\"").append(l.barY)
                    .append("\" width=\"").append(HeatmapLayout.BAR_WIDTH).append("\" height=\"").append(l.barHeight)
                    .append("\" fill=\"url(#viridis)\" stroke=\"#000000\"/>\n");
            int tx = l.barX + HeatmapLayout.BAR_WIDTH + 5;
            svg.append("<text class=\"bar-max\" x=\"").append(tx).append("\" y=\"").append(l.barY + 4).append("\">")
                    .append(escape(Heatmap.format(map.maximum(), 2))).append("</text>\n");
            svg.append("<text class=\"bar-min\" x=\"").append(tx).append("\" y=\"").append(l.barY + l.barHeight + 4)
                    .append("\">").append(escape(Heatmap.format(map.minimum(), 2))).append("</text>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    static void writeCsv(Heatmap map, Path file) throws IOException {
        double[][] values = map.rawValues();
        String[] rowLabels = map.rowLabels();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (String c : map.columnLabels()) {
                line.append(',').append(PlotCsv.field(c));
            }
            out.write(line.append('\n').toString());
            for (int i = 0; i < values.length; i++) {
                line.setLength(0);
                line.append(PlotCsv.field(rowLabels[i]));
                for (double v : values[i]) {
                    line.append(',').append(v);
                }
                out.write(line.append('\n').toString());
            }
        }
    }
}
