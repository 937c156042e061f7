package org.lmworkbench.ui.views.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.resources.ProjectExplorer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.ui.perspective.LearningMechanicsPerspective;
import org.lmworkbench.ui.runs.DeleteRunsHandler;
import org.lmworkbench.ui.runs.RerunHandler;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.ui.testing.Widgets;
import org.lmworkbench.ui.views.runs.RunsView;
import org.lmworkbench.workspace.ExperimentProjects;
import org.lmworkbench.workspace.FreedesktopTrash;
import org.lmworkbench.workspace.runs.LossFormat;

/**
 * The Runs Table view driven as a user drives it: it follows the project selected in the Project
 * Explorer, sorts by a metric and by a spec key from the header, filters by expression (and says
 * where a bad one is wrong), groups runs with mean ± sd, writes a tag typed into a cell to the run's
 * meta.json, drives the Runs view and the Properties with its selection, and runs the Delete and
 * Re-run commands on the selected rows. Every value is checked against the run files.
 */
class RunsTableViewTest {

    private static final long BACKEND_TIMEOUT_MS = 180_000;

    private IProject project;
    private IWorkbenchPage page;
    private RunsTableView view;
    private Tree tree;

    @BeforeEach
    void openTable() throws Exception {
        page = PlatformUI.getWorkbench().showPerspective(LearningMechanicsPerspective.ID,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        project = ExperimentProjects.createExampleProject("tracker", null);
        SweepRuns.write(project, new int[] {32, 64, 128}, new double[] {0.05}, new int[] {0, 1});
        UiTestSupport.waitForBuild();
        CommonNavigator explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
        explorer.getCommonViewer().setSelection(StructuredSelection.EMPTY);
        IViewPart open = page.findView(RunsTableView.ID);
        if (open != null) {
            page.hideView(open);
        }
        view = (RunsTableView) page.showView(RunsTableView.ID);
        tree = Widgets.find(composite(), Tree.class, t -> true);
        explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
        explorer.getCommonViewer().setSelection(new StructuredSelection(project), true);
        page.showView(RunsTableView.ID);
        UiTestSupport.waitUntil("the project's six runs in the table", () -> tree.getItemCount() == 6);
    }

    @AfterEach
    void cleanUp() throws Exception {
        page.hideView(view);
        UiTestSupport.cleanWorkspace();
    }

    /** The view's own composite: the parent of the row that holds the filter field. */
    private Composite composite() {
        return Widgets.find(page.getWorkbenchWindow().getShell(), Text.class,
                t -> Messages.RunsTable_filterHint.equals(t.getMessage())).getParent().getParent();
    }

    private int column(String title) {
        TreeColumn[] columns = tree.getColumns();
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].getText().equals(title)) {
                return i;
            }
        }
        throw new AssertionError("no column '" + title + "' among " + Stream.of(columns).map(TreeColumn::getText).toList());
    }

    private List<String> texts(int column) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tree.getItemCount(); i++) {
            out.add(tree.getItem(i).getText(column));
        }
        return out;
    }

    private void clickHeader(String title) {
        tree.getColumn(column(title)).notifyListeners(SWT.Selection, new Event());
        UiTestSupport.processEvents();
    }

    /** The final train_loss of every run, read from its metrics.jsonl here. */
    private Map<String, Double> finalLosses() throws Exception {
        Map<String, Double> out = new TreeMap<>();
        for (RunDirectory run : RunDirectory.list(project.getLocation().toPath())) {
            List<String> lines = Files.readAllLines(run.metricsFile());
            JsonObject last = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
            out.put(run.runId(), last.get("train_loss").getAsDouble());
        }
        return out;
    }

    @Test
    void sortsByAMetricAndASpecKeyFromTheHeader() throws Exception {
        clickHeader("train_loss (final)");
        int loss = column("train_loss (final)");
        Map<String, Double> truth = finalLosses();
        List<String> byLoss = truth.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .toList();
        assertEquals(byLoss, texts(column("Name")), "ascending by final loss");
        assertEquals(byLoss.stream().map(id -> LossFormat.format(truth.get(id))).toList(), texts(loss));
        assertEquals(SWT.UP, tree.getSortDirection());

        clickHeader("train_loss (final)");
        assertEquals(byLoss.reversed(), texts(column("Name")), "a second click sorts the other way");

        clickHeader("width");
        clickHeader("width");
        assertEquals(List.of("128", "128", "64", "64", "32", "32"), texts(column("width")),
                "a spec key sorts as numbers (32 < 64 < 128), descending after the second click");
    }

    @Test
    void filtersToTheRowsThatMatchAndSaysWhereAnExpressionIsWrong() {
        Text filter = Widgets.find(composite(), Text.class, t -> Messages.RunsTable_filterHint.equals(t.getMessage()));
        filter.setText("model.width>=64 and seed=1");
        UiTestSupport.processEvents();
        assertEquals(List.of("sweep-003", "sweep-005"), texts(column("Name")));

        filter.setText("widht>=64");
        UiTestSupport.processEvents();
        Label problem = Widgets.find(composite(), Label.class, l -> l.getText().startsWith("Filter: "));
        assertTrue(problem.isVisible());
        assertEquals("Filter: unknown name 'widht' (not a column, spec key or metric of these runs) (at column 1)",
                problem.getText());
        assertEquals(2, tree.getItemCount(), "a bad expression leaves the rows of the last good one");

        filter.setText("tag:none or state != completed");
        UiTestSupport.processEvents();
        assertFalse(problem.isVisible());
        assertEquals("", problem.getText());
        assertEquals(0, tree.getItemCount());
        filter.setText("");
        UiTestSupport.processEvents();
        assertEquals(6, tree.getItemCount());
    }

    @Test
    void groupRowsShowMeanAndSampleSdOverSeeds() throws Exception {
        Combo group = Widgets.find(composite(), Combo.class, c -> c.indexOf("by all keys but the seeds") >= 0);
        group.select(group.indexOf("by all keys but the seeds"));
        group.notifyListeners(SWT.Selection, new Event());
        UiTestSupport.processEvents();
        assertEquals(3, tree.getItemCount(), "three widths, two seeds each");
        Map<String, Double> truth = finalLosses();
        int name = column("Name");
        int loss = column("train_loss (final)");
        for (TreeItem item : tree.getItems()) {
            assertEquals(2, item.getItemCount());
            DescriptiveStatistics stats = new DescriptiveStatistics();
            for (TreeItem child : childrenOf(item)) {
                stats.addValue(truth.get(child.getText(name)));
            }
            assertEquals(LossFormat.format(stats.getMean()) + " \u00b1 " + LossFormat.format(stats.getStandardDeviation()),
                    item.getText(loss), item.getText(name));
            assertTrue(item.getText(name).matches("width=\\d+ \\(2 seeds\\)"), item.getText(name));
        }
    }

    private static List<TreeItem> childrenOf(TreeItem item) {
        item.setExpanded(true);
        UiTestSupport.processEvents();
        List<TreeItem> children = new ArrayList<>();
        for (int i = 0; i < item.getItemCount(); i++) {
            TreeItem child = item.getItem(i);
            child.getText(); // a virtual item fills in when asked
            children.add(child);
        }
        return children;
    }

    @Test
    void aTagTypedIntoTheTableIsInTheRunFoldersMetaJson() throws Exception {
        int tags = column("Tags");
        TreeItem row = tree.getItem(texts(column("Name")).indexOf("sweep-002"));
        Rectangle cell = row.getBounds(tags);
        Event click = new Event();
        click.x = cell.x + cell.width / 2;
        click.y = cell.y + cell.height / 2;
        click.button = 1;
        tree.notifyListeners(SWT.MouseDoubleClick, click);
        Text field = Widgets.find(tree, Text.class, t -> true);
        field.setText("baseline, eos");
        Event enter = new Event();
        enter.detail = SWT.TRAVERSE_RETURN;
        field.notifyListeners(SWT.Traverse, enter);

        Path meta = project.getLocation().toPath().resolve("runs/sweep-002/meta.json");
        JsonObject o = JsonParser.parseString(Files.readString(meta)).getAsJsonObject();
        assertEquals("[\"baseline\",\"eos\"]", o.get("tags").toString());
        UiTestSupport.waitUntil("the table to show the tags", () -> texts(tags).contains("baseline, eos"));
    }

    @Test
    void selectedRowsAreTheWorkbenchSelectionTheRunsViewCharts() throws Exception {
        RunsView runs = (RunsView) page.showView(RunsView.ID);
        page.activate(view);
        List<String> names = texts(column("Name"));
        tree.setSelection(new TreeItem[] {tree.getItem(names.indexOf("sweep-000")), tree.getItem(names.indexOf("sweep-004"))});
        tree.notifyListeners(SWT.Selection, new Event());
        IStructuredSelection selection = (IStructuredSelection) view.getSite().getSelectionProvider().getSelection();
        assertEquals(List.of("sweep-000", "sweep-004"),
                selection.toList().stream().map(e -> ((RunElement) e).id()).toList(), "run elements, as the explorer gives");
        UiTestSupport.waitUntil("the Runs view to chart the two runs",
                () -> runs.chart().seriesIds().stream().filter(id -> !id.endsWith("#band")).count() == 2);
        assertEquals(5, runs.chart().seriesX(runs.chart().seriesIds().get(0)).length, "every logged step");
    }

    @Test
    void deleteMovesTheRunToTheTrashAndTheTableForgetsIt() throws Exception {
        FreedesktopTrash trash = FreedesktopTrash.forCurrentUser();
        Path folder = project.getLocation().toPath().resolve("runs/sweep-001");
        selectAndRun("sweep-001", "org.lmworkbench.ui.run.delete", dialog -> {
            assertTrue(Widgets.all(dialog, Label.class, l -> l.getText().contains("sweep-001")).size() > 0,
                    "the confirmation names the run");
            Widgets.press(dialog, "OK");
        });
        waitForJobs(DeleteRunsHandler.FAMILY);
        assertFalse(Files.exists(folder), "the folder left the project");
        UiTestSupport.waitUntil("the table to drop the row", () -> tree.getItemCount() == 5);
        assertFalse(texts(column("Name")).contains("sweep-001"));
        // In the trash, with the record of where it came from.
        Path info = trashInfoOf(trash, folder);
        Path trashed = trash.homeTrash().resolve("files").resolve(info.getFileName().toString().replace(".trashinfo", ""));
        try {
            assertTrue(Files.isRegularFile(trashed.resolve("status.json")), "the run's files are in the trash");
        } finally {
            deleteTree(trashed);
            Files.deleteIfExists(info);
        }
    }

    @Test
    void reRunTrainsTheSameSpecInANewRunFolder() throws Exception {
        selectAndRun("sweep-001", "org.lmworkbench.ui.run.rerun", null);
        waitForJobs(RerunHandler.FAMILY);
        RunDirectory fresh = new RunDirectory(project.getLocation().toPath().resolve("runs/sweep-006"));
        RunDirectory old = new RunDirectory(project.getLocation().toPath().resolve("runs/sweep-001"));
        waitLong("the re-run to complete", () -> {
            try {
                return Files.exists(fresh.statusFile()) && fresh.readStatus().state() == RunState.COMPLETED;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertEquals(old.readSpec(), fresh.readSpec(), "the same spec.json");
        assertEquals(SweepRuns.STEPS, fresh.readStatus().lastStep());
        waitLong("the re-run's launch to end", () -> java.util.Arrays.stream(
                org.eclipse.debug.core.DebugPlugin.getDefault().getLaunchManager().getLaunches())
                .allMatch(org.eclipse.debug.core.ILaunch::isTerminated));
        UiTestSupport.waitUntil("the table to show the new run", () -> texts(column("Name")).contains("sweep-006"));
    }

    /** Selects one row, makes the table the active part and executes a command on its selection. */
    private void selectAndRun(String run, String command, java.util.function.Consumer<org.eclipse.swt.widgets.Shell> dialog)
            throws Exception {
        page.activate(view);
        tree.setSelection(tree.getItem(texts(column("Name")).indexOf(run)));
        tree.notifyListeners(SWT.Selection, new Event());
        UiTestSupport.processEvents();
        if (dialog != null) {
            Widgets.answerNextDialog(dialog);
        }
        view.getSite().getService(IHandlerService.class).executeCommand(command, null);
    }

    private static void waitForJobs(Object family) {
        UiTestSupport.waitUntil("the command's job", () -> Job.getJobManager().find(family).length == 0);
    }

    private static void waitLong(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + BACKEND_TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                org.junit.jupiter.api.Assertions.fail("timed out waiting for " + what);
            }
            UiTestSupport.processEvents();
            Thread.sleep(50);
        }
    }

    /** The .trashinfo whose Path is {@code original}. */
    private static Path trashInfoOf(FreedesktopTrash trash, Path original) throws Exception {
        try (Stream<Path> infos = Files.list(trash.homeTrash().resolve("info"))) {
            for (Path info : infos.toList()) {
                if (Files.readAllLines(info).contains("Path=" + original)) {
                    return info;
                }
            }
        }
        throw new AssertionError("no .trashinfo for " + original);
    }

    private static void deleteTree(Path folder) throws Exception {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
