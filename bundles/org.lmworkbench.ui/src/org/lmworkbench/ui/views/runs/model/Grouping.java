package org.lmworkbench.ui.views.runs.model;

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
