package org.lmworkbench.ui.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.ui.charts.ExportDropDownAction;
import org.lmworkbench.ui.charts.PlotChart;
import org.lmworkbench.ui.testing.DefaultWindow;
import org.lmworkbench.ui.testing.LayoutAssertions;
import org.lmworkbench.ui.testing.UiTestSupport;

/**
 * The fit editor in the window a new user gets (default size and perspective): the settings'
 * fields are whole, the result page keeps both charts' plot areas and shows every parameter, and
 * the page's export holds both charts and starts in the document's folder.
 */
class DefaultLayoutTest {

    @TempDir
    Path dir;

    private IProject project;

    @BeforeEach
    void createProject() throws Exception {
        UiTestSupport.cleanWorkspace();
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("fit-layout");
        project.create(null);
        project.open(null);
        UiTestSupport.copyFixtureFolder("resources/fixtures/fit/width-sweep", project.getFolder("width-sweep"));
        DefaultWindow.apply();
    }

    @AfterEach
    void clean() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void settingsAndResultAreWholeAtTheDefaultSize() throws Exception {
        IFile file = project.getFile("analyses/width.fit");
        UiTestSupport.writeFile(file, UiTestSupport.fixtureText("resources/fixtures/fit/width.fit"));
        FitEditor editor = assertInstanceOf(FitEditor.class, IDE.openEditor(UiTestSupport.activePage(), file, true));
        UiTestSupport.processEvents();
        ScrolledForm settings = editor.settingsPage().getManagedForm().getForm();
        assertTrue(settings.getSize().x < 500, "a narrow editor: " + settings.getSize());
        LayoutAssertions.assertReadable("fit settings", settings.getBody());
        DefaultWindow.screenshot("fit-settings-default", settings.getBody());

        editor.settingsPage().fitButton().notifyListeners(SWT.Selection, new Event());
        FitJob job = editor.job();
        assertNotNull(job);
        UiTestSupport.waitUntil("the fit", () -> job.getResult() != null);
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage());
        UiTestSupport.waitUntil("the result page", () -> editor.getActivePage() == 1
                && editor.resultsPage().parameterTable().getItemCount() == 3);
        UiTestSupport.processEvents();
        FitResultsPage page = editor.resultsPage();
        ScrolledForm form = page.getManagedForm().getForm();
        List<PlotChart> charts = LayoutAssertions.assertReadable("fit result", form.getBody());
        assertTrue(charts.containsAll(List.of(page.mainChart(), page.residualChart())), charts.toString());
        assertTrue(page.residualChart().getBounds().y >= page.mainChart().getBounds().y
                + page.mainChart().getBounds().height, "stacked in a narrow editor");
        assertFalse(page.methodText().isEmpty());
        DefaultWindow.screenshot("fit-result-default", form.getBody());

        // the toolbar's export is the page's two charts, starting in the document's folder
        ExportDropDownAction export = (ExportDropDownAction) java.util.Arrays.stream(form.getToolBarManager()
                .getItems()).filter(ActionContributionItem.class::isInstance)
                .map(i -> ((ActionContributionItem) i).getAction()).filter(ExportDropDownAction.class::isInstance)
                .findFirst().orElseThrow();
        assertEquals(page.chartArea(), export.chart());
        assertEquals(file.getParent().getLocation().toPath(), export.target().folder());
        assertEquals("width.png", export.target().fileName(".png"));
        Path png = dir.resolve("page.png");
        export.chart().writePng(png);
        assertTrue(Files.size(png) > 0);
        org.eclipse.swt.graphics.ImageData image = new org.eclipse.swt.graphics.ImageLoader().load(png.toString())[0];
        assertEquals(page.chartArea().getSize().y, image.height, "the PNG holds the whole area, both charts");
        assertTrue(image.height >= page.mainChart().getSize().y + page.residualChart().getSize().y);
    }
}
