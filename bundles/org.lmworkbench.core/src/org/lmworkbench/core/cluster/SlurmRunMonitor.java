package org.lmworkbench.core.cluster;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.run.SchedulerJob;
import org.lmworkbench.core.slurm.SlurmClient;
import org.lmworkbench.core.slurm.SlurmException;
import org.lmworkbench.core.slurm.SlurmTask;

/**
 * Asks Slurm about the runs that were submitted to it: one squeue per job array (all states, so
 * tasks that ended recently are included), and for tasks squeue no longer lists, sacct or scontrol.
 * Runs whose status is final are not asked about, except interrupted ones, which a requeue may be
 * about to continue. The one place where the command line ({@code lmw status}, {@code lmw sweep
 * --wait}) and the workbench turn scheduler answers into {@link ScheduledRun}s.
 */
public final class SlurmRunMonitor {

    private final SlurmClient client;

    /** A monitor asking through {@code client}. */
    public SlurmRunMonitor(SlurmClient client) {
        this.client = client;
    }

    /**
     * The runs as status and scheduler describe them now, in the order given. Reads only: nothing
     * is written.
     *
     * @throws SlurmException when the scheduler does not answer
     */
    public List<ScheduledRun> poll(List<RunDirectory> runs) throws SlurmException, InterruptedException {
        Instant now = Instant.now();
        List<RunStatus> statuses = new ArrayList<>();
        Set<String> jobs = new LinkedHashSet<>();
        for (RunDirectory run : runs) {
            RunStatus status = readStatus(run);
            statuses.add(status);
            if (followed(status)) {
                jobs.add(status.job().jobId());
            }
        }
        Map<String, SlurmTask> tasks = new HashMap<>();
        for (String job : jobs) {
            List<SlurmTask> listed = client.queue(job);
            listed.forEach(t -> tasks.put(t.id(), t));
            boolean missing = false;
            for (RunStatus status : statuses) {
                missing |= followed(status) && status.job().jobId().equals(job)
                        && !tasks.containsKey(status.job().taskId());
            }
            if (missing) {
                // Forgotten by the controller (MinJobAge); accounting may still know how it ended.
                client.tasks(job).forEach(t -> tasks.putIfAbsent(t.id(), t));
            }
        }
        List<ScheduledRun> result = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunStatus status = statuses.get(i);
            SchedulerSnapshot snapshot = null;
            if (status != null && status.job() != null) {
                SlurmTask task = tasks.get(status.job().taskId());
                if (task != null) {
                    snapshot = SchedulerSnapshot.of(status.job(), task, now);
                } else if (!jobs.contains(status.job().jobId())) {
                    snapshot = stored(runs.get(i)); // a finished run: its last answer, for the record
                }
            }
            result.add(new ScheduledRun(runs.get(i), status, snapshot));
        }
        return result;
    }

    /**
     * {@link #poll} and record what it learnt: each run's {@link SchedulerSnapshot} when the answer
     * changed, and the terminal status of runs whose task ended in the scheduler without the backend
     * recording it (see {@link ScheduledRun#ended}).
     *
     * @return the runs as they are after the update
     * @throws IOException    when a run folder cannot be written
     * @throws SlurmException when the scheduler does not answer
     */
    public List<ScheduledRun> update(List<RunDirectory> runs) throws SlurmException, InterruptedException, IOException {
        List<ScheduledRun> polled = poll(runs);
        List<ScheduledRun> updated = new ArrayList<>();
        Instant now = Instant.now();
        for (ScheduledRun r : polled) {
            ScheduledRun current = r;
            if (r.snapshot() != null && r.snapshot().differsFrom(stored(r.run()))) {
                r.snapshot().write(r.run());
            }
            Optional<RunStatus> ended = r.ended(now);
            if (ended.isPresent()) {
                // Read again: the backend may have written its own end since the poll.
                RunStatus fresh = readStatus(r.run());
                if (fresh != null && !fresh.state().isTerminal() && fresh.job() != null
                        && fresh.job().equals(r.status().job())) {
                    r.run().writeStatus(ended.get());
                    current = new ScheduledRun(r.run(), ended.get(), r.snapshot());
                }
            }
            updated.add(current);
        }
        return updated;
    }

    /** A run the scheduler is asked about: submitted to Slurm, and not finished unless a requeue may continue it. */
    private static boolean followed(RunStatus status) {
        return status != null && status.job() != null && SchedulerJob.SLURM.equals(status.job().scheduler())
                && (!status.state().isTerminal() || status.state() == RunState.INTERRUPTED);
    }

    private static RunStatus readStatus(RunDirectory run) {
        try {
            return run.readStatus();
        } catch (IOException e) {
            return null;
        }
    }

    private static SchedulerSnapshot stored(RunDirectory run) {
        try {
            return SchedulerSnapshot.read(run);
        } catch (IOException e) {
            return null;
        }
    }
}
