package org.lmworkbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status.json: round trip, tolerance, clear errors. */
class RunStatusTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    @Test
    void everyFieldRoundTripsThroughTheFile() throws IOException {
        RunStatus status = RunStatus.queued(T0, 2000)
                .started(T0.plusSeconds(5), "gpu(0)", 4, 4242L)
                .withVersions("0.1.0", "0.35.1", "2.7.1-cu128")
                .withProgress(150, 0.25)
                .ended(RunState.FAILED, T0.plusSeconds(60), "CUDA out of memory");
        Path file = dir.resolve("status.json");
        status.write(file);
        assertEquals(status, RunStatus.read(file));
        String json = Files.readString(file);
        assertTrue(json.contains("\"backend_version\": \"0.1.0\""), json);
        assertTrue(json.contains("\"started\": \"2025-01-02T03:04:10Z\""), json);
        assertTrue(json.contains("\"state\": \"failed\""), json);
    }

    @Test
    void theClusterJobIsRecordedAndKeptThroughTheRunsLife() throws IOException {
        RunStatus submitted = RunStatus.queued(T0, 100).submitted(SchedulerJob.slurm("4711", 3));
        String json = submitted.toJson();
        assertTrue(json.contains("\"scheduler\": \"slurm\""), json);
        assertTrue(json.contains("\"job_id\": \"4711\""), json);
        assertTrue(json.contains("\"array_index\": 3"), json);
        RunStatus ended = RunStatus.fromJson(json, dir.resolve("status.json")).started(T0, "cpu", 1, 99L)
                .withProgress(100, 0.5).ended(RunState.COMPLETED, T0.plusSeconds(9), null);
        assertEquals("4711_3", ended.job().taskId());
        assertEquals(ended, RunStatus.fromJson(ended.toJson(), dir.resolve("status.json")));
        RunStatus again = ended.submitted(SchedulerJob.slurm("4800", 0));
        assertEquals(RunState.QUEUED, again.state());
        assertEquals(null, again.ended());
        assertEquals(100, again.lastStep(), "what the run reached stays");
        RunStatus plain = RunStatus.queued(T0, 1).submitted(new SchedulerJob(SchedulerJob.SLURM, "12",
                SchedulerJob.NOT_AN_ARRAY));
        assertFalse(plain.toJson().contains("array_index"), plain.toJson());
        assertEquals("12", RunStatus.fromJson(plain.toJson(), dir.resolve("s.json")).job().taskId());
        RunFileException e = assertThrows(RunFileException.class, () -> RunStatus.fromJson(
                "{\"state\": \"queued\", \"created\": \"2025-01-02T03:04:05Z\", \"job_id\": \"12;x\"}",
                dir.resolve("status.json")));
        assertTrue(e.getMessage().contains("'job_id'"), e.getMessage());
    }

    @Test
    void absentValuesAreLeftOutAndReadBackAsNull() throws IOException {
        RunStatus queued = RunStatus.queued(T0, 10);
        String json = queued.toJson();
        assertFalse(json.contains("started"), json);
        assertFalse(json.contains("last_loss"), json);
        assertFalse(json.contains("job_id"), json);
        assertEquals(queued, RunStatus.fromJson(json, dir.resolve("status.json")));
    }

    @Test
    void divergedRunKeepsItsNonFiniteLoss() throws IOException {
        RunStatus diverged = RunStatus.queued(T0, 100).started(T0, "cpu", 1, null).diverged(T0.plusSeconds(1), 37, Double.NaN);
        RunStatus back = RunStatus.fromJson(diverged.toJson(), dir.resolve("status.json"));
        assertEquals(RunState.DIVERGED, back.state());
        assertEquals(37L, back.divergedAtStep());
        assertTrue(back.lastLoss().isNaN());
        assertTrue(diverged.toJson().contains("\"last_loss\": \"NaN\""));
    }

    @Test
    void unknownKeysAreIgnored() throws IOException {
        String json = "{\"state\": \"running\", \"created\": \"2025-01-02T03:04:05Z\", \"last_step\": 7,"
                + " \"gpu_name\": \"A100\", \"extra\": {\"nested\": [1, 2]}}";
        RunStatus status = RunStatus.fromJson(json, dir.resolve("status.json"));
        assertEquals(RunState.RUNNING, status.state());
        assertEquals(7, status.lastStep());
    }

    @Test
    void corruptFileGivesAnErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("status.json");
        Files.writeString(file, "{\"state\": \"running\", \"created\": ");
        RunFileException e = assertThrows(RunFileException.class, () -> RunStatus.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ": malformed JSON"), e.getMessage());
    }

    @Test
    void wrongContentNamesTheKey() {
        Path file = dir.resolve("status.json");
        RunFileException e = assertThrows(RunFileException.class,
                () -> RunStatus.fromJson("{\"created\": \"2025-01-02T03:04:05Z\"}", file));
        assertEquals(file + ": 'state' is missing", e.getMessage());
        e = assertThrows(RunFileException.class,
                () -> RunStatus.fromJson("{\"state\": \"paused\", \"created\": \"2025-01-02T03:04:05Z\"}", file));
        assertEquals(file + ": unknown run state 'paused'", e.getMessage());
        e = assertThrows(RunFileException.class,
                () -> RunStatus.fromJson("{\"state\": \"queued\", \"created\": \"2025-01-02T03:04:05Z\", \"last_step\": \"x\"}", file));
        assertEquals(file + ": 'last_step' must be an integer but was \"x\"", e.getMessage());
        e = assertThrows(RunFileException.class, () -> RunStatus.fromJson("[]", file));
        assertEquals(file + ": not a JSON object", e.getMessage());
    }

    @Test
    void statesAreLowerCaseAndKnowWhetherTheyAreFinal() {
        assertEquals(List.of("queued", "running", "completed", "diverged", "failed", "cancelled", "interrupted"),
                List.of(RunState.values()).stream().map(RunState::jsonName).toList());
        assertEquals(List.of(RunState.COMPLETED, RunState.DIVERGED, RunState.FAILED, RunState.CANCELLED, RunState.INTERRUPTED),
                List.of(RunState.values()).stream().filter(RunState::isTerminal).toList());
        assertEquals(RunState.INTERRUPTED, RunState.fromJson("interrupted"));
        assertThrows(IllegalArgumentException.class, () -> RunStatus.queued(T0, 1).ended(RunState.RUNNING, T0, null));
    }

    @Test
    void progressIsAFraction() {
        assertEquals(0.25, RunStatus.queued(T0, 200).withProgress(50, null).progress());
        assertEquals(0.0, RunStatus.queued(T0, 0).progress());
    }
}
