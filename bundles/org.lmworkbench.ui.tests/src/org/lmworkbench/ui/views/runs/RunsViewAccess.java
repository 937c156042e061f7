package org.lmworkbench.ui.views.runs;

import org.lmworkbench.workspace.runs.ViewSettings;

/** Sets the Runs view's choices from tests of other packages, as the user sets them in its controls. */
public final class RunsViewAccess {

    private RunsViewAccess() {
    }

    /** The view's first choices: the default metric against step, averaged over seeds. */
    public static void reset(RunsView view) {
        view.controls().select(ViewSettings.DEFAULT);
    }

    /** Metric {@code metric} against the spec key {@code key}, averaged over seeds. */
    public static void keyAxis(RunsView view, String metric, String key) {
        view.controls().select(ViewSettings.DEFAULT.withMetric(metric).withKeyAxis(key));
    }
}
