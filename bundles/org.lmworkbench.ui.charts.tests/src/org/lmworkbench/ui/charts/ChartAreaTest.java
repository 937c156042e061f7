package org.lmworkbench.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Two charts of one page: side by side when there is room, stacked when not, and exported
 * together (a page's PNG used to hold only one of its charts).
 */
class ChartAreaTest {

    private static final RGB RED = new RGB(0xd6, 0x27, 0x28);
    private static final RGB BLUE = new RGB(0x1f, 0x77, 0xb4);

    @TempDir
    Path dir;

    private Shell shell;
    private ChartArea area;
    private PlotChart top;
    private PlotChart bottom;

    @BeforeEach
    void open() {
        shell = ChartTestSupport.shell(500, 700);
        area = new ChartArea(shell, SWT.NONE, PlotChart.MIN_WIDTH, 300);
        top = line(area, "rms", RED);
        bottom = line(area, "delta", BLUE);
        ChartTestSupport.show(shell);
    }

    private static PlotChart line(ChartArea parent, String title, RGB colour) {
        PlotChart chart = new PlotChart(parent, SWT.NONE);
        chart.setTitle(title);
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 5.0);
        }
        chart.addLine("s", title, x, y, colour);
        chart.refresh();
        return chart;
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void chartsStackWhenTheyDoNotFitSideBySide() {
        Rectangle a = top.getBounds();
        Rectangle b = bottom.getBounds();
        assertEquals(a.x, b.x, "one column in 500 px");
        assertTrue(b.y >= a.y + a.height, a + " above " + b);
        assertEquals(2 * 300 + 8, area.computeSize(500, SWT.DEFAULT).y);
        assertEquals(1, area.columns(500));
        assertEquals(2, area.columns(2 * PlotChart.MIN_WIDTH + 8));
        shell.setSize(1000, 400);
        ChartTestSupport.settle();
        assertEquals(top.getBounds().y, bottom.getBounds().y, "side by side in 1000 px");
        assertTrue(bottom.getBounds().x >= top.getBounds().x + top.getBounds().width);
        Point preferred = area.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        assertEquals(PlotChart.MIN_WIDTH, preferred.x, "asks for one chart's width, so a page need not scroll");
        assertEquals(300, area.computeSize(1000, SWT.DEFAULT).y, "one row when both fit");
    }

    @Test
    void thePngHoldsBothCharts() throws Exception {
        Path file = dir.resolve("page.png");
        area.writePng(file);
        ChartTestSupport.snapshot("chart-area", area);
        ImageData image = ChartTestSupport.readPng(file);
        assertEquals(area.getSize().x, image.width);
        assertEquals(area.getSize().y, image.height);
        int split = bottom.getBounds().y;
        assertTrue(contains(image, RED, 0, split), "the upper chart's line in the upper part");
        assertFalse(contains(image, BLUE, 0, split), "and not the lower chart's");
        assertTrue(contains(image, BLUE, split, image.height), "the lower chart's line in the lower part");
        assertFalse(contains(image, RED, split, image.height));
    }

    @Test
    void svgAndCsvHoldBothCharts() throws Exception {
        Path svg = dir.resolve("page.svg");
        area.writeSvg(svg);
        Document doc = ChartTestSupport.parseXml(svg);
        assertEquals(3, doc.getElementsByTagNameNS("*", "svg").getLength(), "the page and one per chart");
        assertEquals(2, doc.getElementsByTagNameNS("*", "polyline").getLength());
        assertEquals(2, doc.getElementsByTagNameNS("*", "clipPath").getLength());
        Path csv = dir.resolve("page.csv");
        area.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("chart,series,x,y", lines.get(0));
        assertEquals(50, lines.stream().filter(l -> l.startsWith("rms,s,")).count());
        assertEquals(50, lines.stream().filter(l -> l.startsWith("delta,s,")).count());
    }

    private static boolean contains(ImageData image, RGB colour, int fromY, int toY) {
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.width; x++) {
                if (ChartTestSupport.pixel(image, x, y).equals(colour)) {
                    return true;
                }
            }
        }
        return false;
    }
}
