package org.lmworkbench.launching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.QualifiedName;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.launching.internal.LaunchingPlugin;

/**
 * The Progress view entry of one run, "Training &lt;run-id&gt;": step / total, loss and time left,
 * read from the run folder while the backend writes it (status.json every ~2 s, metrics.jsonl at
 * each logged step, followed with {@link MetricsReader#readNew()} so a long run is never re-read).
 * It also keeps the run folder refreshed in the workspace. Cancelling the entry terminates the run
 * the way the Terminate button does. The job ends when the process has exited and the run folder has
 * been refreshed one last time.
 */
public final class RunProgressJob extends Job {

    /** Family of all run progress jobs. */
    public static final Object FAMILY = RunProgressJob.class;

    /**
     * The Progress view's icon hint ({@code IProgressConstants.ICON_PROPERTY}); its value may be an
     * image URL, so a headless bundle can give one without depending on the workbench.
     */
    private static final QualifiedName ICON = new QualifiedName("org.eclipse.ui.workbench.progress", "icon");

    private static final long POLL_MILLIS = 500;
    private static final String TRAIN_LOSS = "train_loss";

    private final TrainingProcess process;
    private final RunDirectory run;
    private final RunFolderRefresher refresher;
    private final RunProgress progress;
    private final MetricsReader metrics;
    private long reportedStep;
    private FileTime lastStatusTime;
    private long lastMetricsOffset;
    private volatile String text = "";

    RunProgressJob(TrainingProcess process, long totalSteps, RunFolderRefresher refresher) {
        super(NLS.bind(Messages.RunProgressJob_name, process.run().runId()));
        this.process = process;
        this.run = process.run();
        this.refresher = refresher;
        this.progress = new RunProgress(totalSteps);
        this.metrics = run.metricsReader();
        setUser(false);
        setSystem(false);
        setPriority(LONG);
        setProperty(ICON, LaunchingPlugin.entry("icons/run_running.png"));
    }

    /** The process this entry follows. */
    public TrainingProcess process() {
        return process;
    }

    /** What the Progress view shows after the job name, e.g. {@code step 150/1000 · loss 0.1234 · about 0:42 left}. */
    public String progressText() {
        return text;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        long total = Math.max(1, statusTotal());
        monitor.beginTask(getName(), (int) Math.min(total, Integer.MAX_VALUE));
        try {
            while (!process.isTerminated()) {
                if (monitor.isCanceled() && !process.isStopRequested()) {
                    process.terminate();
                }
                poll(monitor);
                text = process.isStopRequested()
                        ? NLS.bind(Messages.RunProgressJob_stopping, progress.describe())
                        : progress.describe();
                monitor.subTask(text);
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            poll(monitor);
            refresher.request();
            return finalStatus();
        } finally {
            monitor.done();
        }
    }

    /** Reads what is new, moves the progress bar and refreshes the folder when a file changed. */
    private void poll(IProgressMonitor monitor) {
        boolean changed = false;
        long now = System.nanoTime();
        try {
            List<MetricsRecord> records = metrics.readNew();
            for (MetricsRecord r : records) {
                if (r.step() >= 0) {
                    double loss = r.has(TRAIN_LOSS) ? safeNumber(r) : Double.NaN;
                    progress.observe(r.step(), Double.isNaN(loss) ? null : loss, now);
                }
            }
            changed |= metrics.offset() != lastMetricsOffset;
            lastMetricsOffset = metrics.offset();
        } catch (IOException e) {
            // A malformed line stays unread until the next poll; the run itself reports real failures.
        }
        Path statusFile = run.statusFile();
        try {
            FileTime modified = Files.getLastModifiedTime(statusFile);
            if (!modified.equals(lastStatusTime)) {
                lastStatusTime = modified;
                changed = true;
                RunStatus status = run.readStatus();
                progress.observe(status.lastStep(), status.lastLoss(), now);
            }
        } catch (IOException e) {
            // Replaced between the two reads; the next poll sees the new file.
        }
        if (progress.lastStep() > reportedStep) {
            monitor.worked((int) Math.min(progress.lastStep() - reportedStep, Integer.MAX_VALUE));
            reportedStep = progress.lastStep();
        }
        if (changed) {
            refresher.request();
        }
    }

    private static double safeNumber(MetricsRecord r) {
        try {
            return r.number(TRAIN_LOSS);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    private long statusTotal() {
        try {
            return run.readStatus().totalSteps();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * OK for completed and cancelled runs; a warning (shown in the Progress view, no dialog) when the
     * run failed, diverged or vanished, so a sweep does not bury the user under error dialogs.
     */
    private IStatus finalStatus() {
        try {
            RunStatus status = run.readStatus();
            if (status.state() == RunState.COMPLETED || status.state() == RunState.CANCELLED) {
                return Status.OK_STATUS;
            }
            String detail = status.message() == null ? status.state().jsonName() : status.message();
            return Status.warning(NLS.bind(Messages.RunProgressJob_ended, run.runId(), detail));
        } catch (IOException e) {
            return Status.warning(NLS.bind(Messages.RunProgressJob_ended, run.runId(), e.getMessage()));
        }
    }

    @Override
    protected void canceling() {
        process.terminate();
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }
}
