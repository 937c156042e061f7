package org.lmworkbench.core.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code metrics.jsonl}: the keys the backend writes at a logged step and the workbench
 * reads, and a builder that writes them in file order. A line has the step, the full training-set
 * (and held-out) loss and accuracy, the statistics of the step just taken, per-layer weight norms
 * and relative change from initialisation, and the wall time; a diverging step writes only its
 * batch loss and {@code diverged}.
 */
public final class MetricsLine {

    /** Completed optimizer steps, in every line of every run file. */
    public static final String STEP = "step";
    /** Mean loss over the training set. */
    public static final String TRAIN_LOSS = "train_loss";
    /** Mean loss over the held-out set. */
    public static final String TEST_LOSS = "test_loss";
    /** Accuracy over the training set (classification). */
    public static final String TRAIN_ACCURACY = "train_acc";
    /** Accuracy over the held-out set (classification). */
    public static final String TEST_ACCURACY = "test_acc";
    /** Loss of the batch of the step just taken. */
    public static final String BATCH_LOSS = "batch_loss";
    /** Norm of that step's gradient. */
    public static final String GRADIENT_NORM = "grad_norm";
    /** Learning rate of that step. */
    public static final String LR = "lr";
    /** Frobenius norm of each layer's weights, an object by layer. */
    public static final String WEIGHT_NORM = "weight_norm";
    /** Each layer's {@code |W_t - W_0| / |W_0|}, an object by layer. */
    public static final String RELATIVE_CHANGE = "rel_change";
    /**
     * Frobenius norm of the balancedness {@code W_l W_l^T - W_(l+1)^T W_(l+1)} over an MLP's weight
     * chain, conserved by gradient flow.
     */
    public static final String BALANCEDNESS = "balancedness";
    /** Distance of that balancedness from its value at initialisation: the drift the steps cause. */
    public static final String BALANCEDNESS_DRIFT = "balancedness_drift";
    /** Seconds since training started, across resumed processes. */
    public static final String WALL_TIME = "wall_time";
    /** True on the line of the step at which the run diverged. */
    public static final String DIVERGED = "diverged";

    private final Map<String, Object> values = new LinkedHashMap<>();

    private MetricsLine(long step) {
        values.put(STEP, step);
    }

    /** A line for the state after {@code step} completed steps. */
    public static MetricsLine at(long step) {
        return new MetricsLine(step);
    }

    /** Sets the training and held-out loss; {@code test} may be null when there is no held-out set. */
    public MetricsLine losses(double train, Double test) {
        values.put(TRAIN_LOSS, train);
        if (test != null) {
            values.put(TEST_LOSS, test);
        }
        return this;
    }

    /** Sets the training and held-out accuracy; {@code test} may be null. */
    public MetricsLine accuracies(double train, Double test) {
        values.put(TRAIN_ACCURACY, train);
        if (test != null) {
            values.put(TEST_ACCURACY, test);
        }
        return this;
    }

    /** Sets the statistics of the step just taken. */
    public MetricsLine step(double batchLoss, double gradientNorm, double lr) {
        values.put(BATCH_LOSS, batchLoss);
        values.put(GRADIENT_NORM, gradientNorm);
        values.put(LR, lr);
        return this;
    }

    /** Sets the per-layer weight norms and relative changes from initialisation. */
    public MetricsLine layers(Map<String, Double> weightNorms, Map<String, Double> relativeChanges) {
        values.put(WEIGHT_NORM, new LinkedHashMap<>(weightNorms));
        values.put(RELATIVE_CHANGE, new LinkedHashMap<>(relativeChanges));
        return this;
    }

    /** Sets the balancedness norm and its drift from initialisation. */
    public MetricsLine balancedness(double norm, double drift) {
        values.put(BALANCEDNESS, norm);
        values.put(BALANCEDNESS_DRIFT, drift);
        return this;
    }

    /** Marks the step at which the loss diverged, with the batch loss that did. */
    public MetricsLine diverged(double batchLoss) {
        values.put(BATCH_LOSS, batchLoss);
        values.put(DIVERGED, true);
        return this;
    }

    /** Sets the wall time. */
    public MetricsLine wallTime(double seconds) {
        values.put(WALL_TIME, seconds);
        return this;
    }

    /** The line for {@link MetricsWriter#append(Map)}, keys in the order set. */
    public Map<String, Object> values() {
        return new LinkedHashMap<>(values);
    }
}
