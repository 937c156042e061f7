package org.lmworkbench.ui.sharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.ui.charts.PlotChart;
import org.lmworkbench.ui.testing.DefaultWindow;
import org.lmworkbench.ui.testing.LayoutAssertions;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * Both pages of the sharpness editor in the window a new user gets (default size, default
 * perspective, an editor about 430 pixels wide): the chart keeps its plot area, every number is
 * whole and reachable by scrolling, and the Hessian page's Compute button and chart are there.
 */
class DefaultLayoutTest {

    private IProject project;
    private IFolder run;

    @BeforeEach
    void copyRun() throws Exception {
        project = ExperimentProjects.createExampleProject("layout", null);
        run = SharpnessFixture.copyInto(project);
        UiTestSupport.waitForBuild();
        DefaultWindow.apply();
    }

    @AfterEach
    void cleanUp() throws Exception {
        Job.getJobManager().cancel(HessianComputeJob.FAMILY);
        UiTestSupport.cleanWorkspace();
    }

    private SharpnessEditor open() throws Exception {
        SharpnessEditor editor = assertInstanceOf(SharpnessEditor.class,
                IDE.openEditor(UiTestSupport.activePage(), run.getFile("probes/sharpness.jsonl")));
        UiTestSupport.waitUntil("the first read of the run", () -> editor.sharpnessPage().updates() > 0);
        UiTestSupport.processEvents();
        return editor;
    }

    @Test
    void sharpnessPageShowsItsPlotAndEveryNumber() throws Exception {
        SharpnessEditor editor = open();
        ScrolledForm form = editor.sharpnessPage().getManagedForm().getForm();
        assertTrue(form.getSize().x < 500, "the default layout leaves the editor narrow: " + form.getSize());
        List<PlotChart> charts = LayoutAssertions.assertReadable("sharpness page", form.getBody());
        assertEquals(List.of(editor.sharpnessPage().plot()), charts);
        for (SharpnessNumbersSection.Field field : SharpnessNumbersSection.Field.values()) {
            assertNotEquals("\u2014", editor.sharpnessPage().numbers().text(field), field.name());
        }
        DefaultWindow.screenshot("sharpness-default", form.getBody());
    }

    @Test
    void hessianPageShowsItsSettingsComputeChartAndResults() throws Exception {
        SharpnessEditor editor = open();
        editor.setActivePage(HessianSpectrumPage.ID);
        UiTestSupport.processEvents();
        HessianSpectrumPage page = editor.spectrumPage();
        UiTestSupport.waitUntil("the stored spectrum", () -> page.shown() != null);
        UiTestSupport.processEvents();
        ScrolledForm form = page.getManagedForm().getForm();
        List<PlotChart> charts = LayoutAssertions.assertReadable("Hessian page", form.getBody());
        assertEquals(List.of(page.results().chart()), charts);
        assertEquals(5, page.results().table().getItemCount());
        // Compute sits in the first screenful, not beyond the right edge
        Rectangle compute = page.computeButton().getBounds();
        assertTrue(page.computeButton().isVisible() && page.computeButton().isEnabled());
        assertTrue(page.computeButton().toDisplay(0, 0).x + compute.width <= form.toDisplay(0, 0).x
                + form.getClientArea().width, "Compute within the editor's width");
        DefaultWindow.screenshot("hessian-default", form.getBody());
    }
}
