package org.lmworkbench.backend.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmworkbench.backend.data.Batch;
import org.lmworkbench.backend.data.DeviceData;
import org.lmworkbench.backend.model.Loss;
import org.lmworkbench.backend.model.Model;
import org.lmworkbench.backend.model.ParameterSet;
import org.lmworkbench.core.run.MetricsLine;

/**
 * Computes one line of {@code metrics.jsonl}: full training-set and held-out loss (and accuracy for
 * classification) at the current parameters, per-layer weight norms and relative change from
 * initialisation {@code |W_t - W_0| / |W_0|}, the balancedness of an MLP's weight chain and its drift
 * ({@link BalancednessMetric}), and the statistics of the step just taken. Every value
 * except the wall time is a deterministic function of the training state.
 */
final class MetricsRecorder {

    private static final int CHUNK = 8192;

    private final Model model;
    private final Loss loss;
    private final DeviceData data;
    private final ParameterSet initial;
    private final long startNanos = System.nanoTime();
    private final double wallOffset;
    private final BalancednessMetric balancedness;

    /**
     * @param initial    the parameters at step 0 (for relative change)
     * @param wallOffset seconds already spent before this process (resumed runs continue the clock)
     */
    MetricsRecorder(Model model, Loss loss, DeviceData data, ParameterSet initial, double wallOffset) {
        this.model = model;
        this.loss = loss;
        this.data = data;
        this.initial = initial;
        this.wallOffset = wallOffset;
        this.balancedness = BalancednessMetric.of(model, initial);
    }

    /** The initial parameter arrays, which the loop attaches to each step like the parameters. */
    java.util.List<NDArray> initialArrays() {
        return initial.arrays();
    }

    /** Seconds since training started, including earlier processes of a resumed run. */
    double wallTime() {
        return wallOffset + (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Batch loss, gradient norm and learning rate of an update.
     *
     * @param batchLoss    loss of the step's batch
     * @param gradientNorm norm of its gradient
     * @param lr           learning rate applied
     */
    record StepStats(double batchLoss, double gradientNorm, double lr) {
    }

    /**
     * The line after {@code step} updates.
     *
     * @param stats statistics of the last update, or null at step 0
     */
    MetricsLine record(long step, ParameterSet params, StepStats stats, NDManager manager) {
        MetricsLine line = MetricsLine.at(step);
        double[] train = evaluate(params, data.train(), manager);
        double[] test = data.test() == null ? null : evaluate(params, data.test(), manager);
        line.losses(train[0], test == null ? null : test[0]);
        if (data.train().isClassification()) {
            line.accuracies(train[1], test == null ? null : test[1]);
        }
        if (stats != null) {
            line.step(stats.batchLoss(), stats.gradientNorm(), stats.lr());
        }
        Map<String, Double> norms = new LinkedHashMap<>();
        Map<String, Double> changes = new LinkedHashMap<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (String name : params.names()) {
            if (!params.info(name).decay()) {
                continue;
            }
            NDArray p = params.get(name);
            NDArray p0 = initial.get(name);
            double[] s = sums.computeIfAbsent(params.info(name).layer(), k -> new double[3]);
            s[0] += Scalars.value(p.square().sum());
            s[1] += Scalars.value(p.sub(p0).square().sum());
            s[2] += Scalars.value(p0.square().sum());
        }
        sums.forEach((layer, s) -> {
            norms.put(layer, Math.sqrt(s[0]));
            changes.put(layer, s[2] > 0 ? Math.sqrt(s[1] / s[2]) : Double.NaN);
        });
        line.layers(norms, changes);
        if (balancedness != null) {
            double[] b = balancedness.measure(params);
            line.balancedness(b[0], b[1]);
        }
        return line.wallTime(wallTime());
    }

    /** Mean loss and accuracy over a data set, in chunks to bound the size of intermediate arrays. */
    double[] evaluate(ParameterSet params, Batch batch, NDManager manager) {
        int n = batch.size();
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            {
                // Temporaries land in the step's manager (the data is attached to it) and go with it.
                NDArray x = n <= CHUNK ? batch.x() : batch.x().get(from + ":" + to);
                NDArray y = n <= CHUNK ? batch.y() : batch.y().get(from + ":" + to);
                NDArray out = model.forward(params, x, false);
                lossSum += Scalars.value(loss.compute(out, y)) * (to - from);
                if (batch.isClassification()) {
                    long[] predicted = out.argMax(1).toLongArray();
                    for (int i = 0; i < predicted.length; i++) {
                        if (predicted[i] == batch.labels()[from + i]) {
                            correct++;
                        }
                    }
                }
            }
        }
        return new double[] {lossSum / n, (double) correct / n};
    }
}
