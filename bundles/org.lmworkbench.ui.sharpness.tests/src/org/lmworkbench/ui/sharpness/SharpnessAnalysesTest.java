package org.lmworkbench.ui.sharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.console.IConsole;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.ui.analyses.AnalysisJob;
import org.lmworkbench.ui.analyses.AnalysisOffer;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * The family's analyses through the Analyses menu: both are offered on a run with checkpoints, and
 * the Hessian spectrum runs {@code lmw hessian} as a launch with its Console, writes the result and
 * opens the sharpness editor on its spectrum page.
 */
class SharpnessAnalysesTest {

    private static final String SHARPNESS = "org.lmworkbench.analysis.sharpness";
    private static final String SPECTRUM = "org.lmworkbench.analysis.hessianSpectrum";

    private IProject project;
    private IFolder run;

    @BeforeEach
    void copyRun() throws Exception {
        project = ExperimentProjects.createExampleProject("sharpness-analyses", null);
        run = SharpnessFixture.copyInto(project);
        run.getFile("probes/hessian-step-1000.json").delete(true, null);
        UiTestSupport.waitForBuild();
    }

    @AfterEach
    void cleanUp() throws Exception {
        ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch launch : launches.getLaunches()) {
            launches.removeLaunch(launch);
        }
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void bothAreOfferedOnARunWithCheckpointsAndTheSpectrumOnlyThere() throws Exception {
        assertEquals(List.of(SHARPNESS, SPECTRUM), ids(new StructuredSelection(new RunElement(run))));
        IFolder fresh = project.getFolder("runs/eos-001");
        UiTestSupport.copyFixtureFolder("resources/fixtures/runs/eos-001", fresh);
        assertEquals(List.of(SHARPNESS), ids(new StructuredSelection(new RunElement(fresh))), "no checkpoint yet");
    }

    @Test
    void theSpectrumRunsAsALaunchWithAConsoleAndOpensItsPage() throws Exception {
        AnalysisOffer spectrum = AnalysisOffer.of(new StructuredSelection(new RunElement(run))).stream()
                .filter(o -> o.analysis().id().equals(SPECTRUM)).findFirst().orElseThrow();
        new AnalysisJob(spectrum, PlatformUI.getWorkbench().getActiveWorkbenchWindow()).schedule();
        UiTestSupport.waitUntil("the analysis to finish", () -> Job.getJobManager().find(AnalysisJob.FAMILY).length == 0);
        UiTestSupport.processEvents();

        IFile result = run.getFile("probes/hessian-step-1000.json");
        assertTrue(result.exists(), "lmw hessian wrote the spectrum and the workspace sees it");
        ILaunch[] launches = DebugPlugin.getDefault().getLaunchManager().getLaunches();
        assertEquals(1, launches.length);
        UiTestSupport.waitUntil("the command's Console page", () -> Arrays.stream(ConsolePlugin.getDefault()
                .getConsoleManager().getConsoles())
                .anyMatch(c -> c instanceof IConsole process && process.getProcess() == launches[0].getProcesses()[0]));
        SharpnessEditor editor = assertInstanceOf(SharpnessEditor.class, UiTestSupport.activePage().getActiveEditor());
        assertEquals(HessianSpectrumPage.ID, editor.getActivePageInstance().getId());
        assertEquals(List.of(500L, 1000L), editor.spectrumPage().checkpointSteps());
        assertNotNull(editor.spectrumPage().shown(), "the computed spectrum is shown");
        assertEquals(1000, editor.spectrumPage().shown().step());
    }

    private static List<String> ids(StructuredSelection selection) {
        return AnalysisOffer.of(selection).stream().map(o -> o.analysis().id()).toList();
    }
}
