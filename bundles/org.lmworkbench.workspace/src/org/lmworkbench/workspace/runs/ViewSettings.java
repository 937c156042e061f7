package org.lmworkbench.workspace.runs;

/**
 * What the user chose in the Runs view that changes which lines are drawn (log axes only change
 * how they are drawn and are not part of it).
 *
 * @param metric    the metric key, or null for the default ({@code train_loss} when the runs have it)
 * @param axis      horizontal axis
 * @param smoothing debiased-EMA weight in [0, 0.99]; 0 draws the raw values
 * @param grouping  how runs become lines
 * @param xKey      the spec key on the horizontal axis for {@link XAxis#SPEC_KEY}, else null
 */
public record ViewSettings(String metric, XAxis axis, double smoothing, Grouping grouping, String xKey) {

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
        if ((axis == XAxis.SPEC_KEY) != (xKey != null)) {
            throw new IllegalArgumentException("a spec key goes with the SPEC_KEY axis and only with it");
        }
    }

    /** Settings with step or wall time on the horizontal axis. */
    public ViewSettings(String metric, XAxis axis, double smoothing, Grouping grouping) {
        this(metric, axis, smoothing, grouping, null);
    }

    /** With another metric. */
    public ViewSettings withMetric(String newMetric) {
        return new ViewSettings(newMetric, axis, smoothing, grouping, xKey);
    }

    /** With step or wall time on the horizontal axis ({@link #withKeyAxis} for a spec key). */
    public ViewSettings withAxis(XAxis newAxis) {
        return new ViewSettings(metric, newAxis, smoothing, grouping, null);
    }

    /** With a spec key on the horizontal axis: each run's final value of the metric at its value of the key. */
    public ViewSettings withKeyAxis(String key) {
        return new ViewSettings(metric, XAxis.SPEC_KEY, smoothing, grouping, key);
    }

    /** With another smoothing weight. */
    public ViewSettings withSmoothing(double weight) {
        return new ViewSettings(metric, axis, weight, grouping, xKey);
    }

    /** With another grouping. */
    public ViewSettings withGrouping(Grouping newGrouping) {
        return new ViewSettings(metric, axis, smoothing, newGrouping, xKey);
    }

    /** What the horizontal axis of the Runs chart measures. */
    public enum XAxis {
        /** Optimizer step. */
        STEP,
        /** Seconds since training started ({@code wall_time} of metrics.jsonl). */
        WALL_TIME,
        /** A spec key: one point per run, its final value of the metric at its value of the key. */
        SPEC_KEY;
    }

    /**
     * How the Runs view turns runs into lines.
     *
     * @param mode how runs are put together
     * @param key  the spec key for {@link Mode#BY_KEY}, else null
     */
    public record Grouping(Mode mode, String key) {

        /** The ways to group. */
        public enum Mode {
            /** One line per run. */
            EACH_RUN,
            /** Runs that differ only in their seeds are one line: their mean, with a band of one sd. */
            SEEDS,
            /** Runs with the same value of one spec key are one line (mean and band). */
            BY_KEY
        }

        /** One line per run. */
        public static final Grouping EACH_RUN = new Grouping(Mode.EACH_RUN, null);
        /** Averages over seeds. */
        public static final Grouping SEEDS = new Grouping(Mode.SEEDS, null);

        /** Checks that a key comes with {@link Mode#BY_KEY} and only then. */
        public Grouping {
            if ((mode == Mode.BY_KEY) != (key != null)) {
                throw new IllegalArgumentException("a spec key goes with BY_KEY grouping and only with it");
            }
        }

        /** Groups by the value of {@code dottedKey}. */
        public static Grouping byKey(String dottedKey) {
            return new Grouping(Mode.BY_KEY, dottedKey);
        }
    }
}
