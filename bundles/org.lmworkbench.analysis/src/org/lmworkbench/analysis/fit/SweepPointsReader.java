package org.lmworkbench.analysis.fit;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.SpecSchema;

/**
 * Reads scaling-law points from the final metrics of a sweep's runs ({@code lmw fit --runs}):
 * every run of {@code <folder>/runs/<run-id>/} whose {@code status.json} says
 * {@code completed} gives one point, with the run id as the point's id.
 *
 * <p>A key names a value of the run: a spec dotted key ({@code model.width},
 * {@code data.n_train}; the resolved value in {@code spec.json}) or else a metric key, whose value
 * is taken from the last record of {@code metrics.jsonl} that has it. The loss key is always a
 * metric key. Runs in any other state are reported to the caller and skipped.
 *
 * <p>Every problem is a {@link ScalingDataException} naming the run folder and the key, e.g.
 * {@code runs/eos-003: model.width = 0 must be > 0 for a log fit}. Run folders are shown as the
 * given folder joined with {@code runs/<run-id>}, normalised.
 */
public final class SweepPointsReader {

    /** Key of the parameter count, usable only if the runs log it as a metric. */
    static final String PARAMS = "params";

    /** Spec keys named as examples when a key is unknown. */
    private static final List<String> SPEC_EXAMPLES =
            List.of("model.width", "model.depth", "data.n_train", "optimizer.lr");

    /**
     * A run that gives no point because it did not complete.
     *
     * @param runId the run id (folder name)
     * @param dir the run folder as shown in messages
     * @param state the state in {@code status.json}, or {@code null} if the run has none
     */
    public record Skipped(String runId, Path dir, String state) {

        /** @return the one-line note printed for the run. */
        public String note() {
            return "skipped " + dir + ": " + (state == null ? "no status.json" : "state " + state);
        }
    }

    private SweepPointsReader() {
    }

    /**
     * Reads one point per completed run.
     *
     * @param folder a sweep or project folder holding {@code runs/<run-id>/} (the
     *        {@code runs} folder itself is accepted too), or a spec file: then only the runs of
     *        that spec (whose spec.json carries its name) in the folder beside it
     * @param lossKey metric key of the loss
     * @param inputKeys spec dotted keys or metric keys of the inputs, in the form's order
     * @param skipped receives each run that is not completed, in run-id order
     * @return the dataset, with {@code folder} as source, the keys as column names and the run
     *         ids as point ids
     * @throws IOException if a run file cannot be read or is malformed
     * @throws ScalingDataException if there is no completed run or a value is missing or unusable
     */
    public static ScalingDataset read(Path folder, String lossKey, List<String> inputKeys,
            Consumer<Skipped> skipped) throws IOException {
        // A spec file stands for its own runs only: a project usually holds several experiments,
        // and a law fitted across them would mix unrelated runs.
        String specName = Files.isRegularFile(folder) ? specName(folder) : null;
        Path project = specName != null ? parentOf(folder) : project(folder);
        List<RunDirectory> runs = new ArrayList<>();
        for (RunDirectory run : RunDirectory.list(project)) {
            if (specName == null || specName.equals(runSpecName(run))) {
                runs.add(run);
            }
        }
        if (specName != null && runs.isEmpty()) {
            throw new ScalingDataException(folder + ": no runs of spec '" + specName + "' in "
                    + shown(project.resolve(RunDirectory.RUNS)) + " (launch it first)");
        }
        if (runs.isEmpty()) {
            throw new ScalingDataException(folder + ": no runs found (expected run folders "
                    + shown(project.resolve(RunDirectory.RUNS)) + "/<run-id>/ with a status.json)");
        }
        List<String> ids = new ArrayList<>();
        List<double[]> inputRows = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (RunDirectory run : runs) {
            Path shown = shown(run.path());
            if (!Files.isRegularFile(run.statusFile())) {
                skipped.accept(new Skipped(run.runId(), shown, null));
                continue;
            }
            RunStatus status = run.readStatus();
            if (status.state() != RunState.COMPLETED) {
                skipped.accept(new Skipped(run.runId(), shown, status.state().jsonName()));
                continue;
            }
            Point point = new Point(run, shown, MetricsReader.readAll(run.metricsFile()));
            double[] row = new double[inputKeys.size()];
            for (int k = 0; k < row.length; k++) {
                row[k] = point.input(inputKeys.get(k));
            }
            inputRows.add(row);
            losses.add(point.metric(lossKey, true));
            ids.add(run.runId());
        }
        if (ids.isEmpty()) {
            throw new ScalingDataException(folder + ": no completed runs among " + runs.size()
                    + " run" + (runs.size() == 1 ? "" : "s") + "; only runs in state completed"
                    + " give points");
        }
        double[][] inputs = new double[inputKeys.size()][ids.size()];
        double[] loss = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            for (int k = 0; k < inputs.length; k++) {
                inputs[k][i] = inputRows.get(i)[k];
            }
            loss[i] = losses.get(i);
        }
        return new ScalingDataset(folder.toString(), inputKeys, lossKey, inputs, loss, ids);
    }

    /** The name the spec file gives its runs; every run of it carries that name in spec.json. */
    private static String specName(Path specFile) throws IOException {
        JsonElement root;
        try {
            root = com.google.gson.JsonParser.parseString(Files.readString(specFile));
        } catch (com.google.gson.JsonParseException e) {
            throw new ScalingDataException(specFile + ": not a JSON spec (" + e.getMessage() + ")");
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("name")
                || !root.getAsJsonObject().get("name").isJsonPrimitive()) {
            throw new ScalingDataException(specFile + ": $.name is missing; --runs takes a folder"
                    + " holding runs/<run-id>/ or a spec file whose runs to use");
        }
        return root.getAsJsonObject().get("name").getAsString();
    }

    private static String runSpecName(RunDirectory run) {
        try {
            return run.readSpec().name();
        } catch (IOException | RuntimeException e) {
            return null; // a run without a readable spec.json belongs to no spec
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("") : parent;
    }

    /** The project folder whose {@code runs/} holds the runs. */
    private static Path project(Path folder) {
        if (!Files.exists(folder)) {
            throw new ScalingDataException(folder + ": no such directory");
        }
        if (!Files.isDirectory(folder)) {
            throw new ScalingDataException(folder + ": not a directory; --runs takes a sweep or"
                    + " project folder holding runs/<run-id>/");
        }
        Path name = folder.getFileName();
        if (!Files.isDirectory(folder.resolve(RunDirectory.RUNS)) && name != null
                && name.toString().equals(RunDirectory.RUNS)) {
            Path parent = folder.getParent();
            return parent == null ? Path.of("") : parent;
        }
        return folder;
    }

    private static Path shown(Path p) {
        Path n = p.normalize();
        return n.toString().isEmpty() ? p : n;
    }

    /** The values of one completed run. */
    private static final class Point {
        private final RunDirectory run;
        private final Path shown;
        private final List<MetricsRecord> records;
        private ExperimentSpec spec;

        Point(RunDirectory run, Path shown, List<MetricsRecord> records) {
            this.run = run;
            this.shown = shown;
            this.records = records;
        }

        /** An input: the spec value if the key is a spec field, else the last metric value. */
        double input(String key) throws IOException {
            if (!SpecSchema.isField(key)) {
                return metric(key, false);
            }
            Object value = spec().get(key);
            if (!(value instanceof Number n)) {
                String text = value instanceof String s ? "'" + s + "'" : String.valueOf(value);
                throw new ScalingDataException(shown + ": " + key + " = " + text
                        + " is not a number");
            }
            return positive(key, n.doubleValue(), n.toString());
        }

        /** The value of {@code key} in the last metrics record that has it. */
        double metric(String key, boolean isLoss) {
            MetricsRecord last = null;
            for (int i = records.size() - 1; i >= 0 && last == null; i--) {
                if (records.get(i).has(key)) {
                    last = records.get(i);
                }
            }
            if (last == null) {
                throw missing(key, isLoss);
            }
            JsonElement element = last.values().get(key);
            String text = element.isJsonPrimitive() ? element.getAsString() : element.toString();
            double v;
            try {
                v = last.number(key);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                throw new ScalingDataException(shown + ": " + key + " = " + element
                        + " (metrics.jsonl line " + last.line() + ") is not a number");
            }
            return positive(key, v, text);
        }

        private double positive(String key, double v, String text) {
            if (!Double.isFinite(v)) {
                throw new ScalingDataException(shown + ": " + key + " = " + text
                        + " is not a finite number");
            }
            if (!(v > 0)) {
                throw new ScalingDataException(shown + ": " + key + " = " + text
                        + " must be > 0 for a log fit");
            }
            return v;
        }

        private ExperimentSpec spec() throws IOException {
            if (spec == null) {
                try {
                    spec = run.readSpec();
                } catch (NoSuchFileException e) {
                    throw new ScalingDataException(shown + ": no " + RunDirectory.SPEC
                            + " to read spec keys from");
                }
            }
            return spec;
        }

        private ScalingDataException missing(String key, boolean isLoss) {
            Set<String> metricKeys = new LinkedHashSet<>();
            for (MetricsRecord r : records) {
                metricKeys.addAll(r.values().keySet());
            }
            String available = metricKeys.isEmpty() ? "metrics.jsonl has no records"
                    : "metric keys: " + String.join(", ", metricKeys);
            if (isLoss) {
                return new ScalingDataException(shown + ": no metrics record has '" + key + "'"
                        + didYouMean(key, metricKeys) + "; " + available);
            }
            if (key.equals(PARAMS)) {
                return new ScalingDataException(shown + ": the parameter count ('" + PARAMS
                        + "') is unavailable: the run records no '" + PARAMS + "' metric; "
                        + available + "; or use a spec key such as model.width");
            }
            Set<String> candidates = new LinkedHashSet<>(metricKeys);
            candidates.addAll(SpecSchema.sweepableKeys());
            return new ScalingDataException(shown + ": '" + key + "' is neither a spec key nor a"
                    + " metric of the run" + didYouMean(key, candidates) + "; " + available
                    + "; spec keys such as " + String.join(", ", SPEC_EXAMPLES));
        }
    }

    /** {@code " (did you mean 'x'?)"} for a candidate at most two edits away, else "". */
    static String didYouMean(String word, Iterable<String> candidates) {
        String best = null;
        int bestDistance = 3;
        String lower = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance && d < word.length()) {
                best = c;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
