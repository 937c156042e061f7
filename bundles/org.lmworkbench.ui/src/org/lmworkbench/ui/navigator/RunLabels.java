package org.lmworkbench.ui.navigator;

import org.eclipse.osgi.util.NLS;
import org.lmworkbench.core.run.RunMeta;
import org.lmworkbench.core.run.RunStatus;
import org.lmworkbench.ui.internal.Messages;
import org.lmworkbench.ui.internal.UiImages;
import org.lmworkbench.ui.navigator.RunElement.RunStatusSnapshot;
import org.lmworkbench.workspace.runs.LossFormat;

/**
 * The words and icon that describe a run in a tree: {@code eos-003  completed · step 2000/2000 ·
 * loss 0.0123}. Shared by the navigator label provider and anything else that lists runs, so a run
 * reads the same everywhere.
 */
public final class RunLabels {

    private RunLabels() {
    }

    /**
     * The first part of the label: the run id, then the user's name for it and its tags when it has
     * them ({@code eos-003 \u201cbaseline\u201d [eos, tuned]}); the id stays first because it is the
     * folder name every document and command uses.
     */
    public static String name(RunElement run) {
        RunMeta meta = run.meta();
        StringBuilder name = new StringBuilder(run.id());
        if (meta.name() != null) {
            name.append(" \u201c").append(meta.name()).append('\u201d');
        }
        if (!meta.tags().isEmpty()) {
            name.append(" [").append(meta.tagList()).append(']');
        }
        return name.toString();
    }

    /**
     * What follows the name: state, step and loss, or why there is no status. The state word is the
     * one written in status.json, so what users see matches the file and the command line, except
     * where the cluster scheduler knows better: a run waiting for a node reads {@code queued,
     * pending (Resources)}, as {@code lmw status} shows it.
     */
    public static String details(RunStatusSnapshot snapshot) {
        if (snapshot.error() != null) {
            return Messages.RunLabels_unreadable;
        }
        if (!snapshot.hasStatus()) {
            return Messages.RunLabels_noStatus;
        }
        RunStatus status = snapshot.status();
        String state = snapshot.state().jsonName();
        if (!snapshot.schedulerDetail().isEmpty()) {
            state = NLS.bind(Messages.RunLabels_stateScheduler, state, snapshot.schedulerDetail());
        }
        String steps = status.totalSteps() > 0
                ? NLS.bind(Messages.RunLabels_stepOfTotal, status.lastStep(), status.totalSteps())
                : NLS.bind(Messages.RunLabels_step, status.lastStep());
        if (status.lastLoss() == null) {
            return NLS.bind(Messages.RunLabels_stateSteps, state, steps);
        }
        return NLS.bind(Messages.RunLabels_stateStepsLoss, new Object[] {state, steps, LossFormat.format(status.lastLoss())});
    }

    /** The whole label: name, two spaces, details. */
    public static String text(RunElement run) {
        return name(run) + "  " + details(run.status());
    }

    /** The image key of the run's state; the neutral queued icon when there is no readable status. */
    public static String imageKey(RunStatusSnapshot snapshot) {
        return snapshot.hasStatus() ? UiImages.runState(snapshot.state().jsonName()) : UiImages.unknownRunState();
    }
}
