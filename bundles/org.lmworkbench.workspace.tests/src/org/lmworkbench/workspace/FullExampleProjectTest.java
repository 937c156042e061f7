package org.lmworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.spec.ExampleSpecs;
import org.lmworkbench.core.spec.ResolvedRun;
import org.lmworkbench.core.spec.Specs;
import org.lmworkbench.testing.TestWorkspace;
import org.lmworkbench.workspace.builder.SpecMarkers;
import org.lmworkbench.workspace.cka.CkaDocument;
import org.lmworkbench.workspace.cka.CkaDocumentReader;
import org.lmworkbench.workspace.fit.FitDocument;
import org.lmworkbench.workspace.fit.FitDocumentJson;

/**
 * The example project of the first start: three valid specs, and analysis documents that the
 * editors read and that point at runs those specs will create (so launching the specs is all a
 * new user has to do before computing them).
 */
class FullExampleProjectTest {

    private IProject project;

    @AfterEach
    void deleteProject() throws Exception {
        if (project != null) {
            project.delete(true, true, null);
        }
    }

    @Test
    void specsAreValidAndTheDocumentsPointAtTheirRuns() throws Exception {
        project = ExperimentProjects.createFullExampleProject("full-example", null);
        TestWorkspace.waitForBuild();
        for (String spec : ExampleSpecs.ALL) {
            assertEquals(ExampleSpecs.text(spec), TestWorkspace.readFile(project.getFile(spec)), spec);
        }
        assertEquals(0, project.findMarkers(SpecMarkers.MARKER_TYPE, true, IResource.DEPTH_INFINITE).length,
                "the example specs are valid");

        String fitText = TestWorkspace.readFile(project.getFolder("analyses").getFile(ExperimentProjects.EXAMPLE_FIT));
        FitDocument fit = FitDocumentJson.read(fitText);
        assertTrue(fit.source().fromRuns());
        assertTrue(project.getFile(fit.source().path()).exists(), "the fit reads the runs of a spec of the project");
        assertEquals(List.of("data.n_train"), fit.source().x());

        String ckaText = TestWorkspace.readFile(project.getFolder("analyses").getFile(ExperimentProjects.EXAMPLE_CKA));
        CkaDocument cka = CkaDocumentReader.read(ckaText, ExperimentProjects.EXAMPLE_CKA);
        List<String> transferRuns = Specs.parse(ExampleSpecs.text(ExampleSpecs.MUP_TRANSFER)).runs().stream()
                .map(ResolvedRun::runId).map(id -> "runs/" + id).toList();
        assertTrue(transferRuns.containsAll(cka.runs()), "CKA compares runs of the muP sweep: " + cka.runs());
        assertEquals(3, cka.runs().size());
        assertTrue(ResourcesPlugin.getWorkspace().getRoot().getProject("full-example").exists());
    }
}
