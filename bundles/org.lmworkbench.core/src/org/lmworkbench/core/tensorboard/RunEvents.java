package org.lmworkbench.core.tensorboard;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.lmworkbench.core.run.AtomicFiles;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunFileException;
import org.lmworkbench.core.run.RunStatus;

/**
 * The events that stand for a run folder in TensorBoard, in the order they are written:
 * <ol>
 * <li>the spec ({@code spec.json}) as a text at step 0, tag {@value #SPEC_TAG}, in a fenced JSON
 * block (TensorBoard renders texts as Markdown);</li>
 * <li>one event per line of {@code metrics.jsonl}, at the line's step, with every number of the
 * line as a scalar: {@code train_loss}; an object gives {@code weight_norm/hidden1}, an array
 * {@code key/0}, {@code key/1}, ...; NaN and infinities are kept; strings, flags and nulls are
 * not scalars;</li>
 * <li>the same for each {@code probes/<name>.jsonl} in name order, tagged {@code <name>/<key>},
 * except that the eigenvalues and their residuals become {@code <name>/lambda_1..k} and
 * {@code <name>/residual_1..k}, numbered from 1 as the Runs view names them.</li>
 * </ol>
 * Lines without a step (or with a negative one) are left out, as are lines without a number.
 * Times: the run starts at {@code started} of {@code status.json} ({@code created} if it never
 * started); a metrics line happened {@code wall_time} seconds later, and a probe line when the
 * metrics line of the same or the closest earlier step did. A resumed run's {@code wall_time}
 * counts the training time of earlier processes too, so its later events sit that much after the
 * last start. Scalars are stored as 32-bit floats, TensorBoard's {@code simple_value}.
 */
final class RunEvents {

    /** Tag of the spec text. */
    static final String SPEC_TAG = "spec";

    private static final String JSONL = ".jsonl";
    private static final String WALL_TIME = "wall_time";
    private static final String[][] PROBE_ARRAYS = {{"eigenvalues", "lambda_"}, {"lambda", "lambda_"},
            {"residuals", "residual_"}};

    @FunctionalInterface
    interface Sink {
        void accept(Event event) throws IOException;
    }

    private final RunDirectory run;
    private final double start;

    /**
     * Reads the run's start.
     *
     * @throws NoSuchFileException if the folder has no {@code status.json}
     * @throws RunFileException    if it is not a usable status
     */
    RunEvents(Path runDir) throws IOException {
        this.run = new RunDirectory(runDir);
        if (!Files.isRegularFile(run.statusFile())) {
            throw new NoSuchFileException(run.statusFile().toString(), null, "not a run folder: it has no status.json");
        }
        RunStatus status = run.readStatus();
        this.start = seconds(status.started() != null ? status.started() : status.created());
    }

    /** The run's start, seconds since the Unix epoch. */
    double start() {
        return start;
    }

    /** The run id. */
    String runId() {
        return run.runId();
    }

    /** Gives every event in order. */
    void forEach(Sink sink) throws IOException {
        if (Files.isRegularFile(run.specFile())) {
            String spec = Files.readString(run.specFile(), StandardCharsets.UTF_8).strip();
            sink.accept(Event.summary(start, 0, List.of(new SummaryValue.Text(SPEC_TAG, "```json\n" + spec + "\n```"))));
        }
        TreeMap<Long, Double> wallByStep = new TreeMap<>();
        for (MetricsRecord r : MetricsReader.readAll(run.metricsFile())) {
            if (r.step() < 0) {
                continue;
            }
            double offset = r.has(WALL_TIME) ? r.number(WALL_TIME) : Double.NaN;
            double wall = Double.isFinite(offset) ? start + offset : start;
            wallByStep.put(r.step(), wall);
            emit(sink, r, "", false, wall);
        }
        for (Path probe : probeFiles()) {
            String name = probe.getFileName().toString();
            String prefix = name.substring(0, name.length() - JSONL.length()) + "/";
            for (MetricsRecord r : MetricsReader.readAll(probe)) {
                if (r.step() < 0) {
                    continue;
                }
                Map.Entry<Long, Double> at = wallByStep.floorEntry(r.step());
                emit(sink, r, prefix, true, at == null ? start : at.getValue());
            }
        }
    }

    private static void emit(Sink sink, MetricsRecord record, String prefix, boolean probe, double wall)
            throws IOException {
        List<SummaryValue> values = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : record.values().entrySet()) {
            String key = e.getKey();
            JsonElement value = e.getValue();
            if (key.equals(MetricsRecord.STEP) || key.equals(WALL_TIME)) {
                continue;
            }
            if (value.isJsonObject()) {
                for (Map.Entry<String, JsonElement> inner : value.getAsJsonObject().entrySet()) {
                    add(values, prefix + key + "/" + inner.getKey(), inner.getValue());
                }
            } else if (value.isJsonArray()) {
                String named = probe ? probeArrayName(key) : null;
                for (int i = 0; i < value.getAsJsonArray().size(); i++) {
                    String tag = named != null ? prefix + named + (i + 1) : prefix + key + "/" + i;
                    add(values, tag, value.getAsJsonArray().get(i));
                }
            } else {
                add(values, prefix + key, value);
            }
        }
        if (!values.isEmpty()) {
            sink.accept(Event.summary(wall, record.step(), values));
        }
    }

    private static String probeArrayName(String key) {
        for (String[] pair : PROBE_ARRAYS) {
            if (pair[0].equals(key)) {
                return pair[1];
            }
        }
        return null;
    }

    /** Adds a scalar if the element is a number (or one of the strings run files use for non-finite ones). */
    private static void add(List<SummaryValue> values, String tag, JsonElement element) {
        if (!(element instanceof JsonPrimitive p)) {
            return;
        }
        if (p.isNumber()) {
            values.add(new SummaryValue.Scalar(tag, p.getAsDouble()));
        } else if (p.isString()) {
            switch (p.getAsString()) {
                case "NaN" -> values.add(new SummaryValue.Scalar(tag, Double.NaN));
                case "Infinity" -> values.add(new SummaryValue.Scalar(tag, Double.POSITIVE_INFINITY));
                case "-Infinity" -> values.add(new SummaryValue.Scalar(tag, Double.NEGATIVE_INFINITY));
                default -> {
                    // a label such as the method's name, not a series
                }
            }
        }
    }

    private List<Path> probeFiles() throws IOException {
        Path folder = run.path().resolve(RunDirectory.PROBES);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(JSONL) && !AtomicFiles.isTemporary(f)
                    && !f.getFileName().toString().startsWith(".") && Files.isRegularFile(f)).sorted().toList();
        }
    }

    /**
     * An instant as epoch seconds, correctly rounded from its exact decimal value, so that it is the
     * same number whoever converts it (Python's {@code datetime.timestamp()} does the same for
     * microseconds).
     */
    static double seconds(Instant instant) {
        return new BigDecimal(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9)).doubleValue();
    }
}
