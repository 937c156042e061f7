package org.lmworkbench.ui.editors;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.part.FileEditorInput;

/**
 * What every analysis editor needs around its pages:
 * <ul>
 * <li>its jobs ({@link #schedule}) are cancelled when it closes, and their results reach widgets
 * only through {@link #inUi}, on the UI thread and only while the editor is open;</li>
 * <li>it closes when what it shows is deleted ({@link #watchedResource()}), follows its input file
 * when that is renamed, and hears of changes of the file made outside it
 * ({@link #inputChangedOnDisk()}), after the model of m2e's POM editor.</li>
 * </ul>
 * {@link AnalysisDocumentEditor} adds loading, the problems page, dirty state and saving for
 * documents; {@link ReadOnlyFormEditor} is for editors that only show what runs wrote.
 */
public abstract class AnalysisEditor extends FormEditor implements IResourceChangeListener {

    private final List<Job> jobs = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private Display display;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        super.init(site, input);
        display = site.getShell().getDisplay();
        ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
    }

    /**
     * The resource whose deletion closes the editor: by default the input's workspace file; null
     * for none (an input outside the workspace).
     */
    protected IResource watchedResource() {
        return Adapters.adapt(getEditorInput(), IFile.class);
    }

    /**
     * Called on the UI thread when the input file's content changed on disk other than by
     * {@link #isOwnChange(IFile)}; nothing by default.
     */
    protected void inputChangedOnDisk() {
        // read-only editors follow their files themselves
    }

    /** Whether the change of {@code file} in the current delta was this editor's own write. */
    protected boolean isOwnChange(IFile file) {
        return false;
    }

    /**
     * Schedules a job of this editor: cancelled when the editor closes. Deliver its results with
     * {@link #inUi}, never by touching widgets from the job.
     *
     * @return the job
     */
    public <J extends Job> J schedule(J job) {
        if (closed) {
            return job;
        }
        jobs.add(job);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                jobs.remove(job);
            }
        });
        job.schedule();
        return job;
    }

    /** Runs {@code update} on the UI thread later, unless the editor has closed by then. */
    public void inUi(Runnable update) {
        Display d = display;
        if (closed || d == null || d.isDisposed()) {
            return;
        }
        d.asyncExec(() -> {
            if (!closed) {
                update.run();
            }
        });
    }

    /** Whether the editor has been closed (late results are then dropped). */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void resourceChanged(IResourceChangeEvent event) {
        IResource watched = watchedResource();
        IResourceDelta delta = event.getDelta();
        if (watched == null || delta == null) {
            return;
        }
        IResourceDelta mine = delta.findMember(watched.getFullPath());
        if (mine == null) {
            return;
        }
        IFile input = Adapters.adapt(getEditorInput(), IFile.class);
        if (mine.getKind() == IResourceDelta.REMOVED) {
            IPath movedTo = mine.getMovedToPath();
            if (movedTo != null && watched.equals(input)) {
                IFile moved = ResourcesPlugin.getWorkspace().getRoot().getFile(movedTo);
                inUi(() -> followMove(moved));
            } else {
                inUi(() -> getSite().getPage().closeEditor(this, false));
            }
            return;
        }
        IResourceDelta inputDelta = input == null ? null : delta.findMember(input.getFullPath());
        if (inputDelta != null && inputDelta.getKind() == IResourceDelta.CHANGED
                && (inputDelta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0
                && !isOwnChange(input)) {
            inUi(this::inputChangedOnDisk);
        }
    }

    /** A renamed or moved input file stays open under its new name. */
    private void followMove(IFile moved) {
        setInputWithNotify(new FileEditorInput(moved));
        setPartName(moved.getName());
    }

    @Override
    public void dispose() {
        closed = true;
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(this);
        // Cancelling a job that waits for a backend command terminates that process.
        jobs.forEach(Job::cancel);
        super.dispose();
    }
}
