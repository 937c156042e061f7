package org.lmworkbench.analysis.transfer;

import java.util.Objects;
import org.lmworkbench.core.run.MetricsLine;

/**
 * What the transfer analysis reads from each run.
 *
 * @param widthKey    spec dotted key of the width, e.g. {@code model.width}
 * @param lrKey       spec dotted key of the learning rate, e.g. {@code optimizer.lr}
 * @param metric      metrics.jsonl key of the loss, e.g. {@code train_loss}
 * @param aggregation how a run's loss curve becomes one number
 * @param lastK       the window of {@link LossAggregation#LAST_K_MEAN}
 */
public record TransferSettings(String widthKey, String lrKey, String metric, LossAggregation aggregation, int lastK) {

    /** The default width key. */
    public static final String WIDTH = "model.width";
    /** The default learning-rate key. */
    public static final String LR = "optimizer.lr";
    /** The training loss metric. */
    public static final String TRAIN_LOSS = MetricsLine.TRAIN_LOSS;
    /** The held-out loss metric. */
    public static final String TEST_LOSS = MetricsLine.TEST_LOSS;

    /** Checks the values. */
    public TransferSettings {
        Objects.requireNonNull(widthKey, "widthKey");
        Objects.requireNonNull(lrKey, "lrKey");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(aggregation, "aggregation");
        if (lastK < 1) {
            throw new IllegalArgumentException("last-k window must be at least 1, not " + lastK);
        }
    }

    /** model.width, optimizer.lr, the final train_loss. */
    public static TransferSettings defaults() {
        return new TransferSettings(WIDTH, LR, TRAIN_LOSS, LossAggregation.FINAL, 5);
    }
}
