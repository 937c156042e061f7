package org.lmworkbench.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.resources.ProjectExplorer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.ui.perspective.LearningMechanicsPerspective;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.ui.testing.Widgets;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * Export to TensorBoard... from the workbench: the folder offered is the project's tensorboard/,
 * and a run exported into the folder typed in the dialog reads back, with a reader that shares no
 * code with the product, as the values of its metrics.jsonl in float32.
 */
class TensorBoardExportTest {

    @TempDir
    Path temp;

    private IProject project;
    private IWorkbenchPage page;
    private CommonNavigator explorer;

    @BeforeEach
    void createProject() throws Exception {
        page = PlatformUI.getWorkbench().showPerspective(LearningMechanicsPerspective.ID,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        project = ExperimentProjects.createExampleProject("tb", null);
        UiTestSupport.waitForBuild();
        explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
    }

    @AfterEach
    void cleanUp() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void anExportReadsBackWithTheRunsValuesInFloat32() throws Exception {
        UiTestSupport.copyFixtureFolder("resources/fixtures/runs/eos-001", project.getFolder("runs/eos-001"));
        UiTestSupport.waitForBuild();
        UiPlugin.getDefault().getDialogSettings().put(ExportTensorBoardHandler.LAST_FOLDER, (String) null);
        explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
        explorer.getCommonViewer().setSelection(new StructuredSelection(
                new RunElement(project.getFolder("runs/eos-001"))), true);
        page.activate(explorer);
        Path out = temp.resolve("tb-logs");
        String[] offered = new String[1];
        Widgets.answerNextDialog(dialog -> {
            Text folder = Widgets.find(dialog, Text.class, Text::getEditable);
            offered[0] = folder.getText();
            folder.setText(out.toString());
            Widgets.press(dialog, "OK");
        });
        explorer.getSite().getService(IHandlerService.class).executeCommand("org.lmworkbench.ui.run.exportTensorBoard",
                null);
        assertEquals(project.getLocation().toPath().resolve("tensorboard").toString(), offered[0],
                "the project's tensorboard/ folder, not the process's working folder");
        UiTestSupport.waitUntil("the export job", () -> Job.getJobManager().find(ExportTensorBoardHandler.FAMILY).length == 0);

        Path file;
        try (Stream<Path> files = Files.list(out.resolve("eos-001"))) {
            file = files.filter(f -> f.getFileName().toString().contains("tfevents")).findFirst().orElseThrow();
        }
        Map<String, Map<Long, Float>> scalars = WireFormatEvents.scalars(Files.readAllBytes(file));
        Map<Long, Float> want = new TreeMap<>();
        for (MetricsRecord r : MetricsReader.readAll(project.getLocation().toPath().resolve("runs/eos-001/metrics.jsonl"))) {
            if (r.has("loss")) {
                want.put(r.step(), (float) r.number("loss"));
            }
        }
        assertTrue(want.size() > 3);
        assertEquals(want, scalars.get("loss"), "every logged step, its value as float32");
        for (Map.Entry<String, JsonElement> e : JsonParser.parseString(Files.readAllLines(project.getLocation().toPath()
                .resolve("runs/eos-001/metrics.jsonl")).get(0)).getAsJsonObject().entrySet()) {
            if (e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isNumber() && !e.getKey().equals("step")
                    && !e.getKey().equals("wall_time")) {
                assertTrue(scalars.containsKey(e.getKey()), "every metric is a tag: " + e.getKey());
            }
        }
    }
}
