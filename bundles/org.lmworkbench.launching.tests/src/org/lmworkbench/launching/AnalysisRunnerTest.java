package org.lmworkbench.launching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.testing.Fixtures;
import org.lmworkbench.testing.TestWorkspace;
import org.lmworkbench.workspace.ExperimentProjects;
import org.lmworkbench.workspace.analysis.AnalysisDescriptor;
import org.lmworkbench.workspace.analysis.AnalysisRegistry;
import org.lmworkbench.workspace.analysis.AnalysisTarget;

/**
 * Computing an analysis of the registry: a backend command runs as a launch and its result appears
 * in the workspace, a class computes in this JVM, and an analysis without either names what exists.
 */
class AnalysisRunnerTest {

    private final AnalysisRegistry registry = AnalysisRegistry.platform();
    private IProject project;
    private IFolder run;

    @BeforeEach
    void createProject() throws Exception {
        project = ExperimentProjects.createExampleProject("runner", null);
        run = project.getFolder("runs/example-eos");
        Fixtures.copyToFolder("resources/fixtures/sharpness/example-eos", run);
        run.getFile("probes/hessian-step-1000.json").delete(true, null);
        TestWorkspace.waitForBuild();
    }

    @AfterEach
    void cleanUp() throws Exception {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunch launch : manager.getLaunches()) {
            manager.removeLaunch(launch);
        }
        TestWorkspace.deleteProjects();
    }

    @Test
    void aBackendCommandLeavesItsResultInTheWorkspace() throws Exception {
        AnalysisDescriptor spectrum = registry.analysis("test.runner.spectrum");
        List<IFile> results = AnalysisRunner.compute(spectrum, target(), null);

        IFile result = run.getFile("probes/hessian-step-1000.json");
        assertEquals(List.of(result), results);
        assertTrue(result.exists(), "refreshed into the workspace");
        assertTrue(TestWorkspace.readFile(result).contains("\"step\": 1000"), TestWorkspace.readFile(result));
        ILaunch[] launches = DebugPlugin.getDefault().getLaunchManager().getLaunches();
        assertEquals(1, launches.length, "the command ran as one launch");
        assertEquals("lmw hessian", launches[0].getProcesses()[0].getLabel());
    }

    @Test
    void aClassComputesInThisJvm() throws Exception {
        List<IFile> results = AnalysisRunner.compute(registry.analysis("test.runner.lines"), target(), null);
        IFile lines = run.getFile("metrics-lines.txt");
        assertEquals(List.of(lines), results, "the declared result when the class names none");
        long expected = Fixtures.text("resources/fixtures/sharpness/example-eos/metrics.jsonl").lines().count();
        assertEquals(expected + "\n", TestWorkspace.readFile(lines));
        assertEquals(0, DebugPlugin.getDefault().getLaunchManager().getLaunches().length, "no process was started");
    }

    @Test
    void anAnalysisWithoutComputationNamesItsFiles() throws Exception {
        assertEquals(List.of(run.getFile("status.json")),
                AnalysisRunner.compute(registry.analysis("test.runner.existing"), target(), null));
    }

    @Test
    void anAnalysisThatDoesNotApplyIsRefusedWithTheReason() throws Exception {
        IFolder bare = project.getFolder("runs/eos-001");
        Fixtures.copyToFolder("resources/fixtures/runs/eos-001", bare);
        AnalysisTarget target = AnalysisTarget.of(List.of(bare));
        CoreException e = assertThrows(CoreException.class,
                () -> AnalysisRunner.compute(registry.analysis("test.runner.spectrum"), target, null));
        assertEquals("Top eigenvalue of the last checkpoint does not apply to eos-001: eos-001 has no checkpoint",
                e.getStatus().getMessage());
        assertFalse(bare.getFolder("probes").getFile("hessian-step-1000.json").exists());
    }

    private AnalysisTarget target() {
        return AnalysisTarget.of(List.of(run));
    }
}
