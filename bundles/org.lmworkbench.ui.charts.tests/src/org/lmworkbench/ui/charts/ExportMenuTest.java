package org.lmworkbench.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export menu reaches the controls SWTChart draws into and writes each format. */
class ExportMenuTest {

    @TempDir
    Path dir;

    private Shell shell;
    private PlotChart chart;

    @BeforeEach
    void open() {
        shell = ChartTestSupport.shell(600, 400);
        chart = new PlotChart(shell, SWT.NONE);
        chart.addLine("a", "a", new double[] { 1, 2, 3 }, new double[] { 3, 1, 2 }, Palette.colour(0));
        ChartTestSupport.show(shell);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void menuIsOnTheChartAndEveryChildControl() {
        Menu menu = ExportMenu.attach(chart, chart);
        assertEquals(3, menu.getItemCount());
        assertTrue(menu.getItem(0).getText().contains("PNG"));
        assertTrue(menu.getItem(1).getText().contains("SVG"));
        assertTrue(menu.getItem(2).getText().contains("CSV"));
        assertSame(menu, chart.getMenu());
        assertSame(menu, chart.chart().getPlotArea().getControl().getMenu(), "right-click on the plot itself");
        for (Control child : chart.chart().getChildren()) {
            assertSame(menu, child.getMenu());
        }
        // a secondary axis appears later, with controls of its own
        chart.addLine("b", "b", new double[] { 1, 2 }, new double[] { 5, 6 }, Palette.colour(1), true);
        chart.refresh();
        for (Control child : chart.chart().getChildren()) {
            assertSame(menu, child.getMenu());
        }
    }

    @Test
    void toolbarGetsOneExportButtonWhoseDropDownOffersEachFormat() {
        ToolBarManager manager = new ToolBarManager(SWT.FLAT);
        manager.createControl(shell);
        ExportMenu.contribute(manager, chart, shell);
        IContributionItem[] items = manager.getItems();
        assertEquals(1, items.length);
        ExportDropDownAction action = (ExportDropDownAction) ((ActionContributionItem) items[0]).getAction();
        assertTrue(action.getImageDescriptor().getImageData(100) != null, "the icon is in the bundle");
        Menu menu = action.getMenu(manager.getControl());
        assertEquals(3, menu.getItemCount());
        assertTrue(menu.getItem(1).getText().contains("SVG"), menu.getItem(1).getText());
        action.dispose();
    }

    @Test
    void eachFormatWritesItsFile() throws Exception {
        for (ExportMenu.Format format : ExportMenu.Format.values()) {
            Path file = dir.resolve("out" + format.extension);
            ExportMenu.write(chart, format, file);
            assertTrue(Files.size(file) > 0, format.name());
        }
        byte[] png = Files.readAllBytes(dir.resolve("out.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(Files.readString(dir.resolve("out.svg")).contains("<svg"));
        assertTrue(Files.readString(dir.resolve("out.csv")).startsWith("series,x,y\n"));
    }
}
