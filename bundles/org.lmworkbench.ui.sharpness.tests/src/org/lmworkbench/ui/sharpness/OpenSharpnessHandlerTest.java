package org.lmworkbench.ui.sharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.resources.ProjectExplorer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.ui.perspective.LearningMechanicsPerspective;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * "Open Sharpness" is in the Project Explorer's context menu of a run (and not of other files),
 * and opens the editor on that run.
 */
class OpenSharpnessHandlerTest {

    private IProject project;
    private IFolder run;

    @BeforeEach
    void copyRun() throws Exception {
        project = ExperimentProjects.createExampleProject("open-sharpness", null);
        run = SharpnessFixture.copyInto(project);
        UiTestSupport.waitForBuild();
    }

    @AfterEach
    void cleanUp() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    private IWorkbenchPage page;
    private CommonNavigator explorer;

    private void selectRun() throws Exception {
        page = PlatformUI.getWorkbench().showPerspective(LearningMechanicsPerspective.ID,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
        RunElement element = new RunElement(run);
        UiTestSupport.waitUntil("the run in the Project Explorer", () -> {
            explorer.getCommonViewer().expandToLevel(project.getFolder("runs"), 1);
            explorer.getCommonViewer().setSelection(new StructuredSelection(element), true);
            return explorer.getCommonViewer().getStructuredSelection().getFirstElement() instanceof RunElement;
        });
        page.activate(explorer);
    }

    /** The labels of the Project Explorer's context menu for the current selection. */
    private List<String> contextMenuLabels() {
        Menu menu = explorer.getCommonViewer().getTree().getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        UiTestSupport.processEvents();
        List<String> labels = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            labels.add(item.getText());
        }
        menu.notifyListeners(SWT.Hide, new Event());
        UiTestSupport.processEvents();
        return labels;
    }

    @Test
    void contextMenuOffersItOnRunsOnly() throws Exception {
        selectRun();
        assertTrue(contextMenuLabels().contains("Open Sharpness"), contextMenuLabels().toString());
        explorer.getCommonViewer().setSelection(new StructuredSelection(project.getFile("example-eos.lmx")), true);
        UiTestSupport.processEvents();
        assertFalse(contextMenuLabels().contains("Open Sharpness"), "not on a spec file");
    }

    @Test
    void commandOnASelectedRunOpensItsSharpnessEditor() throws Exception {
        selectRun();

        IHandlerService handlers = explorer.getSite().getService(IHandlerService.class);
        handlers.executeCommand(OpenSharpnessHandler.COMMAND_ID, null);
        UiTestSupport.processEvents();

        SharpnessEditor editor = assertInstanceOf(SharpnessEditor.class, page.getActiveEditor());
        assertEquals(run.getLocation().toPath(), editor.runDirectory());
        assertEquals("Sharpness: example-eos", editor.getPartName());
    }
}
