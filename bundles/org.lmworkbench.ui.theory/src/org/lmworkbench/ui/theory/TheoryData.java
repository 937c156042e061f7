package org.lmworkbench.ui.theory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.analysis.theory.deeplinear.SaxeModes;
import org.lmworkbench.core.run.FeaturesLine;
import org.lmworkbench.core.run.MetricsReader;
import org.lmworkbench.core.run.MetricsRecord;
import org.lmworkbench.core.run.ModesLine;
import org.lmworkbench.core.run.RunDirectory;

/**
 * What the theory editor shows of one run, read from its probe files: the feature-learning
 * correlations against step, and the measured singular-mode projections with Saxe et al.'s
 * predictions for the run's learning rate, started from each mode's measured value at the first
 * line.
 *
 * @param runDir   the run folder
 * @param lr       the run's learning rate
 * @param features lines of {@code probes/features.jsonl} (empty without that probe)
 * @param modes    lines of {@code probes/modes.jsonl} (empty without that probe)
 */
record TheoryData(Path runDir, double lr, List<FeaturesLine> features, List<ModesLine> modes) {

    /**
     * One mode: its strength, the measured start, the predicted and measured half-times and, where
     * the prediction applies, the predicted curve at the measured steps.
     *
     * @param strength  {@code s}
     * @param start     {@code u(0)} as measured at the first line
     * @param predicted predicted half-time in steps (NaN where the prediction does not apply)
     * @param measured  the first step at which the measured projection reaches {@code s/2} (NaN if not yet)
     * @param curve     predicted {@code u} at {@link #steps()}, or null
     * @param note      why there is no prediction, or ""
     */
    record Mode(double strength, double start, double predicted, double measured, double[] curve, String note) {
    }

    /** Freezes the lists. */
    TheoryData {
        features = List.copyOf(features);
        modes = List.copyOf(modes);
    }

    /**
     * Reads a run's probe files (the missing ones count as empty).
     *
     * @throws IOException when a file or the spec cannot be read, naming it
     */
    static TheoryData read(Path runDir) throws IOException {
        RunDirectory run = new RunDirectory(runDir);
        double lr = run.readSpec().optimizer().lr();
        Path probes = runDir.resolve(RunDirectory.PROBES);
        List<FeaturesLine> features = new ArrayList<>();
        Path featuresFile = probes.resolve(FeaturesLine.FILE);
        if (Files.isRegularFile(featuresFile)) {
            for (MetricsRecord r : MetricsReader.readAll(featuresFile)) {
                features.add(FeaturesLine.read(featuresFile, r));
            }
        }
        List<ModesLine> modes = new ArrayList<>();
        Path modesFile = probes.resolve(ModesLine.FILE);
        if (Files.isRegularFile(modesFile)) {
            for (MetricsRecord r : MetricsReader.readAll(modesFile)) {
                modes.add(ModesLine.read(modesFile, r));
            }
        }
        return new TheoryData(runDir, lr, features, modes);
    }

    /** The steps of the mode lines. */
    double[] steps() {
        return modes.stream().mapToDouble(ModesLine::step).toArray();
    }

    /** The measured projection of mode {@code k} at every line. */
    double[] measured(int k) {
        return modes.stream().mapToDouble(m -> m.projections()[k]).toArray();
    }

    /** The layers of the feature lines, in file order (FACT's, which covers NFA's). */
    List<String> featureLayers() {
        List<String> layers = new ArrayList<>();
        for (FeaturesLine l : features) {
            for (String layer : l.fact().keySet()) {
                if (!layers.contains(layer)) {
                    layers.add(layer);
                }
            }
            for (String layer : l.nfa().keySet()) {
                if (!layers.contains(layer)) {
                    layers.add(layer);
                }
            }
        }
        return layers;
    }

    /**
     * The prediction for every mode. Saxe et al.'s solution assumes a small balanced start
     * {@code 0 < u(0) < s}, learned at rate {@code lr} per step; a mode that starts outside that range
     * has no prediction, which is where the theory breaks (a large initialisation).
     */
    List<Mode> modePredictions() {
        List<Mode> out = new ArrayList<>();
        if (modes.isEmpty()) {
            return out;
        }
        double[] steps = steps();
        ModesLine first = modes.get(0);
        for (int k = 0; k < first.strengths().length; k++) {
            double s = first.strengths()[k];
            double u0 = first.projections()[k];
            double measured = SaxeModes.crossingTime(steps, measured(k), s / 2);
            if (!(u0 > 0 && u0 < s / 2) || !(lr > 0)) {
                out.add(new Mode(s, u0, Double.NaN, measured, null, Messages.bind(Messages.TheoryData_noPrediction,
                        TheoryFormats.number(u0), TheoryFormats.number(s / 2))));
                continue;
            }
            SaxeModes theory = SaxeModes.of(new double[] {s}, new double[] {u0}, lr);
            double[] shifted = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                shifted[i] = steps[i] - steps[0];
            }
            out.add(new Mode(s, u0, steps[0] + theory.halfTime(0), measured, theory.trajectory(0, shifted), ""));
        }
        return out;
    }
}
