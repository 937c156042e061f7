package org.lmworkbench.ui.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** PlotChart on a real display: full data kept, decimated view drawn, exports readable. */
class PlotChartTest {

    private static final RGB RED = new RGB(0xd6, 0x27, 0x28);
    private static final RGB BLUE = new RGB(0x1f, 0x77, 0xb4);

    @TempDir
    Path dir;

    private Shell shell;
    private PlotChart chart;

    @BeforeEach
    void open() {
        shell = ChartTestSupport.shell(800, 500);
        chart = new PlotChart(shell, SWT.NONE);
        ChartTestSupport.show(shell);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void appendedChunksAreKeptWholeButDrawnDecimated() {
        chart.addLine("loss", "loss", new double[0], new double[0], BLUE);
        int n = 300_000;
        double[] expectedX = new double[n];
        double[] expectedY = new double[n];
        for (int start = 0; start < n; start += 1000) {
            double[] x = new double[1000];
            double[] y = new double[1000];
            for (int i = 0; i < 1000; i++) {
                x[i] = start + i;
                y[i] = Math.sin((start + i) * 0.001) + ((start + i) % 997 == 0 ? 3 : 0);
                expectedX[start + i] = x[i];
                expectedY[start + i] = y[i];
            }
            chart.appendData("loss", x, y);
        }
        chart.refresh();
        ChartTestSupport.settle();
        assertArrayEquals(expectedX, chart.seriesX("loss"));
        assertArrayEquals(expectedY, chart.seriesY("loss"));
        ISeries<?> drawn = chart.chart().getSeriesSet().getSeries("loss");
        int width = chart.chart().getPlotArea().getSize().x;
        assertTrue(width > 100, "plot area laid out: " + width);
        int points = drawn.getXSeries().length;
        assertTrue(points <= 4 * (width + 2), points + " points handed to SWTChart for " + width + " columns");
        assertTrue(points > width, "not over-decimated: " + points);
        double maxDrawn = java.util.Arrays.stream(drawn.getYSeries()).max().orElseThrow();
        assertEquals(4.0, maxDrawn, 0.01, "the spikes survive decimation");
    }

    @Test
    void bandsGrowAndExportAsLowerAndUpper() throws Exception {
        chart.addBand("sd", new double[] { 1, 2 }, new double[] { 0, 1 }, new double[] { 2, 3 }, BLUE);
        chart.appendBand("sd", new double[] { 3 }, new double[] { 1.5 }, new double[] { 3.5 });
        assertArrayEquals(new double[] { 1, 2, 3 }, chart.seriesX("sd"));
        assertArrayEquals(new double[] { 0, 1, 1.5 }, chart.seriesY("sd"));
        assertArrayEquals(new double[] { 2, 3, 3.5 }, chart.bandUpper("sd"));
        chart.refresh();
        Range y = chart.chart().getAxisSet().getYAxis(0).getRange();
        assertTrue(y.lower < 0 && y.upper > 3.5, "y axis fits the band: " + y);
        Path file = dir.resolve("band.csv");
        chart.writeCsv(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of("series,x,y", "sd/lower,1.0,0.0", "sd/lower,2.0,1.0", "sd/lower,3.0,1.5", "sd/upper,1.0,2.0",
                "sd/upper,2.0,3.0", "sd/upper,3.0,3.5"), lines);
    }

    @Test
    void appendToUnknownOrWrongSeriesIsRejected() {
        chart.addBand("band", new double[] { 1, 2 }, new double[] { 0, 0 }, new double[] { 1, 1 }, BLUE);
        assertThrows(IllegalArgumentException.class, () -> chart.appendData("nope", new double[1], new double[1]));
        assertThrows(IllegalArgumentException.class, () -> chart.appendData("band", new double[1], new double[1]));
        assertThrows(IllegalArgumentException.class,
                () -> chart.addLine("bad", "bad", new double[2], new double[3], BLUE));
        assertThrows(IllegalArgumentException.class,
                () -> chart.appendBand("band", new double[1], new double[1], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> chart.addLine(" a", "a", new double[1], new double[1], BLUE));
        assertThrows(IllegalArgumentException.class, () -> chart.addLine("", "a", new double[1], new double[1], BLUE));
    }

    @Test
    void logAxesDropNonPositiveValuesFromTheDrawingOnly() {
        double[] x = { 0, 1, 2, 3, 4 };
        double[] y = { 5, -1, 0, 2, 8 };
        chart.addLine("a", "a", x, y, BLUE);
        chart.addHorizontalLine("h", "zero", 0, RED);
        chart.setLogY(true);
        chart.setLogX(true);
        ChartTestSupport.settle();
        // SWTChart draws on linear axes what it is given: log10 of the values
        double[] drawnX = chart.chart().getSeriesSet().getSeries("a").getXSeries();
        double[] drawnY = chart.chart().getSeriesSet().getSeries("a").getYSeries();
        assertArrayEquals(new double[] { Math.log10(3), Math.log10(4) }, drawnX, 1e-15);
        assertArrayEquals(new double[] { Math.log10(2), Math.log10(8) }, drawnY, 1e-15);
        assertArrayEquals(y, chart.seriesY("a"), "full data unchanged");
        assertTrue(chart.isLogX() && chart.isLogY());
        Range yAxis = chart.chart().getAxisSet().getYAxis(0).getRange();
        assertTrue(yAxis.lower < Math.log10(2) && yAxis.upper > Math.log10(8), "the log10 range holds the data: " + yAxis);
        assertFalse(chart.chart().getSeriesSet().getSeries("h").isVisible(), "a line at y = 0 has no place on log y");
        chart.setLogY(false);
        chart.setLogX(false);
        ChartTestSupport.settle();
        assertEquals(5, chart.chart().getSeriesSet().getSeries("a").getXSeries().length);
        assertArrayEquals(x, chart.chart().getSeriesSet().getSeries("a").getXSeries(), "linear: the values themselves");
        assertTrue(chart.chart().getSeriesSet().getSeries("h").isVisible());
    }

    @Test
    void csvRoundTripsTheFullData() throws Exception {
        double[] x = { 1, 2, 3, 1e-7, 12345.678901234 };
        double[] y = { 0.1, Double.NaN, -3.25, 1.0 / 3.0, Double.MAX_VALUE };
        chart.addLine("train, loss", "train loss", x, y, BLUE);
        chart.addLine("b", "\"quoted\"", new double[] { 10 }, new double[] { 20 }, RED, true);
        chart.appendData("b", new double[] { 11, 12 }, new double[] { 21, 22 });
        Path file = dir.resolve("chart.csv");
        chart.writeCsv(file);

        Map<String, List<double[]>> read = readLongCsv(file);
        assertEquals(List.of("train, loss", "b"), new ArrayList<>(read.keySet()));
        assertArrayEquals(x, column(read.get("train, loss"), 0));
        assertArrayEquals(y, column(read.get("train, loss"), 1));
        assertArrayEquals(new double[] { 10, 11, 12 }, column(read.get("b"), 0));
        assertArrayEquals(new double[] { 20, 21, 22 }, column(read.get("b"), 1));
    }

    /** A small RFC 4180 reader, independent of the writer. */
    private static Map<String, List<double[]>> readLongCsv(Path file) throws Exception {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            assertEquals("series,x,y", in.readLine());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (quoted) {
                        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else if (c == '"') {
                            quoted = false;
                        } else {
                            field.append(c);
                        }
                    } else if (c == '"') {
                        quoted = true;
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                    } else {
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                assertEquals(3, fields.size(), line);
                out.computeIfAbsent(fields.get(0), k -> new ArrayList<>())
                        .add(new double[] { Double.parseDouble(fields.get(1)), Double.parseDouble(fields.get(2)) });
            }
        }
        return out;
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    @Test
    void svgParsesWithOnePolylinePerLineSeries() throws Exception {
        double[] x = { 1, 2, 3, 4, 5, 6, 7 };
        chart.setTitle("Sharpness <top-k> & loss");
        chart.setAxisTitles("step", "eigenvalue");
        chart.addBand("sd", x, new double[] { 0, 1, 1, 2, 2, 3, 3 }, new double[] { 2, 3, 3, 4, 4, 5, 5 }, BLUE);
        chart.addLine("l1", "\u03bb1", x, new double[] { 1, 2, 2, 3, 3, 4, 4 }, BLUE);
        chart.addLine("l2", "\u03bb2", x, new double[] { 0.5, 1, Double.NaN, 1.5, 2, 2, 2 }, RED);
        chart.addLine("loss", "loss", x, new double[] { 3, 2, 1.5, 1, 0.8, 0.7, 0.6 }, RED, true);
        chart.addPoints("pts", "marked", new double[] { 2, 5 }, new double[] { 2, 3 }, RED);
        chart.addHorizontalLine("thr", "2/lr", 4.5, RED);
        chart.refresh();
        Path file = dir.resolve("chart.svg");
        chart.writeSvg(file);

        Document doc = ChartTestSupport.parseXml(file);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        NodeList polylines = doc.getElementsByTagNameNS("*", "polyline");
        assertEquals(3, polylines.getLength(), "one polyline per line series");
        Map<String, Integer> pointCounts = new LinkedHashMap<>();
        for (int i = 0; i < polylines.getLength(); i++) {
            Element p = (Element) polylines.item(i);
            pointCounts.put(p.getAttribute("data-series"), p.getAttribute("points").trim().split("\\s+").length);
        }
        assertEquals(Map.of("l1", 7, "l2", 6, "loss", 7), pointCounts, "NaN left out of l2");
        assertEquals(1, doc.getElementsByTagNameNS("*", "polygon").getLength(), "the band");
        assertEquals(2, countCircles(doc, "pts"));
        String text = allText(doc);
        for (String label : new String[] { "\u03bb1", "\u03bb2", "loss", "marked", "2/lr", "step", "eigenvalue",
                "Sharpness <top-k> & loss" }) {
            assertTrue(text.contains("|" + label + "|"), "text '" + label + "' in " + text);
        }
    }

    private static int countCircles(Document doc, String series) {
        NodeList groups = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (series.equals(g.getAttribute("data-series"))) {
                return g.getElementsByTagNameNS("*", "circle").getLength();
            }
        }
        return -1;
    }

    private static String allText(Document doc) {
        StringBuilder b = new StringBuilder("|");
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            b.append(texts.item(i).getTextContent()).append('|');
        }
        return b.toString();
    }

    @Test
    void pngHasTheControlsSizeAndShowsTheSeriesColour() throws Exception {
        RGB colour = new RGB(0xd6, 0x27, 0x28);
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i;
            y[i] = Math.sqrt(i);
        }
        chart.addLine("s", "sqrt", x, y, colour);
        chart.refresh();
        ChartTestSupport.settle();
        Path file = dir.resolve("chart.png");
        chart.writePng(file);
        ImageData image = ChartTestSupport.readPng(file);
        assertEquals(chart.getSize().x, image.width);
        assertEquals(chart.getSize().y, image.height);
        assertTrue(ChartTestSupport.containsColour(image, colour), "series colour drawn");
    }

    @Test
    void removeAndClearForgetSeries() {
        chart.addLine("a", "a", new double[] { 1 }, new double[] { 1 }, BLUE);
        chart.addLine("b", "b", new double[] { 1 }, new double[] { 1 }, BLUE);
        chart.addVerticalLine("v", "v", 1, RED);
        chart.refresh();
        chart.removeSeries("a");
        assertEquals(List.of("b", "v"), chart.seriesIds());
        chart.refresh();
        assertEquals(null, chart.chart().getSeriesSet().getSeries("a"));
        chart.clear();
        assertEquals(List.of(), chart.seriesIds());
        assertEquals(0, chart.chart().getSeriesSet().getSeries().length);
    }

    @Test
    void aLogAxisOverElevenDecadesIsLabelledAtPowersOfTen() throws Exception {
        // a loss falling from 1 to 1e-11, as in the Runs view
        double[] x = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = Math.pow(10, -11.0 * i / (x.length - 1));
        }
        chart.addLine("loss", "loss", x, y, BLUE);
        chart.setLogY(true);
        ChartTestSupport.settle();
        ChartTestSupport.snapshot("chart-log-y", chart);
        List<String> labels = chart.tickLabels(false);
        double[] values = chart.tickValues(false);
        assertTrue(labels.size() >= 3, labels.toString());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Math.rint(Math.log10(values[i])), Math.log10(values[i]), 1e-12, labels.toString());
            assertTrue(labels.get(i).matches("10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+"), labels.get(i));
        }
        // SWTChart's own labels (which said 0.00000000001 and "...") only keep the room, invisibly
        assertEquals(chart.chart().getBackground().getRGB(),
                chart.chart().getAxisSet().getYAxis(0).getTick().getForeground().getRGB());
    }

    @Test
    void aLogAxisWithinOneStepOfItsLeadingDigitKeepsRoomForItsLabels() throws Exception {
        // a flat muP curve: SWTChart's own log ticks would find no tick between 1.02 and 1.045
        chart.addLine("rms", "rms", new double[] { 32, 64, 128 }, new double[] { 1.021, 1.044, 1.03 }, BLUE);
        chart.setLogY(true);
        ChartTestSupport.settle();
        List<String> labels = chart.tickLabels(false);
        assertTrue(labels.size() >= 2, labels.toString());
        ChartTestSupport.snapshot("chart-narrow-log", chart);
        // the labels are drawn left of the plot, inside the chart
        int plotLeft = chart.chart().getPlotArea().getControl().getBounds().x;
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(chart);
        try {
            gc.setFont(chart.chart().getAxisSet().getYAxis(0).getTick().getFont());
            int widest = labels.stream().mapToInt(l -> gc.textExtent(l).x).max().orElseThrow();
            // the chart has no axis title: labels, tick marks and margins are all that is left of the plot
            assertTrue(plotLeft >= widest + 10, "room for " + labels + ": " + plotLeft + " px");
        } finally {
            gc.dispose();
        }
    }

    @Test
    void widthsOfASweepAreTheLabelsOfTheirAxis() throws Exception {
        double[] widths = { 32, 64, 128 };
        chart.addLine("rms", "rms", widths, new double[] { 1.1, 1.0, 0.98 }, BLUE);
        chart.setLogX(true);
        chart.setXTicks(widths);
        chart.refresh();
        ChartTestSupport.settle();
        ChartTestSupport.snapshot("chart-widths", chart);
        assertEquals(List.of("32", "64", "128"), chart.tickLabels(true));
        Range x = chart.chart().getAxisSet().getXAxis(0).getRange();
        assertTrue(x.lower < Math.log10(32) && x.upper > Math.log10(128), "room for the end labels: " + x);
    }

    @Test
    void theLegendGoesBelowANarrowPlot() throws Exception {
        chart.addLine("a", "a long legend entry", new double[] { 1, 2 }, new double[] { 1, 2 }, BLUE);
        chart.refresh();
        ChartTestSupport.settle();
        assertEquals(SWT.RIGHT, chart.chart().getLegend().getPosition(), "800 px: beside");
        shell.setSize(420, 400);
        ChartTestSupport.settle();
        assertEquals(SWT.BOTTOM, chart.chart().getLegend().getPosition(), "420 px: below");
        ChartTestSupport.snapshot("chart-narrow", chart);
        assertTrue(chart.chart().getPlotArea().getSize().x > 300, "the plot keeps the width");
    }

    @Test
    void namedNumbersFollowTheSeriesInTheCsv() throws Exception {
        chart.addLine("a", "a", new double[] { 1 }, new double[] { 2 }, BLUE);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("plateau_mean", 20.394938274496937);
        numbers.put("end_step", 340.0);
        chart.setScalars(numbers);
        Path file = dir.resolve("numbers.csv");
        chart.writeCsv(file);
        assertEquals(List.of("series,x,y", "a,1.0,2.0", "plateau_mean,,20.394938274496937", "end_step,,340.0"),
                Files.readAllLines(file));
    }
}
