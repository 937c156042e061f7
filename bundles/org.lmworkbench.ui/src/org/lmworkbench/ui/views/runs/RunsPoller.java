package org.lmworkbench.ui.views.runs;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.lmworkbench.ui.charts.Smoothing;
import org.lmworkbench.workspace.runs.ChartUpdate;
import org.lmworkbench.workspace.runs.RunQuery;
import org.lmworkbench.workspace.runs.RunsModel;
import org.lmworkbench.workspace.runs.ViewSettings;

/**
 * The Runs view's background reader: a system job that reads what the followed runs appended,
 * plans the chart changes off the UI thread and hands them over with {@code asyncExec}. It runs
 * again every {@link #PERIOD_MS} ms while a followed run is queued or running, and otherwise sleeps
 * until {@link #wake()} (a new selection, new settings, a change in the workspace).
 */
final class RunsPoller extends Job {

    /** Poll period while runs are live: twice a second. */
    static final long PERIOD_MS = 500;

    private final RunsModel model = new RunsModel(Smoothing::debiasedEma);
    private final Display display;
    private final Supplier<RunQuery> query;
    private final Supplier<ViewSettings> settings;
    private final Consumer<ChartUpdate> sink;
    private volatile boolean stopped;
    private volatile boolean live;
    private volatile long polls;

    /**
     * @param display  the display whose UI thread receives the updates
     * @param query    what to follow, read at each poll
     * @param settings the current settings, read at each poll
     * @param sink     receives each update on the UI thread (the poller checks nothing is disposed
     *                 only through {@code display}; the sink checks its widgets)
     */
    RunsPoller(Display display, Supplier<RunQuery> query, Supplier<ViewSettings> settings,
            Consumer<ChartUpdate> sink) {
        super(Messages.RunsPoller_name);
        this.display = display;
        this.query = query;
        this.settings = settings;
        this.sink = sink;
        setSystem(true);
        setPriority(Job.DECORATE);
    }

    /** Polls now (or right after the poll under way). */
    void wake() {
        if (!stopped) {
            schedule();
        }
    }

    /** Stops polling for good (the view is closing). */
    void stop() {
        stopped = true;
        cancel();
    }

    /** True if the last poll found a run still queued or running. */
    boolean isLive() {
        return live;
    }

    /** Polls done so far. */
    long polls() {
        return polls;
    }

    /** The model, for the benchmark's memory figure; only the poller thread may update it. */
    RunsModel model() {
        return model;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, 1);
        if (stopped || progress.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        ChartUpdate update;
        synchronized (model) {
            update = model.update(query.get(), settings.get());
        }
        polls++;
        live = update.live() > 0;
        progress.worked(1);
        if (!display.isDisposed()) {
            display.asyncExec(() -> sink.accept(update));
        }
        if (update.backlog() && !stopped) {
            schedule(); // a long file is read a chunk per poll: the chart fills while the rest is read
        } else if (live && !stopped) {
            schedule(PERIOD_MS);
        }
        return Status.OK_STATUS;
    }
}
