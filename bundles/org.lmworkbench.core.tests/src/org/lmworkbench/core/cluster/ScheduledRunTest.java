package org.lmworkbench.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.run.SchedulerJob;
import org.lmworkbench.core.slurm.SlurmState;

/** Which state a user sees for each combination of run status and scheduler answer, and what is recorded. */
class ScheduledRunTest {

    private static final Instant T0 = Instant.parse("2026-12-07T20:00:00Z");
    private static final SchedulerJob JOB = SchedulerJob.slurm("4711", 2);
    private static final RunDirectory RUN = new RunDirectory(Path.of("/p/runs/sw-002"));

    private static RunStatus queued() {
        return RunStatus.queued(T0, 100).submitted(JOB);
    }

    private static RunStatus running() {
        return queued().started(T0.plusSeconds(3), "cpu", 1, 42L).withProgress(30, 0.5);
    }

    private static ScheduledRun run(RunStatus status, SlurmState state, String reason) {
        return new ScheduledRun(RUN, status, state == null ? null
                : new SchedulerSnapshot(JOB, state, reason, state == SlurmState.PENDING ? "" : "vm", T0));
    }

    @Test
    void aWaitingRunIsQueuedWithTheSchedulersReason() {
        ScheduledRun r = run(queued(), SlurmState.PENDING, "JobArrayTaskLimit");
        assertEquals(RunState.QUEUED, r.state());
        assertEquals("pending (JobArrayTaskLimit)", r.detail());
        assertTrue(r.isPending());
        assertTrue(r.ended(T0).isEmpty());
    }

    @Test
    void aStartedTaskRunsBeforeItsBackendSaysSo() {
        ScheduledRun r = run(queued(), SlurmState.RUNNING, "");
        assertEquals(RunState.RUNNING, r.state());
        assertEquals("starting on vm", r.detail());
        ScheduledRun training = run(running(), SlurmState.RUNNING, "");
        assertEquals(RunState.RUNNING, training.state());
        assertEquals("", training.detail());
    }

    @Test
    void anInterruptedRunThatWasRequeuedWaitsToContinue() {
        RunStatus interrupted = running().ended(RunState.INTERRUPTED, T0.plusSeconds(50), "stopped before the limit");
        ScheduledRun r = run(interrupted, SlurmState.PENDING, "BeginTime");
        assertEquals(RunState.QUEUED, r.state());
        assertEquals("requeued, pending (BeginTime)", r.detail());
        assertEquals(RunState.RUNNING, run(interrupted, SlurmState.RUNNING, "").state());
        assertEquals(RunState.INTERRUPTED, run(interrupted, SlurmState.FAILED, "NonZeroExitCode").state(),
                "not requeued: it stays interrupted");
        assertTrue(run(interrupted, SlurmState.FAILED, "").ended(T0).isEmpty(), "a final status is never rewritten");
    }

    @Test
    void aTaskThatEndedWithoutItsBackendRecordingItGetsItsStateWritten() {
        ScheduledRun cancelledWhilePending = run(queued(), SlurmState.CANCELLED, "JobArrayTaskLimit");
        assertEquals(RunState.CANCELLED, cancelledWhilePending.state());
        RunStatus recorded = cancelledWhilePending.ended(T0.plusSeconds(9)).orElseThrow();
        assertEquals(RunState.CANCELLED, recorded.state());
        assertEquals(T0.plusSeconds(9), recorded.ended());
        assertEquals("ended CANCELLED in the scheduler without recording it in status.json", recorded.message());
        assertEquals(RunState.INTERRUPTED, run(running(), SlurmState.TIMEOUT, "TimeLimit").state());
        assertEquals(RunState.INTERRUPTED, run(running(), SlurmState.NODE_FAIL, "").state());
        assertEquals(RunState.FAILED, run(running(), SlurmState.OUT_OF_MEMORY, "").state());
        ScheduledRun completed = run(running(), SlurmState.COMPLETED, "");
        assertEquals(RunState.RUNNING, completed.state(), "its backend wrote the end; the file is just not seen yet");
        assertTrue(completed.ended(T0).isEmpty());
    }

    @Test
    void theRunsOwnFinalStateWinsAndOtherJobsAreIgnored() {
        RunStatus cancelled = running().ended(RunState.CANCELLED, T0.plusSeconds(20), "cancelled at step 30");
        assertEquals(RunState.CANCELLED, run(cancelled, SlurmState.CANCELLED, "").state());
        assertEquals("", run(cancelled, SlurmState.CANCELLED, "").detail());
        ScheduledRun earlier = new ScheduledRun(RUN, queued(), new SchedulerSnapshot(SchedulerJob.slurm("4000", 2),
                SlurmState.PENDING, "Resources", "", T0));
        assertEquals(null, earlier.snapshot(), "an answer about an earlier submission is dropped");
        assertFalse(earlier.isPending());
        assertEquals(RunState.QUEUED, run(queued(), null, null).state());
        assertEquals(null, new ScheduledRun(RUN, null, null).state());
    }
}
