package org.lmworkbench.ui.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.lmworkbench.ui.charts.Heatmap;

/** Reads a heatmap the way a user hovering over it does. */
final class HeatmapProbe {

    private HeatmapProbe() {
    }

    /**
     * Checks the labels and that hovering at the centre of every cell shows
     * {@code "row / column: value"} with the value to the printed digits.
     */
    static void assertTooltipsShowValues(Heatmap heatmap, List<String> rows, List<String> cols, double[][] values) {
        Rectangle area = heatmap.getClientArea();
        assertTrue(area.width > 50 && area.height > 50, "heatmap laid out: " + area);
        assertArrayEquals(rows.toArray(), heatmap.rowLabels(), "row labels");
        assertArrayEquals(cols.toArray(), heatmap.columnLabels(), "column labels");
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                Point centre = heatmap.cellCentre(i, j);
                assertTrue(area.contains(centre), "cell " + i + ", " + j + " centre " + centre + " inside " + area);
                String tip = heatmap.tooltipAt(centre.x, centre.y);
                String prefix = rows.get(i) + " / " + cols.get(j) + ": ";
                assertTrue(tip != null && tip.startsWith(prefix), "tooltip at cell " + i + ", " + j + ": " + tip);
                assertEquals(values[i][j], Double.parseDouble(tip.substring(prefix.length())), 5e-5 + 1e-12,
                        "value in the tooltip " + tip);
            }
        }
    }
}
