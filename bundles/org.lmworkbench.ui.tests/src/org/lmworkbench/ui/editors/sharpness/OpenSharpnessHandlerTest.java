package org.lmworkbench.ui.editors.sharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
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
import org.lmworkbench.ui.project.ExperimentProjects;
import org.lmworkbench.ui.testing.UiTestSupport;

/** "Open Sharpness" on a run selected in the Project Explorer opens the editor on that run. */
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

    @Test
    void commandOnASelectedRunOpensItsSharpnessEditor() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(LearningMechanicsPerspective.ID,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        CommonNavigator explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
        RunElement element = new RunElement(run);
        UiTestSupport.waitUntil("the run in the Project Explorer", () -> {
            explorer.getCommonViewer().expandToLevel(project.getFolder("runs"), 1);
            explorer.getCommonViewer().setSelection(new StructuredSelection(element), true);
            return explorer.getCommonViewer().getStructuredSelection().getFirstElement() instanceof RunElement;
        });
        page.activate(explorer);

        IHandlerService handlers = explorer.getSite().getService(IHandlerService.class);
        handlers.executeCommand(OpenSharpnessHandler.COMMAND_ID, null);
        UiTestSupport.processEvents();

        SharpnessEditor editor = assertInstanceOf(SharpnessEditor.class, page.getActiveEditor());
        assertEquals(run.getLocation().toPath(), editor.runDirectory());
        assertEquals("Sharpness: example-eos", editor.getPartName());
    }
}
