package org.lmworkbench.ui.editors.cka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.swt.graphics.Rectangle;
import org.lmworkbench.ui.charts.Heatmap;

/**
 * Reads a heatmap the way a user hovering over it does: every tooltip over the widget, grouped by
 * text, so that a cell's region and centre are found without knowing the chart's layout.
 */
final class HeatmapProbe {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.(\\d+)");

    private HeatmapProbe() {
    }

    /**
     * Checks that hovering shows, for every cell, a tooltip naming its row and column labels with
     * its value (to the tooltip's printed precision), and that the same tooltip appears at the
     * centre of the region where it shows.
     */
    static void assertTooltipsShowValues(Heatmap heatmap, List<String> rows, List<String> cols, double[][] values) {
        Rectangle area = heatmap.getClientArea();
        assertTrue(area.width > 50 && area.height > 50, "heatmap laid out: " + area);
        Map<String, List<int[]>> regions = new LinkedHashMap<>();
        for (int x = 0; x < area.width; x += 3) {
            for (int y = 0; y < area.height; y += 3) {
                String text = heatmap.tooltipAt(x, y);
                if (text != null) {
                    regions.computeIfAbsent(text, t -> new ArrayList<>()).add(new int[] {x, y});
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                String found = null;
                for (String text : regions.keySet()) {
                    if (text.contains(rows.get(i)) && text.contains(cols.get(j)) && showsValue(text, values[i][j])) {
                        found = text;
                    }
                }
                assertNotNull(found, "a tooltip for " + rows.get(i) + " / " + cols.get(j) + " showing "
                        + values[i][j] + " among " + regions.keySet());
                List<int[]> points = regions.get(found);
                long cx = Math.round(points.stream().mapToInt(p -> p[0]).average().orElseThrow());
                long cy = Math.round(points.stream().mapToInt(p -> p[1]).average().orElseThrow());
                assertEquals(found, heatmap.tooltipAt((int) cx, (int) cy), "tooltip at the centre of the cell");
            }
        }
    }

    /** True when a number in {@code text} equals {@code value} to the digits printed. */
    private static boolean showsValue(String text, double value) {
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            int digits = m.group(1).length();
            if (digits >= 2 && Math.abs(Double.parseDouble(m.group()) - value) <= 0.5 * Math.pow(10, -digits) + 1e-12) {
                return true;
            }
        }
        return false;
    }
}
