package org.lmworkbench.ui.views.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.resources.ProjectExplorer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.testing.Fixtures;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.ui.perspective.LearningMechanicsPerspective;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.ui.testing.Widgets;
import org.lmworkbench.ui.wizards.ImportRunsWizard;
import org.lmworkbench.workspace.ExperimentProjects;
import org.lmworkbench.workspace.runs.ViewSettings;
import org.lmworkbench.workspace.runs.ViewSettings.Grouping;

/**
 * Logs written by PyTorch's SummaryWriter, imported with File > Import > TensorBoard Log or CSV as
 * Runs, are charted by the Runs view point for point as the fixture's script logged them.
 */
class ImportedRunsChartTest {

    @TempDir
    Path temp;

    private IProject project;
    private IWorkbenchPage page;
    private CommonNavigator explorer;

    @BeforeEach
    void createProject() throws Exception {
        page = PlatformUI.getWorkbench().showPerspective(LearningMechanicsPerspective.ID,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        project = ExperimentProjects.createExampleProject("tb", null);
        UiTestSupport.waitForBuild();
        explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
        explorer.getCommonViewer().setSelection(StructuredSelection.EMPTY);
        IViewPart open = page.findView(RunsView.ID);
        if (open != null) {
            page.hideView(open); // lines of earlier tests
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void importedSummaryWriterLogsAreChartedWithTheirPoints() throws Exception {
        Path logs = Fixtures.copyToDirectory("resources/fixtures/tensorboard/torch", temp.resolve("torch"));
        ImportRunsWizard wizard = new ImportRunsWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
        WizardDialog dialog = new WizardDialog(page.getWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Widgets.find(dialog.getShell(), Text.class, Text::getEditable).setText(logs.toString());
        Combo projects = Widgets.find(dialog.getShell(), Combo.class, c -> true);
        assertEquals("tb", projects.getText(), "the selected project is offered");
        Widgets.press(dialog.getShell(), "Finish");
        UiTestSupport.waitUntil("the wizard to close", () -> dialog.getShell() == null || dialog.getShell().isDisposed());
        assertEquals(List.of("run_a", "run_b"), wizard.imported().stream().map(r -> r.runId()).toList());
        assertTrue(project.getFile("runs/run_a/import.json").exists(), "the workspace has the imported runs");

        JsonObject expected = JsonParser.parseString(
                Fixtures.text("resources/fixtures/tensorboard/torch-expected.json")).getAsJsonObject();
        JsonArray points = expected.getAsJsonObject("run_a").getAsJsonArray("loss/train");
        RunsView runs = (RunsView) page.showView(RunsView.ID);
        runs.controls().select(ViewSettings.DEFAULT.withMetric("loss_train").withGrouping(Grouping.EACH_RUN));
        explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
        explorer.getCommonViewer().setSelection(new StructuredSelection(
                new RunElement(project.getFolder("runs/run_a"))), true);
        UiTestSupport.waitUntil("loss_train of run_a on the Runs view's chart", () -> runs.legend().containsValue("run_a")
                && runs.chart().seriesX(runs.legend().keySet().iterator().next()).length == points.size());
        assertEquals("loss_train", runs.lastUpdate().metric());
        String id = runs.legend().keySet().iterator().next();
        double[] x = runs.chart().seriesX(id);
        double[] y = runs.chart().seriesY(id);
        for (int i = 0; i < points.size(); i++) {
            JsonArray p = points.get(i).getAsJsonArray();
            assertEquals(p.get(0).getAsDouble(), x[i], 0.0, "step of point " + i);
            assertEquals(p.get(1).getAsDouble(), y[i], 0.0, "value of point " + i + ": the float32 the writer stored");
        }
    }
}
