package org.lmworkbench.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the export dialog opens: the folder of what the chart shows, then the folder last exported
 * to, and the home folder when there is none; never the process's working folder.
 */
class ExportTargetTest {

    @TempDir
    Path dir;

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    @Test
    void opensInTheDocumentsFolderThenWhereTheUserExportedLast() throws Exception {
        Path run = Files.createDirectories(dir.resolve("runs/run-001"));
        ExportTarget target = new ExportTarget(() -> run, "sharpness run-001");
        assertEquals(run, target.folder());
        assertEquals("sharpness-run-001.png", target.fileName(".png"));
        Path elsewhere = Files.createDirectories(dir.resolve("figures"));
        target.exported(elsewhere.resolve("fig1.png"));
        assertEquals(elsewhere, target.folder(), "the last folder used wins");
    }

    @Test
    void withoutAFolderItIsTheHomeFolderNotTheWorkingFolder() {
        Path home = Path.of(System.getProperty("user.home"));
        assertEquals(home, ExportTarget.home(null).folder());
        assertEquals(home, new ExportTarget(() -> dir.resolve("deleted"), "x").folder());
        assertEquals("chart.csv", ExportTarget.home(null).fileName(".csv"));
        assertNotEquals(Path.of("").toAbsolutePath(), dir, "the working folder is not the temp folder");
    }

    @Test
    void theToolbarButtonCarriesItsTarget() {
        shell = ChartTestSupport.shell(400, 300);
        PlotChart chart = new PlotChart(shell, SWT.NONE);
        ToolBarManager manager = new ToolBarManager(SWT.FLAT);
        manager.createControl(shell);
        ExportTarget target = new ExportTarget(() -> dir, "page");
        ExportMenu.contribute(manager, chart, shell, target);
        ExportDropDownAction action = (ExportDropDownAction) ((ActionContributionItem) manager.getItems()[0])
                .getAction();
        assertSame(target, action.target());
        assertSame(chart, action.chart());
        assertEquals(dir, action.target().folder());
    }
}
