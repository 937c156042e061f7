package org.lmworkbench.ui.sharpness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.analysis.eos.EdgeOfStabilityDetector;
import org.lmworkbench.analysis.eos.EdgeOfStabilityResult;
import org.lmworkbench.analysis.eos.SharpnessSample;
import org.lmworkbench.analysis.eos.SharpnessSeries;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.RunDirectory;

/**
 * What the sharpness page shows of one run, read incrementally: the samples of
 * {@code probes/sharpness.jsonl} and the training loss of {@code metrics.jsonl}, each followed
 * with {@link MetricsReader#readNew()} so a growing run is never re-read whole. Polled from a
 * background job; every call returns only what was appended since the previous one, together with
 * the detector's result over everything read so far.
 */
final class RunSharpnessData {

    /** Loss keys in order of preference: the backend writes train_loss; early run files wrote loss. */
    private static final String[] LOSS_KEYS = {"train_loss", "loss"};

    private final Path runDir;
    private final SharpnessSeries sharpness;
    private final MetricsReader metrics;
    private final EdgeOfStabilityDetector detector = new EdgeOfStabilityDetector();

    /**
     * What one poll found.
     *
     * @param samples   sharpness samples appended since the last poll
     * @param lossSteps steps of the loss points appended since the last poll
     * @param loss      the positive, finite training losses at those steps (the axis is logarithmic)
     * @param all       every sharpness sample so far, by step
     * @param result    the detector's result over {@code all}
     */
    record Update(List<SharpnessSample> samples, double[] lossSteps, double[] loss, List<SharpnessSample> all,
            EdgeOfStabilityResult result) {

        /** True when nothing was appended. */
        boolean isEmpty() {
            return samples.isEmpty() && lossSteps.length == 0;
        }
    }

    /**
     * @param sharpnessFile the run's {@code probes/sharpness.jsonl}; its grandparent is the run folder
     */
    RunSharpnessData(Path sharpnessFile) {
        Path probes = sharpnessFile.toAbsolutePath().getParent();
        this.runDir = probes.getParent() == null ? probes : probes.getParent();
        this.sharpness = new SharpnessSeries(sharpnessFile);
        this.metrics = new MetricsReader(runDir.resolve(RunDirectory.METRICS));
    }

    /** The run folder. */
    Path runDir() {
        return runDir;
    }

    /** The sharpness file followed. */
    Path sharpnessFile() {
        return sharpness.file();
    }

    /** The detector in use. */
    EdgeOfStabilityDetector detector() {
        return detector;
    }

    /**
     * Reads what was appended to both files since the last call.
     *
     * @return the new data and the detection over all samples so far
     * @throws IOException when a file cannot be read or a line is corrupt (the message names file and line)
     */
    synchronized Update poll() throws IOException {
        List<SharpnessSample> added = sharpness.readNew();
        List<MetricsRecord> records = metrics.readNew();
        List<double[]> points = new ArrayList<>(records.size());
        for (MetricsRecord r : records) {
            double loss = loss(r);
            if (r.step() >= 0 && loss > 0 && Double.isFinite(loss)) {
                points.add(new double[] {r.step(), loss});
            }
        }
        double[] steps = new double[points.size()];
        double[] loss = new double[points.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = points.get(i)[0];
            loss[i] = points.get(i)[1];
        }
        List<SharpnessSample> all = sharpness.samples();
        return new Update(added, steps, loss, all, detector.detect(all));
    }

    private static double loss(MetricsRecord r) {
        for (String key : LOSS_KEYS) {
            if (r.has(key)) {
                try {
                    return r.number(key);
                } catch (IllegalArgumentException e) {
                    return Double.NaN; // a non-numeric loss is not plotted; the metrics view reports it
                }
            }
        }
        return Double.NaN;
    }
}
