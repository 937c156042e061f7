package org.lmworkbench.analysis.transfer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One run of a width x learning-rate sweep, reduced to what the transfer analysis needs.
 *
 * @param runId    the run folder name
 * @param dir      the run folder
 * @param width    the value of the width key in the run's spec.json
 * @param lr       the value of the learning-rate key
 * @param seed     the run's seed (the top-level {@code seed})
 * @param loss     the aggregated metric; {@code +Infinity} for a diverged run
 * @param diverged true if the run's state is {@code diverged} or its aggregated loss is not finite
 */
public record TransferRun(String runId, Path dir, double width, double lr, int seed, double loss, boolean diverged) {

    /** Checks the values. */
    public TransferRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(dir, "dir");
        if (!(width > 0) || !(lr > 0)) {
            throw new IllegalArgumentException(runId + ": width and learning rate must be > 0 (width " + width
                    + ", lr " + lr + ")");
        }
        if (diverged) {
            loss = Double.POSITIVE_INFINITY;
        }
    }

    /** log2 of the learning rate, the x axis of the transfer plot. */
    public double log2Lr() {
        return Math.log(lr) / Math.log(2);
    }
}
