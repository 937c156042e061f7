package org.lmworkbench.ui.charts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link PlotChart}'s full data in long format, {@code series,x,y}, one row per point:
 * lines and points as they are, a band as two series {@code id/lower} and {@code id/upper}, a
 * horizontal line as one row with an empty x and a vertical one with an empty y. Numbers are
 * written with {@link Double#toString(double)} so they read back exactly.
 */
final class PlotCsv {

    private PlotCsv() {
    }

    static void write(PlotChart chart, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("series,x,y\n");
            for (SeriesData s : chart.data()) {
                switch (s.kind) {
                case LINE, POINTS -> rows(out, s.id, s.x, s.y);
                case BAND -> {
                    rows(out, s.id + "/lower", s.x, s.y);
                    rows(out, s.id + "/upper", s.x, s.upper);
                }
                case HORIZONTAL -> out.write(field(s.id) + ",," + s.value + "\n");
                case VERTICAL -> out.write(field(s.id) + "," + s.value + ",\n");
                }
            }
        }
    }

    private static void rows(Writer out, String id, DoubleList x, DoubleList y) throws IOException {
        String name = field(id);
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
