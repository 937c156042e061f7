package org.lmworkbench.ui.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.CommonViewer;
import org.eclipse.ui.navigator.resources.ProjectExplorer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.ui.perspective.LearningMechanicsPerspective;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;
import org.lmworkbench.workspace.cka.CkaDocument;
import org.lmworkbench.workspace.cka.CkaDocumentReader;
import org.lmworkbench.core.run.SimilarityMetrics;

/**
 * Compare Representations on runs selected in the Project Explorer: the command is enabled for two
 * or more runs only, writes analyses/compare-a-b.cka with layer x layer defaults, opens it and
 * computes it through the backend.
 */
class CompareRepresentationsTest {

    private IProject project;
    private CommonNavigator explorer;
    private double[][][] a;
    private double[][][] b;

    @BeforeEach
    void runsInTheExplorer() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(LearningMechanicsPerspective.ID,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        project = ExperimentProjects.createExampleProject("compare", null);
        Random random = new Random(11);
        a = new double[][][] {ActivationFixtures.gaussian(random, ActivationFixtures.N, 8),
                ActivationFixtures.gaussian(random, ActivationFixtures.N, 16)};
        b = new double[][][] {ActivationFixtures.times(a[1], ActivationFixtures.gaussian(random, 16, 8), 1.0),
                ActivationFixtures.times(a[0], ActivationFixtures.orthogonal(random, 8), 0.1)};
        ActivationFixtures.writeRun(project, "alpha", 0, 8, a);
        ActivationFixtures.writeRun(project, "beta", 0, 16, b);
        UiTestSupport.waitForBuild();
        explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
    }

    @AfterEach
    void cleanUp() throws Exception {
        Job.getJobManager().cancel(CkaComputeJob.FAMILY);
        UiTestSupport.cleanWorkspace();
    }

    /** The explorer lists runs by name, and the selection (so the document's run order) follows it. */
    @Test
    void twoSelectedRunsGetADocumentThatOpensAndComputes() throws Exception {
        select(run("alpha"), run("beta"));
        handlers().executeCommand(CompareRepresentationsHandler.COMMAND_ID, null);
        UiTestSupport.processEvents();

        IFile file = project.getFile("analyses/compare-alpha-beta.cka");
        assertTrue(file.exists(), () -> "the document was created and the workspace knows it; analyses: " + analyses());
        IEditorPart part = UiTestSupport.activePage().getActiveEditor();
        CkaEditor editor = assertInstanceOf(CkaEditor.class, part);
        assertEquals(file, ((IFileEditorInput) editor.getEditorInput()).getFile());
        CkaDocument written = CkaDocumentReader.read(UiTestSupport.readFile(file), null);
        assertEquals(CkaDocument.Mode.LAYERS, written.mode());
        assertEquals(List.of("runs/alpha", "runs/beta"), written.runs());
        assertEquals(List.of("hidden", "middle"), written.layersA());
        assertEquals(SimilarityMetrics.DEFAULT.defaultName(), written.metric());

        CkaEditorTest.waitForResult(editor);
        double[][] expected = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                expected[i][j] = ActivationFixtures.linearCka(a[i], b[j]);
            }
        }
        assertEquals(1.0, expected[0][1], 1e-12, "beta's middle layer is alpha's hidden layer rotated");
        CkaEditorTest.assertMatrix(expected, editor.resultPage().heatmap().values());

        // A second comparison of the same runs does not overwrite the first document.
        select(run("alpha"), run("beta"));
        handlers().executeCommand(CompareRepresentationsHandler.COMMAND_ID, null);
        UiTestSupport.processEvents();
        assertTrue(project.getFile("analyses/compare-alpha-beta-2.cka").exists());
    }

    @Test
    void oneSelectedRunLeavesTheCommandDisabled() {
        select(run("alpha"));
        assertThrows(NotEnabledException.class,
                () -> handlers().executeCommand(CompareRepresentationsHandler.COMMAND_ID, null));
        assertEquals(List.of(), analyses(), "no document without a second run");
    }

    private List<String> analyses() {
        try {
            IFolder folder = project.getFolder("analyses");
            return folder.exists() ? Arrays.stream(folder.members()).map(IResource::getName).toList() : List.of();
        } catch (CoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private RunElement run(String id) {
        return new RunElement(project.getFolder("runs/" + id));
    }

    private void select(RunElement... runs) {
        UiTestSupport.activePage().activate(explorer);
        CommonViewer viewer = explorer.getCommonViewer();
        UiTestSupport.waitUntil("the runs in the Project Explorer", () -> {
            viewer.expandToLevel(project.getFolder("runs"), 1);
            viewer.setSelection(new StructuredSelection(runs), true);
            return viewer.getStructuredSelection().size() == runs.length;
        });
        UiTestSupport.processEvents();
    }

    private static IHandlerService handlers() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class);
    }
}
