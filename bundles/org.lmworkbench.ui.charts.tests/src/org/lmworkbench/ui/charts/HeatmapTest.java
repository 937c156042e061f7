package org.lmworkbench.ui.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The heatmap on a real display: tooltips name the cell under the mouse, exports are readable. */
class HeatmapTest {

    private static final String[] ROWS = { "embed", "layer1", "layer2", "head" };
    private static final String[] COLUMNS = { "model-a/embed", "model-a/layer1", "model-a/layer2" };
    private static final double[][] VALUES = { { 1.0, 0.8731, 0.5 }, { 0.25, Double.NaN, 0.125 },
            { 0.0, 0.3333, 0.9 }, { 0.6, 0.7, 0.05 } };

    @TempDir
    Path dir;

    private Shell shell;
    private Heatmap map;

    @BeforeEach
    void open() {
        shell = ChartTestSupport.shell(700, 500);
        map = new Heatmap(shell, SWT.NONE);
        map.setData(VALUES, ROWS, COLUMNS);
        map.setTitle("CKA");
        map.setValueRange(0, 1);
        ChartTestSupport.show(shell);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void tooltipAtCellCentreNamesRowColumnAndValue() {
        for (int i = 0; i < ROWS.length; i++) {
            for (int j = 0; j < COLUMNS.length; j++) {
                Point c = map.cellCentre(i, j);
                String tip = map.tooltipAt(c.x, c.y);
                String value = Double.isNaN(VALUES[i][j]) ? "NaN" : String.format(java.util.Locale.ROOT, "%.4f", VALUES[i][j]);
                assertEquals(ROWS[i] + " / " + COLUMNS[j] + ": " + value, tip);
            }
        }
        assertEquals("layer1 / model-a/layer1: NaN", map.tooltipAt(map.cellCentre(1, 1).x, map.cellCentre(1, 1).y));
        assertNull(map.tooltipAt(0, 0), "title corner is not a cell");
        assertNull(map.tooltipAt(map.getSize().x - 2, map.cellCentre(0, 0).y), "colour bar is not a cell");
    }

    @Test
    void pngShowsEachCellInItsViridisColourAndNanGrey() throws Exception {
        Path file = dir.resolve("map.png");
        map.writePng(file);
        ImageData image = ChartTestSupport.readPng(file);
        assertEquals(map.getSize().x, image.width);
        assertEquals(map.getSize().y, image.height);
        for (int i = 0; i < ROWS.length; i++) {
            for (int j = 0; j < COLUMNS.length; j++) {
                Point c = map.cellCentre(i, j);
                // a few pixels off the centre, clear of the value written in the cell
                int[] cell = map.geometry().cell(i, j);
                int x = cell[0] + 3;
                int y = cell[1] + 3;
                assertTrue(c.x > x && c.y > y);
                assertEquals(Double.isNaN(VALUES[i][j]) ? ColourMaps.NAN_GREY : ColourMaps.viridis(VALUES[i][j]),
                        ChartTestSupport.pixel(image, x, y), "cell " + i + "," + j);
            }
        }
    }

    @Test
    void csvIsTheMatrixWithLabels() throws Exception {
        Path file = dir.resolve("map.csv");
        map.writeCsv(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(",model-a/embed,model-a/layer1,model-a/layer2", lines.get(0));
        assertEquals(ROWS.length + 1, lines.size());
        for (int i = 0; i < ROWS.length; i++) {
            String[] fields = lines.get(i + 1).split(",");
            assertEquals(ROWS[i], fields[0]);
            double[] row = new double[COLUMNS.length];
            for (int j = 0; j < COLUMNS.length; j++) {
                row[j] = Double.parseDouble(fields[j + 1]);
            }
            assertArrayEquals(VALUES[i], row);
        }
    }

    @Test
    void svgHasOneRectPerCellLabelsAndColourBar() throws Exception {
        Path file = dir.resolve("map.svg");
        map.writeSvg(file);
        Document doc = ChartTestSupport.parseXml(file);
        NodeList groups = doc.getElementsByTagNameNS("*", "g");
        Element cells = (Element) groups.item(0);
        assertEquals("cells", cells.getAttribute("class"));
        NodeList rects = cells.getElementsByTagNameNS("*", "rect");
        assertEquals(ROWS.length * COLUMNS.length, rects.getLength());
        Element nanCell = (Element) rects.item(1 * COLUMNS.length + 1);
        assertEquals("#b0b0b0", nanCell.getAttribute("fill"));
        assertEquals("layer1 / model-a/layer1: NaN", nanCell.getTextContent());
        assertEquals(SvgFile.colour(ColourMaps.viridis(0.9)), ((Element) rects.item(2 * COLUMNS.length + 2)).getAttribute("fill"));
        StringBuilder text = new StringBuilder("|");
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            text.append(texts.item(i).getTextContent()).append('|');
        }
        for (String label : ROWS) {
            assertTrue(text.toString().contains("|" + label + "|"), label);
        }
        for (String label : COLUMNS) {
            assertTrue(text.toString().contains("|" + label + "|"), label);
        }
        assertTrue(text.toString().contains("|1.00|") && text.toString().contains("|0.00|"), "colour bar ends");
    }

    @Test
    void raggedOrMislabelledDataIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> map.setData(new double[][] { { 1, 2 }, { 3 } }, null, null));
        assertThrows(IllegalArgumentException.class, () -> map.setData(VALUES, new String[] { "a" }, COLUMNS));
    }

    @Test
    void longColumnLabelsAreShortenedAndTurnedUpright() {
        String[] columns = new String[12];
        double[][] values = new double[2][12];
        for (int j = 0; j < 12; j++) {
            columns[j] = "transformer.encoder.block" + j + ".attention.output.dense";
        }
        map.setData(values, new String[] { "a", "b" }, columns);
        HeatmapLayout l = map.geometry();
        assertTrue(l.rotated);
        assertTrue(l.columnText[3].endsWith("\u2026") && l.columnText[3].length() < columns[3].length());
        Point c = map.cellCentre(1, 11);
        assertEquals("b / " + columns[11] + ": 0.0000", map.tooltipAt(c.x, c.y), "tooltip keeps the full label");
    }
}
