package org.lmworkbench.ui.views.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.lmworkbench.workspace.runs.RunQuery;
import org.lmworkbench.workspace.runs.table.RunSummaries;
import org.lmworkbench.workspace.runs.table.RunSummary;

/**
 * The runs table's reader: a system job that reads the summaries of the runs followed (only the
 * files that changed, {@link RunSummaries}) and hands them to the UI thread. A long first read is
 * handed over in parts, so the table shows its first rows while the rest are read. It runs again
 * every {@link #PERIOD_MS} ms while a run is queued or running, else when woken.
 */
final class RunsTableJob extends Job {

    /** Read period while runs are live. */
    static final long PERIOD_MS = 2000;
    /** The first part of a long read is shown after this long; later parts after {@link #LATER_PARTS_MS}. */
    private static final long FIRST_PART_MS = 150;
    private static final long LATER_PARTS_MS = 1000;

    /**
     * What one read produced.
     *
     * @param query    what was read
     * @param runs     the runs read so far
     * @param complete false for a part of a long read
     * @param error    why the runs could not be listed, or null
     */
    record Result(RunQuery query, List<RunSummary> runs, boolean complete, String error) {
    }

    private final RunSummaries summaries = new RunSummaries();
    private final Display display;
    private final Supplier<RunQuery> query;
    private final Consumer<Result> sink;
    private volatile boolean stopped;
    private volatile boolean live;

    RunsTableJob(Display display, Supplier<RunQuery> query, Consumer<Result> sink) {
        super(Messages.RunsTableJob_name);
        this.display = display;
        this.query = query;
        this.sink = sink;
        setSystem(true);
        setPriority(Job.DECORATE);
    }

    /** Reads now (or right after the read under way). */
    void wake() {
        if (!stopped) {
            schedule();
        }
    }

    /** Stops for good (the view is closing). */
    void stop() {
        stopped = true;
        cancel();
    }

    /** True if the last read found a run queued or running. */
    boolean isLive() {
        return live;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        RunQuery q = query.get();
        List<Path> paths;
        String error = null;
        try {
            paths = q.isEmpty() ? List.of() : q.resolve();
        } catch (IOException e) {
            paths = List.of();
            error = q.description() + ": " + e.getMessage();
        }
        SubMonitor progress = SubMonitor.convert(monitor, paths.size());
        summaries.retainAll(paths);
        List<RunSummary> runs = new ArrayList<>();
        long started = System.nanoTime();
        long nextPart = started + FIRST_PART_MS * 1_000_000;
        for (Path path : paths) {
            if (stopped || progress.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            RunSummary run = summaries.read(path);
            if (q.accepts(run.spec())) {
                runs.add(run);
            }
            progress.worked(1);
            if (System.nanoTime() > nextPart) {
                publish(new Result(q, List.copyOf(runs), false, error));
                nextPart = System.nanoTime() + LATER_PARTS_MS * 1_000_000;
            }
        }
        live = runs.stream().anyMatch(RunSummary::isLive);
        publish(new Result(q, runs, true, error));
        if (live && !stopped) {
            schedule(PERIOD_MS);
        }
        return Status.OK_STATUS;
    }

    private void publish(Result result) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> sink.accept(result));
        }
    }
}
