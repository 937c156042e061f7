package org.lmworkbench.core.cluster;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.lmworkbench.core.run.AtomicFiles;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunFileException;
import org.lmworkbench.core.run.SchedulerJob;
import org.lmworkbench.core.slurm.SlurmState;
import org.lmworkbench.core.slurm.SlurmTask;

/**
 * What the scheduler last said about a run's task, kept in the run folder as {@value #FILE} by
 * whoever follows the run (the workbench while a Slurm launch is live, {@code lmw sweep --wait}), so
 * that labels can show why a run waits without asking the cluster themselves. It is a record of one
 * answer, with the time it was given; the run's own state stays in {@code status.json}.
 * <pre>
 * {"scheduler": "slurm", "job_id": "4711", "array_index": 3, "state": "PENDING",
 *  "reason": "JobArrayTaskLimit", "node": "", "checked": "2026-12-07T21:50:48Z"}
 * </pre>
 *
 * @param job     the task asked about
 * @param state   its state in the scheduler
 * @param reason  why it waits or how it ended, in Slurm's words ({@code Resources}, {@code BeginTime}); empty for none
 * @param node    the node it runs or ran on; empty while pending
 * @param checked when the scheduler said so
 */
public record SchedulerSnapshot(SchedulerJob job, SlurmState state, String reason, String node, Instant checked) {

    /** The file in a run folder. */
    public static final String FILE = "scheduler.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** Checks that nothing required is missing. */
    public SchedulerSnapshot {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(checked, "checked");
        reason = reason == null ? "" : reason;
        node = node == null ? "" : node;
    }

    /** The snapshot of what squeue, scontrol or sacct said about a task of {@code job}'s array. */
    public static SchedulerSnapshot of(SchedulerJob job, SlurmTask task, Instant checked) {
        return new SchedulerSnapshot(job, task.state(), task.reason(), task.node(), checked);
    }

    /** True when the scheduler says the task has ended for good (it is not pending, running or requeued). */
    public boolean isFinished() {
        return state.isFinished();
    }

    /** True when the answer differs from {@code other} in anything but the time it was given. */
    public boolean differsFrom(SchedulerSnapshot other) {
        return other == null || !job.equals(other.job()) || state != other.state() || !reason.equals(other.reason())
                || !node.equals(other.node());
    }

    /** The file of a run folder. */
    public static Path file(RunDirectory run) {
        return run.path().resolve(FILE);
    }

    /**
     * Reads a run's snapshot; null when there is none.
     *
     * @throws RunFileException when the file cannot be read or is not a snapshot, naming the file and key
     */
    public static SchedulerSnapshot read(RunDirectory run) throws IOException {
        Path file = file(run);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new RunFileException(file, "not a JSON object", null);
            }
            JsonObject o = root.getAsJsonObject();
            String scheduler = string(o, "scheduler");
            String jobId = string(o, "job_id");
            JsonElement index = o.get("array_index");
            SchedulerJob job = new SchedulerJob(scheduler == null ? SchedulerJob.SLURM : scheduler, required(jobId,
                    "job_id"), index == null || index.isJsonNull() ? SchedulerJob.NOT_AN_ARRAY : index.getAsInt());
            return new SchedulerSnapshot(job, SlurmState.parse(required(string(o, "state"), "state")),
                    string(o, "reason"), string(o, "node"), Instant.parse(required(string(o, "checked"), "checked")));
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | DateTimeParseException
                | UnsupportedOperationException e) {
            throw new RunFileException(file, "not a scheduler snapshot (" + e.getMessage() + ")", e);
        }
    }

    /** Writes this snapshot into a run folder, atomically. */
    public void write(RunDirectory run) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("scheduler", job.scheduler());
        o.addProperty("job_id", job.jobId());
        if (job.arrayIndex() != SchedulerJob.NOT_AN_ARRAY) {
            o.addProperty("array_index", job.arrayIndex());
        }
        o.addProperty("state", state.name());
        o.addProperty("reason", reason);
        o.addProperty("node", node);
        o.addProperty("checked", checked.toString());
        AtomicFiles.write(file(run), GSON.toJson(o) + "\n");
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!(e instanceof JsonPrimitive p) || !p.isString()) {
            throw new IllegalArgumentException("'" + key + "' must be a string but was " + e);
        }
        return p.getAsString();
    }

    private static String required(String value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value;
    }
}
