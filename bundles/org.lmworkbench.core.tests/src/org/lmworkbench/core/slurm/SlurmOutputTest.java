package org.lmworkbench.core.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lmworkbench.core.spec.Fixtures;

/**
 * squeue, scontrol and sacct output into per-task records. The squeue and scontrol fixtures were
 * recorded from the test cluster by {@code resources/slurm/record.sh}; job ids there: 5 preempted
 * without requeue, 6 preempted and requeued, 7 the preemptor, 8 a 1-minute job that timed out, 9 an
 * array whose task 1 exits 3, 10 an array {@code 0-5%2} whose task 1 was cancelled, 11 waiting for
 * resources, 12 over its partition's time limit.
 */
class SlurmOutputTest {

    private static Map<String, SlurmTask> byId(List<SlurmTask> tasks) {
        return tasks.stream().collect(Collectors.toMap(SlurmTask::id, Function.identity()));
    }

    @Test
    void squeueWhileRunningExpandsThePendingRangeIntoOneTaskPerIndex() throws SlurmException {
        List<SlurmTask> tasks = SlurmOutput.parseSqueue(Fixtures.text("slurm/squeue-running.txt"));
        assertEquals(15, tasks.size(), "13 lines, one of them the range [3-5%2]");
        Map<String, SlurmTask> t = byId(tasks);
        for (String pending : List.of("10_3", "10_4", "10_5")) {
            assertEquals(SlurmState.PENDING, t.get(pending).state());
            assertEquals("JobArrayTaskLimit", t.get(pending).reason());
            assertEquals("", t.get(pending).node());
            assertNull(t.get(pending).start());
        }
        assertEquals(SlurmState.RUNNING, t.get("10_0").state());
        assertEquals(SlurmState.RUNNING, t.get("10_2").state());
        assertEquals(SlurmState.CANCELLED, t.get("10_1").state());
        assertEquals(SlurmState.FAILED, t.get("9_1").state());
        assertEquals("NonZeroExitCode", t.get("9_1").reason());
        assertEquals(SlurmState.COMPLETED, t.get("9_0").state());
        assertEquals("Resources", t.get("11").reason());
        assertEquals(SlurmTask.NOT_AN_ARRAY, t.get("11").index());
        assertEquals("PartitionTimeLimit", t.get("12").reason());
        assertEquals("BeginTime", t.get("6").reason(), "a requeued job waits for its begin time");
        SlurmTask running = t.get("8");
        assertEquals("vm", running.node());
        assertEquals(LocalDateTime.of(2026, 12, 7, 20, 17, 49), running.start());
        assertEquals(LocalDateTime.of(2026, 12, 7, 20, 18, 49), running.end(), "start plus its 1-minute limit");
        assertEquals(SlurmTask.UNKNOWN, running.exitCode(), "squeue does not print exit codes");
        assertEquals("", t.get("10_0").reason(), "reason None is no reason");
    }

    @Test
    void squeueAfterTheTimeLimitAndPreemption() throws SlurmException {
        Map<String, SlurmTask> t = byId(SlurmOutput.parseSqueue(Fixtures.text("slurm/squeue-ended.txt")));
        assertEquals(SlurmState.TIMEOUT, t.get("8").state());
        assertEquals("TimeLimit", t.get("8").reason());
        assertEquals(SlurmState.PREEMPTED, t.get("5").state());
        assertEquals(SlurmState.RUNNING, t.get("6").state(), "the requeued job runs again");
        assertEquals(SlurmState.PENDING, t.get("10_5").state(), "a single pending index prints without brackets");
        assertEquals("JobArrayTaskLimit", t.get("10_5").reason());
        assertNull(t.get("6").end(), "NONE: no time limit");
    }

    @Test
    void scontrolGivesExitCodesSignalsAndRestarts() throws SlurmException {
        Map<String, SlurmTask> t = byId(SlurmOutput.parseScontrolJobs(Fixtures.text("slurm/scontrol-ended.txt")));
        assertEquals(15, t.size());
        assertEquals(3, t.get("9_1").exitCode());
        assertEquals(0, t.get("9_1").signal());
        assertEquals(SlurmState.TIMEOUT, t.get("8").state());
        assertEquals(15, t.get("8").signal(), "the wrapped shell died of SIGTERM at the limit");
        assertEquals(SlurmState.PREEMPTED, t.get("5").state());
        assertEquals(1, t.get("6").restarts(), "requeued once by preemption");
        assertEquals(0, t.get("8").restarts());
        assertEquals("vm", t.get("9_1").node(), "NodeList, not ReqNodeList or ExcNodeList");
        assertEquals(LocalDateTime.of(2026, 12, 7, 20, 19, 8), t.get("8").end());
        assertEquals(SlurmState.CANCELLED, t.get("10_1").state());
        assertEquals(15, t.get("10_1").signal());
    }

    @Test
    void scontrolPrintsThePendingRangeAsOneRecordWithTheArrayJobsOwnId() throws SlurmException {
        Map<String, SlurmTask> t = byId(SlurmOutput.parseScontrolJobs(Fixtures.text("slurm/scontrol-running.txt")));
        for (String pending : List.of("10_3", "10_4", "10_5")) {
            assertEquals(SlurmState.PENDING, t.get(pending).state(), pending);
            assertEquals("JobArrayTaskLimit", t.get(pending).reason(), pending);
            assertEquals("", t.get(pending).node(), pending);
        }
        assertEquals("10", t.get("10_2").arrayJobId());
        assertEquals(SlurmState.RUNNING, t.get("10_2").state());
        assertEquals("BeginTime", t.get("6").reason());
        assertEquals(1, t.get("6").restarts());
    }

    @Test
    void scontrolPartitions() throws SlurmException {
        Map<String, SlurmPartition> p = SlurmOutput.parsePartitions(Fixtures.text("slurm/scontrol-partitions.txt"))
                .stream().collect(Collectors.toMap(SlurmPartition::name, Function.identity()));
        assertEquals(List.of("debug", "short", "urgent"), p.keySet().stream().sorted().toList());
        assertTrue(p.get("debug").isDefault());
        assertNull(p.get("debug").maxTime(), "UNLIMITED");
        assertEquals(Duration.ofMinutes(1), p.get("short").maxTime());
        assertTrue(p.get("short").isUp());
        assertEquals(8, p.get("urgent").totalCpus());
    }

    @Test
    void scontrolValuesRunUntilTheNextKey() {
        Map<String, String> r = SlurmOutput.records("JobId=3 Command=/tmp/my job.sh --x WorkDir=/tmp/a b "
                + "Socks/Node=* AllocNode:Sid=localhost:5639 Power=").get(0);
        assertEquals("/tmp/my job.sh --x", r.get("Command"));
        assertEquals("/tmp/a b", r.get("WorkDir"));
        assertEquals("*", r.get("Socks/Node"));
        assertEquals("localhost:5639", r.get("AllocNode:Sid"));
        assertEquals("", r.get("Power"));
    }

    @Test
    void sacctStatesWithTheirDecorations() throws SlurmException {
        Map<String, SlurmTask> t = byId(SlurmOutput.parseSacct(Fixtures.text("slurm/sacct-array.txt")));
        assertEquals(7, t.size());
        assertEquals(SlurmState.CANCELLED, t.get("20_2").state());
        assertEquals(15, t.get("20_2").signal());
        assertEquals(3, t.get("20_1").exitCode());
        assertEquals(SlurmState.PENDING, t.get("20_5").state());
        assertEquals("", t.get("20_5").node(), "None assigned");
        assertEquals(SlurmState.RUNNING, t.get("21").state());
        assertNull(t.get("21").end());
    }

    @Test
    void aLineWithTheWrongFieldsIsAnErrorThatQuotesIt() {
        SlurmException e = assertThrows(SlurmException.class, () -> SlurmOutput.parseSqueue("12|RUNNING\n"));
        assertTrue(e.getMessage().contains("12|RUNNING"), e.getMessage());
        assertThrows(SlurmException.class, () -> SlurmOutput.parseSqueue("1|1|N/A|RUNNING|None|vm|today|N/A\n"));
        assertThrows(SlurmException.class, () -> SlurmOutput.parseScontrolJobs("JobName=x UserId=root(0)\n"));
    }
}
