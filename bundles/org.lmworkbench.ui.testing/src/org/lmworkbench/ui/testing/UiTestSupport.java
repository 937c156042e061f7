package org.lmworkbench.ui.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.IJobManager;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.lmworkbench.testing.Fixtures;
import org.lmworkbench.testing.TestWorkspace;

/**
 * What the UI tests share: waiting for builds and UI updates without blocking the display thread,
 * copying the shared fixtures into workspace projects, and cleaning the workspace.
 */
public final class UiTestSupport {

    /** Long enough for a cold build on a busy CI machine; a hang still fails instead of freezing CI. */
    private static final long TIMEOUT_MS = 60_000;

    private UiTestSupport() {
    }

    /**
     * Waits until no auto or manual build is scheduled, sleeping or running. The tests run on the UI
     * thread, so instead of a blocking join this keeps dispatching events: builders and resource
     * listeners may post asyncExecs that must run before the test looks at widgets.
     */
    public static void waitForBuild() {
        IJobManager jobs = Job.getJobManager();
        waitUntil("the workspace build to finish", () -> jobs.find(ResourcesPlugin.FAMILY_AUTO_BUILD).length == 0
                && jobs.find(ResourcesPlugin.FAMILY_MANUAL_BUILD).length == 0);
        processEvents();
    }

    /** Dispatches UI events until {@code condition} holds; fails with {@code what} after the timeout. */
    public static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            processEvents();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }

    /** Runs every pending UI event and asyncExec. */
    public static void processEvents() {
        Display display = Display.getCurrent();
        if (display != null) {
            while (display.readAndDispatch()) {
                // keep dispatching
            }
        }
    }

    /** The active page of the test workbench's window. */
    public static IWorkbenchPage activePage() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Closes editors without saving and deletes every project with its contents. */
    public static void cleanWorkspace() throws CoreException {
        if (PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null) {
            activePage().closeAllEditors(false);
        }
        TestWorkspace.deleteProjects();
        waitForBuild();
    }

    /** The text of a shared fixture file, e.g. {@code resources/fixtures/specs/invalid.lmx}. */
    public static String fixtureText(String path) throws IOException {
        return Fixtures.text(path);
    }

    /**
     * Copies a fixture folder (e.g. {@code resources/fixtures/runs/eos-001}) into {@code target}
     * through the workspace API, so the resource deltas are those of a backend's run appearing.
     */
    public static void copyFixtureFolder(String path, IFolder target) throws CoreException, IOException {
        Fixtures.copyToFolder(path, target);
    }

    /** Creates or replaces a workspace file with UTF-8 text. */
    public static void writeFile(IFile file, String text) throws CoreException {
        TestWorkspace.writeFile(file, text);
    }

    /** The UTF-8 text of a workspace file. */
    public static String readFile(IFile file) throws CoreException, IOException {
        return TestWorkspace.readFile(file);
    }
}
