package org.lmworkbench.ui.views.runs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
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
import org.lmworkbench.workspace.runs.ViewSettings.Grouping;

/**
 * The Runs view follows the Project Explorer's selection and charts the selected runs' metrics.jsonl:
 * every logged line is a point, lines appended while a run is running appear after a poll, and runs
 * that differ only in their seed become one mean line with a band.
 */
class RunsViewTest {

    private static final String FIXTURE = "resources/fixtures/runs/eos-001";

    private IProject project;
    private IWorkbenchPage page;
    private CommonNavigator explorer;
    private RunsView view;

    @BeforeEach
    void openView() throws Exception {
        page = PlatformUI.getWorkbench().showPerspective(LearningMechanicsPerspective.ID,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        project = ExperimentProjects.createExampleProject("runsview", null);
        UiTestSupport.copyFixtureFolder(FIXTURE, project.getFolder("runs/eos-001"));
        UiTestSupport.waitForBuild();
        explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
        // A selection left by another test would be followed at once; start from none.
        explorer.getCommonViewer().setSelection(StructuredSelection.EMPTY);
        // The perspective opens the view, and earlier test classes leave lines in it; a line left
        // over would satisfy waitForLines before this test's selection has been applied.
        IViewPart open = page.findView(RunsView.ID);
        if (open != null) {
            page.hideView(open);
        }
        view = (RunsView) page.showView(RunsView.ID);
        explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
    }

    @AfterEach
    void cleanUp() throws Exception {
        page.hideView(view);
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void aSelectedRunIsChartedPointForLineAndGrowsWhileRunning() throws Exception {
        select(runElement("eos-001"));
        List<JsonObject> lines = metricsLines(project.getFolder("runs/eos-001"));
        String id = waitForLines(1).keySet().iterator().next();
        assertEquals("eos-001", view.legend().get(id), "one run and nothing varies: its id names it");
        // The fixture logs "loss" (no train_loss): the default metric falls back to it.
        assertEquals("loss", view.lastUpdate().metric());
        waitForPoints(id, lines.size());
        double[] y = view.chart().seriesY(id);
        assertEquals(lines.get(lines.size() - 1).get("loss").getAsDouble(), y[y.length - 1]);
        assertArrayEquals(lines.stream().mapToDouble(l -> l.get("step").getAsDouble()).toArray(),
                view.chart().seriesX(id));
        assertTrue(view.controls().metricItems().containsAll(List.of("loss", "lr", "grad_norm")),
                view.controls().metricItems().toString());
        assertTrue(view.statusText().contains("runs: 1,") && view.statusText().endsWith("points: " + lines.size()),
                view.statusText());

        // The run comes back to life: status.json says running, and the backend appends lines.
        UiTestSupport.writeFile(project.getFile("runs/eos-001/status.json"), UiTestSupport.fixtureText(
                FIXTURE + "/status.json").replace("\"completed\"", "\"running\""));
        Path metrics = project.getFolder("runs/eos-001").getLocation().toPath().resolve("metrics.jsonl");
        Files.writeString(metrics, """
                {"step": 2010, "loss": 0.0121, "lr": 0.05, "grad_norm": 0.11}
                {"step": 2020, "loss": 0.0119, "lr": 0.05, "grad_norm": 0.10}
                {"step": 2030, "loss": 0.0117, "lr": 0.05, "grad_norm": 0.10}
                """, UTF_8, StandardOpenOption.APPEND);
        waitForPoints(id, lines.size() + 3);
        double[] grown = view.chart().seriesY(id);
        assertEquals(0.0117, grown[grown.length - 1]);
        assertEquals(2030, view.chart().seriesX(id)[grown.length - 1]);
        assertEquals(1, view.lastUpdate().live());

        UiTestSupport.writeFile(project.getFile("runs/eos-001/status.json"), UiTestSupport.fixtureText(
                FIXTURE + "/status.json"));
        UiTestSupport.waitUntil("the poller to see the run completed", () -> view.lastUpdate().live() == 0);
    }

    @Test
    void seedsAreAveragedWithABandAndGroupingByAKeyRenamesTheLines() throws Exception {
        IFolder original = project.getFolder("runs/eos-001");
        copyRun("eos-002", "\"seed\": 0", "\"seed\": 1", 1.5);
        copyRun("eos-003", "\"width\": 64", "\"width\": 128", 0.5);
        select(project.getFolder("runs"));
        waitForLines(2);
        assertEquals(List.of("width=64 (2 seeds)", "width=128"), new ArrayList<>(view.legend().values()));
        assertTrue(view.controls().groupItems().containsAll(List.of("seed", "model.width")),
                view.controls().groupItems().toString());

        // Seeds 0 and 1 log y and 1.5 y: the mean is 1.25 y and the sd |0.5 y| / sqrt(2).
        String meanId = view.legend().keySet().iterator().next();
        double[] y = metricsLines(original).stream().mapToDouble(l -> l.get("loss").getAsDouble()).toArray();
        double[] mean = view.chart().seriesY(meanId);
        double[] lower = view.chart().seriesY(meanId + "#band");
        assertEquals(y.length, mean.length);
        for (int i = 0; i < y.length; i++) {
            assertEquals(1.25 * y[i], mean[i], 1e-12);
            assertEquals(1.25 * y[i] - 0.5 * y[i] / Math.sqrt(2), lower[i], 1e-12);
        }

        view.controls().select(view.controls().settings().withGrouping(Grouping.byKey("seed")));
        UiTestSupport.waitUntil("lines grouped by seed", () -> view.legend().values().contains("seed=1"));
        assertEquals(List.of("seed=0 (2 runs)", "seed=1"), new ArrayList<>(view.legend().values()));

        view.controls().select(view.controls().settings().withGrouping(Grouping.EACH_RUN));
        UiTestSupport.waitUntil("one line per run", () -> view.legend().size() == 3);
        assertEquals(List.of("seed=0, width=64", "seed=1, width=64", "seed=0, width=128"),
                new ArrayList<>(view.legend().values()));
    }

    @Test
    void aSpecShowsItsRunsAndPinKeepsThem() throws Exception {
        select(project.getFile("example-eos.lmx"));
        String id = waitForLines(1).keySet().iterator().next();
        assertEquals("eos-001", view.legend().get(id), "the fixture run's spec.json is named example-eos");
        assertTrue(view.statusText().startsWith("runs of example-eos.lmx"), view.statusText());

        // Pinned, the view ignores the selection but still follows the spec: a run of its sweep that
        // starts (here: appears) joins, and the two seeds become one mean line.
        view.pinAction().setChecked(true);
        view.pinAction().run();
        copyRun("eos-002", "\"seed\": 0", "\"seed\": 1", 1.5);
        select(runElement("eos-002"));
        UiTestSupport.waitUntil("the spec's second run to join",
                () -> view.legend().containsValue("example-eos (2 seeds)"));
        assertEquals(1, view.legend().size());
        assertTrue(view.statusText().startsWith("runs of example-eos.lmx"), view.statusText());

        view.pinAction().setChecked(false);
        view.pinAction().run();
        UiTestSupport.waitUntil("the view to follow the selection again",
                () -> view.statusText().startsWith("run eos-002"));
        assertEquals(List.of("eos-002"), new ArrayList<>(view.legend().values()));
    }

    /**
     * A copy of the fixture run with one spec value changed and its losses scaled. Each file is
     * written once with its final content, as the backend does: the view may poll at any moment.
     */
    private void copyRun(String id, String specFrom, String specTo, double lossFactor) throws Exception {
        IFolder copy = project.getFolder("runs/" + id);
        StringBuilder metrics = new StringBuilder();
        for (String text : UiTestSupport.fixtureText(FIXTURE + "/metrics.jsonl").split("\n")) {
            if (!text.isBlank()) {
                JsonObject line = JsonParser.parseString(text).getAsJsonObject();
                line.addProperty("loss", line.get("loss").getAsDouble() * lossFactor);
                metrics.append(line).append('\n');
            }
        }
        String spec = UiTestSupport.fixtureText(FIXTURE + "/spec.json").replaceFirst(specFrom, specTo);
        UiTestSupport.writeFile(copy.getFile("spec.json"), spec);
        UiTestSupport.writeFile(copy.getFile("status.json"), UiTestSupport.fixtureText(FIXTURE + "/status.json"));
        UiTestSupport.writeFile(copy.getFile("metrics.jsonl"), metrics.toString());
    }

    private static List<JsonObject> metricsLines(IFolder run) throws Exception {
        List<JsonObject> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.getLocation().toPath().resolve("metrics.jsonl"), UTF_8)) {
            if (!line.isBlank()) {
                out.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return out;
    }

    private void select(Object element) {
        page.activate(explorer);
        explorer.getCommonViewer().setSelection(new StructuredSelection(element), true);
        UiTestSupport.processEvents();
    }

    private Map<String, String> waitForLines(int count) {
        UiTestSupport.waitUntil(count + " lines in the Runs view", () -> view.legend().size() == count);
        return view.legend();
    }

    private void waitForPoints(String id, int count) {
        UiTestSupport.waitUntil(count + " points on " + id, () -> view.chart().seriesIds().contains(id)
                && view.chart().seriesX(id).length == count);
    }

    private RunElement runElement(String id) {
        CommonViewer viewer = explorer.getCommonViewer();
        RunElement[] found = new RunElement[1];
        UiTestSupport.waitUntil("run " + id + " in the Project Explorer", () -> {
            viewer.expandToLevel(project.getFolder("runs"), 1);
            for (TreeItem item : all(viewer.getTree().getItems())) {
                if (item.getData() instanceof RunElement run && run.id().equals(id)) {
                    found[0] = run;
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    private static List<TreeItem> all(TreeItem[] items) {
        List<TreeItem> out = new ArrayList<>();
        for (TreeItem item : items) {
            out.add(item);
            out.addAll(all(item.getItems()));
        }
        return out;
    }
}
