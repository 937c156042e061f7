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

/**
 * Computes one line of {@code metrics.jsonl}: full training-set and held-out loss (and accuracy for
 * classification) at the current parameters, per-layer weight norms and relative change from
 * initialisation {@code |W_t - W_0| / |W_0|}, and the statistics of the step just taken. Every value
 * except {@code wall_time} is a deterministic function of the training state.
 */
final class MetricsRecorder {

    /** Key of the only non-deterministic field. */
    static final String WALL_TIME = "wall_time";

    private static final int CHUNK = 8192;

    private final Model model;
    private final Loss loss;
    private final DeviceData data;
    private final ParameterSet initial;
    private final long startNanos = System.nanoTime();
    private final double wallOffset;

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
     * The record after {@code step} updates.
     *
     * @param stepStats batch_loss, grad_norm and lr of the last update (empty at step 0)
     */
    Map<String, Object> record(long step, ParameterSet params, Map<String, Object> stepStats, NDManager manager) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("step", step);
        double[] train = evaluate(params, data.train(), manager);
        r.put("train_loss", train[0]);
        double[] test = data.test() == null ? null : evaluate(params, data.test(), manager);
        if (test != null) {
            r.put("test_loss", test[0]);
        }
        if (data.train().isClassification()) {
            r.put("train_acc", train[1]);
            if (test != null) {
                r.put("test_acc", test[1]);
            }
        }
        r.putAll(stepStats);
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
        r.put("weight_norm", norms);
        r.put("rel_change", changes);
        r.put(WALL_TIME, wallTime());
        return r;
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
