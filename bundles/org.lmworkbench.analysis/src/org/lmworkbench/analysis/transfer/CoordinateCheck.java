package org.lmworkbench.analysis.transfer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.lmworkbench.core.format.Npy;
import org.lmworkbench.core.format.NpyArray;
import org.lmworkbench.core.run.RunDirectory;

/**
 * The muP coordinate check (Yang et al. 2022; microsoft/mup): for every layer, width and captured
 * step, the RMS of the activation coordinates and of their change since step 0, averaged over the
 * runs (seeds) of that width, from {@code activations/step-<n>/<layer>.npy}. Under muP both are flat
 * in width; under SP the change of the later layers grows with width, which the log-log slope
 * against width ({@link #slope}) makes a number.
 */
public final class CoordinateCheck {

    private final List<String> layers;
    private final double[] widths;
    private final List<Long> steps;
    /** [layer][step][width] means over runs; NaN where nothing was captured. */
    private final double[][][] rms;
    private final double[][][] delta;
    private final List<String> notes;

    private CoordinateCheck(List<String> layers, double[] widths, List<Long> steps, double[][][] rms,
            double[][][] delta, List<String> notes) {
        this.layers = layers;
        this.widths = widths;
        this.steps = steps;
        this.rms = rms;
        this.delta = delta;
        this.notes = notes;
    }

    /**
     * Reads the activation captures of {@code runs}, usually the seeds of every width at one
     * learning rate. Runs without captures are named in {@link #notes()}.
     *
     * @param cancelled polled between files; when it says so, a {@link CancellationException} is thrown
     * @throws IOException if a capture cannot be read (the message names the file)
     */
    public static CoordinateCheck compute(List<TransferRun> runs, BooleanSupplier cancelled) throws IOException {
        TreeSet<String> layerSet = new TreeSet<>();
        TreeSet<Long> stepSet = new TreeSet<>();
        double[] widths = runs.stream().mapToDouble(TransferRun::width).distinct().sorted().toArray();
        // (layer, step, width index) -> sums over runs
        Map<String, double[]> sums = new HashMap<>();
        List<String> notes = new ArrayList<>();
        for (TransferRun run : runs) {
            RunDirectory dir = new RunDirectory(run.dir());
            List<Long> runSteps = dir.activationSteps();
            if (runSteps.isEmpty()) {
                notes.add(run.runId() + ": no activation captures (probes.activations.every is 0?)");
                continue;
            }
            if (runSteps.get(0) != 0) {
                notes.add(run.runId() + ": no capture at step 0, so no change from initialisation");
            }
            int w = java.util.Arrays.binarySearch(widths, run.width());
            Map<String, NpyArray> initial = new HashMap<>();
            for (long step : runSteps) {
                for (String layer : dir.activationLayers(step)) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException();
                    }
                    NpyArray x = Npy.read(dir.activationFile(step, layer));
                    if (step == 0) {
                        initial.put(layer, x);
                    }
                    NpyArray base = initial.get(layer);
                    double r = ActivationRms.rms(x);
                    double d = base == null ? Double.NaN : ActivationRms.deltaRms(x, base);
                    if (!Double.isFinite(r)) {
                        notes.add(run.runId() + ": non-finite activations in " + layer + " at step " + step);
                        continue;
                    }
                    layerSet.add(layer);
                    stepSet.add(step);
                    double[] s = sums.computeIfAbsent(layer + "@" + step + "@" + w, k -> new double[4]);
                    s[0] += r;
                    s[1]++;
                    if (Double.isFinite(d)) {
                        s[2] += d;
                        s[3]++;
                    }
                }
            }
        }
        List<String> layers = List.copyOf(layerSet);
        List<Long> steps = List.copyOf(stepSet);
        double[][][] rms = new double[layers.size()][steps.size()][widths.length];
        double[][][] delta = new double[layers.size()][steps.size()][widths.length];
        for (int l = 0; l < layers.size(); l++) {
            for (int s = 0; s < steps.size(); s++) {
                for (int w = 0; w < widths.length; w++) {
                    double[] sum = sums.get(layers.get(l) + "@" + steps.get(s) + "@" + w);
                    rms[l][s][w] = sum == null ? Double.NaN : sum[0] / sum[1];
                    delta[l][s][w] = sum == null || sum[3] == 0 ? Double.NaN : sum[2] / sum[3];
                }
            }
        }
        return new CoordinateCheck(layers, widths, steps, rms, delta, List.copyOf(notes));
    }

    /** The captured layers, sorted by name. */
    public List<String> layers() {
        return layers;
    }

    /** The widths, ascending. */
    public double[] widths() {
        return widths.clone();
    }

    /** The captured steps, ascending (union over runs). */
    public List<Long> steps() {
        return steps;
    }

    /** Runs or captures that were left out, and why. */
    public List<String> notes() {
        return notes;
    }

    /** Mean RMS of layer {@code l} at step index {@code s}, per width. */
    public double[] rms(int l, int s) {
        return rms[l][s].clone();
    }

    /** Mean RMS of the change since step 0 of layer {@code l} at step index {@code s}, per width. */
    public double[] delta(int l, int s) {
        return delta[l][s].clone();
    }

    /**
     * The log-log slope against width of the RMS (or of its change) of layer {@code l} at step index
     * {@code s}: about 0 when flat (muP), about 1 for growth proportional to width.
     */
    public double slope(int l, int s, boolean change) {
        return LogLogSlope.slope(widths, change ? delta[l][s] : rms[l][s]);
    }

    /** True if no capture was found. */
    public boolean isEmpty() {
        return layers.isEmpty();
    }
}
