package org.lmworkbench.launching;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.QualifiedName;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.cluster.ScheduledRun;
import org.lmworkbench.core.cluster.SlurmRunMonitor;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.slurm.SlurmClient;
import org.lmworkbench.core.slurm.SlurmException;
import org.lmworkbench.launching.internal.LaunchingPlugin;

/**
 * Follows the runs of a Slurm launch while it is live: every {@link #POLL_MILLIS} it asks the
 * scheduler through core's {@link SlurmRunMonitor} (one squeue per array), which records the answer
 * in each run's {@code scheduler.json} and the end of runs whose task ended unrecorded; the run
 * folders are refreshed so that the Project Explorer and the Runs view show pending, running and
 * done, with the reason a run waits. Its Progress view entry counts the runs by state; cancelling
 * it only stops following (the runs are disconnected and go on on the cluster; Terminate is what
 * cancels them), so that a job manager shutting down never cancels a sweep. It ends when every run
 * has ended or is no longer followed.
 */
final class SlurmMonitorJob extends Job {

    /** How often the scheduler is asked. */
    static final long POLL_MILLIS = 3000;

    /** Family of every Slurm monitor, for tests that wait for the launches to settle. */
    static final Object FAMILY = SlurmMonitorJob.class;

    private static final QualifiedName ICON = new QualifiedName("org.eclipse.ui.workbench.progress", "icon");

    private final SlurmSubmission submission;
    private final SlurmClient client;
    private final RunFolderRefresher refresher;
    private final Semaphore wake = new Semaphore(0);
    private volatile String text = "";

    SlurmMonitorJob(SlurmSubmission submission, SlurmClient client, RunFolderRefresher refresher) {
        super(NLS.bind(Messages.SlurmMonitorJob_name, submission.describe()));
        this.submission = submission;
        this.client = client;
        this.refresher = refresher;
        setSystem(false);
        setUser(false);
        setPriority(LONG);
        setProperty(ICON, LaunchingPlugin.entry("icons/run_running.png"));
    }

    /** What the Progress view shows after the name, e.g. {@code 2 running · 3 pending · 1 completed}. */
    String progressText() {
        return text;
    }

    /** Asks the scheduler now rather than at the next interval (after a Terminate). */
    void askNow() {
        wake.release();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        List<SlurmTaskProcess> tasks = submission.tasks();
        List<RunDirectory> runs = tasks.stream().map(SlurmTaskProcess::run).toList();
        SlurmRunMonitor scheduler = new SlurmRunMonitor(client);
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        try {
            while (!submission.isFinished()) {
                if (monitor.isCanceled()) {
                    submission.tasks().forEach(SlurmTaskProcess::disconnect);
                    break;
                }
                try {
                    List<ScheduledRun> now = scheduler.update(runs);
                    for (int i = 0; i < tasks.size(); i++) {
                        tasks.get(i).update(now.get(i));
                    }
                    text = counts(now);
                } catch (SlurmException e) {
                    text = NLS.bind(Messages.SlurmMonitorJob_noAnswer, e.getMessage());
                } catch (IOException e) {
                    LaunchingPlugin.log(e.getMessage(), e);
                }
                monitor.subTask(text);
                refresher.request();
                if (!submission.isFinished()) {
                    wake.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            refresher.request();
            submission.launch().queueChanged();
            monitor.done();
        }
        return Status.OK_STATUS;
    }

    /** {@code 2 running · 3 pending · 1 completed}, in the order of the run states. */
    static String counts(List<ScheduledRun> runs) {
        StringBuilder b = new StringBuilder();
        for (RunState state : RunState.values()) {
            long n = runs.stream().filter(r -> r.state() == state).count();
            if (n > 0) {
                String word = state == RunState.QUEUED ? Messages.SlurmMonitorJob_pending : state.jsonName();
                b.append(b.length() == 0 ? "" : Messages.RunProgress_separator).append(n).append(' ').append(word);
            }
        }
        return b.toString();
    }

    @Override
    protected void canceling() {
        askNow();
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }
}
