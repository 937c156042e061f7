package org.lmworkbench.ui.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.testing.Fixtures;
import org.lmworkbench.ui.charts.ExportDropDownAction;
import org.lmworkbench.ui.charts.PlotChart;
import org.lmworkbench.ui.testing.DefaultWindow;
import org.lmworkbench.ui.testing.LayoutAssertions;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * The transfer editor on the fixture sweep in the window a new user gets: the lr sweep page and
 * the coordinate check keep their plot areas and every number, the coordinate check names the
 * sweep's widths on its x axes, and its export holds both charts.
 */
class DefaultLayoutTest {

    private IProject project;
    private IFile spec;

    @BeforeEach
    void copySweep() throws Exception {
        project = ExperimentProjects.createExampleProject("transfer-layout", null);
        Fixtures.copyToFolder("resources/fixtures/transfer/", project);
        UiTestSupport.waitForBuild();
        spec = project.getFile("transfer.lmx");
        DefaultWindow.apply();
    }

    @AfterEach
    void cleanUp() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void bothPagesAreWholeAtTheDefaultSize() throws Exception {
        TransferEditor editor = (TransferEditor) IDE.openEditor(UiTestSupport.activePage(), spec, TransferEditor.ID,
                true);
        UiTestSupport.waitUntil("the runs", () -> !editor.isLoading());
        UiTestSupport.processEvents();
        LrSweepPage lr = editor.lrPage();
        ScrolledForm lrForm = lr.getManagedForm().getForm();
        assertTrue(lrForm.getSize().x < 500, "a narrow editor: " + lrForm.getSize());
        List<PlotChart> charts = LayoutAssertions.assertReadable("lr sweep", lrForm.getBody(), lr.gridTable());
        assertEquals(List.of(lr.chart()), charts);
        DefaultWindow.screenshot("transfer-lr-default", lrForm.getBody());

        editor.setActivePage(CoordinateCheckPage.ID);
        UiTestSupport.processEvents();
        CoordinateCheckPage check = editor.checkPage();
        ScrolledForm form = check.getManagedForm().getForm();
        charts = LayoutAssertions.assertReadable("coordinate check", form.getBody());
        assertEquals(List.of(check.rmsChart(), check.deltaChart()), charts);
        // the x axes are labelled at the sweep's widths, not at round numbers between them
        assertEquals(List.of("32", "64", "128"), check.rmsChart().tickLabels(true));
        assertEquals(List.of("32", "64", "128"), check.deltaChart().tickLabels(true));
        DefaultWindow.screenshot("transfer-check-default", form.getBody());

        ExportDropDownAction export = (ExportDropDownAction) java.util.Arrays.stream(form.getToolBarManager()
                .getItems()).filter(ActionContributionItem.class::isInstance)
                .map(i -> ((ActionContributionItem) i).getAction()).filter(ExportDropDownAction.class::isInstance)
                .findFirst().orElseThrow();
        assertEquals(check.chartArea(), export.chart(), "the page's export holds both charts");
        assertEquals(project.getLocation().toPath(), export.target().folder());
        assertEquals("transfer-coordinate-check.png", export.target().fileName(".png"));
    }
}
