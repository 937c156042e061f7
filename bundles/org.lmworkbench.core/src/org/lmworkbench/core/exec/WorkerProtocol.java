package org.lmworkbench.core.exec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lmworkbench.core.run.RunState;

/**
 * The line protocol between a backend worker ({@code lmw worker}, a JVM that trains run folders one
 * after another) and the process that feeds it. Every message is one JSON object on one line.
 * <p>
 * Requests, on the worker's standard input:
 * <pre>
 * {"op":"train","run":"sw-003","dir":"/abs/runs/sw-003","args":["--threads","1"]}   resume this folder
 * {"op":"cancel","run":"sw-003"}    stop that run at the next step boundary (checkpoint, cancelled)
 * {"op":"quit"}                     exit once idle
 * </pre>
 * End of input means the parent is gone: the worker cancels its run and exits.
 * <p>
 * Events, on the worker's standard output:
 * <pre>
 * {"event":"ready","pid":4711}                                     engine loaded, waiting for work
 * {"event":"started","run":"sw-003"}
 * {"event":"output","run":"sw-003","stream":"out","text":"step 5 batch_loss 0.11"}
 * {"event":"progress","run":"sw-003","step":5,"loss":0.11}
 * {"event":"finished","run":"sw-003","state":"completed","code":0,"message":null,"arrays":0}
 * </pre>
 * {@code code} is the exit code {@code lmw resume} would have ended with; {@code arrays} counts the
 * native arrays still open in the worker after the run (constant from run to run: a run closes
 * everything it made). A line that is not an event (native libraries may print) is plain output.
 */
public final class WorkerProtocol {

    /** The backend command that runs a worker. */
    public static final String COMMAND = "worker";

    private static final String EVENT_PREFIX = "{\"event\":";

    /** A request to a worker. */
    public sealed interface Request permits Train, Cancel, Quit {
    }

    /**
     * Train the run folder {@code dir} as {@code lmw resume <dir> <args>} would.
     *
     * @param runId the run's id, which later requests and events use
     * @param dir   the run folder
     * @param args  options after the folder, e.g. {@code --threads 2}
     */
    public record Train(String runId, Path dir, List<String> args) implements Request {
        /** Checks and freezes. */
        public Train {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(dir, "dir");
            args = List.copyOf(args);
        }
    }

    /** Stop run {@code runId} at its next step boundary. */
    public record Cancel(String runId) implements Request {
    }

    /** Exit when idle. */
    public record Quit() implements Request {
    }

    /** An event from a worker. */
    public sealed interface Event permits Ready, Started, Output, Progress, Finished {
    }

    /** The worker has loaded the engine and takes requests. */
    public record Ready(long pid) implements Event {
    }

    /** The worker began run {@code runId}. */
    public record Started(String runId) implements Event {
    }

    /** One line the run printed; {@code error} for its error stream. */
    public record Output(String runId, boolean error, String text) implements Event {
    }

    /** Run {@code runId} has completed {@code step} steps. */
    public record Progress(String runId, long step, double loss) implements Event {
    }

    /**
     * Run {@code runId} ended.
     *
     * @param state   the state its status.json records
     * @param code    the exit code {@code lmw resume} would have had
     * @param message status.json's message, or null
     * @param arrays  native arrays open in the worker afterwards, or -1 if unknown
     */
    public record Finished(String runId, RunState state, int code, String message, long arrays) implements Event {
    }

    /** A line that cannot be read as a request. */
    public static final class ProtocolException extends Exception {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }

    private WorkerProtocol() {
    }

    /** The line of a request (without the line break). */
    public static String encode(Request request) {
        JsonObject o = new JsonObject();
        switch (request) {
            case Train t -> {
                o.addProperty("op", "train");
                o.addProperty("run", t.runId());
                o.addProperty("dir", t.dir().toString());
                JsonArray args = new JsonArray();
                t.args().forEach(args::add);
                o.add("args", args);
            }
            case Cancel c -> {
                o.addProperty("op", "cancel");
                o.addProperty("run", c.runId());
            }
            case Quit q -> o.addProperty("op", "quit");
        }
        return o.toString();
    }

    /** The line of an event (without the line break); it always starts with {@code {"event":}. */
    public static String encode(Event event) {
        JsonObject o = new JsonObject();
        switch (event) {
            case Ready r -> {
                o.addProperty("event", "ready");
                o.addProperty("pid", r.pid());
            }
            case Started s -> {
                o.addProperty("event", "started");
                o.addProperty("run", s.runId());
            }
            case Output out -> {
                o.addProperty("event", "output");
                o.addProperty("run", out.runId());
                o.addProperty("stream", out.error() ? "err" : "out");
                o.addProperty("text", out.text());
            }
            case Progress p -> {
                o.addProperty("event", "progress");
                o.addProperty("run", p.runId());
                o.addProperty("step", p.step());
                o.addProperty("loss", Double.isFinite(p.loss()) ? p.loss() : null);
            }
            case Finished f -> {
                o.addProperty("event", "finished");
                o.addProperty("run", f.runId());
                o.addProperty("state", f.state().jsonName());
                o.addProperty("code", f.code());
                o.addProperty("message", f.message());
                o.addProperty("arrays", f.arrays());
            }
        }
        return o.toString();
    }

    /**
     * Reads a request line.
     *
     * @throws ProtocolException naming what is wrong with the line
     */
    public static Request parseRequest(String line) throws ProtocolException {
        JsonObject o = object(line);
        String op = string(o, "op");
        return switch (op) {
            case "train" -> new Train(string(o, "run"), Path.of(string(o, "dir")), strings(o, "args"));
            case "cancel" -> new Cancel(string(o, "run"));
            case "quit" -> new Quit();
            default -> throw new ProtocolException("unknown op '" + op + "' in: " + line);
        };
    }

    /** Reads an event line, or returns null for a line that is not an event (plain output). */
    public static Event parseEvent(String line) {
        if (!line.startsWith(EVENT_PREFIX)) {
            return null;
        }
        try {
            JsonObject o = object(line);
            return switch (string(o, "event")) {
                case "ready" -> new Ready(o.get("pid").getAsLong());
                case "started" -> new Started(string(o, "run"));
                case "output" -> new Output(string(o, "run"), "err".equals(string(o, "stream")), string(o, "text"));
                case "progress" -> new Progress(string(o, "run"), o.get("step").getAsLong(),
                        o.get("loss") == null || o.get("loss").isJsonNull() ? Double.NaN : o.get("loss").getAsDouble());
                case "finished" -> new Finished(string(o, "run"), RunState.fromJson(string(o, "state")),
                        o.get("code").getAsInt(), optionalString(o, "message"),
                        o.has("arrays") ? o.get("arrays").getAsLong() : -1);
                default -> null;
            };
        } catch (ProtocolException | RuntimeException e) {
            return null;
        }
    }

    private static JsonObject object(String line) throws ProtocolException {
        try {
            JsonElement e = JsonParser.parseString(line);
            if (e.isJsonObject()) {
                return e.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // reported below
        }
        throw new ProtocolException("not a JSON object: " + line);
    }

    private static String string(JsonObject o, String key) throws ProtocolException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) {
            throw new ProtocolException("'" + key + "' is missing in: " + o);
        }
        return e.getAsString();
    }

    private static String optionalString(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static List<String> strings(JsonObject o, String key) throws ProtocolException {
        JsonElement e = o.get(key);
        List<String> values = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return values;
        }
        if (!e.isJsonArray()) {
            throw new ProtocolException("'" + key + "' is not a list in: " + o);
        }
        for (JsonElement item : e.getAsJsonArray()) {
            values.add(item.getAsString());
        }
        return values;
    }
}
