package org.lmworkbench.analysis.transfer;

import java.util.Locale;

/**
 * How the loss curve of one run becomes the number plotted for it: its last value, the mean of its
 * last k logged values (less noisy for SGD), or its minimum.
 */
public enum LossAggregation {
    /** The value of the last record that has the metric. */
    FINAL("final"),
    /** The mean over the last k records that have the metric. */
    LAST_K_MEAN("last-k mean"),
    /** The smallest value over the whole run. */
    MIN("minimum");

    private final String label;

    LossAggregation(String label) {
        this.label = label;
    }

    /** A short name for menus, e.g. {@code last-k mean}. */
    public String label() {
        return label;
    }

    /**
     * Aggregates a run's metric series (in step order). A series holding a non-finite value in the
     * aggregated window stays non-finite, so a run that blew up is never averaged into a finite loss.
     *
     * @param k the window of {@link #LAST_K_MEAN} (at least 1)
     * @return NaN for an empty series
     */
    public double apply(double[] series, int k) {
        if (series.length == 0) {
            return Double.NaN;
        }
        return switch (this) {
            case FINAL -> series[series.length - 1];
            case LAST_K_MEAN -> {
                int from = Math.max(0, series.length - Math.max(1, k));
                double sum = 0;
                for (int i = from; i < series.length; i++) {
                    sum += series[i];
                }
                yield sum / (series.length - from);
            }
            case MIN -> {
                double min = Double.POSITIVE_INFINITY;
                for (double v : series) {
                    // NaN never compares smaller, so a blow-up after a good minimum keeps that minimum.
                    if (v < min) {
                        min = v;
                    }
                }
                yield min;
            }
        };
    }

    /** The constant named by {@link #label()} or by its enum name, case-insensitively. */
    public static LossAggregation fromLabel(String text) {
        for (LossAggregation a : values()) {
            if (a.label.equalsIgnoreCase(text) || a.name().equalsIgnoreCase(text.replace('-', '_').replace(' ', '_'))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown loss aggregation '" + text + "' (final, last-k mean, minimum)"
                .toLowerCase(Locale.ROOT));
    }
}
