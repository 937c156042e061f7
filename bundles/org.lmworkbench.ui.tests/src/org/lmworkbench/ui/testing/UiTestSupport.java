package org.lmworkbench.ui.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.IJobManager;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * What the UI tests share: waiting for builds and UI updates without blocking the display thread,
 * copying fixtures out of this fragment into workspace projects, and cleaning the workspace.
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
        for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
            project.delete(true, true, null);
        }
        waitForBuild();
    }

    /** The text of a fixture file of this fragment, e.g. {@code resources/fixtures/specs/invalid.lmx}. */
    public static String fixtureText(String path) throws IOException {
        URL url = bundle().getEntry(path);
        if (url == null) {
            url = findInFragments(path);
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Copies a fixture folder (e.g. {@code resources/fixtures/runs/eos-001}) into {@code target}
     * through the workspace API, so the resource deltas are those of a backend's run appearing.
     */
    public static void copyFixtureFolder(String path, IFolder target) throws CoreException, IOException {
        String prefix = path.endsWith("/") ? path : path + "/";
        Enumeration<URL> entries = bundle().findEntries(prefix, "*", true);
        List<URL> all = entries == null ? List.of() : Collections.list(entries);
        if (all.isEmpty()) {
            fail("no fixture at " + path);
        }
        createFolders(target);
        for (URL entry : all) {
            String relative = entry.getPath().substring(entry.getPath().indexOf(prefix) + prefix.length());
            if (relative.isEmpty()) {
                continue;
            }
            if (relative.endsWith("/")) {
                createFolders(target.getFolder(relative));
            } else {
                try (InputStream in = entry.openStream()) {
                    writeFile(target.getFile(relative), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** Creates or replaces a workspace file with UTF-8 text. */
    public static void writeFile(IFile file, String text) throws CoreException {
        ByteArrayInputStream bytes = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        if (file.exists()) {
            file.setContents(bytes, true, true, null);
        } else {
            createFolders(file.getParent());
            file.create(bytes, true, null);
        }
    }

    /** The UTF-8 text of a workspace file. */
    public static String readFile(IFile file) throws CoreException, IOException {
        try (InputStream in = file.getContents(true)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void createFolders(IContainer container) throws CoreException {
        if (container instanceof IFolder folder && !folder.exists()) {
            createFolders(folder.getParent());
            folder.create(true, true, null);
        }
    }

    private static URL findInFragments(String path) {
        int slash = path.lastIndexOf('/');
        Enumeration<URL> found = bundle().findEntries(path.substring(0, slash), path.substring(slash + 1), false);
        if (found == null || !found.hasMoreElements()) {
            fail("no fixture at " + path);
        }
        return found.nextElement();
    }

    /** The host bundle: fragment classes are loaded by it, and findEntries searches its fragments. */
    private static Bundle bundle() {
        return FrameworkUtil.getBundle(UiTestSupport.class);
    }
}
