package org.lmworkbench.ui.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.CommonViewer;
import org.eclipse.ui.navigator.resources.ProjectExplorer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.ui.internal.UiImages;
import org.lmworkbench.ui.internal.UiPlugin;
import org.lmworkbench.ui.perspective.LearningMechanicsPerspective;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * The Project Explorer in the Learning Mechanics perspective shows a run directory as a run with
 * its state, step and loss, follows status.json, and keeps the run's files browsable.
 */
class ProjectExplorerRunsTest {

    private static final String STATUS_RUNNING = """
            {
              "state": "running",
              "created": "2026-11-20T09:14:02Z",
              "started": "2026-11-20T09:14:05Z",
              "device": "cpu",
              "threads": 1,
              "last_step": 1500,
              "total_steps": 2000,
              "last_loss": 0.0456
            }
            """;

    private static final String SCHEDULER = """
            {"scheduler": "slurm", "job_id": "4711", "array_index": 2, "state": "%s", "reason": "%s", "node": "%s",
             "checked": "2026-11-20T09:14:03Z"}
            """;

    private IProject project;
    private CommonViewer viewer;

    @BeforeEach
    void showRunInExplorer() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(LearningMechanicsPerspective.ID,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        assertEquals(LearningMechanicsPerspective.ID, page.getPerspective().getId());
        project = ExperimentProjects.createExampleProject("explorer", null);
        UiTestSupport.copyFixtureFolder("resources/fixtures/runs/eos-001", project.getFolder("runs/eos-001"));
        UiTestSupport.waitForBuild();
        // The perspective put the Project Explorer there already; showView only brings it to front.
        CommonNavigator explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
        viewer = explorer.getCommonViewer();
    }

    @AfterEach
    void cleanUp() throws Exception {
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void runShowsStateStepAndLossWithTheStateIcon() {
        TreeItem run = runItem("eos-001");
        assertEquals("eos-001  completed \u00b7 step 2000/2000 \u00b7 loss 0.0123", run.getText());
        assertSame(UiPlugin.image(UiImages.runState("completed")), run.getImage());
        RunElement element = (RunElement) run.getData();
        assertEquals(project.getFolder("runs/eos-001"), Adapters.adapt(element, IFolder.class));
        assertEquals(project.getFolder("runs/eos-001"), Adapters.adapt(element, IResource.class));
    }

    @Test
    void runLabelFollowsStatusJson() throws Exception {
        runItem("eos-001");
        UiTestSupport.writeFile(project.getFile("runs/eos-001/status.json"), STATUS_RUNNING);
        // Look the item up afresh each time: the viewer may recycle items while it processes deltas.
        UiTestSupport.waitUntil("the run label to show the running state",
                () -> runItem("eos-001").getText().contains("running"));
        TreeItem run = runItem("eos-001");
        assertEquals("eos-001  running \u00b7 step 1500/2000 \u00b7 loss 0.0456", run.getText());
        assertSame(UiPlugin.image(UiImages.runState("running")), run.getImage());
    }

    @Test
    void aRunOnSlurmShowsWhatTheSchedulerLastSaidAboutIt() throws Exception {
        runItem("eos-001");
        String submitted = STATUS_RUNNING.replace("\"running\"", "\"queued\"").replace("\"last_step\": 1500",
                "\"last_step\": 0").replace("\"last_loss\": 0.0456", "\"scheduler\": \"slurm\", \"job_id\": \"4711\", "
                + "\"array_index\": 2");
        UiTestSupport.writeFile(project.getFile("runs/eos-001/status.json"), submitted);
        UiTestSupport.writeFile(project.getFile("runs/eos-001/scheduler.json"), SCHEDULER.formatted("PENDING",
                "JobArrayTaskLimit", ""));
        UiTestSupport.waitUntil("the pending reason in the label",
                () -> runItem("eos-001").getText().contains("pending"));
        assertEquals("eos-001  queued, pending (JobArrayTaskLimit) \u00b7 step 0/2000", runItem("eos-001").getText());
        assertSame(UiPlugin.image(UiImages.runState("queued")), runItem("eos-001").getImage());

        UiTestSupport.writeFile(project.getFile("runs/eos-001/scheduler.json"), SCHEDULER.formatted("RUNNING", "",
                "vm"));
        UiTestSupport.waitUntil("the task to show as started", () -> runItem("eos-001").getText().contains("starting"));
        assertEquals("eos-001  running, starting on vm \u00b7 step 0/2000", runItem("eos-001").getText());
        assertSame(UiPlugin.image(UiImages.runState("running")), runItem("eos-001").getImage());

        UiTestSupport.writeFile(project.getFile("runs/eos-001/status.json"), STATUS_RUNNING.replace("\"last_loss\": "
                + "0.0456", "\"last_loss\": 0.0456, \"scheduler\": \"slurm\", \"job_id\": \"4711\", \"array_index\": 2"));
        UiTestSupport.waitUntil("the run's own progress", () -> runItem("eos-001").getText().contains("1500"));
        assertEquals("eos-001  running \u00b7 step 1500/2000 \u00b7 loss 0.0456", runItem("eos-001").getText());
    }

    @Test
    void runFilesStayBrowsableUnderTheRun() {
        TreeItem run = runItem("eos-001");
        viewer.expandToLevel(run.getData(), 1);
        UiTestSupport.processEvents();
        List<String> children = new ArrayList<>();
        for (TreeItem child : run.getItems()) {
            children.add(child.getText());
        }
        assertTrue(children.containsAll(List.of("probes", "log.txt", "metrics.jsonl", "spec.json", "status.json")),
                children.toString());
        assertEquals(5, children.size(), children.toString());
    }

    @Test
    void specsAndAnalysesHaveTheirIconsAndSpecsShowTheirProblems() throws Exception {
        UiTestSupport.writeFile(project.getFile("analyses/widths.cka"), "{}");
        UiTestSupport.writeFile(project.getFile("analyses/scaling.fit"), "{}");
        UiTestSupport.waitForBuild();
        viewer.expandToLevel(project.getFolder("analyses"), 1);
        TreeItem spec = item(project.getFile("example-eos.lmx"));
        assertSame(UiPlugin.image(UiImages.SPEC), spec.getImage());
        assertSame(UiPlugin.image(UiImages.ANALYSIS_CKA), item(project.getFile("analyses/widths.cka")).getImage());
        assertSame(UiPlugin.image(UiImages.ANALYSIS_FIT), item(project.getFile("analyses/scaling.fit")).getImage());

        // A broken spec keeps its icon but gains the error overlay once the builder has marked it.
        UiTestSupport.writeFile(project.getFile("example-eos.lmx"), "{ \"name\": ");
        UiTestSupport.waitForBuild();
        UiTestSupport.waitUntil("the error overlay on the spec",
                () -> item(project.getFile("example-eos.lmx")).getImage() != UiPlugin.image(UiImages.SPEC));
        assertEquals(UiPlugin.image(UiImages.SPEC).getBounds(), item(project.getFile("example-eos.lmx")).getImage().getBounds());
    }

    private TreeItem item(Object element) {
        TreeItem[] found = new TreeItem[1];
        UiTestSupport.waitUntil(element + " in the Project Explorer", () -> {
            viewer.expandToLevel(element, 0);
            found[0] = find(viewer.getTree().getItems(), candidate -> element.equals(candidate.getData()));
            return found[0] != null;
        });
        return found[0];
    }

    private TreeItem runItem(String id) {
        viewer.expandToLevel(project.getFolder("runs"), 1);
        TreeItem[] found = new TreeItem[1];
        UiTestSupport.waitUntil("run " + id + " in the Project Explorer", () -> {
            viewer.expandToLevel(project.getFolder("runs"), 1);
            found[0] = find(viewer.getTree().getItems(),
                    item -> item.getData() instanceof RunElement run && run.id().equals(id));
            return found[0] != null;
        });
        return found[0];
    }

    private static TreeItem find(TreeItem[] items, java.util.function.Predicate<TreeItem> test) {
        for (TreeItem item : items) {
            if (test.test(item)) {
                return item;
            }
            TreeItem inside = find(item.getItems(), test);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }
}
