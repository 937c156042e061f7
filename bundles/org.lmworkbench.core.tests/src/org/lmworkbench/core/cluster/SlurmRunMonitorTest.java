package org.lmworkbench.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.run.SchedulerJob;
import org.lmworkbench.core.slurm.CommandResult;
import org.lmworkbench.core.slurm.SlurmClient;
import org.lmworkbench.core.slurm.SlurmProfile;
import org.lmworkbench.core.slurm.SlurmState;
import org.lmworkbench.core.spec.ExperimentSpec;

/**
 * Which scheduler commands the monitor runs for a sweep's runs and what it records, with scripted
 * answers in the formats the real commands print.
 */
class SlurmRunMonitorTest {

    @TempDir
    Path project;

    private final List<List<String>> calls = new ArrayList<>();
    private List<RunDirectory> runs;

    @BeforeEach
    void threeSubmittedRuns() throws Exception {
        runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RunDirectory run = RunDirectory.create(project.resolve("runs"), "sw-00" + i,
                    ExperimentSpec.withDefaults("sw", 0.1));
            RunStatus status = run.readStatus().submitted(SchedulerJob.slurm("100", i));
            if (i == 1) {
                status = status.started(Instant.now(), "cpu", 1, 7L);
            } else if (i == 2) {
                status = status.started(Instant.now(), "cpu", 1, 8L).ended(RunState.COMPLETED, Instant.now(), null);
            }
            run.writeStatus(status);
            runs.add(run);
        }
    }

    private SlurmClient client(Function<List<String>, String> squeue, String scontrol) {
        return new SlurmClient(SlurmProfile.local(), (command, timeout) -> {
            calls.add(command);
            return switch (command.get(0)) {
                case "squeue" -> new CommandResult(command, 0, squeue.apply(command), "");
                case "sacct" -> new CommandResult(command, 1, "", "sacct: error: Slurm accounting storage is disabled\n");
                case "scontrol" -> new CommandResult(command, 0, scontrol, "");
                default -> throw new AssertionError("unexpected " + command);
            };
        });
    }

    @Test
    void oneSqueuePerArrayRecordsPendingReasonsAndTasksThatEndedUnrecorded() throws Exception {
        SlurmRunMonitor monitor = new SlurmRunMonitor(client(c -> """
                100_0|100|0|PENDING|JobArrayTaskLimit||N/A|N/A
                100_1|100|1|CANCELLED|None|vm|2026-12-07T20:17:49|2026-12-07T20:17:52
                """, ""));
        List<ScheduledRun> first = monitor.update(runs);
        assertEquals(1, calls.size(), "one squeue for the array; the completed run is not asked about: " + calls);
        assertTrue(calls.get(0).containsAll(List.of("--states=all", "--jobs=100")), calls.toString());
        assertEquals(List.of(RunState.QUEUED, RunState.CANCELLED, RunState.COMPLETED),
                first.stream().map(ScheduledRun::state).toList());
        assertEquals("pending (JobArrayTaskLimit)", first.get(0).detail());
        assertEquals(SlurmState.PENDING, SchedulerSnapshot.read(runs.get(0)).state());
        assertEquals(RunState.CANCELLED, runs.get(1).readStatus().state(), "recorded in status.json");
        assertEquals(RunState.QUEUED, runs.get(0).readStatus().state(), "a waiting run's status is left alone");

        String snapshot = Files.readString(SchedulerSnapshot.file(runs.get(0)));
        Thread.sleep(5);
        monitor.update(runs);
        assertEquals(snapshot, Files.readString(SchedulerSnapshot.file(runs.get(0))),
                "the same answer is not written again (its time would be all that changed)");
    }

    @Test
    void aTaskTheControllerForgotIsLookedUpAndAnUnknownOneChangesNothing() throws Exception {
        SlurmRunMonitor monitor = new SlurmRunMonitor(client(c -> "", "JobId=101 ArrayJobId=100 ArrayTaskId=1 "
                + "JobState=TIMEOUT Reason=TimeLimit ExitCode=0:15 NodeList=vm Restarts=0\n"));
        List<ScheduledRun> polled = monitor.poll(runs);
        assertEquals(List.of("squeue", "sacct", "scontrol"), calls.stream().map(c -> c.get(0)).toList());
        assertEquals(RunState.INTERRUPTED, polled.get(1).state(), "out of time before it could stop: resumable");
        assertEquals(null, polled.get(0).snapshot(), "the scheduler knows nothing of task 0");
        assertEquals(RunState.QUEUED, polled.get(0).state());
        assertEquals(RunState.RUNNING, runs.get(1).readStatus().state(), "poll writes nothing");
    }
}
