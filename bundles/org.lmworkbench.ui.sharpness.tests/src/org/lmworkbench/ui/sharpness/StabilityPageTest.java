package org.lmworkbench.ui.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.lmworkbench.testing.Fixtures;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * The stability page of the sharpness editor on a zeroth-order run's files: the band, the trace and
 * lambda_max as series, the post-sharpening occupancy counted by hand, the sharpness dimension with
 * its standard error, and a new line picked up while the editor is open.
 */
class StabilityPageTest {

    // 2/lr = 20, margin 2. Trace 5 (sharpening), 18 (start: 18 >= 0.9 x 20; inside, 20 - 2x2 = 16 <= 18),
    // 21 (above), 17 (below 20 - 2x1 = 18), 19 (inside): 2 of 4 inside, 3 at or below 20.
    private static final String[] LINES = {
        line(0, 1, 5, false), line(10, 2, 18, true), line(20, 2, 21, false), line(30, 1, 17, false),
        line(40, 3, 19, true)};

    private IProject project;
    private IFolder run;

    private static String line(long step, double lambda, double trace, boolean inside) {
        return String.format(java.util.Locale.ROOT, "{\"step\":%d,\"eigenvalues\":[%s],\"residuals\":[0.0],\"hvps\":3,"
                + "\"lr\":0.1,\"threshold\":\"NaN\",\"threshold_kind\":\"zo_band\",\"trace\":%s,\"trace_error\":0.0,"
                + "\"zo_threshold\":20.0,\"zo_margin\":2.0,\"trace_low\":%s,\"inside_band\":%s,\"eta_star\":0.0875,"
                + "\"zo_settings\":\"ZO-GD(n=1, Gaussian)\"}%n", step, lambda, trace, 20 - 2 * lambda, inside);
    }

    @BeforeEach
    void createRun() throws Exception {
        project = ExperimentProjects.createExampleProject("stability", null);
        run = project.getFolder("runs").getFolder("zo");
        Path probes = Files.createDirectories(project.getLocation().toPath().resolve("runs/zo/probes"));
        Files.writeString(probes.resolve("sharpness.jsonl"), String.join("", LINES));
        Files.writeString(probes.resolve("sharpness_dimension.jsonl"),
                "{\"step\":0,\"sharpness_dimension\":12.5,\"standard_error\":0.25,\"j_star\":12,\"dimension\":290,"
                + "\"samples\":4,\"eta\":0.1,\"method\":\"exact\",\"batch_size\":32,\"estimator\":\"exact\",\"hvps\":1160,"
                + "\"seconds\":1.0}\n");
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        UiTestSupport.waitForBuild();
    }

    @AfterEach
    void cleanUp() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    /**
     * The example project's zo-edge.lmx as trained by the backend (fixture): of the 30 samples from
     * step 550, where the trace first reaches 0.9 x 2/lr, 27 lie in the band.
     */
    @Test
    void realZeroOrderRunAndGrokkingRun() throws Exception {
        IFolder zo = project.getFolder("runs/zo-edge");
        Fixtures.copyToFolder("resources/fixtures/sharpness/zo-edge", zo);
        IFolder grokking = project.getFolder("runs/grokking");
        Fixtures.copyToFolder("resources/fixtures/sharpness/grokking", grokking);
        UiTestSupport.waitForBuild();
        StabilityPage page = openStability(zo);
        UiTestSupport.waitUntil("the zo-edge band", () -> page.bandText() != null && page.bandText().startsWith("27 of 30"));
        assertTrue(page.bandText().contains("from step 550"), page.bandText());
        assertEquals(41, page.plot().seriesX(StabilityPage.TRACE).length);
        screenshot("sharpness-stability-zo-edge");
        StabilityPage grok = openStability(grokking);
        UiTestSupport.waitUntil("the grokking dimension", () -> grok.dimensionText() != null
                && grok.dimensionText().startsWith("Sharpness dimension at step 3000: 1679"));
        assertEquals(16, grok.plot().seriesX(StabilityPage.DIMENSION).length);
        screenshot("sharpness-stability-grokking");
        editorOf(grokking).setActivePage(SharpnessPage.ID);
        UiTestSupport.processEvents();
        screenshot("sharpness-grokking");
    }

    private SharpnessEditor editorOf(IFolder runFolder) throws Exception {
        return assertInstanceOf(SharpnessEditor.class, IDE.openEditor(UiTestSupport.activePage(),
                runFolder.getFile("probes/sharpness.jsonl")));
    }

    private StabilityPage openStability(IFolder runFolder) throws Exception {
        SharpnessEditor editor = editorOf(runFolder);
        editor.setActivePage(StabilityPage.ID);
        return editor.stabilityPage();
    }

    /** With {@code LMW_SCREENSHOT_DIR} set, saves the workbench window there as {@code name}.png. */
    private static void screenshot(String name) {
        String dir = System.getenv("LMW_SCREENSHOT_DIR");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Shell shell = UiTestSupport.activePage().getWorkbenchWindow().getShell();
        UiTestSupport.processEvents();
        Rectangle bounds = shell.getBounds();
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(dir + "/" + name + ".png", SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    @Test
    void showsTheBandItsOccupancyAndTheDimension() throws Exception {
        IFile file = run.getFile("probes/sharpness.jsonl");
        IEditorPart part = IDE.openEditor(UiTestSupport.activePage(), file);
        SharpnessEditor editor = assertInstanceOf(SharpnessEditor.class, part);
        editor.setActivePage(StabilityPage.ID);
        StabilityPage page = editor.stabilityPage();
        UiTestSupport.waitUntil("the first read", () -> page.plot() != null && page.bandText() != null
                && page.bandText().startsWith("2 of 4"));
        assertTrue(page.bandText().contains("from step 10"), page.bandText());
        assertTrue(page.bandText().contains("3 with Tr H at or below"), page.bandText());
        assertTrue(page.bandText().contains("0.0875"), page.bandText());
        assertArrayEquals(new double[] {5, 18, 21, 17, 19}, page.plot().seriesY(StabilityPage.TRACE), 0);
        assertArrayEquals(new double[] {1, 2, 2, 1, 3}, page.plot().seriesY(StabilityPage.LAMBDA), 0);
        assertArrayEquals(new double[] {20, 20, 20, 20, 20}, page.plot().bandUpper(StabilityPage.BAND), 0);
        assertTrue(page.dimensionText().contains("12.50 \u00b1 0.25"), page.dimensionText());
        assertEquals(12.5, page.plot().seriesY(StabilityPage.DIMENSION)[0], 0);

        Files.writeString(run.getLocation().toPath().resolve("probes/sharpness.jsonl"), line(50, 2, 19.5, true),
                StandardOpenOption.APPEND);
        UiTestSupport.waitUntil("the new sample", () -> page.bandText().startsWith("3 of 5"));
        assertEquals(6, page.plot().seriesX(StabilityPage.TRACE).length);
    }
}
