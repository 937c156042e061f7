package org.lmworkbench.ui.analyses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * A new analysis is a class plus a plugin.xml entry: the one this fragment contributes is offered in
 * the Analyses menu on a run and not on a spec, and choosing it computes its result file and opens
 * the editor bound to it.
 */
class AnalysesMenuTest {

    private static final String NAME = "Count Metric Lines";

    private IProject project;
    private RunElement run;

    @BeforeEach
    void createRun() throws Exception {
        project = ExperimentProjects.createExampleProject("menu", null);
        UiTestSupport.copyFixtureFolder("resources/fixtures/runs/eos-001", project.getFolder("runs/eos-001"));
        UiTestSupport.waitForBuild();
        run = new RunElement(project.getFolder("runs/eos-001"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void theContributedAnalysisIsOfferedOnARunAndNotOnASpec() {
        assertTrue(labels(new StructuredSelection(run)).contains(NAME), labels(new StructuredSelection(run)).toString());
        List<String> onSpec = labels(new StructuredSelection(project.getFile(ExperimentProjects.EXAMPLE_SPEC)));
        assertFalse(onSpec.contains(NAME), onSpec.toString());
        List<String> onFolder = labels(new StructuredSelection(project.getFolder("runs")));
        assertEquals(List.of(Messages.AnalysesMenu_none), onFolder, "nothing applies to the runs folder itself");
    }

    @Test
    void choosingItComputesTheResultAndOpensTheBoundEditor() throws Exception {
        ActionContributionItem item = item(new StructuredSelection(run), NAME);
        item.getAction().run();
        UiTestSupport.waitUntil("the analysis to finish", () -> Job.getJobManager().find(AnalysisJob.FAMILY).length == 0);
        UiTestSupport.processEvents();

        IFile result = project.getFile("runs/eos-001/metric-lines.txt");
        assertTrue(result.exists());
        long lines = UiTestSupport.fixtureText("resources/fixtures/runs/eos-001/metrics.jsonl").lines().count();
        assertEquals(lines + "\n", UiTestSupport.readFile(result));
        IEditorPart editor = UiTestSupport.activePage().getActiveEditor();
        assertEquals(result, ((IFileEditorInput) editor.getEditorInput()).getFile());
        assertEquals("org.eclipse.ui.DefaultTextEditor", editor.getEditorSite().getId());
    }

    private static List<String> labels(StructuredSelection selection) {
        return AnalysesMenu.items(selection, window()).stream()
                .map(i -> ((ActionContributionItem) i).getAction().getText()).toList();
    }

    private static ActionContributionItem item(StructuredSelection selection, String label) {
        for (IContributionItem i : AnalysesMenu.items(selection, window())) {
            if (i instanceof ActionContributionItem action && label.equals(action.getAction().getText())) {
                return action;
            }
        }
        throw new AssertionError("no menu item " + label);
    }

    private static IWorkbenchWindow window() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow();
    }
}
