package org.lmworkbench.ui.charts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a {@link PlotChart}'s full data in long format, {@code series,x,y}, one row per point:
 * lines and points as they are, a band as two series {@code id/lower} and {@code id/upper}, a
 * horizontal line as one row with an empty x and a vertical one with an empty y, then the chart's
 * named numbers ({@link PlotChart#setScalars}) as rows with an empty x. Numbers are
 * written with {@link Double#toString(double)} so they read back exactly.
 */
final class PlotCsv {

    private PlotCsv() {
    }

    static void write(PlotChart chart, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("series,x,y\n");
            write(chart, out, "");
        }
    }

    /**
     * Writes the rows of one chart (no header), each starting with {@code prefix} (empty, or a chart
     * field and a comma when several charts share one file).
     */
    static void write(PlotChart chart, Writer out, String prefix) throws IOException {
        for (SeriesData s : chart.data()) {
            switch (s.kind) {
            case LINE, POINTS -> rows(out, prefix, s.id, s.x, s.y);
            case BAND -> {
                rows(out, prefix, s.id + "/lower", s.x, s.y);
                rows(out, prefix, s.id + "/upper", s.x, s.upper);
            }
            case HORIZONTAL -> out.write(prefix + field(s.id) + ",," + s.value + "\n");
            case VERTICAL -> out.write(prefix + field(s.id) + "," + s.value + ",\n");
            }
        }
        for (Map.Entry<String, Double> scalar : chart.scalars().entrySet()) {
            out.write(prefix + field(scalar.getKey()) + ",," + scalar.getValue() + "\n");
        }
    }

    private static void rows(Writer out, String prefix, String id, DoubleList x, DoubleList y) throws IOException {
        String name = prefix + field(id);
        StringBuilder line = new StringBuilder(64);
        for (int i = 0; i < x.size(); i++) {
            line.setLength(0);
            line.append(name).append(',').append(x.get(i)).append(',').append(y.get(i)).append('\n');
            out.append(line);
        }
    }

    /** Quotes a CSV field when it holds a separator, quote or line break (RFC 4180). */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
