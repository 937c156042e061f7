package org.lmworkbench.ui.navigator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.mapping.ResourceMapping;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.PlatformObject;
import org.lmworkbench.core.cluster.ScheduledRun;
import org.lmworkbench.core.cluster.SchedulerSnapshot;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunMeta;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.workspace.SpecFiles;

/**
 * A run directory ({@code runs/<run-id>/}) shown as a run in the Project Explorer. It adapts to
 * its folder, so delete, rename, refresh, compare and every other resource action keep working on
 * it; two elements for the same folder are equal, so the viewer can find a run again from a fresh
 * element created by a resource change.
 * <p>
 * The status is read from {@code status.json} on demand and cached until the file changes on disk;
 * labels are painted often and the file is only rewritten on state changes and progress updates.
 * For a run trained by Slurm the scheduler's last answer ({@code scheduler.json}) is read with it.
 */
public final class RunElement extends PlatformObject {

    private final IFolder folder;
    private RunStatusSnapshot cached;
    private RunMeta cachedMeta;
    private String metaKey;

    /** Wraps a run directory; use {@link SpecFiles#isRunDirectory(IResource)} to recognise one. */
    public RunElement(IFolder folder) {
        this.folder = folder;
    }

    /** The run directory. */
    public IFolder folder() {
        return folder;
    }

    /** The run id, which is the directory name (for example {@code eos-003}). */
    public String id() {
        return folder.getName();
    }

    /** The workspace file {@code status.json} of this run (which may not exist yet). */
    public IFile statusFile() {
        return folder.getFile(SpecFiles.STATUS_FILE);
    }

    /** The workspace file {@code spec.json} of this run (which may not exist yet). */
    public IFile specFile() {
        return folder.getFile(SpecFiles.RUN_SPEC_FILE);
    }

    /**
     * The current status, re-read when status.json's size or time stamp on disk differs from the
     * cached read. Never throws: a missing or unreadable file becomes a snapshot without status.
     */
    public synchronized RunStatusSnapshot status() {
        RunDirectory directory = runDirectory();
        if (directory == null) {
            return RunStatusSnapshot.missing();
        }
        Path file = directory.statusFile();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            cached = null;
            return RunStatusSnapshot.missing();
        }
        String key = attributes.size() + "@" + attributes.lastModifiedTime().toMillis() + "|"
                + stamp(SchedulerSnapshot.file(directory));
        if (cached == null || !cached.key().equals(key)) {
            cached = read(directory, key);
        }
        return cached;
    }

    /** Size and time of a file that may be absent, to notice that it changed. */
    private static String stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * What the user says about the run (meta.json), re-read when the file changes on disk; empty
     * when there is none or it cannot be read (the Properties view names the problem).
     */
    public synchronized RunMeta meta() {
        RunDirectory directory = runDirectory();
        if (directory == null) {
            return RunMeta.EMPTY;
        }
        String key;
        try {
            BasicFileAttributes a = Files.readAttributes(directory.metaFile(), BasicFileAttributes.class);
            key = a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            cachedMeta = null;
            metaKey = null;
            return RunMeta.EMPTY;
        }
        if (!key.equals(metaKey)) {
            metaKey = key;
            try {
                cachedMeta = directory.readMeta();
            } catch (IOException e) {
                cachedMeta = RunMeta.EMPTY;
            }
        }
        return cachedMeta;
    }

    /**
     * Core's view of this run's folder on disk, for reading its files; null when the folder is not
     * on the local file system (a virtual folder or another EFS file system).
     */
    public RunDirectory runDirectory() {
        IPath location = folder.getLocation();
        return location == null ? null : new RunDirectory(location.toPath());
    }

    private static RunStatusSnapshot read(RunDirectory directory, String key) {
        RunStatus status;
        try {
            status = directory.readStatus();
        } catch (IOException e) {
            // A half-written file cannot happen (the backend renames), but a corrupt one can.
            return RunStatusSnapshot.unreadable(e.getMessage(), key);
        }
        SchedulerSnapshot scheduler;
        try {
            scheduler = SchedulerSnapshot.read(directory);
        } catch (IOException e) {
            scheduler = null; // the scheduler's last answer is a convenience; the status stands alone
        }
        return RunStatusSnapshot.of(new ScheduledRun(directory, status, scheduler), key);
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IResource.class || adapter == IContainer.class || adapter == IFolder.class) {
            return adapter.cast(folder);
        }
        if (adapter == ResourceMapping.class) {
            return folder.getAdapter(adapter);
        }
        return super.getAdapter(adapter); // the adapter manager: IPropertySource, IWorkbenchAdapter
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunElement run && run.folder.equals(folder);
    }

    @Override
    public int hashCode() {
        return folder.hashCode() * 31 + 7;
    }

    @Override
    public String toString() {
        return "Run " + folder.getFullPath();
    }

    /**
     * The outcome of one read of status.json (and of scheduler.json beside it, for a run trained by
     * a cluster scheduler).
     *
     * @param status    the status, or null when there is none or it could not be read
     * @param scheduled the status with the scheduler's last answer, or null without a status
     * @param error     why the status could not be read, or null
     * @param key       size and time stamp of the files that were read, to detect changes
     */
    public record RunStatusSnapshot(RunStatus status, ScheduledRun scheduled, String error, String key) {

        static RunStatusSnapshot of(ScheduledRun scheduled, String key) {
            return new RunStatusSnapshot(scheduled.status(), scheduled, null, key);
        }

        static RunStatusSnapshot unreadable(String error, String key) {
            return new RunStatusSnapshot(null, null, error, key);
        }

        static RunStatusSnapshot missing() {
            return new RunStatusSnapshot(null, null, null, "");
        }

        /**
         * The state to show: the status's, or what the scheduler knows better (a run waiting for a
         * node, a requeued run, a task that ended unrecorded); null without a status.
         */
        public RunState state() {
            return scheduled == null ? null : scheduled.state();
        }

        /** Why a run waits or what the scheduler did to it ({@code pending (Resources)}), or "". */
        public String schedulerDetail() {
            return scheduled == null ? "" : scheduled.detail();
        }

        /** True when a status was read. */
        public boolean hasStatus() {
            return status != null;
        }
    }
}
