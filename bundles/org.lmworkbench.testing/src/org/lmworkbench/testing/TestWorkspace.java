package org.lmworkbench.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.jobs.Job;

/** Workspace chores of headless tests: waiting for builds, writing and reading files, cleaning up. */
public final class TestWorkspace {

    private TestWorkspace() {
    }

    /** Waits until no auto or manual build is scheduled, sleeping or running. */
    public static void waitForBuild() {
        try {
            Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, null);
            Job.getJobManager().join(ResourcesPlugin.FAMILY_MANUAL_BUILD, null);
        } catch (OperationCanceledException e) {
            fail("the build was cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the build");
        }
    }

    /** Deletes every project with its contents. */
    public static void deleteProjects() throws CoreException {
        for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
            project.delete(true, true, null);
        }
    }

    /** Creates or replaces a workspace file with UTF-8 text. */
    public static void writeFile(IFile file, String text) throws CoreException {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates or replaces a workspace file, creating its folders. */
    public static void writeBytes(IFile file, byte[] bytes) throws CoreException {
        if (file.exists()) {
            file.setContents(new ByteArrayInputStream(bytes), true, true, null);
        } else {
            createFolders(file.getParent());
            file.create(new ByteArrayInputStream(bytes), true, null);
        }
    }

    /** The UTF-8 text of a workspace file. */
    public static String readFile(IFile file) throws CoreException, IOException {
        try (InputStream in = file.getContents(true)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Creates a folder and its missing parents. */
    public static void createFolders(IContainer container) throws CoreException {
        if (container instanceof IFolder folder && !folder.exists()) {
            createFolders(folder.getParent());
            folder.create(true, true, null);
        }
    }
}
