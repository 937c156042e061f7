package org.lmworkbench.workspace.runs.table;

/**
 * What the runs table shows of one metric of one run: the value logged last, the least and the
 * greatest finite value, and at which step the last value was logged.
 *
 * @param count    values logged (non-finite ones included)
 * @param last     the value of the last record that has the metric (NaN or infinite for a diverged run)
 * @param lastStep the step of that record
 * @param min      the least finite value, NaN if there is none
 * @param max      the greatest finite value, NaN if there is none
 */
public record MetricStats(long count, double last, long lastStep, double min, double max) {

    /** A metric never logged. */
    public static final MetricStats NONE = new MetricStats(0, Double.NaN, -1, Double.NaN, Double.NaN);

    /** With one more value, logged after the others. */
    public MetricStats add(long step, double value) {
        boolean finite = Double.isFinite(value);
        double lo = finite && !(value >= min) ? value : min;
        double hi = finite && !(value <= max) ? value : max;
        return new MetricStats(count + 1, value, step, lo, hi);
    }

    /**
     * The value a column shows for {@code stat}.
     *
     * @param higherIsBetter for {@link Stat#BEST}: whether the metric is better when higher (accuracy)
     */
    public double get(Stat stat, boolean higherIsBetter) {
        return switch (stat) {
            case FINAL -> last;
            case MIN -> min;
            case MAX -> max;
            case BEST -> higherIsBetter ? max : min;
        };
    }

    /** Which value of a metric a column shows. */
    public enum Stat {
        /** The value logged last. */
        FINAL("final"),
        /** The best finite value: the least, or the greatest for metrics that are better when higher. */
        BEST("best"),
        /** The least finite value. */
        MIN("min"),
        /** The greatest finite value. */
        MAX("max");

        private final String word;

        Stat(String word) {
            this.word = word;
        }

        /** The word used in column titles and filter expressions ({@code min(test_loss)}). */
        public String word() {
            return word;
        }

        /** The stat of a word, or null. */
        public static Stat of(String word) {
            for (Stat s : values()) {
                if (s.word.equals(word)) {
                    return s;
                }
            }
            return null;
        }
    }

    /**
     * Whether larger values of {@code metric} are better: accuracies ({@code acc}, {@code accuracy}
     * as a word of the name, as in {@code test_acc} or {@code accuracy/val}). Every other metric
     * (losses, norms, eigenvalues) counts as better when lower.
     */
    public static boolean higherIsBetter(String metric) {
        for (String word : metric.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
            if (word.equals("acc") || word.equals("accuracy")) {
                return true;
            }
        }
        return false;
    }
}
