package org.lmworkbench.ui.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.actions.ILaunchable;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.navigator.CommonViewer;
import org.eclipse.ui.navigator.resources.ProjectExplorer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.launching.RunProgressJob;
import org.lmworkbench.launching.TrainingLaunch;
import org.lmworkbench.launching.TrainingProcess;
import org.lmworkbench.launching.WorkerProcess;
import org.lmworkbench.ui.navigator.RunElement;
import org.lmworkbench.ui.perspective.LearningMechanicsPerspective;
import org.lmworkbench.ui.testing.UiTestSupport;
import org.lmworkbench.ui.views.runs.RunsView;
import org.lmworkbench.workspace.ExperimentProjects;

/**
 * Training Run launches end to end with real backend workers: a tiny run completes and shows as
 * completed in the Project Explorer, Terminate leaves a cancelled and readable run, an invalid spec
 * is refused before anything is created, and a sweep runs one run at a time in one worker.
 */
class TrainingRunLaunchTest {

    /** Training takes well under a second; the rest is JVM start and engine load, slow on a busy CI machine. */
    private static final long RUN_TIMEOUT_MS = 180_000;

    /** 30 full-batch steps on 32 examples, metrics every 5 steps: records at steps 0, 5, ..., 30. */
    private static final String TINY = """
            {
              "name": "%s",
              "seed": 0,
              "model": {"family": "mlp", "width": 8, "depth": 2, "activation": "tanh"},
              "data": {"source": "teacher_student", "n_train": 32, "n_test": 32, "input_dim": 4, "output_dim": 2,
                       "probe_size": 8},
              "optimizer": {"name": "gd", "lr": 0.05},
              "training": {"steps": %d, "loss": "mse"},
              "probes": {"metrics_every": %d},
              "execution": {"device": "cpu", "threads": 1, "parallel": 1, "jvm_memory": "512m"}%s
            }
            """;

    private IProject project;
    private final List<ILaunch> launches = new ArrayList<>();

    @BeforeEach
    void createProject() throws Exception {
        PlatformUI.getWorkbench().showPerspective(LearningMechanicsPerspective.ID,
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        project = ExperimentProjects.createExampleProject("launch", null);
        UiTestSupport.waitForBuild();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (ILaunch launch : launches) {
            if (!launch.isTerminated()) {
                launch.terminate();
                waitFor("the launch to end", launch::isTerminated);
            }
            DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
        }
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations()) {
            c.delete();
        }
        UiTestSupport.cleanWorkspace();
    }

    @Test
    void tinyRunCompletesAndShowsCompletedInProjectExplorer() throws Exception {
        IFile spec = writeSpec("tiny.lmx", TINY.formatted("tiny", 30, 5, ""));
        ILaunchConfiguration config = TrainingRunShortcut.findOrCreate(spec);
        assertEquals(List.of(config), TrainingRunShortcut.configurationsFor(spec), "the shortcut reuses the config");

        long pressed = System.nanoTime();
        TrainingLaunch launch = launch(config);
        RunDirectory run = new RunDirectory(runsFolder().resolve("tiny-000"));
        assertTrue(Files.isRegularFile(run.specFile()), "the run folder exists as soon as launch() returns");
        waitFor("the first metrics line", () -> linesOf(run) > 0);
        long firstPointMs = (System.nanoTime() - pressed) / 1_000_000;
        System.out.println("[launch] time from launch() to the first metrics line: " + firstPointMs + " ms");

        waitFor("the launch to end", launch::isTerminated);
        assertEquals(RunState.COMPLETED, run.readStatus().state());
        assertEquals(30, run.readStatus().lastStep());
        List<MetricsRecord> records = MetricsReader.readAll(run.metricsFile());
        assertEquals(List.of(0L, 5L, 10L, 15L, 20L, 25L, 30L), records.stream().map(MetricsRecord::step).toList());
        assertEquals(1, launch.trainingProcesses().length);
        assertEquals(0, launch.trainingProcesses()[0].getExitValue());
        assertEquals(1, workers(launch), "one backend worker trained the run");

        TreeItem item = runItem("tiny-000", text -> text.contains("completed"));
        assertTrue(item.getText().startsWith("tiny-000  completed \u00b7 step 30/30"), item.getText());
        screenshot("tiny-completed", ProjectExplorer.VIEW_ID);

        // Pressing Run again starts a new run rather than colliding with the finished one.
        TrainingLaunch again = launch(config);
        waitFor("the second launch to end", again::isTerminated);
        assertEquals(RunState.COMPLETED, new RunDirectory(runsFolder().resolve("tiny-001")).readStatus().state());
    }

    @Test
    void pressingRunPutsTheFirstPointOnTheRunsViewChart() throws Exception {
        IFile spec = writeSpec("watched.lmx", TINY.formatted("watched", 200, 5, ""));
        IWorkbenchPage page = UiTestSupport.activePage();
        RunsView runsView = (RunsView) page.showView(RunsView.ID);
        CommonNavigator explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
        // The Runs view follows a selected spec: runs of it that start later join its chart.
        explorer.getCommonViewer().setSelection(new StructuredSelection(spec), true);
        UiTestSupport.processEvents();

        long pressed = System.nanoTime();
        TrainingLaunch launch = launch(TrainingRunShortcut.findOrCreate(spec));
        waitFor("a point on the Runs view's chart", () -> runsView.chart().seriesIds().stream()
                .anyMatch(id -> runsView.chart().seriesX(id).length > 0));
        long firstPointMs = (System.nanoTime() - pressed) / 1_000_000;
        System.out.println("[launch] time from pressing Run to the first point on the Runs view's chart: "
                + firstPointMs + " ms");
        waitFor("the launch to end", launch::isTerminated);
        RunDirectory run = new RunDirectory(runsFolder().resolve("watched-000"));
        int lines = MetricsReader.readAll(run.metricsFile()).size();
        waitFor("every logged step on the chart", () -> runsView.chart().seriesIds().stream()
                .anyMatch(id -> runsView.chart().seriesX(id).length == lines));
    }

    @Test
    void specFilesAreLaunchableSoRunAsAppearsInTheProjectExplorer() throws Exception {
        IFile spec = writeSpec("menu.lmx", TINY.formatted("menu", 5, 5, ""));
        IFile other = project.getFile("notes.txt");
        other.create(new ByteArrayInputStream(new byte[0]), true, null);
        // the platform's "launchable" property test behind the Run As menu asks exactly this
        assertTrue(Platform.getAdapterManager().hasAdapter(spec,
                ILaunchable.class.getName()));
        assertNotNull(Adapters.adapt(spec, ILaunchable.class));
        assertNull(Adapters.adapt(other, ILaunchable.class));
    }

    @Test
    void terminateStopsAtAStepBoundaryAndLeavesACancelledReadableRun() throws Exception {
        IFile spec = writeSpec("long.lmx", TINY.formatted("long", 2_000_000, 10, ""));
        TrainingLaunch launch = launch(TrainingRunShortcut.findOrCreate(spec));
        RunDirectory run = new RunDirectory(runsFolder().resolve("long-000"));
        waitFor("a few metrics lines", () -> linesOf(run) >= 3);
        RunProgressJob progress = progressJob(launch);
        waitFor("the progress entry to show a step", () -> progress.progressText().matches("step [1-9]\\d*/2000000.*"));
        System.out.println("[launch] progress entry: " + progress.getName() + ": " + progress.progressText());
        screenshot("terminate-progress", "org.eclipse.ui.views.ProgressView");
        TrainingProcess process = launch.trainingProcesses()[0];
        assertTrue(launch.canTerminate());

        launch.terminate();
        waitFor("the backend to exit", launch::isTerminated);
        assertEquals(143, process.getExitValue(), "the exit code of a cancelled run, as for SIGTERM");
        RunStatus status = run.readStatus();
        assertEquals(RunState.CANCELLED, status.state());
        List<MetricsRecord> records = MetricsReader.readAll(run.metricsFile()); // throws on a torn line
        assertFalse(records.isEmpty());
        for (MetricsRecord r : records) {
            assertTrue(r.step() >= 0 && r.step() <= status.lastStep(), r.values().toString());
            assertFalse(Double.isNaN(r.number("train_loss")), r.values().toString());
        }
        assertTrue(Files.isRegularFile(run.checkpointFile(status.lastStep())),
                "a checkpoint at the step where it stopped, so the run can be resumed");
        runItem("long-000", text -> text.contains("cancelled"));
    }

    @Test
    void cancellingTheProgressEntryTerminatesThatRun() throws Exception {
        IFile spec = writeSpec("long.lmx", TINY.formatted("long", 2_000_000, 10, ""));
        TrainingLaunch launch = launch(TrainingRunShortcut.findOrCreate(spec));
        RunDirectory run = new RunDirectory(runsFolder().resolve("long-000"));
        waitFor("a metrics line", () -> linesOf(run) >= 1);
        RunProgressJob progress = progressJob(launch);
        assertEquals("Training long-000", progress.getName());
        progress.cancel();
        waitFor("the backend to exit", launch::isTerminated);
        assertEquals(RunState.CANCELLED, run.readStatus().state());
    }

    @Test
    void invalidSpecIsRefusedWithFileLineAndPathAndCreatesNothing() throws Exception {
        IFile spec = writeSpec("bad.lmx", UiTestSupport.fixtureText("resources/fixtures/specs/invalid.lmx"));
        ILaunchConfiguration config = TrainingRunShortcut.findOrCreate(spec);

        CoreException refused = assertThrows(CoreException.class,
                () -> config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor()));
        String message = refused.getStatus().getMessage();
        // Lines of the fixture: "widht" is on line 6, "depth": -2 on line 7.
        assertTrue(message.contains("/launch/bad.lmx:6: unknown key 'widht'"), message);
        assertTrue(message.contains("$.model.widht"), message);
        assertTrue(message.contains("/launch/bad.lmx:7: $.model.depth"), message);
        assertTrue(message.contains("3 error"), message);

        assertFalse(hasRunFolders(), "no run folder for a refused launch");
        for (ILaunch l : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
            if (config.equals(l.getLaunchConfiguration())) {
                assertEquals(0, l.getProcesses().length, "no backend process for a refused launch");
            }
        }
    }

    @Test
    void sweepOfTwoRunsWithParallelOneRunsThemOneAfterTheOther() throws Exception {
        IFile spec = writeSpec("pair.lmx", TINY.formatted("pair", 30, 5, ",\n  \"sweep\": {\"seed\": [0, 1]}"));
        TrainingLaunch launch = launch(TrainingRunShortcut.findOrCreate(spec));
        RunDirectory first = new RunDirectory(runsFolder().resolve("pair-000"));
        RunDirectory second = new RunDirectory(runsFolder().resolve("pair-001"));
        assertEquals(RunState.QUEUED, second.readStatus().state(), "the second run waits for the first");

        waitFor("the sweep to end", launch::isTerminated);
        assertEquals(2, launch.trainingProcesses().length);
        assertEquals(1, workers(launch), "parallel 1: one worker trained both runs");
        RunStatus a = first.readStatus();
        RunStatus b = second.readStatus();
        assertEquals(RunState.COMPLETED, a.state());
        assertEquals(RunState.COMPLETED, b.state());
        assertFalse(b.started().isBefore(a.ended()), "parallel 1: the second run started after the first ended");
        assertEquals(7, MetricsReader.readAll(first.metricsFile()).size());
        assertEquals(7, MetricsReader.readAll(second.metricsFile()).size());
        runItem("pair-001", text -> text.contains("completed"));
    }

    @Test
    void terminatingASweepCancelsTheRunsThatNeverStarted() throws Exception {
        IFile spec = writeSpec("longs.lmx", TINY.formatted("longs", 2_000_000, 10, ",\n  \"sweep\": {\"seed\": [0, 1]}"));
        TrainingLaunch launch = launch(TrainingRunShortcut.findOrCreate(spec));
        RunDirectory first = new RunDirectory(runsFolder().resolve("longs-000"));
        RunDirectory second = new RunDirectory(runsFolder().resolve("longs-001"));
        waitFor("the first run's first metrics line", () -> linesOf(first) >= 1);

        launch.terminate();
        waitFor("the launch to end", launch::isTerminated);
        assertEquals(1, launch.trainingProcesses().length, "the waiting run never got a process");
        assertEquals(RunState.CANCELLED, first.readStatus().state());
        assertEquals(RunState.CANCELLED, second.readStatus().state());
        assertEquals(0, second.readStatus().lastStep());
        assertFalse(Files.exists(second.metricsFile()));
    }

    /**
     * Saves the workbench window with a view in front, for people to look at; never fails
     * the test (a screenshot is a record, not a check).
     */
    private static void screenshot(String name, String viewId) {
        try {
            for (int i = 0; i < 30; i++) { // the view repaints on its own update cycle
                // The Console comes to the front on new output; keep the view of interest in front.
                UiTestSupport.activePage().showView(viewId);
                UiTestSupport.processEvents();
                Thread.sleep(50);
            }
            org.eclipse.swt.widgets.Display display = org.eclipse.swt.widgets.Display.getCurrent();
            org.eclipse.swt.graphics.Rectangle bounds = UiTestSupport.activePage().getWorkbenchWindow().getShell()
                    .getBounds();
            org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(display, bounds.width, bounds.height);
            org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(display);
            gc.copyArea(image, bounds.x, bounds.y);
            gc.dispose();
            org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
            Path folder = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "lmw-screenshots"));
            Path file = folder.resolve(name + ".png");
            loader.save(file.toString(), org.eclipse.swt.SWT.IMAGE_PNG);
            image.dispose();
            System.out.println("[launch] screenshot: " + file);
        } catch (Exception e) {
            System.out.println("[launch] no screenshot: " + e);
        }
    }

    private IFile writeSpec(String name, String text) throws CoreException {
        IFile file = project.getFile(name);
        UiTestSupport.writeFile(file, text);
        UiTestSupport.waitForBuild();
        return file;
    }

    private TrainingLaunch launch(ILaunchConfiguration config) throws CoreException {
        ILaunch launch = config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
        launches.add(launch);
        return assertInstanceOf(TrainingLaunch.class, launch);
    }

    private static long workers(ILaunch launch) {
        return Arrays.stream(launch.getProcesses()).filter(WorkerProcess.class::isInstance).count();
    }

    private Path runsFolder() {
        return project.getLocation().toFile().toPath().resolve(RunDirectory.RUNS);
    }

    private boolean hasRunFolders() throws IOException {
        return !RunDirectory.list(project.getLocation().toFile().toPath()).isEmpty();
    }

    private static long linesOf(RunDirectory run) {
        try {
            return Files.exists(run.metricsFile()) ? MetricsReader.readAll(run.metricsFile()).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static RunProgressJob progressJob(ILaunch launch) {
        RunProgressJob[] found = new RunProgressJob[1];
        waitFor("the run's progress entry", () -> {
            for (Job job : Job.getJobManager().find(RunProgressJob.FAMILY)) {
                if (job instanceof RunProgressJob run && run.process().getLaunch() == launch) {
                    found[0] = run;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Like {@link UiTestSupport#waitUntil} with room for a backend JVM to start on a loaded machine. */
    private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + RUN_TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                org.junit.jupiter.api.Assertions.fail("timed out waiting for " + what);
            }
            UiTestSupport.processEvents();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                org.junit.jupiter.api.Assertions.fail("interrupted while waiting for " + what);
            }
        }
    }

    private TreeItem runItem(String id, Predicate<String> label) throws Exception {
        IWorkbenchPage page = UiTestSupport.activePage();
        CommonNavigator explorer = (CommonNavigator) page.showView(ProjectExplorer.VIEW_ID);
        CommonViewer viewer = explorer.getCommonViewer();
        TreeItem[] found = new TreeItem[1];
        waitFor("run " + id + " with the expected label in the Project Explorer", () -> {
            viewer.expandToLevel(project.getFolder(RunDirectory.RUNS), 1);
            found[0] = find(viewer.getTree().getItems(),
                    item -> item.getData() instanceof RunElement run && run.id().equals(id));
            return found[0] != null && label.test(found[0].getText());
        });
        return found[0];
    }

    private static TreeItem find(TreeItem[] items, Predicate<TreeItem> test) {
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
