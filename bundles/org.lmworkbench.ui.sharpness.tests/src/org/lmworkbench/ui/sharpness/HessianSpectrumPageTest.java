package org.lmworkbench.ui.sharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.analysis.eos.SharpnessSample;
import org.lmworkbench.analysis.eos.SharpnessSeries;
import org.lmworkbench.ui.testing.LaunchPrompts;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * The Hessian spectrum page: a spectrum the backend computed earlier is shown as stored, and
 * Compute runs the real backend ({@code lmw hessian} in a child JVM) on a checkpoint of the
 * fixture run and shows what it wrote.
 */
class HessianSpectrumPageTest {

    private IProject project;
    private IFolder run;
    private Path runDir;

    @BeforeEach
    void copyRun() throws Exception {
        project = ExperimentProjects.createExampleProject("spectrum", null);
        run = SharpnessFixture.copyInto(project);
        runDir = run.getLocation().toPath();
        UiTestSupport.waitForBuild();
    }

    @AfterEach
    void cleanUp() throws Exception {
        Job.getJobManager().cancel(HessianComputeJob.FAMILY);
        UiTestSupport.cleanWorkspace();
    }

    private HessianSpectrumPage openSpectrumPage() throws Exception {
        SharpnessEditor editor = assertInstanceOf(SharpnessEditor.class,
                IDE.openEditor(UiTestSupport.activePage(), run.getFile("probes/sharpness.jsonl")));
        editor.setActivePage(HessianSpectrumPage.ID);
        UiTestSupport.processEvents();
        return editor.spectrumPage();
    }

    @Test
    void storedSpectrumIsShownWithoutRecomputing() throws Exception {
        HessianSpectrumPage page = openSpectrumPage();
        assertEquals(List.of(500L, 1000L), page.checkpointSteps());
        // The newest checkpoint is chosen, and its spectrum is on disk already.
        assertNotNull(page.shown());
        assertEquals(1000, page.shown().step());
        assertEquals(null, page.job(), "nothing was computed");

        JsonObject json = JsonParser.parseString(Files.readString(runDir.resolve("probes/hessian-step-1000.json")))
                .getAsJsonObject();
        JsonArray eigenvalues = json.getAsJsonObject("top").getAsJsonArray("eigenvalues");
        JsonArray residuals = json.getAsJsonObject("top").getAsJsonArray("residuals");
        assertTableShows(page.results().table(), eigenvalues, residuals);
        JsonObject trace = json.getAsJsonObject("trace");
        double[] shownTrace = SharpnessEditorTest.numbers(page.results().traceText());
        assertEquals(trace.get("estimate").getAsDouble(), shownTrace[0], 1e-5 * shownTrace[0]);
        assertEquals(trace.get("standard_error").getAsDouble(), shownTrace[1], 1e-3 * shownTrace[1]);

        // Density, five eigenvalue markers and the 2/lr marker.
        List<String> ids = new ArrayList<>(page.results().chart().seriesIds());
        assertTrue(ids.contains(SpectrumResultsView.DENSITY), ids.toString());
        for (int i = 1; i <= 5; i++) {
            assertTrue(ids.contains(SpectrumResultsView.eigenvalueId(i)), ids.toString());
        }
        assertTrue(ids.contains(SpectrumResultsView.THRESHOLD), ids.toString());
        double[] density = page.results().chart().seriesY(SpectrumResultsView.DENSITY);
        assertTrue(density.length > 100 && java.util.Arrays.stream(density).allMatch(v -> v > 0));

        // The spectrum agrees with the sharpness probe of the same step (same examples, same weights).
        List<SharpnessSample> samples = SharpnessSeries.read(runDir.resolve("probes/sharpness.jsonl"));
        SharpnessSample last = samples.get(samples.size() - 1);
        assertEquals(1000, last.step());
        assertEquals(last.lambdaMax(), eigenvalues.get(0).getAsDouble(), 1e-4 * last.lambdaMax());
    }

    @Test
    void computeRunsTheBackendOnACheckpoint() throws Exception {
        HessianSpectrumPage page = openSpectrumPage();
        Path file = runDir.resolve("probes/hessian-step-500.json");
        assertTrue(!Files.exists(file));
        page.selectCheckpoint(500);
        assertTrue(page.statusText().contains("500"), page.statusText());
        page.setOptions(3, true, false);
        page.compute();
        UiTestSupport.waitUntil("the backend's hessian command", () -> page.job() != null
                && page.job().getState() == Job.NONE && page.shown() != null && page.shown().step() == 500);
        assertTrue(page.job().getResult().isOK(), page.job().getResult().toString());
        assertTrue(Files.isRegularFile(file));
        UiTestSupport.waitUntil("the new file in the workspace", () -> run.getFile("probes/hessian-step-500.json").exists());

        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        JsonArray eigenvalues = json.getAsJsonObject("top").getAsJsonArray("eigenvalues");
        assertEquals(3, eigenvalues.size());
        assertTableShows(page.results().table(), eigenvalues, json.getAsJsonObject("top").getAsJsonArray("residuals"));
        assertTrue(json.has("trace") && !json.has("density"));
        // Independent truth: the training-time probe measured lambda_1 = 20.67 on the same weights at step 500.
        SharpnessSample atStep500 = SharpnessSeries.read(runDir.resolve("probes/sharpness.jsonl")).stream()
                .filter(s -> s.step() == 500).findFirst().orElseThrow();
        assertEquals(atStep500.lambdaMax(), eigenvalues.get(0).getAsDouble(), 1e-4 * atStep500.lambdaMax());
        // computing is no unsaved edit: the next training run asks to save nothing
        LaunchPrompts.assertLaunchAsksNothing();
    }

    @Test
    void closingTheEditorWhileItComputesLeavesNoProcessAndLogsNothing() throws Exception {
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener listener = (status, plugin) -> {
            if (status.getSeverity() == IStatus.ERROR) {
                logged.add(status);
            }
        };
        Platform.addLogListener(listener);
        try {
            HessianSpectrumPage page = openSpectrumPage();
            page.selectCheckpoint(500);
            page.setOptions(50, true, true); // seconds of Hessian-vector products after the JVM has started
            page.compute();
            UiTestSupport.waitUntil("the backend JVM", () -> ProcessHandle.current().descendants().findAny().isPresent());
            HessianComputeJob job = page.job();

            UiTestSupport.activePage().closeAllEditors(false);
            UiTestSupport.waitUntil("the computation to end", () -> job.getState() == Job.NONE);
            assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), job.getResult().toString());
            UiTestSupport.waitUntil("every backend JVM to exit",
                    () -> ProcessHandle.current().descendants().findAny().isEmpty());
            UiTestSupport.processEvents(); // what the job posted after the close must be dropped, not fail
            assertFalse(Files.exists(runDir.resolve("probes/hessian-step-500.json")), "nothing half-written");
            assertEquals(List.of(), logged);
        } finally {
            Platform.removeLogListener(listener);
        }
    }

    private static void assertTableShows(Table table, JsonArray eigenvalues, JsonArray residuals) {
        assertEquals(eigenvalues.size(), table.getItemCount());
        for (int i = 0; i < eigenvalues.size(); i++) {
            double expected = eigenvalues.get(i).getAsDouble();
            assertEquals(Integer.toString(i + 1), table.getItem(i).getText(0));
            assertEquals(expected, Double.parseDouble(table.getItem(i).getText(1)), 1e-9 * Math.abs(expected));
            double residual = residuals.get(i).getAsDouble();
            assertEquals(residual, Double.parseDouble(table.getItem(i).getText(2)), 1e-3 * residual);
        }
    }
}
