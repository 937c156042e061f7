package org.lmworkbench.workspace.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.testing.Fixtures;
import org.lmworkbench.testing.TestWorkspace;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * The analyses this fragment contributes (fragment.xml) as the registry reads them: what each
 * applies to, its command line and result files for a selection, and the malformed ones left out.
 */
class AnalysisRegistryTest {

    private final AnalysisRegistry registry = AnalysisRegistry.platform();
    private IProject project;
    private IFolder withCheckpoints;
    private IFolder withoutCheckpoints;

    @BeforeEach
    void createProject() throws Exception {
        project = ExperimentProjects.createExampleProject("analyses", null);
        withCheckpoints = project.getFolder("runs/example-eos");
        Fixtures.copyToFolder("resources/fixtures/sharpness/example-eos", withCheckpoints);
        withoutCheckpoints = project.getFolder("runs/eos-001");
        Fixtures.copyToFolder("resources/fixtures/runs/eos-001", withoutCheckpoints);
        TestWorkspace.waitForBuild();
    }

    @AfterEach
    void deleteProject() throws Exception {
        TestWorkspace.deleteProjects();
    }

    @Test
    void wellFormedAnalysesAreReadAndMalformedOnesLeftOut() {
        List<String> ids = registry.analyses().stream().map(AnalysisDescriptor::id).filter(i -> i.startsWith("test."))
                .toList();
        assertEquals(List.of("test.lastCheckpoint", "test.pair", "test.spec", "test.fitDocument"), ids);
        AnalysisDescriptor spectrum = registry.analysis("test.lastCheckpoint");
        assertEquals("Spectrum of the last checkpoint", spectrum.name());
        assertEquals(AnalysisKind.RUN, spectrum.kind());
        assertTrue(spectrum.isBackendCommand());
        assertFalse(spectrum.isComputedInProcess());
        // A fragment's contributions are its host's: classes load through the host.
        assertEquals("org.lmworkbench.workspace", spectrum.contributor());
        assertEquals(List.of(new AnalysisOutput("test.lastCheckpoint", "test.editor", "test.page",
                "org.lmworkbench.workspace")), registry.outputsOf("test.lastCheckpoint"));
        assertNull(registry.analysis("test.badKind"));
    }

    @Test
    void aRunAnalysisResolvesItsVariablesAndNeedsACheckpoint() throws Exception {
        AnalysisTarget run = target(withCheckpoints);
        AnalysisDescriptor spectrum = registry.analysis("test.lastCheckpoint");
        assertTrue(spectrum.appliesTo(run));
        String folder = withCheckpoints.getLocation().toOSString();
        assertEquals(List.of("hessian", folder, "--checkpoint", "1000"), spectrum.commandLine(run));
        assertEquals(List.of(withCheckpoints.getFile("probes/hessian-step-1000.json")), spectrum.results(run));
        assertEquals(withCheckpoints, run.base());

        AnalysisTarget bare = target(withoutCheckpoints);
        assertFalse(spectrum.appliesTo(bare), "eos-001 has no checkpoint");
        assertThrows(AnalysisVariables.UnresolvedException.class, () -> spectrum.commandLine(bare));
        assertFalse(ids(bare).contains("test.lastCheckpoint"));
    }

    @Test
    void severalRunsAreOneTargetWithinTheAnalysisCounts() throws Exception {
        AnalysisTarget two = target(withCheckpoints, withoutCheckpoints);
        assertEquals(AnalysisKind.RUNS, two.kind());
        assertEquals(List.of("test.pair"), ids(two));
        AnalysisDescriptor pair = registry.analysis("test.pair");
        String locations = withCheckpoints.getLocation().toOSString() + "," + withoutCheckpoints.getLocation().toOSString();
        String out = project.getLocation().toOSString() + "/analyses/example-eos-eos-001.json";
        assertEquals(List.of("similarity", "--models", locations, "--out", out), pair.commandLine(two));
        assertEquals(List.of(project.getFile("analyses/example-eos-eos-001.json")), pair.results(two));

        IFolder third = copyRun("eos-002");
        IFolder fourth = copyRun("eos-003");
        assertEquals(List.of("test.pair"), ids(target(withCheckpoints, withoutCheckpoints, third)));
        assertEquals(List.of(), ids(target(withCheckpoints, withoutCheckpoints, third, fourth)), "at most three");
    }

    @Test
    void specsAndDocumentsAreOfferedWhatAppliesToTheirKindAndContentType() throws Exception {
        IFile spec = project.getFile(ExperimentProjects.EXAMPLE_SPEC);
        AnalysisTarget specTarget = target(spec);
        assertEquals(AnalysisKind.SPEC, specTarget.kind());
        assertEquals(List.of("test.spec"), ids(specTarget));
        assertEquals(List.of(project.getFile("example-eos.txt")), registry.analysis("test.spec").results(specTarget));

        IFile fit = project.getFile("analyses/widths.fit");
        TestWorkspace.writeFile(fit, Fixtures.text("resources/fixtures/fit/width.fit"));
        assertEquals(List.of("test.fitDocument"), ids(target(fit)));
        assertEquals(List.of(fit), registry.analysis("test.fitDocument").results(target(fit)));

        IFile cka = project.getFile("analyses/widths.cka");
        TestWorkspace.writeFile(cka, Fixtures.text("resources/fixtures/cka/layers-result.cka"));
        assertEquals(List.of(), ids(target(cka)), "no test analysis applies to a .cka document");
    }

    @Test
    void onlyRunsOfOneProjectOrASingleFileMakeATarget() throws Exception {
        assertNull(AnalysisTarget.of(List.of(withCheckpoints, project.getFile(ExperimentProjects.EXAMPLE_SPEC))));
        assertNull(AnalysisTarget.of(List.of(project.getFolder("runs"))), "the runs folder is no run");
        assertNull(AnalysisTarget.of(List.of()));
        IProject other = ExperimentProjects.createExampleProject("other", null);
        IFolder foreign = other.getFolder("runs/eos-001");
        Fixtures.copyToFolder("resources/fixtures/runs/eos-001", foreign);
        assertNull(AnalysisTarget.of(List.of(withCheckpoints, foreign)));
        assertEquals(List.of(), registry.applicableTo(null));
    }

    private IFolder copyRun(String id) throws Exception {
        IFolder folder = project.getFolder("runs/" + id);
        Fixtures.copyToFolder("resources/fixtures/runs/eos-001", folder);
        return folder;
    }

    private static AnalysisTarget target(IResource... resources) {
        return AnalysisTarget.of(List.of(resources));
    }

    private List<String> ids(AnalysisTarget target) {
        return registry.applicableTo(target).stream().map(AnalysisDescriptor::id).filter(i -> i.startsWith("test."))
                .toList();
    }
}
