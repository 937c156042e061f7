package org.lmworkbench.core.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.lmworkbench.core.format.JsonSyntax;

/** Maps {@link RunStatus} to and from its snake_case JSON form by hand, so the file format never depends on field names. */
final class RunStatusJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private RunStatusJson() {
    }

    static String write(RunStatus s) {
        JsonObject o = new JsonObject();
        o.addProperty("state", s.state().jsonName());
        o.addProperty("created", s.created().toString());
        putIfPresent(o, "started", s.started() == null ? null : s.started().toString());
        putIfPresent(o, "ended", s.ended() == null ? null : s.ended().toString());
        putIfPresent(o, "device", s.device());
        if (s.threads() != null) {
            o.addProperty("threads", s.threads());
        }
        putIfPresent(o, "backend_version", s.backendVersion());
        putIfPresent(o, "djl_version", s.djlVersion());
        putIfPresent(o, "libtorch_version", s.libtorchVersion());
        o.addProperty("last_step", s.lastStep());
        o.addProperty("total_steps", s.totalSteps());
        if (s.lastLoss() != null) {
            o.add("last_loss", JsonNumbers.toJson(s.lastLoss()));
        }
        if (s.divergedAtStep() != null) {
            o.addProperty("diverged_at_step", s.divergedAtStep());
        }
        putIfPresent(o, "message", s.message());
        if (s.pid() != null) {
            o.addProperty("pid", s.pid());
        }
        if (s.job() != null) {
            o.addProperty("scheduler", s.job().scheduler());
            o.addProperty("job_id", s.job().jobId());
            if (s.job().arrayIndex() != SchedulerJob.NOT_AN_ARRAY) {
                o.addProperty("array_index", s.job().arrayIndex());
            }
        }
        return GSON.toJson(o) + "\n";
    }

    static RunStatus read(String json, Path source) throws RunFileException {
        JsonElement root;
        try {
            root = StrictJson.parse(json);
        } catch (JsonParseException | IOException e) {
            throw new RunFileException(source, "malformed JSON (" + JsonSyntax.describeGson(e) + ")", e);
        }
        if (!root.isJsonObject()) {
            throw new RunFileException(source, "not a JSON object", null);
        }
        Fields f = new Fields(root.getAsJsonObject(), source);
        try {
            return new RunStatus(RunState.fromJson(f.requiredString("state")), f.requiredInstant("created"),
                    f.instant("started"), f.instant("ended"), f.string("device"), f.integer("threads"),
                    f.string("backend_version"), f.string("djl_version"), f.string("libtorch_version"),
                    f.longOr("last_step", 0), f.longOr("total_steps", 0), f.decimal("last_loss"),
                    f.longValue("diverged_at_step"), f.string("message"), f.longValue("pid"), job(f));
        } catch (IllegalArgumentException | DateTimeParseException | IllegalStateException e) {
            throw new RunFileException(source, e.getMessage(), e);
        }
    }

    /** The scheduler job, when the run was submitted to one: {@code job_id} present, {@code scheduler} defaulting to Slurm. */
    private static SchedulerJob job(Fields f) {
        String id = f.string("job_id");
        if (id == null) {
            return null;
        }
        String scheduler = f.string("scheduler");
        Integer index = f.integer("array_index");
        try {
            return new SchedulerJob(scheduler == null ? SchedulerJob.SLURM : scheduler, id,
                    index == null ? SchedulerJob.NOT_AN_ARRAY : index);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'job_id' and 'array_index': " + e.getMessage(), e);
        }
    }

    private static void putIfPresent(JsonObject o, String key, String value) {
        if (value != null) {
            o.addProperty(key, value);
        }
    }

    /** Typed access that turns every mismatch into a message naming the key. */
    private record Fields(JsonObject o, Path source) {

        private JsonPrimitive primitive(String key) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) {
                return null;
            }
            if (!e.isJsonPrimitive()) {
                throw new IllegalArgumentException("'" + key + "' must be a single value but was " + e);
            }
            return e.getAsJsonPrimitive();
        }

        String string(String key) {
            JsonPrimitive p = primitive(key);
            if (p != null && !p.isString()) {
                throw new IllegalArgumentException("'" + key + "' must be a string but was " + p);
            }
            return p == null ? null : p.getAsString();
        }

        String requiredString(String key) {
            String value = string(key);
            if (value == null) {
                throw new IllegalArgumentException("'" + key + "' is missing");
            }
            return value;
        }

        Instant instant(String key) {
            String value = string(key);
            return value == null ? null : Instant.parse(value);
        }

        Instant requiredInstant(String key) {
            return Instant.parse(requiredString(key));
        }

        Long longValue(String key) {
            JsonPrimitive p = primitive(key);
            if (p == null) {
                return null;
            }
            if (!p.isNumber()) {
                throw new IllegalArgumentException("'" + key + "' must be an integer but was " + p);
            }
            try {
                return p.getAsBigDecimal().longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("'" + key + "' must be an integer but was " + p, e);
            }
        }

        long longOr(String key, long fallback) {
            Long value = longValue(key);
            return value == null ? fallback : value;
        }

        Integer integer(String key) {
            Long value = longValue(key);
            if (value != null && value != value.intValue()) {
                throw new IllegalArgumentException("'" + key + "' is too large: " + value);
            }
            return value == null ? null : value.intValue();
        }

        Double decimal(String key) {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) {
                return null;
            }
            try {
                return JsonNumbers.toDouble(e);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("'" + key + "' must be a number but was " + e, ex);
            }
        }
    }
}
