package org.lmworkbench.ui.internal;

import java.util.List;
import java.util.Locale;

/**
 * Keys of the images under {@code icons/}. The key is the file name without extension, so a new
 * icon needs only a constant here and a PNG of the same name.
 */
public final class UiImages {

    /** The perspective and product icon. */
    public static final String PERSPECTIVE = "perspective";
    /** An experiment spec file (*.lmx, *.experiment.json). */
    public static final String SPEC = "spec";
    /** A CKA (representation similarity) analysis document. */
    public static final String ANALYSIS_CKA = "analysis_cka";
    /** A scaling-law fit analysis document. */
    public static final String ANALYSIS_FIT = "analysis_fit";
    /** The New Experiment Project wizard in menus. */
    public static final String NEW_EXPERIMENT_WIZARD = "newexp_wiz";
    /** The banner image of the New Experiment Project wizard. */
    public static final String NEW_EXPERIMENT_BANNER = "newexp_wizban";
    /** The overlay that marks a project as an experiment project. */
    public static final String EXPERIMENT_OVERLAY = "experiment_ovr";
    /** Adding a column to the runs table. */
    public static final String ADD_COLUMN = "add_column";
    /** The parallel-coordinates chart of the runs table. */
    public static final String PARALLEL = "parallel";
    /** Pinning a view to what it shows. */
    public static final String PIN = "pin";

    /** Prefix of the per-state run icons; the suffix is the lower-case state name. */
    private static final String RUN_PREFIX = "run_";

    /** Every run state that has an icon; kept as strings so this class does not depend on core. */
    private static final List<String> RUN_STATES = List.of("queued", "running", "completed", "diverged",
            "failed", "cancelled", "interrupted");

    private UiImages() {
    }

    /** The key of the icon for a run in the given state, for example {@code run_completed}. */
    public static String runState(String stateName) {
        return RUN_PREFIX + stateName.toLowerCase(Locale.ROOT);
    }

    /** The key used for a run whose status cannot be read: the queued icon (grey, neutral). */
    public static String unknownRunState() {
        return runState("queued");
    }

    /** Bundle-relative path of the PNG for a key. */
    static String path(String key) {
        return "icons/" + key + ".png";
    }

    /** Every key, for registering all images up front. */
    static List<String> allKeys() {
        List<String> keys = new java.util.ArrayList<>(List.of(PERSPECTIVE, SPEC, ANALYSIS_CKA, ANALYSIS_FIT,
                NEW_EXPERIMENT_WIZARD, NEW_EXPERIMENT_BANNER, EXPERIMENT_OVERLAY, ADD_COLUMN, PARALLEL, PIN));
        RUN_STATES.forEach(state -> keys.add(runState(state)));
        return keys;
    }
}
