package org.lmworkbench.ui.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.lmworkbench.analysis.fit.EpochChinchillaData;
import org.lmworkbench.analysis.fit.FitCommand;
import org.lmworkbench.testing.WidthSweep;
import org.lmworkbench.ui.analyses.AnalysisJob;
import org.lmworkbench.ui.analyses.AnalysisOffer;
import org.lmworkbench.ui.editors.DocumentProblemsPage;
import org.lmworkbench.ui.testing.LaunchPrompts;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.fit.FitDocument;
import org.lmworkbench.workspace.fit.FitDocumentJson;
import org.lmworkbench.workspace.fit.FitDocumentWriter;
import org.lmworkbench.workspace.fit.FitResultModel;

/**
 * The fit editor in the workbench: opening a .fit fixture, pressing Fit, waiting for the job,
 * and reading the parameter table, extrapolation and charts from the widgets; an invalid
 * setting blocks the fit; a Chinchilla fit of the Epoch data shows the compute-optimal frontier.
 */
class FitEditorTest {

    private IProject project;

    @BeforeEach
    void createProject() throws Exception {
        UiTestSupport.cleanWorkspace();
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("fit-editor");
        project.create(null);
        project.open(null);
        UiTestSupport.copyFixtureFolder("resources/fixtures/fit/width-sweep",
                project.getFolder("width-sweep"));
    }

    @AfterEach
    void clean() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    private FitEditor open(IFile file) throws PartInitException {
        IEditorPart part = IDE.openEditor(UiTestSupport.activePage(), file, true);
        UiTestSupport.processEvents();
        return assertInstanceOf(FitEditor.class, part);
    }

    /** Presses Fit and waits for the job and for its result to reach the widgets. */
    private static void fit(FitEditor editor) {
        editor.settingsPage().fitButton().notifyListeners(SWT.Selection, new Event());
        FitJob job = editor.job();
        assertNotNull(job, "Fit started no job");
        UiTestSupport.waitUntil("the fit job", () -> job.getResult() != null);
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage());
        UiTestSupport.waitUntil("the result on the Fit page", () -> editor.getActivePage() == 1
                && editor.resultsPage().parameterTable() != null
                && editor.resultsPage().parameterTable().getItemCount() > 0);
    }

    /**
     * With {@code LMW_SCREENSHOT_DIR} set, saves the workbench window as {@code name}.png there,
     * for a person to look at; otherwise does nothing.
     */
    private static void screenshot(String name) throws Exception {
        String dir = System.getenv("LMW_SCREENSHOT_DIR");
        if (dir == null) {
            return;
        }
        UiTestSupport.processEvents();
        org.eclipse.swt.widgets.Shell shell = UiTestSupport.activePage().getWorkbenchWindow()
                .getShell();
        org.eclipse.swt.graphics.Point size = shell.getSize();
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(
                shell.getDisplay(), size.x, size.y);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(shell);
        try {
            gc.copyArea(image, 0, 0);
            org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
            Files.createDirectories(Path.of(dir));
            loader.save(Path.of(dir, name + ".png").toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static double law(double width) {
        return WidthSweep.E + WidthSweep.A * Math.pow(width, -WidthSweep.ALPHA);
    }

    private static double cell(TableItem item, int column) {
        return Double.parseDouble(item.getText(column));
    }

    @Test
    void fitOfASweepShowsParametersExtrapolationAndCharts() throws Exception {
        IFile file = project.getFile("analyses/width.fit");
        UiTestSupport.writeFile(file, UiTestSupport.fixtureText("resources/fixtures/fit/width.fit"));
        FitEditor editor = open(file);
        fit(editor);
        FitResultsPage page = editor.resultsPage();
        UiTestSupport.activePage().getWorkbenchWindow().getShell().setSize(1600, 1000);
        screenshot("fit-power-law");

        TableItem[] rows = page.parameterTable().getItems();
        assertEquals(List.of("E", "A", "alpha"), List.of(rows[0].getText(0), rows[1].getText(0),
                rows[2].getText(0)));
        // Six significant digits are shown: the known law, to that precision.
        assertEquals(WidthSweep.E, cell(rows[0], 1), 5e-6 * WidthSweep.E);
        assertEquals(WidthSweep.A, cell(rows[1], 1), 5e-6 * WidthSweep.A);
        assertEquals(WidthSweep.ALPHA, cell(rows[2], 1), 5e-6 * WidthSweep.ALPHA);
        for (TableItem row : rows) {
            // Noise-free points: every resample refits the same law, so the interval is tight.
            assertTrue(cell(row, 3) <= cell(row, 1) * (1 + 1e-5) && cell(row, 1) <= cell(row, 4)
                    * (1 + 1e-5), row.getText(0));
        }
        // E and A are fitted as logarithms: their spread is a factor, alpha's a standard deviation
        for (int k : new int[] {0, 1}) {
            assertTrue(rows[k].getText(2).startsWith("\u00d7/\u00f7 "), rows[k].getText(2));
            double factor = Double.parseDouble(rows[k].getText(2).substring(4));
            assertTrue(factor >= 1 && factor < 1 + 1e-4, rows[k].getText(2));
        }
        assertTrue(rows[2].getText(2).startsWith("\u00b1 "), rows[2].getText(2));
        double sd = Double.parseDouble(rows[2].getText(2).substring(2));
        assertTrue(sd >= 0 && sd < 1e-4 * WidthSweep.ALPHA, rows[2].getText(2));

        // The fixture's saved target, and a size typed by the user.
        TableItem target = page.extrapolationPanel().targetTable().getItem(0);
        assertEquals(law(4096), cell(target, 1), 5e-6 * law(4096));
        page.extrapolationPanel().sizeField().setText("16384");
        UiTestSupport.processEvents();
        String value = page.extrapolationPanel().valueText();
        assertTrue(value.startsWith("L = " + FitResultsPage.format(law(16384)) + " (95%: "), value);

        assertTrue(page.mainChart().seriesIds().containsAll(List.of("points", "fit", "fit band")));
        assertArrayEquals(new double[] {16, 32, 64, 128, 256, 512},
                page.mainChart().seriesX("points"));
        for (double r : page.residualChart().seriesY("residuals")) {
            assertEquals(0, r, 1e-6);
        }
        assertFalse(page.frontierPanel().isShown());

        // The result is part of the document, written at once: it reads back with the same numbers.
        assertFalse(editor.isDirty(), "a computed fit is no unsaved edit");
        LaunchPrompts.assertLaunchAsksNothing();
        FitDocument saved = FitDocumentJson.read(UiTestSupport.readFile(file));
        assertArrayEquals(editor.document().result().params(), saved.result().params());
        assertEquals(List.of("width-007: running"), saved.result().skipped());
    }

    @Test
    void invalidSettingShowsItsPathAndStartsNoFit() throws Exception {
        IFile file = project.getFile("analyses/width.fit");
        UiTestSupport.writeFile(file, UiTestSupport.fixtureText("resources/fixtures/fit/width.fit"));
        FitEditor editor = open(file);
        editor.settingsPage().deltaField().setText("abc");
        UiTestSupport.processEvents();
        assertFalse(editor.settingsPage().fitButton().isEnabled());
        assertTrue(editor.settingsPage().errorText().startsWith("$.settings.huber_delta: "),
                editor.settingsPage().errorText());
        assertNull(editor.job());
        editor.settingsPage().deltaField().setText("0.002");
        UiTestSupport.processEvents();
        assertTrue(editor.settingsPage().fitButton().isEnabled());
        assertNull(editor.settingsPage().errorText());
        assertEquals(0.002, editor.document().settings().huberDelta());
        // a user's edit is unsaved, and the pre-launch check sees it (it sees none after a fit)
        assertTrue(editor.isDirty());
        assertThrows(AssertionFailedError.class, LaunchPrompts::assertLaunchAsksNothing);
    }

    @Test
    void chinchillaFitOfTheEpochDataShowsTheFrontier() throws Exception {
        Path csv = EpochChinchillaData.locate(Path.of(""));
        Assumptions.assumeTrue(csv != null, "shared/data/" + EpochChinchillaData.FILE_NAME
                + " not found above " + Path.of("").toAbsolutePath() + "; skipping");
        IFile file = project.getFile("analyses/chinchilla.fit");
        UiTestSupport.writeFile(file, """
                {"version": 1,
                 "source": {"csv": "%s", "x": ["Model Size", "Training FLOP"], "y": "loss",
                            "d_from_flop": true},
                 "form": "chinchilla",
                 "settings": {"grid": "small", "bootstrap": 4, "seed": 5, "drop_highest": 5},
                 "extrapolate": [[7e10, 1.4e12]]}
                """.formatted(csv.toString().replace("\\", "\\\\")));
        FitEditor editor = open(file);
        fit(editor);
        UiTestSupport.activePage().getWorkbenchWindow().getShell().setSize(1600, 1000);
        UiTestSupport.activePage().setPartState(UiTestSupport.activePage().getReference(editor),
                org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        screenshot("fit-chinchilla");

        Path out = Files.createTempFile("lmw-fit", ".json");
        int code = FitCommand.run(new String[] {"--form", "chinchilla", "--csv", csv.toString(),
            "--n", "Model Size", "--flop", "Training FLOP", "--loss", "loss", "--drop-highest", "5",
            "--grid", "small", "--bootstrap", "4", "--seed", "5", "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        JsonObject cli = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        Files.delete(out);
        FitResultModel m = editor.document().result();
        TableItem[] rows = editor.resultsPage().parameterTable().getItems();
        for (int k = 0; k < m.names().size(); k++) {
            double expected = cli.getAsJsonObject("params").get(m.names().get(k)).getAsDouble();
            assertEquals(expected, m.params()[k], 1e-9 * Math.abs(expected), m.names().get(k));
            assertEquals(FitResultsPage.format(expected), rows[k].getText(1));
        }
        FrontierPanel frontier = editor.resultsPage().frontierPanel();
        assertTrue(frontier.isShown());
        JsonObject opt = cli.getAsJsonObject("compute_optimal");
        assertTrue(frontier.exponentsText().contains("a = " + FitResultsPage.format(
                opt.get("N_exponent").getAsDouble())), frontier.exponentsText());
        assertTrue(frontier.exponentsText().contains("b = " + FitResultsPage.format(
                opt.get("D_exponent").getAsDouble())), frontier.exponentsText());
        assertEquals(FrontierPanel.FLOPS.length, frontier.chart().seriesX("N_opt").length);
        // One iso-D curve per chosen D, each with its band.
        long curves = editor.resultsPage().mainChart().seriesIds().stream()
                .filter(id -> id.startsWith("fit D=") && !id.endsWith(" band")).count();
        assertEquals(FitCurves.isoD(m).length, curves);
        double[] x = {7e10, 1.4e12};
        TableItem target = editor.resultsPage().extrapolationPanel().targetTable().getItem(0);
        assertEquals(FitResultsPage.format(m.predict(x)), target.getText(1));
    }

    @Test
    void theScalingFitAnalysisStoresTheFitInTheDocumentAndOpensItsResults() throws Exception {
        IFile file = project.getFile("analyses/width.fit");
        UiTestSupport.writeFile(file, UiTestSupport.fixtureText("resources/fixtures/fit/width.fit"));
        AnalysisOffer fit = AnalysisOffer.of(new StructuredSelection(file)).stream()
                .filter(o -> o.analysis().id().equals("org.lmworkbench.analysis.scalingFit")).findFirst().orElseThrow();
        new AnalysisJob(fit, UiTestSupport.activePage().getWorkbenchWindow()).schedule();
        UiTestSupport.waitUntil("the analysis to finish",
                () -> Job.getJobManager().find(AnalysisJob.FAMILY).length == 0);
        UiTestSupport.processEvents();

        FitResultModel saved = FitDocumentJson.read(UiTestSupport.readFile(file)).result();
        assertNotNull(saved, "the fit was written into the document");
        assertEquals(WidthSweep.ALPHA, saved.param("alpha"), 1e-6 * WidthSweep.ALPHA);
        FitEditor editor = assertInstanceOf(FitEditor.class, UiTestSupport.activePage().getActiveEditor());
        assertEquals(FitResultsPage.ID, editor.getActivePageInstance().getId());
        assertEquals(WidthSweep.ALPHA, cell(editor.resultsPage().parameterTable().getItems()[2], 1),
                5e-6 * WidthSweep.ALPHA);
        assertFalse(editor.isDirty(), "a stored result is no unsaved edit");
    }

    @Test
    void aBrokenDocumentOpensOnItsProblemsAndDeletingItClosesTheEditor() throws Exception {
        IFile file = project.getFile("analyses/broken.fit");
        UiTestSupport.writeFile(file, "{\"version\": 1, \"source\": {\"runs\": 3}}");
        FitEditor editor = open(file);
        assertNull(editor.document());
        String shown = ((DocumentProblemsPage) editor.getSelectedPage()).shownText();
        assertEquals("/fit-editor/analyses/broken.fit $.form: missing", shown, "the file and the JSON path");

        file.delete(true, null);
        UiTestSupport.waitUntil("the editor to close", editor::isClosed);
    }

    @Test
    void aChangeOnDiskReloadsTheSettings() throws Exception {
        IFile file = project.getFile("analyses/width.fit");
        String text = UiTestSupport.fixtureText("resources/fixtures/fit/width.fit");
        UiTestSupport.writeFile(file, text);
        FitEditor editor = open(file);
        FitDocument changed = FitDocumentJson.read(text);
        changed.setForm("broken_power_law");
        UiTestSupport.writeFile(file, FitDocumentWriter.write(changed));
        UiTestSupport.waitUntil("the editor to reload", () -> "broken_power_law".equals(editor.document().form()));
        assertFalse(editor.isDirty());
        assertTrue(editor.settingsPage().fitButton().isEnabled());
    }
}
