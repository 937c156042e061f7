package org.lmworkbench.ui.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorDescriptor;
import org.eclipse.ui.ISources;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.testing.Fixtures;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * The Hyperparameter Transfer editor on the fixture sweep {@code resources/fixtures/transfer}
 * (see make_fixture.py there): final losses are parabolas in log2(lr) with vertices -5.6, -5.2 and
 * -6.3 for widths 32, 64 and 128, width 128 diverged at lr 2^-4, and the activation captures have
 * RMS(x_0) = 1 and RMS(x_3 - x_0) = c, flat in width at lr 2^-6 and growing as width^0.5
 * (hidden1) and width^1 (hidden2) at lr 2^-5. The numbers are read from the editor's widgets.
 */
class TransferEditorTest {

    private static final String FIXTURE = "resources/fixtures/transfer/";

    private IProject project;
    private IFile spec;

    @BeforeEach
    void copySweep() throws Exception {
        project = ExperimentProjects.createExampleProject("transfer", null);
        Fixtures.copyToFolder(FIXTURE, project);
        UiTestSupport.waitForBuild();
        spec = project.getFile("transfer.lmx");
        assertTrue(spec.exists());
    }

    @AfterEach
    void cleanUp() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    private TransferEditor open() throws Exception {
        TransferEditor editor = (TransferEditor) IDE.openEditor(UiTestSupport.activePage(), spec, TransferEditor.ID, true);
        waitForLoad(editor);
        return editor;
    }

    private static void waitForLoad(TransferEditor editor) {
        UiTestSupport.waitUntil("the transfer editor to read the runs", () -> !editor.isLoading());
        UiTestSupport.processEvents();
    }

    @Test
    void optimumPerWidthIsReadFromTheRunsAndMarkedOnTheChart() throws Exception {
        TransferEditor editor = open();
        LrSweepPage page = editor.lrPage();
        Table optima = page.optimaTable();
        assertEquals(3, optima.getItemCount());
        // width, grid lr, log2 grid lr, loss there, refined log2 lr
        assertRow(optima.getItem(0), "32", "0.01563", "-6.00", "0.516", "-5.60");
        assertRow(optima.getItem(1), "64", "0.03125", "-5.00", "0.504", "-5.20");
        assertRow(optima.getItem(2), "128", "0.01563", "-6.00", "0.509", "-6.30");

        Table grid = page.gridTable();
        assertEquals("diverged (1/1)", grid.getItem(2).getText(4), "width 128 at lr 2^-4");
        assertEquals("0.696", grid.getItem(0).getText(1), "0.5 + 0.1 (-7 + 5.6)^2");
        assertEquals(5, grid.getColumnCount());

        String summary = page.summaryLine();
        assertTrue(summary.contains("spread over widths: 1.10 octaves"), summary);
        // least squares of (5, -5.6), (6, -5.2), (7, -6.3): ((-1)(-5.6) + (1)(-6.3)) / 2
        assertTrue(summary.contains("drift -0.35 octaves"), summary);
        assertTrue(summary.contains("(12 of 12 runs read, 0 not started)"), summary);

        var chart = page.chart();
        assertEquals(List.of(-7.0, -6.0, -5.0), boxed(chart.seriesX("width-2")), "the diverged lr is not drawn");
        assertArrayEquals(new double[] {-5.6}, chart.seriesX("optimum-0"), 1e-9);
        assertArrayEquals(new double[] {0.5}, chart.seriesY("optimum-0"), 1e-9);
        assertArrayEquals(new double[] {-6.3}, chart.seriesX("optimum-2"), 1e-9);
        assertFalse(chart.seriesIds().contains("band-0"), "one seed per cell: no band");
    }

    @Test
    void metricAndKeysComeFromTheSettingsFields() throws Exception {
        TransferEditor editor = open();
        LrSweepPage page = editor.lrPage();
        Combo metric = page.metricCombo();
        metric.setText("test_loss");
        metric.notifyListeners(SWT.DefaultSelection, new Event());
        waitForLoad(editor);
        assertRow(page.optimaTable().getItem(0), "32", "0.01563", "-6.00", "0.566", "-5.60");

        Combo width = page.widthKeyCombo();
        width.setText("model.widht");
        width.notifyListeners(SWT.DefaultSelection, new Event());
        waitForLoad(editor);
        ScrolledForm form = page.getManagedForm().getForm();
        assertEquals(IMessageProvider.ERROR, form.getMessageType());
        assertTrue(form.getMessage().contains("'model.widht' is not a spec key"), form.getMessage());
        assertEquals(0, page.optimaTable().getItemCount());
    }

    @Test
    void coordinateCheckSlopesAreFlatAtOneLrAndGrowAtAnother() throws Exception {
        TransferEditor editor = open();
        editor.setActivePage(CoordinateCheckPage.ID);
        UiTestSupport.processEvents();
        CoordinateCheckPage page = editor.checkPage();
        // default: the grid optimum of most widths, 2^-6, where the fixture is flat in width
        assertEquals(0.015625, editor.result().checkLr());
        Table slopes = page.slopeTable();
        assertEquals(2, slopes.getItemCount());
        assertRow(slopes.getItem(0), "hidden1", "0.00", "0.00");
        assertRow(slopes.getItem(1), "hidden2", "0.00", "0.00");
        assertArrayEquals(new double[] {0.3, 0.3, 0.3}, page.deltaChart().seriesY("hidden2"), 1e-6);

        Combo lr = page.lrCombo();
        lr.select(2);
        lr.notifyListeners(SWT.Selection, new Event());
        waitForLoad(editor);
        assertEquals(0.03125, editor.result().checkLr());
        // change c = 0.1 (w/32)^0.5 and 0.05 w/32: slopes 0.5 and 1; RMS sqrt(1 + c^2): slope from the end points
        assertRow(slopes.getItem(0), "hidden1", "0.01", "0.50");
        assertRow(slopes.getItem(1), "hidden2", "0.01", "1.00");
        double hidden1 = Math.log(Math.sqrt(1 + 0.04) / Math.sqrt(1 + 0.01)) / Math.log(4);
        double hidden2 = Math.log(Math.sqrt(1 + 0.04) / Math.sqrt(1 + 0.0025)) / Math.log(4);
        assertEquals(hidden1, editor.result().check().slope(0, 1, false), 1e-6);
        assertEquals(hidden2, editor.result().check().slope(1, 1, false), 1e-6);
        assertArrayEquals(new double[] {32, 64, 128}, page.deltaChart().seriesX("hidden2"));
        assertArrayEquals(new double[] {0.05, 0.1, 0.2}, page.deltaChart().seriesY("hidden2"), 1e-6);

        page.selectStep(0);
        assertRow(slopes.getItem(0), "hidden1", "0.00", "\u2013");
    }

    @Test
    void transferQualityPageShowsSuboptimalityAndGapPerWidth() throws Exception {
        TransferEditor editor = open();
        editor.setActivePage(TransferQualityPage.ID);
        UiTestSupport.processEvents();
        TransferQualityPage page = editor.qualityPage();
        Table table = page.table();
        assertEquals(3, table.getItemCount());
        // Every width's optimum is 0.5 at its vertex; the lr of width 32 (log2 -5.6) on the parabolas
        // 0.5 + 0.1 (x - m)^2 of widths 64 (m = -5.2) and 128 (m = -6.3) costs 0.1 * 0.4^2 and 0.1 * 0.7^2.
        assertRow(table.getItem(0), "32", "0.5", "0.5", "0");
        assertRow(table.getItem(1), "64", "0.5", "0.516", "0.016");
        assertRow(table.getItem(2), "128", "0.5", "0.549", "0.049");
        for (int w = 0; w < 3; w++) {
            assertEquals(0, Double.parseDouble(table.getItem(w).getText(4)), 1e-9, "no finite-width gap");
        }
        String summary = page.summaryLine();
        assertTrue(summary.contains("Transferred log2 lr -5.60"), summary);
        // two points: log2(0.049 / 0.016) = 1.61
        assertTrue(summary.contains("suboptimality exponent 1.61"), summary);
        assertArrayEquals(new double[] {64, 128}, page.chart().seriesX("suboptimality"), 0);

        // on the grid the transferred lr is 2^-6, width 32's grid optimum
        page.modeCombo().select(1);
        page.modeChanged();
        assertRow(table.getItem(1), "64", "0.504", "0.564", "0.06");
        assertTrue(page.summaryLine().contains("Transferred log2 lr -6.00"), page.summaryLine());
    }

    @Test
    void opensWithOnSpecsAndOnTheRunsFolder() throws Exception {
        IContentType type = Platform.getContentTypeManager().getContentType("org.lmworkbench.spec");
        IEditorDescriptor[] editors = PlatformUI.getWorkbench().getEditorRegistry().getEditors("transfer.lmx", type);
        assertTrue(Arrays.stream(editors).anyMatch(d -> d.getId().equals(TransferEditor.ID)),
                "Open With offers Hyperparameter Transfer");
        IEditorDescriptor preferred = PlatformUI.getWorkbench().getEditorRegistry().getDefaultEditor("transfer.lmx", type);
        assertTrue(preferred == null || !preferred.getId().equals(TransferEditor.ID), "not the default editor");

        // the popup command "Hyperparameter Transfer" on the runs folder
        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        IEvaluationContext context = handlers.createContextSnapshot(true);
        context.addVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME, new StructuredSelection(project.getFolder("runs")));
        handlers.executeCommandInContext(new ParameterizedCommand(
                commands.getCommand("org.lmworkbench.ui.commands.openTransfer"), null), null, context);
        TransferEditor editor = (TransferEditor) UiTestSupport.activePage().getActiveEditor();
        assertEquals(new RunsFolderEditorInput(project), editor.getEditorInput());
        waitForLoad(editor);
        assertEquals(3, editor.lrPage().optimaTable().getItemCount());
        assertTrue(editor.lrPage().summaryLine().contains("(12 of 12 runs read"), editor.lrPage().summaryLine());
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static void assertRow(TableItem item, String... expected) {
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], item.getText(c), "column " + c + " of the row of " + item.getText(0));
        }
    }
}
