package org.lmworkbench.ui.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.ui.testing.DefaultWindow;
import org.lmworkbench.ui.testing.LayoutAssertions;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * The .cka editor in the window a new user gets (default size and perspective): every setting is
 * whole, Compute is there, and the result's heatmap keeps its size.
 */
class DefaultLayoutTest {

    private IProject project;

    @BeforeEach
    void writeRuns() throws Exception {
        project = ExperimentProjects.createExampleProject("cka-layout", null);
        Random random = new Random(5);
        int n = ActivationFixtures.N;
        double[][][] a = {ActivationFixtures.gaussian(random, n, 8), ActivationFixtures.gaussian(random, n, 16),
            ActivationFixtures.gaussian(random, n, 8)};
        double[][][] b = {ActivationFixtures.gaussian(random, n, 8), ActivationFixtures.gaussian(random, n, 16),
            ActivationFixtures.gaussian(random, n, 8)};
        ActivationFixtures.writeRun(project, "w8-s0", 0, 8, a);
        ActivationFixtures.writeRun(project, "w8-s1", 1, 8, b);
        UiTestSupport.waitForBuild();
        DefaultWindow.apply();
    }

    @AfterEach
    void cleanUp() throws Exception {
        Job.getJobManager().cancel(CkaComputeJob.FAMILY);
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void settingsAndResultAreWholeAtTheDefaultSize() throws Exception {
        IFile file = project.getFile("analyses/pair.cka");
        UiTestSupport.writeFile(file, CompareRepresentationsHandler.defaults(project.getLocation().toPath(),
                List.of("runs/w8-s0", "runs/w8-s1")).toJson());
        CkaEditor editor = assertInstanceOf(CkaEditor.class, IDE.openEditor(UiTestSupport.activePage(), file, true));
        UiTestSupport.processEvents();
        ScrolledForm settings = editor.settingsPage().getManagedForm().getForm();
        assertTrue(settings.getSize().x < 500, "a narrow editor: " + settings.getSize());
        LayoutAssertions.assertReadable("CKA settings", settings.getBody());
        assertTrue(editor.settingsPage().canCompute());
        DefaultWindow.screenshot("cka-settings-default", settings.getBody());

        editor.settingsPage().pressCompute();
        CkaEditorTest.waitForResult(editor);
        assertEquals(editor.resultPage(), editor.getSelectedPage());
        UiTestSupport.processEvents();
        ScrolledForm result = editor.resultPage().getManagedForm().getForm();
        LayoutAssertions.assertReadable("CKA result", result.getBody());
        Point heatmap = editor.resultPage().heatmap().getSize();
        assertTrue(heatmap.x >= 300 && heatmap.y >= 300, "the heatmap keeps its size: " + heatmap);
        assertEquals(List.of(3, 3), List.of(editor.resultPage().heatmap().values().length,
                editor.resultPage().heatmap().values()[0].length));
        DefaultWindow.screenshot("cka-result-default", result.getBody());
    }
}
