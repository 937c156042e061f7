package org.lmworkbench.ui.views.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.resources.ProjectExplorer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.ui.perspective.LearningMechanicsPerspective;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.ui.testing.Widgets;
import org.lmworkbench.ui.views.runs.RunsView;
import org.lmworkbench.workspace.ExperimentProjects;
import org.lmworkbench.workspace.runs.table.ParallelAxes;

/**
 * The tracker's views at the product's default window size (1024 x 768, not maximized) on a sweep
 * of 4 widths x 3 learning rates x 3 seeds: the runs table sorted by final loss, the parallel
 * coordinates of the sweep, and the Runs view with the width on the x axis. Each is saved as a
 * picture for people to look at; what is asserted is that each shows its content with room for it.
 */
class TrackerScreenshotsTest {

    /** The workbench window's size when the product starts without saved state. */
    private static final Point DEFAULT_WINDOW = new Point(1024, 768);

    private IWorkbenchPage page;

    private static IAction toolBarAction(RunsTableView view, String text) {
        for (IContributionItem item : view.getViewSite().getActionBars().getToolBarManager().getItems()) {
            if (item instanceof ActionContributionItem a && text.equals(a.getAction().getText())) {
                return a.getAction();
            }
        }
        throw new AssertionError("no tool bar action " + text);
    }

    @AfterEach
    void cleanUp() throws Exception {
        // The Runs view outlives this test: later tests expect its first choices (metric against step).
        if (page != null && page.findView(RunsView.ID) instanceof RunsView runs) {
            org.lmworkbench.ui.views.runs.RunsViewAccess.reset(runs);
        }
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void tableParallelCoordinatesAndFinalLossAgainstWidth() throws Exception {
        page = PlatformUI.getWorkbench().showPerspective(LearningMechanicsPerspective.ID,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        page.resetPerspective();
        Shell shell = page.getWorkbenchWindow().getShell();
        shell.setMaximized(false);
        shell.setBounds(0, 0, DEFAULT_WINDOW.x, DEFAULT_WINDOW.y);
        IProject project = ExperimentProjects.createExampleProject("sweep", null);
        SweepRuns.write(project, new int[] {32, 64, 128, 256}, new double[] {0.02, 0.05, 0.1}, new int[] {0, 1, 2});
        UiTestSupport.waitForBuild();

        RunsTableView view = (RunsTableView) page.showView(RunsTableView.ID);
        RunsView runs = (RunsView) page.showView(RunsView.ID);
        org.lmworkbench.ui.views.runs.RunsViewAccess.reset(runs);
        CommonNavigator explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
        explorer.getCommonViewer().setSelection(new StructuredSelection(project), true);
        page.showView(RunsTableView.ID);
        Text filter = Widgets.find(shell, Text.class, t -> Messages.RunsTable_filterHint.equals(t.getMessage()));
        Tree tree = Widgets.find(filter.getParent().getParent(), Tree.class, t -> true);
        UiTestSupport.waitUntil("36 runs in the table", () -> tree.getItemCount() == 36);
        for (TreeColumn c : tree.getColumns()) {
            if (c.getText().equals("train_loss (final)")) {
                c.notifyListeners(SWT.Selection, new Event());
            }
        }
        UiTestSupport.processEvents();
        Widgets.screenshot("runs-table");
        assertTrue(tree.getClientArea().height >= 4 * tree.getItemHeight(),
                "the table shows at least four rows in the default layout: " + tree.getClientArea() + ", rows of "
                        + tree.getItemHeight());
        IWorkbenchPartReference ref = page.getReference(view);
        page.setPartState(ref, IWorkbenchPage.STATE_MAXIMIZED);
        UiTestSupport.processEvents();
        Widgets.screenshot("runs-table-maximized");

        IAction parallel = toolBarAction(view, Messages.RunsTable_parallelTab);
        parallel.setChecked(true);
        parallel.run();
        ParallelCoordinates chart = Widgets.find(filter.getParent().getParent(), ParallelCoordinates.class, c -> true);
        ParallelAxes axes = chart.axes();
        assertEquals(List.of("seed", "model.width", "optimizer.lr", "final train_loss"),
                axes.axes().stream().map(ParallelAxes.Axis::title).toList());
        assertFalse(axes.axes().get(1).log() || axes.axes().get(2).log(), "spans under two decades are linear");
        assertEquals(36, axes.lines().size());
        assertEquals(List.of(32.0, 64.0, 128.0, 256.0), axes.axes().get(1).ticks(), "the widths label their axis");
        assertTrue(chart.getSize().y >= 300 && chart.getSize().x >= 600, "room to draw: " + chart.getSize());
        Widgets.screenshot("parallel-coordinates");
        page.setPartState(ref, IWorkbenchPage.STATE_RESTORED);
        UiTestSupport.processEvents();
        assertTrue(chart.getSize().y >= ParallelCoordinates.MIN_HEIGHT,
                "restored, the chart keeps its height and scrolls: " + chart.getSize());
        Widgets.screenshot("parallel-coordinates-default-layout");
        parallel.setChecked(false);
        parallel.run();

        // The Runs view with the width on the x axis: final loss, mean and band over seeds per lr.
        org.lmworkbench.ui.views.runs.RunsViewAccess.keyAxis(runs, "train_loss", "model.width");
        explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
        explorer.getCommonViewer().setSelection(new StructuredSelection(project), true);
        page.showView(RunsView.ID);
        UiTestSupport.waitUntil("three lines of final loss against width", () -> runs.chart().seriesIds().stream()
                .filter(id -> id.startsWith("final:") && !id.endsWith("#band") && !id.endsWith("#runs")).count() == 3);
        String line = runs.chart().seriesIds().stream().filter(id -> id.startsWith("final:") && !id.contains("#"))
                .findFirst().orElseThrow();
        assertEquals(4, runs.chart().seriesX(line).length, "one point per width");
        Widgets.screenshot("final-loss-vs-width");
        page.hideView(view);
    }
}
