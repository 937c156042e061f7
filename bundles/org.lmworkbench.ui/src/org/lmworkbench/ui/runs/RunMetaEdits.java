package org.lmworkbench.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunMeta;
import org.lmworkbench.ui.internal.UiPlugin;

/**
 * Changes to what the user says about a run (its meta.json): rename, tags, notes. Each change reads
 * the file, changes one value and writes it back atomically (core's {@link RunMeta}), then brings
 * the file into the workspace so labels and tables that follow resource changes update. Every place
 * that edits a run (Properties view, runs table, context menu) goes through here.
 */
public final class RunMetaEdits {

    private RunMetaEdits() {
    }

    /** Sets the display name (blank removes it). */
    public static void rename(Path run, String name) throws IOException {
        edit(run, meta -> meta.withName(name));
    }

    /** Sets the tags from a comma list ({@code "baseline, eos"}). */
    public static void setTags(Path run, String commaList) throws IOException {
        List<String> tags = RunMeta.parseTags(commaList);
        edit(run, meta -> meta.withTags(tags));
    }

    /** Sets the notes (blank removes them). */
    public static void setNotes(Path run, String notes) throws IOException {
        edit(run, meta -> meta.withNotes(notes));
    }

    /**
     * Reads meta.json, applies {@code change} and writes it back.
     *
     * @throws IOException              if the file cannot be read or written (naming it)
     * @throws IllegalArgumentException if the new value cannot be stored (a name of two lines, ...)
     */
    public static void edit(Path run, UnaryOperator<RunMeta> change) throws IOException {
        RunDirectory dir = new RunDirectory(run);
        RunMeta before = dir.readMeta();
        RunMeta after = change.apply(before);
        if (!after.equals(before)) {
            dir.writeMeta(after);
            refresh(run);
        }
    }

    /** Why {@code name} cannot be a display name, or null if it can (for input dialogs). */
    public static String nameProblem(String name) {
        try {
            RunMeta.EMPTY.withName(name);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Why {@code commaList} cannot be tags, or null if it can. */
    public static String tagsProblem(String commaList) {
        try {
            RunMeta.parseTags(commaList);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The run's meta.json reaches the workspace soon, without holding up the caller (often the UI thread). */
    private static void refresh(Path run) {
        IFolder folder = RunFolders.of(run);
        if (folder == null) {
            return;
        }
        WorkspaceJob job = new WorkspaceJob(NLS.bind(Messages.RunMetaEdits_refresh, folder.getName())) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                folder.getFile(RunDirectory.META).refreshLocal(IResource.DEPTH_ZERO, monitor);
                return Status.OK_STATUS;
            }
        };
        job.setRule(folder.getWorkspace().getRuleFactory().refreshRule(folder));
        job.setSystem(true);
        job.schedule();
    }

    /** Logs a failed edit; the callers show their own message. */
    static void log(String message, Throwable error) {
        UiPlugin.log(message, error);
    }
}
