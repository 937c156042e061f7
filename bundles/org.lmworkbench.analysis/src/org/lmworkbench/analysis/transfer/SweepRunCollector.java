package org.lmworkbench.analysis.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;
import org.lmworkbench.core.run.RunFileException;
import org.lmworkbench.core.run.RunState;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.core.spec.ExperimentSpec;
import org.lmworkbench.core.spec.ResolvedRun;
import org.lmworkbench.core.spec.SpecLoadResult;
import org.lmworkbench.core.spec.SpecSchema;
import org.lmworkbench.core.spec.Specs;

/**
 * Finds the runs of a sweep and reads each one's width, learning rate, seed and aggregated loss.
 * <p>
 * From a spec file, the runs are {@code <project>/runs/<run-id>} for the run ids the spec expands
 * to ({@link org.lmworkbench.core.spec.SweepExpander}), and a folder counts only if its
 * {@code spec.json} is the run the spec describes now: after the sweep was edited, an old folder
 * with the same id holds another run and is reported instead of mixed in. {@code data.path} (made
 * absolute by the backend) and the {@code execution} section (how, not what, was run) are not
 * compared. From a folder, every run under {@code runs/} is taken.
 * <p>
 * Completed runs give their aggregated metric; diverged runs are kept as diverged ({@code +inf});
 * runs in any other state (queued, running, failed, cancelled, interrupted), and runs whose files are
 * corrupt (one bad run must not hide the rest of a sweep), are left out with a note.
 */
public final class SweepRunCollector {

    /**
     * The runs found.
     *
     * @param runs     completed and diverged runs, in run-id order
     * @param notes    one line per run folder that was left out, and why
     * @param expected the number of runs the spec describes (for a folder: the folders found)
     * @param missing  runs of the spec that have no folder yet
     */
    public record Result(List<TransferRun> runs, List<String> notes, int expected, int missing) {

        /** Freezes the lists. */
        public Result {
            runs = List.copyOf(runs);
            notes = List.copyOf(notes);
        }
    }

    private final TransferSettings settings;

    /** A collector that reads the keys and metric of {@code settings}. */
    public SweepRunCollector(TransferSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        for (String key : List.of(settings.widthKey(), settings.lrKey())) {
            if (!SpecSchema.isField(key)) {
                throw new TransferDataException("'" + key + "' is not a spec key (e.g. " + TransferSettings.WIDTH
                        + ", " + TransferSettings.LR + ", model.depth)");
            }
        }
    }

    /**
     * The runs of the sweep in {@code specFile} found under {@code project/runs/}.
     *
     * @throws TransferDataException if the spec has errors or a run's values are unusable
     * @throws IOException if a run folder cannot be listed or read at all
     */
    public Result fromSpec(Path specFile, Path project) throws IOException {
        SpecLoadResult load = Specs.load(specFile);
        if (load.hasErrors()) {
            throw new TransferDataException(specFile + ": the spec has errors, so its runs cannot be known: "
                    + load.errors().get(0));
        }
        List<TransferRun> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int missing = 0;
        for (ResolvedRun expected : load.runs()) {
            RunDirectory run = new RunDirectory(project.resolve(RunDirectory.RUNS).resolve(expected.runId()));
            if (!Files.isDirectory(run.path())) {
                missing++;
                continue;
            }
            try {
                if (Files.isRegularFile(run.specFile())) {
                    String difference = difference(expected.spec().toMap(), run.readSpec().toMap(), "");
                    if (difference != null) {
                        notes.add(expected.runId() + ": left out, not a run of this version of the spec ("
                                + difference + ")");
                        continue;
                    }
                }
                read(run, runs, notes);
            } catch (RunFileException e) {
                notes.add(expected.runId() + ": left out, " + e.getMessage());
            }
        }
        return new Result(runs, notes, load.runs().size(), missing);
    }

    /**
     * Every run under {@code project/runs/}.
     *
     * @throws TransferDataException if a run's values are unusable
     * @throws IOException if the runs folder cannot be listed or a run read at all
     */
    public Result fromFolder(Path project) throws IOException {
        List<RunDirectory> all = RunDirectory.list(project);
        List<TransferRun> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (RunDirectory run : all) {
            try {
                read(run, runs, notes);
            } catch (RunFileException e) {
                notes.add(run.runId() + ": left out, " + e.getMessage());
            }
        }
        return new Result(runs, notes, all.size(), 0);
    }

    private void read(RunDirectory run, List<TransferRun> runs, List<String> notes) throws IOException {
        String id = run.runId();
        if (!Files.isRegularFile(run.statusFile())) {
            notes.add(id + ": left out, no " + RunDirectory.STATUS);
            return;
        }
        RunStatus status = run.readStatus();
        if (status.state() != RunState.COMPLETED && status.state() != RunState.DIVERGED) {
            notes.add(id + ": left out, state " + status.state().jsonName());
            return;
        }
        if (!Files.isRegularFile(run.specFile())) {
            notes.add(id + ": left out, no " + RunDirectory.SPEC);
            return;
        }
        ExperimentSpec spec = run.readSpec();
        double width = positive(run, settings.widthKey(), spec.get(settings.widthKey()));
        double lr = positive(run, settings.lrKey(), spec.get(settings.lrKey()));
        if (status.state() == RunState.DIVERGED) {
            runs.add(new TransferRun(id, run.path(), width, lr, spec.seed(), Double.POSITIVE_INFINITY, true));
            return;
        }
        List<Double> series = new ArrayList<>();
        for (MetricsRecord record : MetricsReader.readAll(run.metricsFile())) {
            if (record.has(settings.metric())) {
                try {
                    series.add(record.number(settings.metric()));
                } catch (IllegalArgumentException e) {
                    throw new TransferDataException(run.metricsFile() + ":" + record.line() + ": '"
                            + settings.metric() + "' is not a number");
                }
            }
        }
        if (series.isEmpty()) {
            notes.add(id + ": left out, no '" + settings.metric() + "' in " + RunDirectory.METRICS);
            return;
        }
        double loss = settings.aggregation().apply(series.stream().mapToDouble(Double::doubleValue).toArray(),
                settings.lastK());
        runs.add(new TransferRun(id, run.path(), width, lr, spec.seed(), loss, !Double.isFinite(loss)));
    }

    private static double positive(RunDirectory run, String key, Object value) {
        if (value instanceof Number n && n.doubleValue() > 0 && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new TransferDataException(run.specFile() + ": " + key + " = " + value
                + " is not a positive number, so it cannot be an axis of the transfer plot");
    }

    /** The first dotted key whose value differs, as "key is a, the spec gives b"; null if none. */
    private static String difference(Map<?, ?> expected, Map<?, ?> actual, String prefix) {
        for (Map.Entry<?, ?> e : expected.entrySet()) {
            String key = prefix + e.getKey();
            if (key.equals("execution") || key.equals("data.path")) {
                continue;
            }
            Object want = e.getValue();
            Object have = actual.get(e.getKey());
            if (want instanceof Map<?, ?> w && have instanceof Map<?, ?> h) {
                String inner = difference(w, h, key + ".");
                if (inner != null) {
                    return inner;
                }
            } else if (!same(want, have)) {
                return key + " is " + have + " in the run, " + want + " in the spec";
            }
        }
        return null;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }
}
