package org.lmworkbench.ui.views.runs.model;

/**
 * What the user chose in the Runs view that changes which lines are drawn (log axes only change
 * how they are drawn and are not part of it).
 *
 * @param metric    the metric key, or null for the default ({@code train_loss} when the runs have it)
 * @param axis      horizontal axis
 * @param smoothing debiased-EMA weight in [0, 0.99]; 0 draws the raw values
 * @param grouping  how runs become lines
 */
public record ViewSettings(String metric, XAxis axis, double smoothing, Grouping grouping) {

    /** The view's initial choice: default metric against step, unsmoothed, averaged over seeds. */
    public static final ViewSettings DEFAULT = new ViewSettings(null, XAxis.STEP, 0, Grouping.SEEDS);

    /** Checks the ranges. */
    public ViewSettings {
        if (!(smoothing >= 0 && smoothing <= 0.99)) {
            throw new IllegalArgumentException("smoothing must be in [0, 0.99] but is " + smoothing);
        }
        if (axis == null || grouping == null) {
            throw new IllegalArgumentException("axis and grouping are required");
        }
    }

    /** With another metric. */
    public ViewSettings withMetric(String newMetric) {
        return new ViewSettings(newMetric, axis, smoothing, grouping);
    }

    /** With another x axis. */
    public ViewSettings withAxis(XAxis newAxis) {
        return new ViewSettings(metric, newAxis, smoothing, grouping);
    }

    /** With another smoothing weight. */
    public ViewSettings withSmoothing(double weight) {
        return new ViewSettings(metric, axis, weight, grouping);
    }

    /** With another grouping. */
    public ViewSettings withGrouping(Grouping newGrouping) {
        return new ViewSettings(metric, axis, smoothing, newGrouping);
    }
}
